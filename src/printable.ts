/**
 * Text from the outside world (a résumé, a .bib file, a theme, a file name) made safe to print on
 * a terminal. Every command's printing path passes such text through `printable`: the failure
 * line, progress lines, the validator's report, the import's summary and JSON on stdout.
 */

/**
 * Control characters (C0 but line breaks and tabs, DEL, C1) and the bidirectional embedding,
 * override and isolate marks: an escape sequence could otherwise move the cursor, hide or recolour
 * lines or set the window title, and a mark could reorder what is read.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Each character above written as its JSON escape (`\u001b`), so it is seen rather than obeyed,
 * and JSON text stays valid JSON. Colours are added after, by the program itself.
 */
export function printable(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
