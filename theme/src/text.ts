/**
 * Defensive readers for résumé fields. Input is JSON a person wrote by hand and may not have
 * been validated, so every reader accepts `unknown` and returns a clean value instead of
 * throwing or leaking `undefined` / `[object Object]` into the page.
 */

/** A trimmed string for strings and finite numbers; '' for anything else. */
export function str(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** The value when it is an array, else an empty one. */
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value when it is a plain object, else an empty one. */
export function obj(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The non-empty strings of a list, trimmed; one string or number counts as a list of one. */
export function strings(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map(str).filter((s) => s !== '');
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
};

/** Plain text of the HTML this theme produces (tags dropped, its own entities decoded). */
export function htmlToText(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** `<br>`, `<br/>` or `<br />` as escaped text. */
const ESCAPED_BREAK = /&lt;br\s*\/?&gt;/gi;

/**
 * A `<br>` the person typed (for themes that insert text as HTML) is the line break they meant
 * (escaped HTML in, HTML out); any other tag stays text.
 */
export function lineBreaks(escaped: string): string {
  return escaped.replace(ESCAPED_BREAK, '<br>');
}

/** Compound words such as "hot-refresh" or "multi-GPU", short enough to never need a break. */
const HYPHENATED = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;
const LONGEST_KEPT = 40;
/** Arrows and spaced slashes stay with the word before: never "→ 27" or "/ x" starting a line. */
const SPACE_BEFORE_ARROW_OR_SLASH = / (?=[←↑→↓↔⇐⇒⇔]|\/ )/g;

/**
 * Keeps words together that must not break (escaped HTML in, HTML out). A line broken after a
 * hyphen reads as hyphenation to PDF text extractors, which then join "hot-" and "refresh" into
 * "hotrefresh"; very long compounds may still break so they never overflow the page.
 */
export function keepTogether(escaped: string): string {
  return escaped
    .replace(SPACE_BEFORE_ARROW_OR_SLASH, '\u00a0')
    .replace(HYPHENATED, (word) =>
      word.length > LONGEST_KEPT ? word : `<span class="nobr">${word}</span>`,
    );
}
