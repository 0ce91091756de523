/**
 * Hostile résumés: every string field carries one attack. Each payload that could run script sets
 * `window.__pwned`, each injected element carries a `data-pwned` attribute, and each payload that
 * could fetch something points at `evil.example`, so a test can see any of them take effect.
 */
import type { Resume, SectionKey } from 'jsonresume-theme-camera-ready';
import { fixture } from '../fixtures/full-extended.js';
import { theme } from './theme.js';

const { SECTION_KEYS } = theme;

export const PAYLOADS: readonly string[] = [
  // Markup and event handlers.
  '<script data-pwned>window.__pwned = "script"</script>',
  '<img data-pwned src=x onerror="window.__pwned = \'img\'">',
  '<svg data-pwned onload="window.__pwned = \'svg\'"><circle r="1"/></svg>',
  '<iframe data-pwned src="https://evil.example/frame"></iframe>',
  '<object data-pwned data="https://evil.example/object"></object><embed data-pwned src="https://evil.example/embed">',
  '<a data-pwned href="javascript:window.__pwned = \'anchor\'">click</a>',
  '<details data-pwned open ontoggle="window.__pwned = \'toggle\'">x</details>',
  '<base data-pwned href="https://evil.example/"><link data-pwned rel="stylesheet" href="https://evil.example/x.css">',
  '<meta data-pwned http-equiv="refresh" content="0;url=https://evil.example/refresh">',
  // Breaking out of attributes and elements.
  '" onmouseover="window.__pwned = \'attr\'" data-pwned="',
  "' onfocus='window.__pwned = \"attr2\"' autofocus data-pwned='",
  '</textarea></title></style></script><script data-pwned>window.__pwned = "close"</script>',
  '--><script data-pwned>window.__pwned = "comment"</script><!--',
  // URLs with dangerous schemes (also land in url, email and image fields).
  'javascript:window.__pwned = "url"',
  ' JaVaScRiPt:window.__pwned = "case"',
  'java\tscript:window.__pwned = "tab"',
  '\u0001javascript:window.__pwned = "control"',
  'data:text/html,<script data-pwned>window.__pwned = "data"</script>',
  'data:image/svg+xml,<svg data-pwned onload="window.__pwned = \'datasvg\'"/>',
  'vbscript:msgbox("pwned")',
  '//evil.example/protocol-relative',
  'https://evil.example/plain-link.png',
  // Template syntax: Handlebars must treat data as data.
  '{{constructor.constructor("window.__pwned = \'hbs\'")()}}',
  '{{{resume}}}{{> layout}}{{#each this}}{{this}}{{/each}}',
  '{{lookup . "constructor"}}{{@root}}\\{{escaped}}',
  // CSS: leaving the style sheet, or changing it from inside a value.
  '</style><style data-pwned>*{display:none}body{background:url(https://evil.example/css)}</style>',
  '"};body{background:url(https://evil.example/css2)}*{display:none}',
  'red;background-image:url(https://evil.example/css3)',
  '#000;}@import url(https://evil.example/import.css);{',
  // Markdown: links and images with dangerous targets, raw HTML inside Markdown.
  '[click](javascript:window.__pwned="md")',
  '[click](JAVASCRIPT:window.__pwned="md2") [x](vbscript:msgbox(1)) [y](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![image](https://evil.example/md.png) ![x](javascript:window.__pwned="mdimg")',
  '<javascript:window.__pwned="autolink"> <https://evil.example/autolink>',
  '**bold <img data-pwned src=x onerror="window.__pwned=\'mdhtml\'">** and *<script data-pwned>window.__pwned="mdscript"</script>*',
  '[link](https://evil.example/ "title\\" onmouseover=\\"window.__pwned=\'mdtitle\'")',
  '[ref][r]\n\n[r]: javascript:window.__pwned="refdef"',
  '<a href="https://evil.example/raw" data-pwned>raw</a>',
  // After <code>, <kbd>, <pre> or <script>, marked hands over text as raw HTML: an unclosed tag.
  '<code><img src=x onerror=window.__pwned=1 x=',
];

/**
 * Every field of JSON Resume and of the extensions (the typed fixture, which tsc keeps complete),
 * plus a position without sub-projects so its highlights are shown too. `hostile()` replaces each
 * string in it; the fixture's values only give the shape.
 */
const { projects: _, ...positionWithHighlights } = fixture.work[0]!;
const EVERY_FIELD: Resume = { ...fixture, work: [...fixture.work, positionWithHighlights] };

/** Replaces every string in `value`, depth first, with `next()`. */
function replaceStrings(value: unknown, next: () => string): unknown {
  if (typeof value === 'string') return next();
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, next));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, replaceStrings(item, next)]),
    );
  }
  return value;
}

function withSectionOptions(resume: Resume, text: (index: number) => string): Resume {
  const byKey = Object.fromEntries(SECTION_KEYS.map((key, index) => [key, text(index)]));
  // Sections, titles and notes are keyed by section name: all shown, each carrying a payload.
  return {
    ...resume,
    meta: {
      ...resume.meta,
      themeOptions: {
        ...resume.meta?.themeOptions,
        // Not a section name: the cast is the point, a theme must cope with unvalidated input.
        sections: [...SECTION_KEYS, text(SECTION_KEYS.length)] as SectionKey[],
        sectionTitles: byKey,
        sectionNotes: byKey,
      },
    },
  };
}

/**
 * Every string field set to `payload`, every section shown, every section title and note set to
 * it too. Enum fields (status, paper, section names) get the payload as well: a theme must not
 * trust that the résumé was validated.
 */
export function hostile(payload: string): Resume {
  const resume = replaceStrings(EVERY_FIELD, () => payload) as Resume;
  return withSectionOptions(resume, () => payload);
}

/** Every payload at once, one per field in turn. */
export function hostileMix(): Resume {
  let index = 0;
  const next = (): string => PAYLOADS[index++ % PAYLOADS.length] ?? '';
  const resume = replaceStrings(EVERY_FIELD, next) as Resume;
  return withSectionOptions(resume, (offset) => PAYLOADS[offset % PAYLOADS.length] ?? '');
}
