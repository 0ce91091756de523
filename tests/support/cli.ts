/**
 * Runs real command-line programs from the repository and collects what they print
 * (src/maintainer/run.ts, bound to this repository). Never throws on a non-zero exit: the exit
 * code is part of what tests assert.
 */
import { join } from 'node:path';
import * as programs from '../../src/maintainer/run.js';
import type { RunResult } from '../../src/maintainer/run.js';
import { repoRoot } from './paths.js';

export type CliResult = RunResult;
export type RunOptions = programs.RunOptions;

/** Runs `command`, in the repository unless `options.cwd` says otherwise. */
export function run(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CliResult> {
  return programs.run(command, args, { cwd: repoRoot, ...options });
}

/** An executable installed in the repository's node_modules/.bin. */
export function bin(name: string): string {
  return programs.bin(repoRoot, name);
}

/** The command line `npm run <script>` runs, taken from package.json so the tests follow it. */
export function scriptCommand(script: string): [string, string[]] {
  return programs.scriptCommand(repoRoot, script);
}

/** Runs `npm run <script> -- <args>` as its underlying command. */
export function runScript(
  script: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CliResult> {
  return programs.runScript(repoRoot, script, args, options);
}

/** Lines that look like a JavaScript stack trace ("    at fn (file:1:2)"). */
export function stackLines(output: string): string[] {
  return output.split('\n').filter((line) => /^\s+at\s/.test(line));
}

/** `npm run export -- --resume <resume> --format pdf --out <out> --quiet`, and the PDF's path. */
export async function exportPdf(resume: string, out: string): Promise<CliResult & { pdf: string }> {
  const args = ['--resume', resume, '--format', 'pdf', '--out', out, '--quiet'];
  return { ...(await runScript('export', args)), pdf: join(out, 'resume.pdf') };
}
