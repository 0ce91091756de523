/**
 * How tall an entry will print, estimated from its text: an entry that keeps together
 * (`break-inside: avoid`) and is taller than half a page leaves the page before it a third or
 * more empty, so such an entry may break between its bullets instead. Measured in lines of the
 * page's full measure; the estimate only has to tell a long entry from an ordinary one.
 */

/** Letters on one bullet line of an A4 or Letter page in the body font. */
const LINE = 95;
/** Lines of body text in half a page, less the section's head. */
const HALF_PAGE = 28;
/** Chinese characters, kana and Hangul take the room of two letters. */
const FULL_WIDTH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function lines(text: string): number {
  let width = 0;
  for (const char of text) width += FULL_WIDTH.test(char) ? 2 : 1;
  return Math.max(1, Math.ceil(width / LINE));
}

/** Whether an entry with a two-line head and these paragraphs is taller than half a page. */
export function tallerThanHalfAPage(paragraphs: readonly string[]): boolean {
  const head = 2;
  return head + paragraphs.reduce((sum, text) => sum + lines(text), 0) > HALF_PAGE;
}
