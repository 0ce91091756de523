/** The shape of a diagnostic's text, and the helpers every group of messages writes values with. */
import { printable } from '../printable.js';

export interface MessageText {
  message: string;
  hint?: string;
}

/** A text that depends on nothing: the same message (and hint) every time. */
export function fixedText(message: string, hint?: string): () => MessageText {
  return () => (hint === undefined ? { message } : { message, hint });
}

const QUOTE_LIMIT = 60;

/** JSON as printed: its control characters escaped, DEL and C1 included. */
const json = (value: unknown): string => printable(JSON.stringify(value) ?? String(value));

/**
 * A value as it appears in JSON, shortened so one bad value cannot flood the terminal. A
 * shortened text keeps its closing quote, and a shortened list or object its closing bracket.
 */
export function quote(value: unknown): string {
  const text = json(value);
  if (text.length <= QUOTE_LIMIT) return text;
  if (typeof value === 'string') {
    // Cut whole characters (never half a surrogate pair), then quote, so escapes stay whole.
    const characters = Array.from(value);
    let keep = QUOTE_LIMIT - 3;
    let shortened = json(`${characters.slice(0, keep).join('')}…`);
    while (shortened.length > QUOTE_LIMIT && keep > 0) {
      keep -= 1;
      shortened = json(`${characters.slice(0, keep).join('')}…`);
    }
    return shortened;
  }
  // A list or an object: close an open string and the bracket after the cut.
  let head = text.slice(0, QUOTE_LIMIT - 4).replace(/(?<!\\)((?:\\\\)*)\\$/, '$1');
  const quotes = (head.match(/(?<!\\)(?:\\\\)*"/g) ?? []).length;
  if (quotes % 2 === 1) head += '…"';
  else head += '…';
  return `${head}${text.at(-1) ?? ''}`;
}

/** Plain words for JSON Schema types. */
const TYPE_WORDS: Record<string, string> = {
  string: 'text in double quotes',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list [ … ]',
  object: 'an object { … }',
  null: 'null',
};

export function typeWords(type: string): string {
  return TYPE_WORDS[type] ?? type;
}
