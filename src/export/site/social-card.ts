/**
 * The 1200 × 630 image a shared link shows: name, label and affiliation, drawn by the Chromium that
 * printed the PDF, in the page's own fonts (the theme's @font-face rules stay in the head; only
 * the body is replaced). The text is set with textContent, never parsed as markup.
 */
import type { Page } from 'puppeteer';

export const CARD_SIZE = { width: 1200, height: 630 } as const;

export interface CardText {
  name: string;
  label?: string;
  affiliation?: string;
  /** The theme's accent colour (a validated #rrggbb). */
  accent: string;
}

/** Replaces the loaded page's body with the card and captures it. Alters the page for good. */
export async function drawCard(page: Page, card: CardText): Promise<Uint8Array> {
  await page.emulateMediaType('screen');
  await page.setViewport({ ...CARD_SIZE, deviceScaleFactor: 1 });
  await page.evaluate(
    (text, size) => {
      // The fonts the theme gives its heading, its label and its body text, read before the body goes.
      const fontOf = (selector: string, fallback: Element) => {
        const style = getComputedStyle(document.querySelector(selector) ?? fallback);
        return { family: style.fontFamily, weight: style.fontWeight };
      };
      const heading = fontOf('h1', document.body);
      const label = fontOf('.label', document.body);
      const body = fontOf('body', document.body);
      const line = (
        content: string | undefined,
        font: { family: string; weight: string },
        px: number,
        color: string,
      ) => {
        const element = document.createElement('div');
        element.textContent = content ?? '';
        Object.assign(element.style, {
          fontFamily: font.family,
          fontWeight: font.weight,
          fontSize: `${px}px`,
          lineHeight: '1.2',
          color,
          overflowWrap: 'anywhere',
        });
        return element;
      };
      const card = document.createElement('div');
      Object.assign(card.style, {
        position: 'fixed',
        inset: '0',
        width: `${size.width}px`,
        height: `${size.height}px`,
        boxSizing: 'border-box',
        padding: '72px 96px',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        gap: '28px',
        background: '#fbfbf9',
        borderInlineStart: `24px solid ${text.accent}`,
        overflow: 'hidden',
      });
      card.append(line(text.name, heading, 76, text.accent));
      if (text.label) card.append(line(text.label, label, 38, '#1a1a1a'));
      if (text.affiliation) card.append(line(text.affiliation, body, 32, '#4d4d4d'));
      document.body.replaceChildren(card);
      document.body.style.margin = '0';
    },
    card,
    CARD_SIZE,
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...CARD_SIZE } });
}
