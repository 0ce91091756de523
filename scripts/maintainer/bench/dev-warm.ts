/**
 * The preview's warm path: `npm run dev -- --pdf` on a copy of the seed CV, the copy saved again
 * and again, each time from the save to the new PDF on disk.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { describeError } from '../../../src/errors.js';
import { run } from '../../../src/maintainer/run.js';
import { fingerprint, ms, percentile, waitUntil } from './measure.js';

export interface DevWarmContext {
  root: string;
  scratch: string;
  seed: string;
  saves: number;
  log: (line: string) => void;
}

/** Saves before these are not counted: the first renders warm the theme and the page. */
const WARM_UP_SAVES = 2;
const PDF_TIMEOUT_MS = 60_000;
const WATCH_START_MS = 1000;

export async function devWarmSection(context: DevWarmContext): Promise<string[]> {
  const { root, scratch, saves, log } = context;
  const folder = join(scratch, 'dev');
  mkdirSync(folder, { recursive: true });
  const resumePath = join(folder, 'resume.json');
  copyFileSync(context.seed, resumePath);
  const seed = JSON.parse(readFileSync(resumePath, 'utf8')) as Resume;
  const pdf = join(folder, 'out', 'resume.pdf');

  const stop = new AbortController();
  const dev = run(
    process.execPath,
    [
      ...['build/scripts/dev.js', '--pdf', '--port', '0'],
      ...['--resume', resumePath, '--out', join(folder, 'out')],
    ],
    { cwd: root, signal: stop.signal, timeoutMs: 30 * 60_000 },
  );
  const times: number[] = [];
  try {
    await waitUntil(() => fingerprint(pdf) !== '', PDF_TIMEOUT_MS, dev);
    // The preview starts watching the résumé right after its first render: a save before that
    // would go unseen.
    await delay(WATCH_START_MS);
    for (let save = 0; save < WARM_UP_SAVES + saves; save += 1) {
      const before = fingerprint(pdf);
      // A new lastModified each time: a real change, which the preview renders and prints.
      const seconds = String(save % 60).padStart(2, '0');
      const minutes = String(Math.floor(save / 60) % 60).padStart(2, '0');
      const text = JSON.stringify(
        { ...seed, meta: { ...seed.meta, lastModified: `2026-01-01T00:${minutes}:${seconds}` } },
        null,
        2,
      );
      const savedAt = performance.now();
      writeFileSync(resumePath, text);
      await waitUntil(() => fingerprint(pdf) !== before, PDF_TIMEOUT_MS, dev);
      const elapsed = performance.now() - savedAt;
      if (save >= WARM_UP_SAVES) times.push(elapsed);
      const counted = save - WARM_UP_SAVES + 1;
      log(`  ${counted > 0 ? `save ${counted}/${saves}` : 'warm-up save'}: ${ms(elapsed)}`);
    }
  } catch (error) {
    stop.abort();
    const { stderr } = await dev;
    throw new Error(`preview: ${describeError(error)}; it printed:\n${stderr.trim()}`, {
      cause: error,
    });
  }
  stop.abort();
  await dev;
  const p95 = percentile(times, 95);
  return [
    '## Preview: save → new PDF',
    '',
    `\`npm run dev -- --pdf\` on a copy of the seed CV, saved ${saves} times (after ${WARM_UP_SAVES} uncounted saves), each a new \`meta.lastModified\`; time from the write of the résumé to the new PDF replacing the old one on disk.`,
    '',
    '| saves | p50 | p95 | max | target |',
    '| ----- | --- | --- | --- | ------ |',
    `| ${times.length} | ${ms(percentile(times, 50))} | ${ms(p95)} | ${ms(percentile(times, 100))} | p95 ≤ 300 ms: ${p95 <= 300 ? 'met' : 'not met'} |`,
    '',
  ];
}
