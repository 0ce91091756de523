/**
 * Runs real programs (through src/run-process.ts) and the repository's npm scripts, for the
 * maintainer tools and the tests, a few at a time (inPool). Never throws on a non-zero exit: the
 * exit code is part of what callers judge. Also what the packages installed in a repository say
 * about themselves (packageDir, packageVersion).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { runProcess } from '../run-process.js';

export interface RunResult {
  /** Exit code, or null when the program was killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Where to run (default: the current folder). */
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

export async function run(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const { code, signal, stdout, stderr } = await runProcess(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    timeoutMs: options.timeoutMs ?? 90_000,
    signal: options.signal,
    uid: options.uid,
    gid: options.gid,
  });
  return { code, signal, stdout, stderr };
}

/** An executable installed in the node_modules/.bin of the repository at `root`. */
export function bin(root: string, name: string): string {
  return join(root, 'node_modules', '.bin', name);
}

/**
 * The command line `npm run <script>` runs in the repository at `root`, taken from its
 * package.json: `node` is the running Node, any other program one of node_modules/.bin.
 * Spawning it directly (rather than through npm) keeps npm's own error banner out of the output.
 */
export function scriptCommand(root: string, script: string): [string, string[]] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const line = manifest.scripts[script];
  if (!line) throw new Error(`package.json has no "${script}" script`);
  const [program, ...args] = line.split(/\s+/);
  if (!program) throw new Error(`package.json's "${script}" script is empty`);
  if (program !== 'node') return [bin(root, program), args];
  // The script by its full path, so that it may run in another folder (`cwd`).
  const [file = '', ...rest] = args;
  return [process.execPath, [join(root, file), ...rest]];
}

/** Runs `npm run <script> -- <args>` as its underlying command, in `root` unless told otherwise. */
export function runScript(
  root: string,
  script: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const [program, base] = scriptCommand(root, script);
  return run(program, [...base, ...args], { cwd: root, ...options });
}

/** The error for a step whose program failed, with everything it printed. */
export function failed(step: string, result: RunResult): Error {
  return new Error(`${step} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
}

/** Runs async tasks with at most `width` in flight (Chromium-starting steps share two cores). */
export async function inPool(tasks: readonly (() => Promise<void>)[], width = 2): Promise<void> {
  const queue = [...tasks];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await next();
    }),
  );
}

/** A package's folder (what the packages installed in a repository say about themselves): a bare name is looked up in the node_modules of the repository at `root`. */
export function packageDir(root: string, nameOrDir: string): string {
  return isAbsolute(nameOrDir) ? nameOrDir : join(root, 'node_modules', nameOrDir);
}

/** The version in a package's package.json. */
export async function packageVersion(root: string, nameOrDir: string): Promise<string> {
  const manifest = await readFile(join(packageDir(root, nameOrDir), 'package.json'), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}
