/**
 * Ending every process of one Chromium: the browser runs in a process group of its own, and
 * helpers that leave the group (crashpad's handlers start sessions of their own) still carry the
 * TMPDIR it was given, which names its unique profile folder.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * The processes of the browser that still run. Killed ones stay zombies until init reaps them
 * (up to a second here); they can do nothing and do not count. Outside Linux, only the group is
 * seen, as a whole.
 */
function running(child: ChildProcess, tmpdir: string): number[] {
  const group = child.pid;
  if (group === undefined) return [];
  if (process.platform !== 'linux') return signalable(-group) ? [-group] : [];
  const marker = `TMPDIR=${tmpdir}\0`;
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After the command name: state, parent, process group.
      const [state, , processGroup] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z' || state === 'X') return [];
      if (Number(processGroup) === group) return [Number(entry)];
      return readFileSync(`/proc/${entry}/environ`, 'utf8').includes(marker) ? [Number(entry)] : [];
    } catch {
      // Gone meanwhile, or another user's.
      return [];
    }
  });
}

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function kill(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/**
 * SIGKILL to the browser's group and every helper, again until none runs: one still alive could
 * recreate the profile folder after it is removed, and one forked as the first signal went out
 * escaped it.
 */
export async function killBrowserProcesses(
  child: ChildProcess,
  tmpdir: string,
  limitMs = 3000,
): Promise<void> {
  if (child.pid === undefined) return;
  kill([-child.pid]);
  for (const end = performance.now() + limitMs; performance.now() < end; await delay(10)) {
    const pids = running(child, tmpdir);
    if (pids.length === 0) return;
    kill(pids);
  }
}

/** The same, blocking: for the process's exit hook, where nothing asynchronous runs. */
export function killBrowserProcessesSync(
  child: ChildProcess,
  tmpdir: string,
  limitMs = 1000,
): void {
  if (child.pid === undefined) return;
  kill([-child.pid]);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const end = performance.now() + limitMs; performance.now() < end;) {
    const pids = running(child, tmpdir);
    if (pids.length === 0) return;
    kill(pids);
    Atomics.wait(pause, 0, 0, 10);
  }
}
