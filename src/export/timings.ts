/**
 * How long each phase of an export took, for `--timings` (and `npm run bench`). Phases overlap:
 * the browser starts while the résumé is validated and rendered.
 */
import type { PageStep } from './export-steps.js';

export const PHASES = [
  'start',
  'validate',
  'render',
  'browserStart',
  'load',
  'print',
  'postProcess',
  'write',
] as const;
export type Phase = (typeof PHASES)[number];

/** The phase each browser step counts towards (the PNG's screenshot is printing too). */
export const STEP_PHASES: Record<PageStep, Phase> = {
  page: 'load',
  print: 'print',
  screenshot: 'print',
  'post-processing': 'postProcess',
};

export interface Timings {
  /** Milliseconds on the run's clock. */
  now(): number;
  /** Adds `ms` to `phase` (a batch adds each résumé's). */
  add(phase: Phase, ms: number): void;
  measure<T>(phase: Phase, work: () => Promise<T>): Promise<T>;
  /** Every phase in milliseconds, rounded; 0 for a phase that did not run. */
  summary(): Record<Phase, number>;
}

/** `now` is the clock: milliseconds since the process started, by default. */
export function createTimings(now: () => number = () => performance.now()): Timings {
  const totals = new Map<Phase, number>();
  const add = (phase: Phase, ms: number) => totals.set(phase, (totals.get(phase) ?? 0) + ms);
  return {
    now,
    add,
    async measure(phase, work) {
      const startedAt = now();
      try {
        return await work();
      } finally {
        add(phase, now() - startedAt);
      }
    },
    summary: () =>
      Object.fromEntries(
        PHASES.map((phase) => [phase, Math.round(totals.get(phase) ?? 0)]),
      ) as Record<Phase, number>,
  };
}
