/**
 * Bad files and conditions through the real `npm run validate` and `npm run export`: each gives a
 * clear message without a stack trace, the documented exit code, and leaves no partial file, no
 * temporary file and no earlier output changed.
 *
 * Unreadable file: root reads a chmod 000 file anyway, so when the tests run as root the two
 * commands run as the unprivileged `nobody` user for that case, which gets a real EACCES.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { runScript, stackLines, type CliResult, type RunOptions } from '../support/cli.js';
import { seedResumePath } from '../support/paths.js';
import { inPool } from '../../src/maintainer/run.js';

const EARLIER = { 'resume.html': 'earlier HTML export\n', 'resume.pdf': '%PDF earlier export\n' };

interface Case {
  name: string;
  /** Writes the input into `dir`; returns the résumé path and any extra export options. */
  setup(dir: string): Promise<{ resume: string; exportArgs?: string[] }>;
  /** Expected exit code of `npm run validate`, or null when the case is about export options. */
  validate: 0 | 1 | 2 | null;
  export: 0 | 1 | 2 | 3;
  /** What the message must say. */
  says: RegExp;
  /** Run as an unprivileged user (the unreadable file). */
  unprivileged?: boolean;
}

const seed = JSON.parse(await readFile(seedResumePath, 'utf8')) as Resume;

/** A valid résumé of at least 10 MB: the real one with its entries repeated, each renamed. */
function tenMegabytes(): string {
  const resume: Resume = structuredClone(seed);
  const work = seed.work ?? [];
  const publications = seed.publications ?? [];
  let text = '';
  for (let round = 1; text.length < 10 * 1024 * 1024; round++) {
    resume.work = [
      ...(resume.work ?? []),
      ...work.map((w) => ({ ...w, name: `${w.name} ${round}` })),
    ];
    resume.publications = [
      ...(resume.publications ?? []),
      ...publications.map(({ id: _, ...p }) => ({ ...p, name: `${p.name} (${round})` })),
    ];
    if (round % 50 === 0) text = JSON.stringify(resume, null, 2);
  }
  return text;
}

const write =
  (name: string, content: string) =>
  async (dir: string): Promise<{ resume: string }> => {
    const resume = join(dir, name);
    await writeFile(resume, content);
    return { resume };
  };

const themeFolder = (name: string, source: string) => async (dir: string) => {
  await mkdir(join(dir, name));
  await writeFile(join(dir, name, 'index.js'), source);
  const { resume } = await write('resume.json', JSON.stringify(seed))(dir);
  return { resume, exportArgs: ['--theme', join(dir, name)] };
};

