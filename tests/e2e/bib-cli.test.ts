/**
 * The real `npm run import` and `npm run export -- --format bib` command lines: exit codes,
 * located messages with fixes, entry-by-entry dry runs, no stack traces.
 */
import { chmod, copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runScript, stackLines } from '../support/cli.js';
import { repoRoot, seedResumePath } from '../support/paths.js';

const fixtures = join(repoRoot, 'tests', 'fixtures', 'bib');
const plain = { env: { NO_COLOR: '1' } };
let scratch: string;
let counter = 0;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'bib-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function ownerResume(name = 'Tomás Ferreira'): Promise<string> {
  const path = join(scratch, `resume-${counter++}.json`);
  await writeFile(path, `${JSON.stringify({ basics: { name } }, null, 2)}\n`);
  return path;
}

describe('npm run import', () => {
  test('--help prints the usage and the exit codes', async () => {
    const result = await runScript('import', ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: npm run import -- <refs.bib>');
    expect(result.stdout).toContain('--dry-run');
    expect(result.stdout).toContain('Exit codes: 0 merged, 1 invalid input');
  });

  test.each([
    [[], 'which .bib file?'],
    [['a.bib', 'b.bib'], 'expected one .bib file, got 2'],
    [['a.bib', '--colour'], 'unknown option --colour.'],
    [['a.bib', '--owner'], 'option --owner needs a value.'],
  ])('%j exits 2: %s', async (args, message) => {
    const result = await runScript('import', args, plain);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Run with --help for usage.');
    expect(stackLines(result.stderr)).toEqual([]);
  });

  test('a .bib file that does not exist exits 2 and says so', async () => {
    const resume = await ownerResume();
    const missing = join(scratch, 'nowhere.bib');
    const result = await runScript('import', [missing, '--resume', resume], plain);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot read ${missing}: no such file.`);
    expect(result.stderr).toContain('fix: check the path of the .bib file');
  });

  test('a .bib file in Latin-1 exits 1 and asks for UTF-8', async () => {
    const resume = await ownerResume();
    const bib = join(scratch, 'latin1.bib');
    await writeFile(bib, Buffer.from('@misc{k, title={Caf\xe9}}\n', 'latin1'));
    const result = await runScript('import', [bib, '--resume', resume], plain);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bib}  error  the .bib file is not UTF-8 text`);
    expect(result.stderr).toContain('fix: save it as UTF-8');
  });

  test('a malformed entry: reported at file:line:column with its key and a fix; the others are imported; exit 1', async () => {
    const resume = await ownerResume();
    const bib = join(fixtures, 'malformed.bib');
    const result = await runScript('import', [bib, '--resume', resume], plain);
    expect(result.code).toBe(1);
    const lines = (await readFile(bib, 'utf8')).split('\n');
    const line =
      lines.findIndex(
        (l) => l.startsWith('  author') && lines[lines.indexOf(l) - 1]!.includes('Its Comma'),
      ) + 1;
    expect(result.stderr).toContain(
      `${bib}:${line}:3  error  broken-comma  entry broken-comma cannot be read`,
    );
    expect(result.stderr).toMatch(/\n {4}fix: check this entry’s braces and commas/);
    expect(stackLines(result.stdout + result.stderr)).toEqual([]);
    const written = JSON.parse(await readFile(resume, 'utf8')) as Resume;
    expect(written.publications?.map((p) => p.id)).toEqual(['good-first', 'good-last']);
    expect(result.stdout).toContain('2 added, 0 updated, 0 unchanged');
  });

  test('--dry-run lists each change and leaves the résumé as it was', async () => {
    const resume = join(scratch, `frozen-${counter++}.json`);
    await copyFile(seedResumePath, resume);
    const bib = join(scratch, 'one.bib');
    await writeFile(
      bib,
      '@inproceedings{rcfc, title={{RCFC}: Lifelong Imitation Learning via Prototype Replay and Coarse-to-Fine Compatibility}, author={Zhang, Binjie and others}, booktitle={Conference on Robot Learning (CoRL)}, year={2026}, note={Under review}}\n' +
        '@misc{fresh2025, title={A Fresh Paper}, author={Zhang, Binjie and Roe, Richard}, year={2025}, eprint={2501.01234}, archiveprefix={arXiv}}\n',
    );
    const before = await readFile(resume, 'utf8');
    const result = await runScript(
      'import',
      [bib, '--resume', resume, '--dry-run', '--quiet'],
      plain,
    );
    expect(result.code).toBe(0);
    expect(await readFile(resume, 'utf8')).toBe(before);
    const out = result.stdout;
    expect(out).toContain(
      '~ update    rcfc  "RCFC: Lifelong Imitation Learning via Prototype Replay an…" → publications[1]',
    );
    expect(out).toContain('      venue: "ICML" → "CoRL"');
    expect(out).toContain(
      '      publisher: "ICML 2026 (under review; review scores 4, 4, 4, 2)" → "CoRL 2026 (under review; review scores 4, 4, 4, 2)"',
    );
    expect(out).toContain('+ add       fresh2025  "A Fresh Paper" → publications[4]');
    expect(out).toContain('? absent    publications[0] "ReGRPO');
    expect(out).toContain('1 added, 1 updated, 0 unchanged, 7 only in');
    expect(out).toContain('Dry run: ');
    expect(result.stderr).toBe('');
  });

  test('a résumé with errors of its own is not touched: exit 1 with the validator’s report', async () => {
    const resume = join(scratch, `bad-${counter++}.json`);
    const text = '{ "basics": { "name": "Tomás Ferreira", "url": "#" } }\n';
    await writeFile(resume, text);
    const result = await runScript(
      'import',
      [join(fixtures, 'arxiv.bib'), '--resume', resume],
      plain,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${resume}:1:${text.indexOf('"#"') + 1}  error  basics.url`);
    expect(result.stderr).not.toContain('merged');
    expect(result.stderr).toContain('fix them first, then import again. Nothing was written.');
    expect(await readFile(resume, 'utf8')).toBe(
      '{ "basics": { "name": "Tomás Ferreira", "url": "#" } }\n',
    );
  });

  test('a résumé in a folder it cannot write to: exit 2, the file unchanged, no stack trace', async () => {
    const folder = await mkdtemp(join(scratch, 'locked-'));
    const resume = join(folder, 'resume.json');
    const text = `${JSON.stringify({ basics: { name: 'Tomás Ferreira' } }, null, 2)}\n`;
    await writeFile(resume, text, { mode: 0o644 });
    await chmod(folder, 0o555);
    // Root writes anywhere, so as root the command runs as the unprivileged "nobody" user.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) await chmod(scratch, 0o755);
    const result = await runScript('import', [join(fixtures, 'arxiv.bib'), '--resume', resume], {
      ...plain,
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    await chmod(folder, 0o755);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot write ${resume} (`);
    expect(result.stderr).toContain('it is unchanged.');
    expect(result.stdout).toContain(
      `2 added, 0 updated, 0 unchanged, 0 only in ${resume}. ${resume} not written.`,
    );
    expect(stackLines(result.stdout + result.stderr)).toEqual([]);
    expect(await readFile(resume, 'utf8')).toBe(text);
  });

  test('--owner names the owner when basics.name is written differently', async () => {
    const resume = await ownerResume('Dr. T. Ferreira-Lima');
    const result = await runScript(
      'import',
      [join(fixtures, 'arxiv.bib'), '--resume', resume, '--owner', 'Tomás Ferreira'],
      plain,
    );
    expect(result.code).toBe(0);
    const written = JSON.parse(await readFile(resume, 'utf8')) as Resume;
    expect(written.publications?.map((p) => p.firstAuthor)).toEqual([true, false]);
  });
});

