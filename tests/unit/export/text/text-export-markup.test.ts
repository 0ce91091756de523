/**
 * resume.md and resume.txt carry text, never markup of their own: Markdown rendered by a
 * CommonMark renderer (marked without GitHub extensions) yields only the elements and attributes
 * the résumé asked for, with the text intact; the plain text has no control or escape characters;
 * HTML entities decode alike, named or numeric.
 *
 * Hostile fragments are the ones that broke out before: a code span with two backticks around
 * raw HTML, block marks at the start of a line, entity references, terminal escape sequences.
 */
import fc from 'fast-check';
import { Marked } from 'marked';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../src/export/text/markdown.js';
import { renderText } from '../../../../src/export/text/plain-text.js';
import { normaliseSpace } from '../../../../src/maintainer/read-output.js';
import { theme } from '../../../support/theme.js';

type Node = DefaultTreeAdapterMap['node'];

const commonMark = new Marked({ gfm: false, async: false });

/**
 * An address with its percent-escapes decoded, so `>` and `%3E` compare alike; a `%` that starts
 * no escape stays as it is.
 */
function decoded(href: string): string {
  return href.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Every element in rendered Markdown with its attributes, e.g. `a[href=https://x.org]`. */
function elementsOf(markdown: string): string[] {
  return htmlElements(commonMark.parse(markdown) as string);
}

function htmlElements(html: string): string[] {
  const found: string[] = [];
  const walk = (node: Node): void => {
    if ('tagName' in node) {
      const attributes = node.attrs
        .map((a) => `[${a.name}=${a.name === 'href' ? decoded(a.value) : a.value}]`)
        .join('');
      found.push(`${node.tagName}${attributes}`);
    }
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parseFragment(html));
  return found;
}

const textOf = (node: Node): string =>
  node.nodeName === '#text' && 'value' in node
    ? node.value
    : 'childNodes' in node
      ? node.childNodes.map(textOf).join(' ')
      : '';

/** The text a reader sees in rendered Markdown, one entry per element of `tag`. */
function textsOf(markdown: string, tag: string): string[] {
  const html = commonMark.parse(markdown) as string;
  const found: string[] = [];
  const text = textOf;
  const walk = (node: Node): void => {
    if ('tagName' in node && node.tagName === tag) found.push(normaliseSpace(text(node)));
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parseFragment(html));
  return found;
}

/** What the renderer may produce from structure alone: headings, paragraphs, lists, emphasis. */
const STRUCTURE = /^(h1|h2|p|ul|ol(\[start=\d+\])?|li|br|strong|em)$/;

const FRAGMENTS = [
  '``',
  '`',
  '```',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[click](javascript:alert(1))',
  '![pixel](https://tracker.example/p.png)',
  '<https://example.org>',
  '&copy;',
  '&#60;b&#62;',
  '&lt;i&gt;',
  '---',
  '===',
  '***',
  '# ',
  '#',
  '1. ',
  '2)',
  '- ',
  '+ ',
  '> ',
  '    ',
  '\t',
  '*a*',
  '__b__',
  '~~c~~',
  '|a|b|',
  '\\',
  '\n',
  '\r\n',
  '\u001b[31m',
  '\u001b]0;title\u0007',
  '\u0007',
  '\u009b2J',
  'word',
  'x',
  ' ',
];

const hostile = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), {
    minLength: 1,
    maxLength: 10,
  })
  .map((parts) => parts.join(''))
  .filter((text) => text.trim() !== '');

/** What the page shows of plain text: control characters gone, white space collapsed. */
const shown = (text: string) =>
  normaliseSpace(
    text.replace(
      /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
      '',
    ),
  );

function resumeWith(name: string, label: string, employer: string, highlight: string): Resume {
  return {
    basics: { name, label },
    work: [{ name: employer, position: 'Engineer', startDate: '2020', highlights: [highlight] }],
  };
}

