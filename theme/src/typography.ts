/**
 * Typewriter apostrophes made typographic in the page's text: "ICLR'22" → "ICLR’22", "Master's"
 * → "Master’s". Only between letters or digits, where the mark can only be an apostrophe, and
 * only in the body's text: attributes (a link's address keeps its characters), the head and the
 * styles are left as written. The résumé's data is not changed.
 */
const APOSTROPHE = /(?<=[\p{L}\p{N}])(?:'|&#x27;|&#39;)(?=[\p{L}\p{N}])/gu;

/** Text between tags; escaped text holds no "<" or ">", so this never reaches inside a tag. */
const TEXT = />([^<>]+)</g;

export function typographicApostrophes(html: string): string {
  const body = html.indexOf('<body');
  if (body === -1) return html;
  return (
    html.slice(0, body) +
    html.slice(body).replace(TEXT, (_, text: string) => `>${text.replace(APOSTROPHE, '’')}<`)
  );
}
