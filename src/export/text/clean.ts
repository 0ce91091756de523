/**
 * Terminal control: escape sequences (CSI, OSC) whole, then every other C0 and C1 control
 * character but tab and line feed. A résumé is text; in a terminal these would move the cursor,
 * recolour, retitle the window or hide lines.
 */
const CONTROL =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text as it enters both renderings: no control characters, and no line breaks of its own. */
export function clean(text: string): string {
  return text.replace(CONTROL, '').replace(/\n+/g, ' ');
}

/** `char` as percent-escapes of its UTF-8 bytes. */
export function percentEncode(char: string): string {
  return [...new TextEncoder().encode(char)]
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}

/**
 * An address as plain text: its control characters percent-encoded rather than dropped, so the
 * address stays the one the page links to and the terminal is left alone.
 */
export function cleanAddress(address: string): string {
  return address.replace(/[\u0000-\u001f\u007f-\u009f]/g, percentEncode);
}