describe('npm run export -- --format bib', () => {
  test('writes resume.bib: keys from ids, LaTeX specials escaped, status as a note', async () => {
    const resume = join(scratch, `export-${counter++}.json`);
    const out = join(scratch, `out-${counter++}`);
    await writeFile(
      resume,
      JSON.stringify({
        basics: { name: 'Tomás Ferreira' },
        publications: [
          {
            id: 'ferreira2025nets',
            name: 'Nets & Bolts: 100% of $5 for C#',
            authors: ['Tomás Ferreira', 'Anna van der Berg'],
            venue: 'CoRL',
            releaseDate: '2025-03',
            status: 'accepted',
            url: 'https://doi.org/10.5555/nets_1',
          },
          {
            name: 'Untitled Draft Idea',
            firstAuthor: true,
            status: 'in-preparation',
            releaseDate: '2026',
          },
          {
            name: 'Streams in Step',
            authors: ['Kwame Mensah', 'Tomás Ferreira', 'et al.'],
            venue: 'Journal of Sensor Learning',
            releaseDate: '2024-03-05',
            url: 'https://example.org/streams?id=1',
          },
        ],
      }),
    );
    const result = await runScript(
      'export',
      ['--resume', resume, '--format', 'bib', '--out', out],
      plain,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('resume.bib — 3 entries');
    const bib = await readFile(join(out, 'resume.bib'), 'utf8');
    expect(bib).toBe(
      [
        '@inproceedings{ferreira2025nets,',
        '  author = {Ferreira, Tomás and van der Berg, Anna},',
        '  title = {{Nets \\& Bolts: 100\\% of \\$5 for C\\#}},',
        '  booktitle = {CoRL},',
        '  year = {2025},',
        '  month = mar,',
        '  doi = {10.5555/nets_1},',
        '  note = {To appear},',
        '}',
        '',
        '@misc{ferreira2026untitled,',
        '  author = {Ferreira, Tomás and others},',
        '  title = {{Untitled Draft Idea}},',
        '  year = {2026},',
        '  note = {In preparation},',
        '}',
        '',
        '@article{mensah2024streams,',
        '  author = {Mensah, Kwame and Ferreira, Tomás and others},',
        '  title = {{Streams in Step}},',
        '  journal = {Journal of Sensor Learning},',
        '  year = {2024},',
        '  month = mar,',
        '  date = {2024-03-05},',
        '  url = {https://example.org/streams?id=1},',
        '}',
        '',
      ].join('\n'),
    );
  });
});
