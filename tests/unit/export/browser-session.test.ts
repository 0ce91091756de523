/** The export's browser steps: each fails with a message that names the step, within its limit. */
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../../src/cli/run-command.js';
import { ExportStepError } from '../../../src/errors.js';
import { runStep } from '../../../src/export/browser-session.js';

describe('runStep', () => {
  const limits = { format: 'pdf', timeoutMs: 5000, browserGone: () => false };

  it('names our own post-processing, not the browser, when it throws', async () => {
    const failure = runStep(
      'post-processing',
      () => Promise.reject(new TypeError('skills is not iterable')),
      { ...limits, browserGone: () => true },
    );
    await expect(failure).rejects.toThrow(
      /^Export to PDF failed while finishing the PDF \(metadata, bookmarks, paper size\): skills is not iterable\. This is a fault in the exporter itself/,
    );
  });

  it('blames the browser only when it is gone', async () => {
    const failure = runStep('print', () => Promise.reject(new Error('Target closed')), {
      ...limits,
      browserGone: () => true,
    });
    await expect(failure).rejects.toThrow(
      /^Export to PDF failed: the browser stopped responding or was closed while printing the PDF/,
    );
  });

  it('stops a step that outlasts its limit, naming it', async () => {
    const failure = runStep('page', () => new Promise<never>(() => undefined), {
      ...limits,
      timeoutMs: 50,
    });
    const error = await failure.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExportStepError);
    expect(exitCodeFor(error)).toBe(3);
    expect(error).toMatchObject({
      message: expect.stringMatching(
        /^Export to PDF failed: loading the page took longer than 0\.05 s/,
      ),
    });
  });

  it('ends at once when the page breaks', async () => {
    const broken = Promise.reject(new ExportStepError('The page tried to leave the résumé'));
    const failure = runStep('print', () => new Promise<never>(() => undefined), {
      ...limits,
      broken,
    });
    await expect(failure).rejects.toThrow('The page tried to leave the résumé');
  });
});
