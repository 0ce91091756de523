/** One-line progress on stderr: `✔ step (12 ms)`, warnings and failures, silenced by `--quiet`. */
import { printable } from '../printable.js';
export interface Progress {
  /** Runs `work`, then prints `✔ <label>` with its duration; `label` may depend on the result. */
  step<T>(work: () => Promise<T>, label: string | ((result: T) => string)): Promise<T>;
  /** Prints `✔ <label> (<ms> ms)`. */
  done(label: string, ms: number): void;
  info(message: string): void;
  warn(message: string): void;
}

export interface ProgressOptions {
  quiet?: boolean;
  /** Where lines go; default stderr. */
  write?: (line: string) => void;
  /** The clock steps are timed with, in milliseconds; default performance.now. */
  now?: () => number;
}

export function createProgress(options: ProgressOptions = {}): Progress {
  const sink = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Lines quote résumés, themes and file names.
  const write = (line: string) => sink(printable(line));
  const now = options.now ?? (() => performance.now());
  const say = (line: string) => {
    if (!options.quiet) write(line);
  };
  const done = (label: string, ms: number) => say(`✔ ${label} (${Math.round(ms)} ms)`);
  return {
    async step(work, label) {
      const startedAt = now();
      const result = await work();
      done(typeof label === 'function' ? label(result) : label, now() - startedAt);
      return result;
    },
    done,
    info: (message) => say(`  ${message}`),
    // Warnings matter even in quiet mode: they report something the user should fix.
    warn: (message) => write(`⚠ ${message}`),
  };
}
