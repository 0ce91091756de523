/**
 * What `npm run export` leaves in --out when it is interrupted, raced or pointed elsewhere: the
 * complete previous set of files or the complete new one, never a mix, never a temporary file,
 * never a file outside --out or over the résumé.
 *
 * Moments inside the write step are found by watching the output folder. Renames are slowed by
 * strace's fault injection (each returns late), which makes "between two renames" a window a
 * signal can be aimed at, and lets a second export run while the first is renaming.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../support/files.js';
import { runScript, scriptCommand, stackLines } from '../support/cli.js';
import { seedResume } from '../support/export-fixture.js';
import { repoRoot, seedResumePath } from '../support/paths.js';
import { inPool } from '../../src/maintainer/run.js';

const work = mkdtempSync(join(tmpdir(), 'export-writes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every entry of a folder (hidden ones too) with the hash of its content; folders as "folder". */
function contents(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => {
        const path = join(folder, name);
        return [name, statSync(path).isDirectory() ? 'folder' : sha256(path)];
      }),
  );
}

function writeJson(name: string, value: unknown): string {
  const path = join(work, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

/** strace arguments that make every rename return `seconds` late. */
const slowRenames = (seconds: number) => [
  '-f',
  '--seccomp-bpf',
  '-o',
  '/dev/null',
  '-e',
  'trace=rename,renameat,renameat2',
  '-e',
  `inject=rename,renameat,renameat2:delay_exit=${seconds * 1_000_000}`,
];

interface Started {
  /** The export's own process (under strace, strace's child), once it runs. */
  pid(): number | undefined;
  stderr(): string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `npm run export -- args` (renames slowed by `renameDelay` seconds), collecting stderr. */
function startExport(args: string[], renameDelay = 0): Started {
  const [program, base] = scriptCommand('export');
  const traced = renameDelay > 0;
  const child: ChildProcess = traced
    ? spawn('strace', [...slowRenames(renameDelay), program, ...base, ...args], { cwd: repoRoot })
    : spawn(program, [...base, ...args], { cwd: repoRoot });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.resume();
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    pid() {
      if (!traced) return child.pid;
      let children: string;
      try {
        children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8');
      } catch {
        return undefined; // strace, and so the export, has ended
      }
      return children
        .trim()
        .split(/\s+/)
        .map(Number)
        .find((pid) => {
          // Before exec the child is still strace, whose arguments name the script too.
          const [command, ...args] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
          return command === program && args.some((arg) => arg === base.at(-1));
        });
    },
    stderr: () => stderr,
    done,
  };
}

/** Resolves when `condition` holds, checking every few milliseconds; false if the run ended. */
async function when(condition: () => boolean, run: Started): Promise<boolean> {
  let ended = false;
  void run.done.then(() => (ended = true));
  while (!ended) {
    try {
      if (condition()) return true;
    } catch {
      // A file that vanished between listing and reading: look again.
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return false;
}

const hiddenEntry = (out: string) => readdirSync(out).some((name) => name.startsWith('.'));
/** A temporary or staged output file that already holds data. */
function stagedData(out: string): boolean {
  return readdirSync(out)
    .filter((name) => name.startsWith('.'))
    .some((name) => {
      const path = join(out, name);
      const stats = statSync(path);
      if (stats.isFile()) return name.endsWith('.tmp') && stats.size > 0;
      return readdirSync(path).some((inner) => statSync(join(path, inner)).size > 0);
    });
}

let oldSet: Record<string, string>;
let newSet: Record<string, string>;
let changedResume: string;
const oldOut = join(work, 'old');

beforeAll(async () => {
  // The previous export, and (from a changed résumé) the new one the interrupted runs aim at:
  // exports are byte-identical for the same input, so each run can be compared with them.
  const first = await runScript('export', ['--resume', seedResumePath, '--out', oldOut, '--quiet']);
  expect(first.code, first.stderr).toBe(0);
  oldSet = contents(oldOut);
  const changed = { ...seedResume(), basics: { ...seedResume().basics, name: 'Someone Else' } };
  changedResume = writeJson('changed.json', changed);
  const newOut = join(work, 'new');
  const second = await runScript('export', ['--resume', changedResume, '--out', newOut, '--quiet']);
  expect(second.code, second.stderr).toBe(0);
  newSet = contents(newOut);
  expect(Object.keys(newSet)).toEqual(['resume.html', 'resume.pdf']);
  expect(newSet['resume.pdf']).not.toBe(oldSet['resume.pdf']);
}, 120_000);

interface Moment {
  name: string;
  signal?: NodeJS.Signals;
  /** When to send the signal, given the output folder and the run. */
  at(out: string, run: Started): Promise<boolean> | boolean;
  /** The set that must be there afterwards; either when the moment cannot tell. */
  expect: 'old' | 'new' | 'either';
}

const stderrShows = (pattern: RegExp) => (_out: string, run: Started) =>
  when(() => pattern.test(run.stderr()), run);

const MOMENTS: Moment[] = [
  {
    name: 'right after the start',
    at: (_out, run) => when(() => run.pid() !== undefined, run),
    expect: 'old',
  },
  { name: 'once validated', at: stderrShows(/validated/), expect: 'old' },
  { name: 'once rendered', at: stderrShows(/rendered with/), expect: 'old' },
  { name: 'once Chromium has started', at: stderrShows(/started /), expect: 'old' },
  {
    name: 'when the write step begins (lock or first temporary entry)',
    at: (out, run) => when(() => hiddenEntry(out), run),
    expect: 'old',
  },
  // The staged files are written within a millisecond or two of each other, so the signal may be
  // handled before the last one is done (the previous files stay) or after the swap (the new
  // ones are in place): either complete set is right.
  {
    name: 'mid-write: a staged file already holds data',
    at: (out, run) => when(() => stagedData(out), run),
    expect: 'either',
  },
  {
    name: 'mid-write, by SIGTERM',
    signal: 'SIGTERM',
    at: (out, run) => when(() => stagedData(out), run),
    expect: 'either',
  },
  {
    name: 'mid-rename: the first output is in place, the next rename still running',
    at: (out, run) => {
      const before = statSync(join(out, 'resume.html')).ino;
      return when(() => statSync(join(out, 'resume.html')).ino !== before, run);
    },
    expect: 'new',
  },
  { name: 'after the files were written', at: stderrShows(/wrote /), expect: 'new' },
];

describe('an export interrupted at any moment leaves the old set or the new set, and no temporary file', () => {
  const results = new Map<
    string,
    { out: string; code: number | null; stderr: string; sent: boolean }
  >();

  beforeAll(async () => {
    await inPool(
      MOMENTS.map((moment, index) => async () => {
        const out = join(work, `moment-${index}`);
        cpSync(oldOut, out, { recursive: true });
        const run = startExport(['--resume', changedResume, '--out', out], 0.3);
        const sent = await moment.at(out, run);
        const pid = run.pid();
        if (sent && pid !== undefined) process.kill(pid, moment.signal ?? 'SIGINT');
        const { code } = await run.done;
        results.set(moment.name, { out, code, stderr: run.stderr(), sent });
      }),
    );
  }, 300_000);

  it.each(MOMENTS)('$name', (moment) => {
    const result = results.get(moment.name);
    if (!result) throw new Error(`moment ${moment.name} did not run`);
    expect(result.sent, `the export ended before the moment came:\n${result.stderr}`).toBe(true);
    const after = contents(result.out);
    const expected = { old: [oldSet], new: [newSet], either: [oldSet, newSet] }[moment.expect];
    expect(expected, `${JSON.stringify(after, null, 2)}\n${result.stderr}`).toContainEqual(after);
  });
});

describe('concurrent exports into one folder', () => {
  it('take turns: both succeed and the folder holds one complete set', async () => {
    const out = join(work, 'concurrent');
    cpSync(oldOut, out, { recursive: true });
    // The first export's renames take 10 s each; the second starts once the first has replaced
    // one file, so without a lock it would write both of its files in between.
    const first = startExport(['--out', out, '--quiet'], 10);
    const before = statSync(join(out, 'resume.html')).ino;
    const replaced = await when(() => statSync(join(out, 'resume.html')).ino !== before, first);
    expect(replaced, first.stderr()).toBe(true);
    const second = startExport(['--resume', changedResume, '--out', out, '--quiet']);
    const runs = [first, second];
    const codes = await Promise.all(runs.map((run) => run.done.then(({ code }) => code)));
    expect(codes, runs.map((run) => run.stderr()).join('\n')).toEqual([0, 0]);
    expect(contents(out)).toEqual(newSet);
  }, 120_000);
});

describe('outputs stay inside --out and never replace the résumé', () => {
  it('refuses a symlinked --out that leads to the résumé’s folder (resume.html is the résumé)', async () => {
    const folder = join(work, 'cv-folder');
    mkdirSync(folder);
    const resume = join(folder, 'resume.html');
    writeFileSync(resume, JSON.stringify(seedResume()));
    const before = sha256(resume);
    const link = join(work, 'link-to-cv-folder');
    symlinkSync(folder, link);
    const result = await runScript('export', [
      '--resume',
      resume,
      '--out',
      link,
      '--format',
      'html',
    ]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/resume\.html is both the résumé and an output/);
    expect(sha256(resume)).toBe(before);
    expect(readdirSync(folder)).toEqual(['resume.html']);
  });

  it('refuses a crafted variant name with --force instead of writing outside --out', async () => {
    const resume = seedResume();
    const name = '/../../escaped';
    resume.meta = { ...resume.meta, variants: { [name]: { sections: ['work'] } } };
    const path = writeJson('crafted-variant.json', resume);
    const out = join(work, 'crafted', 'out');
    mkdirSync(out, { recursive: true });
    const result = await runScript('export', [
      '--resume',
      path,
      '--out',
      out,
      '--variant',
      name,
      '--force',
      '--format',
      'html',
    ]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/not a plain file name/);
    expect(readdirSync(join(work, 'crafted'))).toEqual(['out']);
    expect(readdirSync(out)).toEqual([]);
    expect(readdirSync(work).filter((entry) => entry.startsWith('escaped'))).toEqual([]);
    expect(stackLines(result.stderr)).toEqual([]);
  });
});