const CASES: Case[] = [
  { name: 'empty file', setup: write('resume.json', ''), validate: 1, export: 1, says: /empty/ },
  {
    name: 'not JSON',
    setup: write('resume.json', '{ "basics": { name: "A" } }\n'),
    validate: 1,
    export: 1,
    says: /resume\.json:1:\d+/,
  },
  {
    name: 'JSON array',
    setup: write('resume.json', '[{"basics":{}}]'),
    validate: 1,
    export: 1,
    says: /array/,
  },
  {
    name: 'wrong types everywhere',
    setup: write(
      'resume.json',
      JSON.stringify({
        basics: { name: 5, email: [], profiles: 'x', location: 'Singapore' },
        work: { name: 'x' },
        education: [{ institution: 1, startDate: 'Present', courses: 'ML' }],
        publications: [{ name: true, releaseDate: 2026, status: 'maybe', scores: '4,4' }],
        skills: ['Python'],
        meta: { themeOptions: { paper: 'a3', sections: 'work', hideReviewScores: 'yes' } },
      }),
    ),
    validate: 1,
    export: 1,
    says: /basics\.name[\s\S]*publications\[0\]\.releaseDate[\s\S]*meta\.themeOptions\.paper/,
  },
  {
    name: '10 MB valid résumé (HTML export)',
    setup: async (dir) => ({
      ...(await write('resume.json', tenMegabytes())(dir)),
      exportArgs: ['--format', 'html'],
    }),
    validate: 0,
    export: 0,
    says: /resume\.json/,
  },
  {
    name: 'a device (/dev/zero), which would never end',
    setup: async () => ({ resume: '/dev/zero' }),
    validate: 2,
    export: 2,
    says: /\/dev\/zero: it is a device, not a file/,
  },
  {
    name: 'a named pipe (FIFO) with no writer',
    setup: async (dir) => {
      const resume = join(dir, 'resume.json');
      execFileSync('mkfifo', [resume]);
      return { resume };
    },
    validate: 2,
    export: 2,
    says: /resume\.json: it is a named pipe \(FIFO\), not a file/,
  },
  {
    name: 'a file over the 16 MiB input limit',
    // Valid JSON, padded: the limit is on bytes read, before any parsing.
    setup: write('resume.json', `{"basics":{"name":"Ada Example"}}${' '.repeat(16 * 1024 * 1024)}`),
    validate: 2,
    export: 2,
    says: /larger than 16 MiB[\s\S]*--max-size/,
  },
  {
    name: 'nesting 3,000 levels deep',
    setup: write('resume.json', `{"meta":{"x":${'['.repeat(3000)}${']'.repeat(3000)}}}`),
    validate: 1,
    export: 1,
    says: /resume\.json:1:\d+[\s\S]*nested more than 256 levels/,
  },
  {
    name: 'nesting 10,000 levels deep',
    setup: write('resume.json', `{"meta":{"x":${'{"a":'.repeat(10000)}1${'}'.repeat(10000)}}}`),
    validate: 1,
    export: 1,
    says: /resume\.json:1:\d+[\s\S]*nested more than 256 levels/,
  },
  {
    name: 'missing file',
    setup: async (dir) => ({ resume: join(dir, 'nowhere.json') }),
    validate: 2,
    export: 2,
    says: /no such file/,
  },
  {
    name: 'directory instead of file',
    setup: async (dir) => {
      await mkdir(join(dir, 'resume.json'));
      return { resume: join(dir, 'resume.json') };
    },
    validate: 2,
    export: 2,
    says: /folder/,
  },
  {
    name: 'path through a file',
    setup: async (dir) => {
      await writeFile(join(dir, 'notes.txt'), 'a file, not a folder');
      return { resume: join(dir, 'notes.txt', 'resume.json') };
    },
    validate: 2,
    export: 2,
    says: /cannot read/,
  },
  {
    name: 'unreadable file (permission denied)',
    setup: async (dir) => {
      const { resume } = await write('resume.json', JSON.stringify(seed))(dir);
      await chmod(resume, 0o000);
      return { resume };
    },
    validate: 2,
    export: 2,
    says: /permission denied/,
    unprivileged: true,
  },
  {
    name: 'unknown theme',
    setup: async (dir) => ({
      ...(await write('resume.json', JSON.stringify(seed))(dir)),
      exportArgs: ['--theme', 'jsonresume-theme-does-not-exist'],
    }),
    validate: null,
    export: 2,
    says: /jsonresume-theme-does-not-exist is not installed/,
  },
  {
    name: 'theme without render',
    setup: themeFolder('no-render', 'module.exports = { pdfRenderOptions: {} };\n'),
    validate: null,
    export: 3,
    says: /no render function/,
  },
  {
    name: 'theme that throws',
    setup: themeFolder(
      'throws',
      'module.exports = { render() { throw new Error("the theme broke"); } };\n',
    ),
    validate: null,
    export: 3,
    says: /the theme broke/,
  },
  {
    name: '--out is the résumé file',
    setup: async (dir) => {
      const { resume } = await write('resume.json', JSON.stringify(seed))(dir);
      return { resume, exportArgs: ['--out', resume] };
    },
    validate: null,
    export: 2,
    says: /résumé file itself/,
  },
  {
    name: '--out folder whose export file is the résumé',
    // resume.html holding JSON: exporting HTML into its own folder would overwrite it.
    setup: async (dir) => {
      const { resume } = await write('resume.html', JSON.stringify(seed))(dir);
      return { resume, exportArgs: ['--out', dir, '--format', 'html'] };
    },
    validate: null,
    export: 2,
    says: /resume\.html/,
  },
];

interface Outcome {
  validate?: CliResult;
  export: CliResult;
  /** The résumé's bytes before and after (null when it cannot be read or does not exist). */
  inputBefore: string | null;
  inputAfter: string | null;
  /** Files in the output folder before and after, with their contents' hashes. */
  outBefore: Record<string, string>;
  outAfter: Record<string, string>;
}

