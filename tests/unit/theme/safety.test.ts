/**
 * The theme's own guarantees about text and links, checked on the parsed output (parse5, the
 * HTML standard's parser): data never becomes markup, script or template code, and only web, mail,
 * phone and in-page links become hrefs. The same payloads are opened in Chromium by
 * hostile-render.test.ts; this file pins down the rules themselves, field by field.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { hostile, PAYLOADS } from '../../support/hostile.js';
import { htmlToText, normaliseSpace } from '../../../src/maintainer/read-output.js';
import { theme } from '../../support/theme.js';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

function elements(html: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Node): void => {
    if ('tagName' in node) found.push(node);
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
  };
  walk(parse(html));
  return found;
}

const ALLOWED_HREF = /^(https?:\/\/|mailto:|tel:|#)/i;

/** Everything in the page that could run code, load something or point somewhere unsafe. */
function unsafe(html: string): string[] {
  const problems: string[] = [];
  const all = elements(html);
  for (const element of all) {
    const tag = element.tagName;
    const attr = (name: string) => element.attrs.find((a) => a.name === name)?.value;
    // The theme's own contact icons: drawings from the build, hidden from assistive technology.
    const icon =
      tag === 'svg' &&
      /^icon icon-[a-z]+$/.test(attr('class') ?? '') &&
      attr('aria-hidden') === 'true';
    if (
      ['script', 'iframe', 'object', 'embed', 'base', 'link', 'form', 'svg'].includes(tag) &&
      !icon
    )
      problems.push(`<${tag}>`);
    if (tag === 'meta' && element.attrs.some((a) => a.name === 'http-equiv'))
      problems.push('<meta http-equiv>');
    for (const { name, value } of element.attrs) {
      if (name.startsWith('on') || name === 'data-pwned' || name === 'style')
        problems.push(`${tag} ${name}`);
      if (name === 'href' && !ALLOWED_HREF.test(value)) problems.push(`${tag} href=${value}`);
      // The one source the page may name: the photo, when it is an https address.
      const photo =
        tag === 'img' && element.attrs.some((a) => a.name === 'class' && a.value === 'photo');
      if (name === 'src' && !(photo && /^https:\/\//.test(value)))
        problems.push(`${tag} src=${value.slice(0, 40)}`);
    }
  }
  // The theme's three style sheets, all in <head>, and nothing more.
  const styles = all.filter((e) => e.tagName === 'style');
  if (styles.length !== 3) problems.push(`${styles.length} <style> elements`);
  return problems;
}

describe('hostile text in every field', () => {
  it.each(PAYLOADS.map((p) => [JSON.stringify(p).slice(0, 70), p] as const))('%s', (_, payload) => {
    const html = theme.render(hostile(payload));
    expect(unsafe(html)).toEqual([]);
    // Shown as text, template syntax included: `{{…}}` comes out literally.
    expect(htmlToText(html)).toContain(normaliseSpace(payload));
  });
});

describe('the link rule', () => {
  const url = (value: string): Resume => ({
    basics: { name: 'A', url: value, profiles: [{ network: 'Web', url: value }] },
    work: [{ name: 'W', url: value, projects: [{ name: 'S', url: value }] }],
    volunteer: [{ organization: 'V', url: value }],
    education: [{ institution: 'E', url: value }],
    certificates: [{ name: 'C', url: value }],
    publications: [{ name: 'P', url: value }],
    projects: [{ name: 'R', url: value }],
  });
  const hrefs = (html: string) =>
    elements(html).flatMap((e) => e.attrs.filter((a) => a.name === 'href').map((a) => a.value));

  it.each(['https://example.org/x', 'http://example.org', 'mailto:a@example.org', '#top'])(
    'links %s in every url field',
    (value) => {
      expect(hrefs(theme.render(url(value))).filter((h) => h === value)).toHaveLength(9);
    },
  );

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    'ftp://example.org',
    '//example.org',
    'example.org',
    'java\nscript:alert(1)',
  ])('shows %j as text only', (value) => {
    const html = theme.render(url(value));
    expect(hrefs(html)).toEqual([]);
  });

  it('applies the same rule inside Markdown', () => {
    const html = theme.render({
      work: [
        {
          name: 'W',
          summary:
            '[ok](https://example.org) [bad](javascript:alert(1)) <b>raw</b> ![img](https://x.org/i.png)',
        },
      ],
    });
    expect(hrefs(html)).toEqual(['https://example.org']);
    expect(html).toContain('&lt;b&gt;raw&lt;/b&gt;');
    expect(elements(html).filter((e) => e.tagName === 'img')).toEqual([]);
    expect(htmlToText(html)).toContain('bad <b>raw</b> img');
  });

  it('shows a photo when it is embedded or at an https address, as other themes do', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const photo = (basics: Record<string, string>) =>
      elements(theme.render({ basics: { name: 'A', ...basics } })).filter(
        (e) => e.tagName === 'img',
      );
    const src = (basics: Record<string, string>) =>
      photo(basics).map((img) => img.attrs.find((a) => a.name === 'src')?.value);
    expect(src({ image: png })).toEqual([png]);
    // Seen as avatars.githubusercontent.com and gravatar.com addresses in published résumés.
    const avatar = 'https://avatars.example.com/u/1234?v=4';
    expect(src({ image: avatar })).toEqual([avatar]);
    expect(src({ picture: avatar })).toEqual([avatar]);
    expect(htmlToText(theme.render({ basics: { name: 'A', image: avatar } }))).not.toContain(
      'avatars.example.com',
    );
    for (const image of [
      'http://example.org/me.png',
      'javascript:alert(1)',
      'https://example.org/a b.png',
      'data:image/svg+xml;base64,PHN2Zz4=',
    ]) {
      expect(photo({ image })).toEqual([]);
    }
  });
});

describe('the page footer', () => {
  // The footer's text is a CSS string in the page's style element: one string, nothing after it.
  const FOOTER_RULE =
    /@bottom-right \{ content: "((?:[^"\\]|\\[0-9a-f]+ )*)" " \\b7 {2}" counter\(page\) " \/ " counter\(pages\); \}/;

  it.each(PAYLOADS.map((p) => [JSON.stringify(p).slice(0, 70), p] as const))(
    'holds the name as one CSS string: %s',
    (_, payload) => {
      const html = theme.render({ basics: { name: payload } });
      const string = FOOTER_RULE.exec(html)?.[1];
      expect(string).toBeDefined();
      const text = string?.replace(/\\([0-9a-f]+) /g, (_, hex: string) =>
        String.fromCodePoint(parseInt(hex, 16)),
      );
      expect(text).toBe(payload.trim());
    },
  );
});
