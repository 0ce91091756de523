/** The shape of a diagnostic's text, and the helpers every group of messages writes values with. */

export interface MessageText {
  message: string;
  hint?: string;
}

/** A text that depends on nothing: the same message (and hint) every time. */
export function fixedText(message: string, hint?: string): () => MessageText {
  return () => (hint === undefined ? { message } : { message, hint });
}

const QUOTE_LIMIT = 60;

/**
 * Control characters (C0, DEL, C1) as the `\u001b` escapes JSON writes, so a value printed to a
 * terminal cannot move the cursor, recolour or retitle it. JSON.stringify leaves DEL and C1 (the
 * one-byte CSI U+009B among them) as they are; this covers them too.
 */
export function escapeControls(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** JSON as printed: its control characters escaped, DEL and C1 included. */
const json = (value: unknown): string => escapeControls(JSON.stringify(value) ?? String(value));

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
