/**
 * File watching for the preview server: one callback per burst of changes, after the burst has
 * settled, with the time of its first event (so the delay to the reload can be reported).
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

export interface Watcher {
  close(): void;
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

/** A watcher whose errors are reported, not thrown, and whose close also cancels a pending call. */
function closing(
  watcher: FSWatcher,
  burst: { cancel(): void },
  what: string,
  log: (line: string) => void,
): Watcher {
  watcher.on('error', (error) => log(`⚠ stopped watching ${what}: ${error.message}`));
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
export function watchFile(
  file: string,
  settleMs: number,
  onChange: (firstEventAt: number) => void,
  log: (line: string) => void,
): Watcher {
  const name = basename(file);
  const burst = settled(settleMs, onChange);
  const watcher = watch(dirname(resolve(file)), (_event, changed) => {
    if (changed === null || changed === name) burst.trigger();
  });
  return closing(watcher, burst, file, log);
}

/** Watches a folder and everything below it; a folder that does not exist is not watched. */
export function watchTree(
  folder: string,
  settleMs: number,
  onChange: (firstEventAt: number) => void,
  log: (line: string) => void,
): Watcher {
  if (!existsSync(folder)) return { close: () => undefined };
  const burst = settled(settleMs, onChange);
  return closing(watch(folder, { recursive: true }, burst.trigger), burst, folder, log);
}
