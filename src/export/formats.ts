import type { Page } from 'puppeteer';
import type { PaperSize, Resume } from 'jsonresume-theme-camera-ready';
import { PAPER_SIZES } from 'jsonresume-theme-camera-ready/data';
import type { PageStep } from './browser-session.js';
import { applyPageMargins, headingOutline } from '../browser/page.js';
import { checkPageLength, emulateThemeMedia, paperPixels, printPdf } from './pdf.js';
import type { LoadedTheme } from './theme-loader.js';
import type { SiteRequest } from './site/site-format.js';
import { CARD_FILE, SITE_PAGE, siteFiles } from './site/site-page.js';

/** What every output is made from: the rendered HTML, and the page it is loaded in, on demand. */
export interface OutputContext {
  html: string;
  resume: Resume;
  theme: Pick<LoadedTheme, 'name' | 'pdfRenderOptions'>;
  /** The paper asked for on the command line, if any. */
  paper: PaperSize | undefined;
  /** Every output's file name less its extension; default outputBaseName(). */
  baseName?: string;
  /** What --format site needs beyond the résumé: its options, and the résumé's file for its date. */
  site?: SiteRequest;
  /** The HTML loaded in the run's one browser (loaded on first call, shared by all outputs). */
  page(): Promise<Page>;
  /** Runs one step of this output within its time limit, failing with a message that names it. */
  step<T>(step: PageStep, work: () => Promise<T>): Promise<T>;
  /** Says the output needs the page no more, so the browser can close while it finishes. */
  pageDone(): void;
}

export interface Output {
  data: string | Uint8Array;
  /** Shown after the file name, e.g. "2 pages A4". */
  detail?: string;
  /** Files written beside it, all or none with it (a site's PDF and JSON). */
  companions?: { fileName: string; data: string | Uint8Array }[];
}

export interface FormatWriter {
  extension: string;
  /** Whether the output needs Chromium; HTML alone never starts it. */
  needsBrowser: boolean;
  /** Changes the shared page (viewport, styles): runs after every other output. */
  altersPage?: boolean;
  /** Its file name, when not `<baseName>.<extension>`. */
  fileName?: (baseName: string) => string;
  /** The names of the companion files it may write, checked with the others before any work. */
  companions?: (baseName: string) => string[];
  produce(context: OutputContext): Promise<Output>;
}

/** The PDF, on its own or as part of a site. */
const pdfWriter: FormatWriter = {
  extension: 'pdf',
  needsBrowser: true,
  async produce(context) {
    const page = await context.page();
    // pdf-lib loads only when a PDF is made, while Chromium prints.
    const postProcessing = import('./printed-pdf.js');
    postProcessing.catch(() => undefined);
    const { headings, printed } = await context.step('print', async () => {
      // The headings are read in the media the page is printed in: print styles may hide some.
      await emulateThemeMedia(page, context.theme.pdfRenderOptions);
      await checkPageLength(page, context.theme.pdfRenderOptions, context.paper);
      const headings = await headingOutline(page);
      return {
        headings,
        printed: await printPdf(page, context.theme.pdfRenderOptions, context.paper),
      };
    });
    context.pageDone();
    const pdf = await context.step('post-processing', async () => {
      const { finalizePdf, pdfMetadataFor } = await postProcessing;
      return finalizePdf(printed, pdfMetadataFor(context.resume), headings);
    });
    const pages = `${pdf.pages} ${pdf.pages === 1 ? 'page' : 'pages'}`;
    return { data: pdf.bytes, detail: `${pages} ${pdf.paper}` };
  },
};

/** Every output format by name; `--format` accepts these keys. */
export const FORMATS = {
  html: {
    extension: 'html',
    needsBrowser: false,
    produce: async ({ html }) => ({ data: html }),
  },
  pdf: pdfWriter,
  txt: {
    extension: 'txt',
    needsBrowser: false,
    async produce({ resume }) {
      const [{ buildViewModel }, { renderText }] = await Promise.all([
        import('jsonresume-theme-camera-ready'),
        import('./text/plain-text.js'),
      ]);
      return { data: renderText(buildViewModel(resume)), detail: '80 columns' };
    },
  },
  md: {
    extension: 'md',
    needsBrowser: false,
    async produce({ resume }) {
      const [{ buildViewModel }, { renderMarkdown }] = await Promise.all([
        import('jsonresume-theme-camera-ready'),
        import('./text/markdown.js'),
      ]);
      return { data: renderMarkdown(buildViewModel(resume)) };
    },
  },
  bib: {
    extension: 'bib',
    needsBrowser: false,
    async produce({ resume }) {
      const { writeBib } = await import('../bib/write.js');
      const { text, entries } = writeBib(resume);
      return { data: text, detail: `${entries} ${entries === 1 ? 'entry' : 'entries'}` };
    },
  },
  png: {
    extension: 'png',
    needsBrowser: true,
    altersPage: true,
    async produce(context) {
      const size = paperPixels(previewPaper(context));
      const page = await context.page();
      const data = await context.step('screenshot', async () => {
        // A preview of page 1 as printed: print styles, the page margins, the paper's width,
        // twice the pixels.
        await page.emulateMediaType('print');
        await applyPageMargins(page);
        await page.setViewport({ ...size, deviceScaleFactor: 2 });
        return page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...size } });
      });
      context.pageDone();
      return { data, detail: `page 1 preview, ${size.width * 2} × ${size.height * 2} px` };
    },
  },
  site: {
    extension: 'html',
    needsBrowser: true,
    // The card is drawn last, on the page the PDF was printed from.
    altersPage: true,
    fileName: () => SITE_PAGE,
    companions: (baseName) => {
      const { pdf, json } = siteFiles(baseName);
      return [pdf, json, CARD_FILE];
    },
    async produce(context) {
      const { produceSite } = await import('./site/site-format.js');
      return produceSite(context, pdfWriter);
    },
  },
} satisfies Record<string, FormatWriter>;

export type FormatName = keyof typeof FORMATS;

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

/** Whether `name` is one of FORMATS' own keys (not one inherited from Object, such as "toString"). */
export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}

/** --paper, else the résumé's own paper option when it names a known one (unchecked with --force), else A4. */
function previewPaper(context: OutputContext): PaperSize {
  const option: unknown = context.resume.meta?.themeOptions?.paper;
  return context.paper ?? PAPER_SIZES.find((paper) => paper === option) ?? 'a4';
}
