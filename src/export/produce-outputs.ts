/**
 * Producing every output in memory, in the plan's order, from one rendered page. Nothing is
 * written here: the outputs are committed together afterwards.
 */
import type { PaperSize, Resume } from 'jsonresume-theme-camera-ready';
import type { OpenedDocument } from '../browser/page.js';
import { BrowserUnavailableError } from '../errors.js';
import type { BrowserSession, PageSource } from './browser-session.js';
import { outputFailure } from './export-errors.js';
import type { PlannedOutput } from './export-plan.js';
import type { Output, OutputContext } from './formats.js';
import type { RenderedTheme } from './theme-render.js';

export interface Produced {
  planned: PlannedOutput;
  output: Output;
  /** How long producing it took. */
  ms: number;
}

/** The rendered résumé every output is made from. */
export interface RenderedResume {
  resume: Resume;
  theme: RenderedTheme;
  paper: PaperSize | undefined;
  /** What the browser loads: the theme's HTML with the fonts for print (print-fonts.ts). */
  page: PageSource;
  baseName: string;
  site: OutputContext['site'];
}

/** What happens around the outputs: see produceOutputs. */
export interface OutputHooks {
  keepWithoutBrowser: (produced: Produced[]) => Promise<unknown>;
  /** The run's own browser, closed once no output needs it; a batch's outlives the résumé. */
  browserDone?: () => void;
}

/**
 * Produces each planned output. When there is no browser, `keepWithoutBrowser` is given the outputs
 * that needed none (the HTML is still useful) before the failure is thrown. Once the last output
 * that needs the browser is done with the page, `browserDone` lets the browser close while that
 * output finishes (a PDF's post-processing, say).
 */
export async function produceOutputs(
  planned: PlannedOutput[],
  rendered: RenderedResume,
  session: BrowserSession | undefined,
  { keepWithoutBrowser, browserDone }: OutputHooks,
): Promise<Produced[]> {
  const lastBrowserOutput = planned.filter((output) => output.writer.needsBrowser).at(-1);
  let opened: Promise<OpenedDocument> | undefined;
  const browser = () => {
    if (!session) throw new Error('An output that needs the browser was planned without one.');
    return session;
  };
  const contextFor = (output: PlannedOutput): OutputContext => ({
    html: rendered.theme.html,
    resume: rendered.resume,
    theme: rendered.theme,
    paper: rendered.paper,
    baseName: rendered.baseName,
    site: rendered.site,
    page: async () => (await (opened ??= browser().open(rendered.page, output.name))).page,
    step: async (step, work) => browser().step(step, output.name, work, (await opened)?.broken),
    pageDone: () => {
      if (output === lastBrowserOutput) browserDone?.();
    },
  });

  const produced: Produced[] = [];
  try {
    for (const output of planned) {
      const startedAt = performance.now();
      try {
        const made = await output.writer.produce(contextFor(output));
        produced.push({ planned: output, output: made, ms: performance.now() - startedAt });
      } catch (error) {
        if (error instanceof BrowserUnavailableError) {
          await keepWithoutBrowser(produced.filter((done) => !done.planned.writer.needsBrowser));
        }
        throw outputFailure(error, output.name);
      }
    }
    return produced;
  } finally {
    // The tab is this résumé's alone: a batch opens a new one for the next.
    const document = await opened?.catch(() => undefined);
    if (document) await session?.closeTab(document.page);
  }
}
