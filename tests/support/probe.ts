/**
 * Résumés and runs for the sealed-export tests: the seed CV carrying `meta.probe`, which the
 * hostile theme (tests/fixtures/themes/hostile) reads to know where to reach and how to misbehave.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { seedResume } from './export-fixture.js';
import { repoRoot } from './paths.js';

export const hostileTheme = join(repoRoot, 'tests', 'fixtures', 'themes', 'hostile');

export type Behaviour =
  | 'navigate-meta'
  | 'navigate-script'
  | 'alert'
  | 'print'
  | 'page-loop'
  | 'page-reload'
  | 'render-loop'
  | 'render-hang'
  | 'render-unsettled'
  | 'render-exec-sleep'
  | 'render-fifo'
  | 'render-hog'
  | 'render-hog-buffers'
  | 'throw-null'
  | 'throw-symbol'
  | 'throw-tostring'
  | 'throw-message-getter'
  | 'lazy-image'
  | 'cross-origin-sheet';

export interface Probe {
  /** A listener's origin, `http://127.0.0.1:PORT`. */
  http?: string;
  /** A STUN address, `stun:127.0.0.1:PORT`. */
  udp?: string;
  /** A host name nobody should look up. */
  host?: string;
  behave?: Behaviour[];
  /** A FIFO the theme reads from (`render-fifo`). */
  fifo?: string;
}

/** Writes the seed CV with `meta.probe` (and any changes) to `folder/name`; returns its path. */
export function writeProbeResume(
  folder: string,
  name: string,
  probe: Probe,
  change: (resume: Resume) => Resume = (resume) => resume,
): string {
  const resume = change(seedResume());
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify({ ...resume, meta: { ...resume.meta, probe } }, null, 2));
  return path;
}

/**
 * Processes whose command line or environment mentions `text` (a private TMPDIR, which every
 * Chromium helper inherits), as "pid name (state, group)". Zombies are dead and not counted.
 */
export function processesMentioning(text: string): string[] {
  return readdirSync('/proc').flatMap((pid) => {
    if (!/^\d+$/.test(pid)) return [];
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z' || state === 'X') return [];
      const mentions = ['cmdline', 'environ'].some((file) =>
        readFileSync(`/proc/${pid}/${file}`, 'utf8').includes(text),
      );
      return mentions ? [`${pid} ${name} (${state}, group ${group})`] : [];
    } catch {
      return [];
    }
  });
}
