/** Wall time of whole processes, and the statistics the benchmark reports. */
import { statSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { run, type RunOptions, type RunResult as CliResult } from '../../../src/maintainer/run.js';

export interface Timed {
  ms: number;
  result: CliResult;
}

/** Runs a program to its exit, timed from spawn to exit: what a user waits for. */
export async function timeProcess(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<Timed> {
  const started = performance.now();
  const result = await run(command, args, options);
  return { ms: performance.now() - started, result };
}

/** The first line of what a failed run printed, to say why in the report. */
export function failure({ code, signal, stderr }: CliResult): string {
  const line = stderr.split('\n').find((text) => text.trim() !== '') ?? '';
  return `exit ${code ?? signal}${line ? `: ${line.trim()}` : ''}`;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile, `p` from 0 to 100 (the median of an even count is the lower one). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const ms = (value: number) => (Number.isNaN(value) ? '—' : `${Math.round(value)} ms`);
export const ratio = (value: number) => (Number.isNaN(value) ? '—' : `${value.toFixed(2)}×`);

/** Size, inode and modification time: changes whenever a file is replaced, even by the same bytes. */
export function fingerprint(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
  } catch {
    return '';
  }
}

/** Polls `ready` every few milliseconds; fails after `timeoutMs` or when `gone` settles first. */
export async function waitUntil(
  ready: () => boolean,
  timeoutMs: number,
  gone: Promise<CliResult>,
): Promise<void> {
  let exited: CliResult | undefined;
  void gone.then((result) => (exited = result));
  const deadline = performance.now() + timeoutMs;
  while (!ready()) {
    if (exited) throw new Error(`the program exited first (${failure(exited)})`);
    if (performance.now() > deadline) throw new Error(`nothing after ${timeoutMs} ms`);
    await delay(3);
  }
}

/** Replaces (or adds) one section of an existing RESULTS.md: the lines from its title to the next. */
export function updateSection(results: string, section: readonly string[]): string {
  const title = section[0] ?? '';
  const start = results.indexOf(title);
  if (start < 0) return `${results.trimEnd()}\n\n${section.join('\n')}`;
  const next = results.indexOf('\n## ', start + title.length);
  return `${results.slice(0, start)}${section.join('\n')}${next < 0 ? '' : results.slice(next + 1)}`;
}
