/**
 * Runs a program and collects what it prints. Never rejects on a non-zero exit: the caller decides
 * what an exit code means. Rejects only when the program cannot be started at all.
 */
import { spawn } from 'node:child_process';

export interface ProcessResult {
  /** Exit code, or null when the program was ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Both, in the order they were printed: what a terminal would have shown. */
  output: string;
  /** From start to exit. */
  ms: number;
  /** Ended because it outlasted `timeoutMs`. */
  timedOut: boolean;
}

export interface ProcessOptions {
  cwd?: string;
  /** The program's whole environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Written to the program's standard input (default: none). */
  input?: string | Uint8Array;
  /** Kill the program (SIGTERM) when this aborts: the result then carries the signal. */
  signal?: AbortSignal;
  /** Kill the program (SIGTERM) after this long. */
  timeoutMs?: number;
  /**
   * Run the program in a process group of its own, and end the whole group (SIGKILL) on the
   * timeout, on abort, and when this process exits: what the program started (a build's `sh`
   * and its commands) goes with it.
   */
  group?: boolean;
  /** Run as this user and group id (needs root). */
  uid?: number;
  gid?: number;
}

export function runProcess(
  command: string,
  args: readonly string[],
  options: ProcessOptions = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const { group = false, timeoutMs, signal } = options;
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      detached: group,
      // A group is ended below, as a whole.
      ...(!group && { timeout: timeoutMs, signal }),
      uid: options.uid,
      gid: options.gid,
    });
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            if (group) killGroup();
          }, timeoutMs);
    if (group) {
      process.once('exit', killGroup);
      signal?.addEventListener('abort', killGroup, { once: true });
    }
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      output += chunk.toString();
    });
    // A program that exits without reading all its input must not crash this process.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input);
    // An abort is a stop asked for, not a failure: 'close' follows with the signal.
    const settled = () => {
      clearTimeout(timer);
      process.off('exit', killGroup);
      signal?.removeEventListener('abort', killGroup);
    };
    child.on('error', (error) => {
      settled();
      if (!signal?.aborted) reject(error);
    });
    child.on('close', (code, endedBy) => {
      settled();
      resolve({
        code,
        signal: endedBy,
        stdout,
        stderr,
        output,
        ms: performance.now() - startedAt,
        timedOut,
      });
    });
  });
}
