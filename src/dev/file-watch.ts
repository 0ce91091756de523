/**
 * File watching for the preview server: one callback per burst of changes, after the burst has
 * settled, with the time of its first event (so the delay to the reload can be reported).
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { devText } from './messages.js';

export interface Watcher {
  close(): void;
}

export interface WatchOptions {
  /** Quiet time after the last event before `onChange` is called. */
  settleMs: number;
  onChange: (firstEventAt: number) => void;
  log: (line: string) => void;
}

function settled(settleMs: number, onChange: (firstEventAt: number) => void) {
  let timer: NodeJS.Timeout | undefined;
  let first: number | undefined;
  return {
    trigger: () => {
      first ??= performance.now();
      clearTimeout(timer);
      timer = setTimeout(() => {
        const at = first ?? performance.now();
        first = undefined;
        onChange(at);
      }, settleMs);
    },
    cancel: () => clearTimeout(timer),
  };
}

/**
 * Starts a watcher whose events are settled into bursts, whose errors are reported, not thrown,
 * and whose close also cancels a pending call.
 */
function watching(
  what: string,
  { settleMs, onChange, log }: WatchOptions,
  start: (trigger: () => void) => FSWatcher,
): Watcher {
  const burst = settled(settleMs, onChange);
  const watcher = start(burst.trigger);
  watcher.on('error', (error) => log(devText.stoppedWatching(what, error.message)));
  return {
    close() {
      burst.cancel();
      watcher.close();
    },
  };
}

/**
 * Watches one file through its folder: editors that save by writing a temporary file and renaming
 * it over the original replace the file, which a watch on the file itself would lose.
 */
export function watchFile(file: string, options: WatchOptions): Watcher {
  const name = basename(file);
  return watching(file, options, (trigger) =>
    watch(dirname(resolve(file)), (_event, changed) => {
      if (changed === null || changed === name) trigger();
    }),
  );
}

/** Watches a folder and everything below it; a folder that does not exist is not watched. */
export function watchTree(folder: string, options: WatchOptions): Watcher {
  if (!existsSync(folder)) return { close: () => undefined };
  return watching(folder, options, (trigger) => watch(folder, { recursive: true }, trigger));
}