describe('resume.md', () => {
  it('shows a code span with two backticks as code, with no live image after it', () => {
    const source = '``` a``<img src=x onerror=alert(1)>``b ```';
    const html = theme.buildViewModel(resumeWith('Ada Example', '', 'Lab', source));
    const markdown = renderMarkdown(html);
    expect(elementsOf(markdown).filter((e) => e.startsWith('img'))).toEqual([]);
    expect(textsOf(markdown, 'code')).toEqual(['a``<img src=x onerror=alert(1)>``b']);
  });

  it('keeps parentheses inside a link address, so no image can follow the link', () => {
    // Found by the property test below: marked's autolink took the image into the address.
    const source = '\\<https://example.org>![pixel](https://tracker.example/p.png)';
    const markdown = renderMarkdown(theme.buildViewModel(resumeWith('Ada', '', 'Lab', source)));
    expect(elementsOf(markdown).filter((e) => e.startsWith('img'))).toEqual([]);
  });

  it('keeps a character reference in a link address as the page has it', () => {
    // Found by the property test below: `&copy;` in the address was decoded by Markdown readers.
    const source = '\\<https://example.org>&copy;-';
    const vm = theme.buildViewModel(resumeWith('Ada', '', 'Lab', source));
    expect(elementsOf(renderMarkdown(vm)).filter((e) => e.startsWith('a'))).toEqual([
      'a[href=https://example.org>&copy;-]',
    ]);
  });

  it('keeps an address whole when it holds a terminal escape sequence', () => {
    // Found by the property test below: the sequence was cut out of the address with its text.
    const source = '\\<https://example.org>\u009b2J';
    const vm = theme.buildViewModel(resumeWith('Ada', '', 'Lab', source));
    expect(elementsOf(renderMarkdown(vm)).filter((e) => e.startsWith('a'))).toEqual([
      'a[href=https://example.org>\u009b2J]',
    ]);
    expect(renderText(vm)).toContain('<https://example.org>%C2%9B2J>');
  });

  it('keeps a code span whose text starts or ends with a backtick exactly', () => {
    const vm = theme.buildViewModel(resumeWith('Ada Example', '', 'Lab', '`` `x` ``'));
    expect(textsOf(renderMarkdown(vm), 'code')).toEqual(['`x`']);
  });

  it('yields only the elements and attributes the résumé asked for, and all of its text (property)', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (name, label, employer, highlight) => {
        const resume = resumeWith(name, label, employer, highlight);
        const vm = theme.buildViewModel(resume);
        const markdown = renderMarkdown(vm);
        const elements = elementsOf(markdown);
        // The highlight is Markdown: what the page shows of it (the theme's safe HTML) is asked for.
        const highlightHtml = vm.sections[0]?.key === 'work' ? vm.sections[0].entries : [];
        const asked = new Set(
          htmlElements(
            highlightHtml.flatMap((entry) => entry.highlights.map((h) => h.html)).join(' '),
          ),
        );
        const unasked = elements.filter((e) => !STRUCTURE.test(e) && !asked.has(e));
        expect(unasked, markdown).toEqual([]);
        expect(textsOf(markdown, 'h1'), markdown).toEqual([shown(name)]);
        const page = normaliseSpace(textOf(parseFragment(commonMark.parse(markdown) as string)));
        expect(page, markdown).toContain(shown(label));
        expect(page, markdown).toContain(shown(employer));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('resume.txt', () => {
  it('strips terminal escape sequences and control characters (property)', () => {
    fc.assert(
      fc.property(hostile, hostile, (name, highlight) => {
        const text = renderText(theme.buildViewModel(resumeWith(name, 'Label', 'Lab', highlight)));

        expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        // Long words are broken at 80 columns: compare without white space.
        const dense = (value: string) => value.replace(/\s/g, '');
        expect(dense(text)).toContain(dense(shown(name).toUpperCase()));
      }),
      { numRuns: 300 },
    );
  });

  it('decodes named entities as it decodes numeric ones', () => {
    const vm = theme.buildViewModel(
      resumeWith('Ada Example', '', 'Lab', '&copy; 2024 &#169; &eacute;t&eacute; &amp; more'),
    );
    const text = renderText(vm);
    expect(text).toContain('© 2024 © été & more');
    expect(textsOf(renderMarkdown(vm), 'li')).toContain('© 2024 © été & more');
  });
});
