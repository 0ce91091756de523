/**
 * Checks on a rendered HTML document: parse errors by the HTML standard's parser (cheap, for
 * every document), html-validate's recommended rules (thorough, for a sample), and words that a
 * broken template leaks into what a reader sees.
 */
import { HtmlValidate } from 'html-validate';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

export interface HtmlInspection {
  /** Errors the HTML parsing algorithm reports (unclosed tags, duplicate attributes, stray `<` …). */
  parseErrors: string[];
  /**
   * The strings a reader can meet: text outside style sheets and scripts, and attribute values
   * (titles, alt text, links), except `data:` URLs, whose base64 can spell anything.
   */
  readable: string[];
}

/** Parses once, by the HTML standard's algorithm, and collects both. */
export function inspectHtml(html: string): HtmlInspection {
  const parseErrors: string[] = [];
  const readable: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeName === '#text' && 'value' in node) readable.push(node.value);
    if ('attrs' in node) {
      for (const { value } of node.attrs)
        if (!value.trim().startsWith('data:')) readable.push(value);
    }
    if ('tagName' in node && (node.tagName === 'style' || node.tagName === 'script')) return;
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(
    parse(html, {
      onParseError: (error) =>
        parseErrors.push(`${error.startLine}:${error.startCol} ${error.code}`),
    }),
  );
  return { parseErrors, readable };
}

/** Which of `words` appear in the readable strings. */
export function leakedWords(readable: readonly string[], words: readonly string[]): string[] {
  return words.filter((word) => readable.some((text) => text.includes(word)));
}

let validator: HtmlValidate | undefined;

/** html-validate with its recommended preset: every error as "line:column rule: message". */
export async function htmlValidateErrors(html: string): Promise<string[]> {
  validator ??= new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      // Contact items are unbreakable blocks in the theme's style sheet, so phone numbers keep
      // their plain spaces and hyphens (which copy and paste as typed).
      'tel-non-breaking': ['error', { ignoreClasses: ['contact'] }],
    },
  });
  const report = await validator.validateString(html);
  return report.results.flatMap((result) =>
    result.messages
      .filter((m) => m.severity === 2)
      .map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
  );
}
