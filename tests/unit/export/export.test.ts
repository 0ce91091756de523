/** The phase timings behind `--timings`, on a clock the test moves by hand. */
import { describe, expect, it } from 'vitest';
import { createTimings } from '../../../src/export/export.js';

describe('createTimings', () => {
  it('adds up each phase, a batch’s résumés included, and rounds to whole milliseconds', async () => {
    let now = 0;
    const timings = createTimings(() => now);
    await timings.measure('validate', async () => {
      now += 12.4;
    });
    await timings.measure('validate', async () => {
      now += 7.4;
    });
    timings.add('browserStart', 300.6);
    expect(timings.summary()).toEqual({
      start: 0,
      validate: 20,
      render: 0,
      browserStart: 301,
      load: 0,
      print: 0,
      postProcess: 0,
      write: 0,
    });
  });

  it('counts a phase that failed up to its failure', async () => {
    let now = 100;
    const timings = createTimings(() => now);
    const failed = timings.measure('render', async () => {
      now += 40;
      throw new Error('theme exploded');
    });
    await expect(failed).rejects.toThrow('theme exploded');
    expect(timings.summary().render).toBe(40);
  });
});
