/**
 * Runs real command-line programs and collects what they print. Never throws on a non-zero exit:
 * the exit code is part of what tests assert.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

export interface CliResult {
  /** Exit code, or null when the program was killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Added to the current environment. */
  env?: NodeJS.ProcessEnv;
  /** Kill the program after this long (default 90 s). */
  timeoutMs?: number;
  /** Stops a long-running program (SIGTERM) when aborted; the result still comes at its exit. */
  signal?: AbortSignal;
  /** Run as this user id (needs root): lets a test meet permissions that root would bypass. */
  uid?: number;
  gid?: number;
}

export function run(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 90_000,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.uid === undefined ? {} : { uid: options.uid }),
      ...(options.gid === undefined ? {} : { gid: options.gid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // An abort is a stop asked for, not a failure: 'close' follows with the signal.
    child.on('error', (error) => (options.signal?.aborted ? undefined : reject(error)));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** An executable installed in the repository's node_modules/.bin. */
export function bin(name: string): string {
  return join(repoRoot, 'node_modules', '.bin', name);
}

/**
 * The command line `npm run <script>` runs, taken from package.json so the tests follow it:
 * `node` is the running Node, any other program one of node_modules/.bin.
 * Spawning it directly (rather than through npm) keeps npm's own error banner out of the output
 * being asserted on.
 */
export function scriptCommand(script: string): [string, string[]] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const line = manifest.scripts[script];
  if (!line) throw new Error(`package.json has no "${script}" script`);
  const [program, ...args] = line.split(/\s+/);
  if (!program) throw new Error(`package.json's "${script}" script is empty`);
  return [program === 'node' ? process.execPath : bin(program), args];
}

/** Runs `npm run <script> -- <args>` as its underlying command. */
export function runScript(
  script: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CliResult> {
  const [program, base] = scriptCommand(script);
  return run(program, [...base, ...args], options);
}

/** Lines that look like a JavaScript stack trace ("    at fn (file:1:2)"). */
export function stackLines(output: string): string[] {
  return output.split('\n').filter((line) => /^\s+at\s/.test(line));
}
