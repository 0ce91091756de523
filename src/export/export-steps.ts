/**
 * The steps of an export that run in the browser or on its output, each with a time limit and a
 * failure message that names the step, so nothing of ours is blamed on the browser and a browser
 * that died is not blamed on the theme.
 */
import { describeError } from '../errors.js';
import { ExportStepError, UserFacingError } from '../errors.js';

export type PageStep = 'page' | 'print' | 'screenshot' | 'post-processing';

/** The default --timeout: a CV renders and prints in a second or two; this leaves room for a slow machine. */
export const DEFAULT_TIMEOUT_MS = 30_000;

const STEPS: Record<PageStep, { doing: string; failed: string; slow: string }> = {
  page: {
    doing: 'loading the page',
    failed: 'The HTML the theme returned could not be loaded.',
    slow: 'a script in the theme may loop forever, or a font or image never finish loading',
  },
  print: {
    doing: 'printing the PDF',
    failed:
      'If the theme sets pdfRenderOptions, check them: scale between 0.1 and 2, sizes and margins valid CSS lengths.',
    slow: 'a script in the page may be keeping it busy',
  },
  screenshot: {
    doing: 'taking the PNG preview',
    failed: 'The page could not be captured.',
    slow: 'a script in the page may be keeping it busy',
  },
  'post-processing': {
    doing: 'finishing the PDF (metadata, bookmarks, paper size)',
    failed:
      'This is a fault in the exporter itself, not in the browser: please report it with the résumé that causes it.',
    slow: 'the PDF may be very large',
  },
};

const UNCHANGED = 'The previous files in the output folder are unchanged.';

export interface StepLimits {
  /** The format being produced, e.g. "pdf". */
  format: string;
  timeoutMs: number;
  /** Rejects when the page breaks (navigates away, opens a dialog): ends the step at once. */
  broken?: Promise<never>;
  /** Whether the browser process is gone (crashed or killed). */
  browserGone(): boolean;
}

/** Runs one step within its time limit; any failure becomes an ExportStepError naming the step. */
export async function runStep<T>(
  step: PageStep,
  work: () => Promise<T>,
  limits: StepLimits,
): Promise<T> {
  const { doing, failed, slow } = STEPS[step];
  const prefix = `Export to ${limits.format.toUpperCase()} failed`;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ExportStepError(
            `${prefix}: ${doing} took longer than ${limits.timeoutMs / 1000} s and was stopped; ${slow}. Raise the limit with --timeout if it is only slow. ${UNCHANGED}`,
          ),
        ),
      limits.timeoutMs,
    );
  });
  try {
    return await Promise.race([work(), timeout, ...(limits.broken ? [limits.broken] : [])]);
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    const detail = describeError(error);
    const closed =
      step !== 'post-processing' &&
      (limits.browserGone() ||
        (error instanceof Error &&
          ['TargetCloseError', 'ConnectionClosedError'].includes(error.name)));
    throw new ExportStepError(
      closed
        ? `${prefix}: the browser stopped responding or was closed while ${doing} (${detail}). ${UNCHANGED}`
        : `${prefix} while ${doing}: ${detail.replace(/\.?$/, '.')} ${failed} ${UNCHANGED}`,
    );
  } finally {
    clearTimeout(timer);
  }
}