const work = await mkdtemp(join(tmpdir(), 'bad-input-'));
const outcomes = new Map<string, Outcome>();

const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
/** The hash of a regular file's content; never reads a device or a pipe, which would not end. */
const hashOf = async (path: string) =>
  (await stat(path).catch(() => null))?.isFile() ? readFile(path).then(sha, () => null) : null;

async function filesIn(dir: string): Promise<Record<string, string>> {
  const names = await readdir(dir).catch((): string[] => []);
  const entries = await Promise.all(
    names.map(async (name) => [name, (await hashOf(join(dir, name))) ?? 'folder'] as const),
  );
  return Object.fromEntries(entries);
}

/** Options that make the command run as `nobody` when the tests run as root. */
function unprivileged(): RunOptions {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534, env: { HOME: tmpdir() } } : {};
}

async function runCase(index: number, c: Case): Promise<void> {
  const dir = join(work, `case-${index}`);
  await mkdir(dir);
  const { resume, exportArgs = [] } = await c.setup(dir);
  // The default output folder, unless the case names its own: earlier exports already in it.
  const outDir = exportArgs.includes('--out') ? dir : join(dir, 'dist');
  if (!exportArgs.includes('--out')) {
    await mkdir(outDir);
    for (const [name, content] of Object.entries(EARLIER))
      await writeFile(join(outDir, name), content);
  }
  const options = c.unprivileged ? unprivileged() : {};
  if (c.unprivileged) {
    // Everything but the résumé itself is open to the unprivileged user.
    await chmod(work, 0o755);
    for (const path of [dir, outDir]) await chmod(path, 0o777);
    for (const name of Object.keys(EARLIER)) await chmod(join(outDir, name), 0o666);
  }
  const inputBefore = await hashOf(resume);
  const outBefore = await filesIn(outDir);
  const outArgs = exportArgs.includes('--out') ? [] : ['--out', outDir];
  const [validate, exported] = await Promise.all([
    c.validate === null ? undefined : runScript('validate', [resume], options),
    runScript('export', ['--resume', resume, ...outArgs, ...exportArgs], options),
  ]);
  outcomes.set(c.name, {
    ...(validate && { validate }),
    export: exported,
    inputBefore,
    inputAfter: await hashOf(resume),
    outBefore,
    outAfter: await filesIn(outDir),
  });
}

beforeAll(async () => {
  await inPool(CASES.map((c, index) => () => runCase(index, c)));
}, 300_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function expectClear(result: CliResult, says: RegExp): void {
  expect(stackLines(result.stdout + result.stderr)).toEqual([]);
  expect(result.stderr).toMatch(says);
}

describe.each(CASES)('$name', (c) => {
  const outcome = (): Outcome => {
    const found = outcomes.get(c.name);
    if (!found) throw new Error(`case ${c.name} did not run`);
    return found;
  };

  if (c.validate !== null) {
    it(`npm run validate exits ${c.validate} with a clear message`, () => {
      const { validate } = outcome();
      expect(validate?.code, validate?.stderr).toBe(c.validate);
      if (validate && c.validate !== 0) expectClear(validate, c.says);
      expect(stackLines(validate?.stderr ?? '')).toEqual([]);
    });
  }

  it(`npm run export exits ${c.export} with a clear message`, () => {
    const { export: result } = outcome();
    expect(result.code, result.stderr).toBe(c.export);
    expectClear(result, c.says);
    if (c.export !== 0) expect(result.stderr).toMatch(/^✖ /m);
  });

  it('leaves the résumé, earlier exports and the folder as they were (no partial or temporary file)', () => {
    const { inputBefore, inputAfter, outBefore, outAfter } = outcome();
    expect(inputAfter).toBe(inputBefore);
    if (c.export === 0) {
      // Only the requested format was rewritten; nothing else changed or appeared.
      expect(Object.keys(outAfter).sort()).toEqual(Object.keys(outBefore).sort());
      expect(outAfter['resume.pdf']).toBe(outBefore['resume.pdf']);
      expect(outAfter['resume.html']).not.toBe(outBefore['resume.html']);
    } else {
      expect(outAfter).toEqual(outBefore);
    }
  });
});
