/**
 * What an export will write, and where: resolved from the options and checked before any work, so
 * a bad option costs nothing and writes nothing.
 */
import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { DEFAULT_TIMEOUT_MS } from './export-steps.js';
import type { ExportOptions } from './export-options.js';
import { FORMATS, type FormatName, type FormatWriter } from './formats.js';
import { checkFileNames, outputBaseName } from './output-names.js';

export interface PlannedOutput {
  name: FormatName;
  writer: FormatWriter;
  fileName: string;
  path: string;
}

export interface ExportPlan {
  cwd: string;
  env: NodeJS.ProcessEnv;
  resumePath: string;
  outDir: string;
  /** Every output's file name less its extension. */
  baseName: string;
  /** In the order to produce them: those without a browser first, those that alter the page last. */
  outputs: PlannedOutput[];
  needsBrowser: boolean;
  timeoutMs: number;
}

export function planExport(options: ExportOptions): ExportPlan {
  const cwd = options.cwd ?? process.cwd();
  const resumePath = resolve(cwd, options.resume);
  const outDir = resolve(cwd, options.out);
  checkOutDir(outDir, resumePath, options.out);
  const baseName = options.baseName ?? outputBaseName();
  const outputs = options.formats.map((name): PlannedOutput => {
    const writer: FormatWriter = FORMATS[name];
    const fileName = writer.fileName?.(baseName) ?? `${baseName}.${writer.extension}`;
    return { name, writer, fileName, path: join(outDir, fileName) };
  });
  const names = outputs.flatMap((output) => [
    output.fileName,
    ...(output.writer.companions?.(baseName) ?? []),
  ]);
  checkFileNames(names);
  checkNoClash(outputs, baseName);
  checkOnePageChange(outputs);
  checkOutputsSpareResume(
    names.map((name) => join(outDir, name)),
    resumePath,
  );
  return {
    cwd,
    env: options.env ?? process.env,
    resumePath,
    outDir,
    baseName,
    outputs: outputs.sort((a, b) => rank(a.writer) - rank(b.writer)),
    needsBrowser: outputs.some((output) => output.writer.needsBrowser),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}

/** Two formats that would write the same file (a site holds its own PDF): refused before any work. */
function checkNoClash(outputs: PlannedOutput[], baseName: string): void {
  const writers = new Map<string, FormatName>();
  for (const output of outputs) {
    for (const name of [output.fileName, ...(output.writer.companions?.(baseName) ?? [])]) {
      const other = writers.get(name);
      if (other !== undefined) {
        throw new UsageError(
          `--format ${other},${output.name}: both would write ${name}. The site already holds the PDF and the JSON; export the other formats to another --out folder.`,
        );
      }
      writers.set(name, output.name);
    }
  }
}

/** The PNG preview and the site's card each reshape the one shared page: one per run. */
function checkOnePageChange(outputs: PlannedOutput[]): void {
  const altering = outputs.filter((output) => output.writer.altersPage).map((o) => o.name);
  if (altering.length < 2) return;
  throw new UsageError(
    `--format ${altering.join(',')}: each of these reshapes the page it is made from, so they cannot share one run. Export them one at a time, e.g. --format ${altering[0]} then --format ${altering[1]} with another --out.`,
  );
}

/** Outputs without a browser first (kept if it is missing), those that alter the page last. */
const rank = (writer: FormatWriter) => (writer.needsBrowser ? 1 : 0) + (writer.altersPage ? 1 : 0);

/** --out must be a folder (or one that can be created), writable, and not the résumé itself. */
function checkOutDir(outDir: string, resumePath: string, shown: string): void {
  const fail = (why: string) =>
    new UsageError(`--out ${shown}: ${why} Choose a folder, e.g. --out dist.`);
  if (realPath(outDir) === realPath(resumePath)) throw fail('that is the résumé file itself.');
  let existing = outDir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  if (!statSync(existing).isDirectory()) {
    throw fail(
      existing === outDir ? 'is a file, not a folder.' : `${existing} is a file, not a folder.`,
    );
  }
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    throw fail(`${existing} is not writable.`);
  }
}

/**
 * A path with every symbolic link resolved, also when its last parts do not exist yet: what
 * `--out link` really writes to, so a link to the résumé's folder cannot get past the checks.
 */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

/** An output written over the résumé would destroy the input: refuse before any work. */
function checkOutputsSpareResume(outputs: string[], resumePath: string): void {
  const resume = realPath(resumePath);
  const clash = outputs.find((output) => realPath(output) === resume);
  if (clash === undefined) return;
  throw new UsageError(
    `${clash} is both the résumé and an output of this export, so writing it would replace the résumé. Choose another --out folder (e.g. --out dist) or rename the résumé.`,
  );
}
