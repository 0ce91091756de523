/**
 * The theme as npm users get it: packed from a clean clone of the repository (so `prepack` must
 * build everything), installed into empty projects, and used the ways consumers use it —
 * require, import, TypeScript under three module resolutions, a bundler, the oldest Node in
 * `engines`, the package linters, and the shipped schemas in generic validators.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESUME_CLI_VERSION } from '../../src/maintainer/clients.js';
import { bin, run, type CliResult } from '../support/cli.js';
import { otherThemesDir, repoRoot, seedResumePath } from '../support/paths.js';

/** A program of the tools installed beside the published themes (tests/other-themes). */
const toolBin = (name: string) => join(otherThemesDir, 'node_modules', '.bin', name);
const THEME = 'jsonresume-theme-camera-ready';
const NAME = (JSON.parse(readFileSync(seedResumePath, 'utf8')) as { basics: { name: string } })
  .basics.name;
const work = mkdtempSync(join(tmpdir(), 'camera-ready-consumers-'));
const consumer = join(work, 'consumer');
let tarball = '';
let manifest: { version: string; engines: { node: string } };

function ok(result: CliResult, step: string): CliResult {
  if (result.code !== 0) {
    throw new Error(`${step} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

const npm = (args: string[], cwd: string) =>
  run('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd,
    timeoutMs: 300_000,
  });

/** A program that renders the seed CV and prints the HTML's length and the name it shows. */
const probe = (load: string) => `${load}
const resume = JSON.parse(require('node:fs').readFileSync('resume.json', 'utf8'));
const html = theme.render(resume);
console.log(JSON.stringify({ ok: html.includes(${JSON.stringify(NAME)}), length: html.length }));`;

beforeAll(async () => {
  const clone = join(work, 'clone');
  ok(await run('git', ['clone', '--quiet', repoRoot, clone]), 'git clone');
  // Only what the theme's own build needs: its workspace's dependencies.
  ok(await npm(['install', '--workspace', 'theme', '--ignore-scripts'], clone), 'npm install');
  const packed = ok(
    await run('npm', ['pack', '--workspace', 'theme', '--pack-destination', work, '--json'], {
      cwd: clone,
      timeoutMs: 120_000,
    }),
    'npm pack',
  );
  const [info] = JSON.parse(packed.stdout) as { filename: string }[];
  tarball = join(work, info!.filename);
  manifest = JSON.parse(
    readFileSync(join(clone, 'theme', 'package.json'), 'utf8'),
  ) as typeof manifest;

  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "private": true }\n');
  cpSync(seedResumePath, join(consumer, 'resume.json'));
  ok(await npm(['install', tarball], consumer), 'npm install <tarball>');
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function nodeProbe(file: string, source: string, node = process.execPath) {
  writeFileSync(join(consumer, file), source);
  const result = ok(await run(node, [file], { cwd: consumer }), `node ${file}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { ok: boolean; length: number };
}

describe('the packed theme from a clean clone', () => {
  it('is complete: prepack built the bundles, types and the standalone schema', async () => {
    const listed = ok(await run('tar', ['-tzf', tarball]), 'tar');
    for (const file of [
      'package/index.js',
      'package/dist/index.cjs',
      'package/dist/theme.cjs',
      'package/dist/index.mjs',
      'package/dist/data.cjs',
      'package/dist/data.mjs',
      'package/dist/data.d.cts',
      'package/dist/data.d.mts',
      'package/dist/index.d.cts',
      'package/dist/index.d.mts',
      'package/dist/resume.schema.json',
      'package/schema/resume.schema.json',
    ]) {
      expect(listed.stdout).toContain(file);
    }
  });

  it('renders through require(), require().default and the index.js resume-cli loads', async () => {
    expect(await nodeProbe('cjs.cjs', probe(`const theme = require('${THEME}');`))).toMatchObject({
      ok: true,
    });
    expect(
      await nodeProbe('cjs-default.cjs', probe(`const theme = require('${THEME}').default;`)),
    ).toMatchObject({ ok: true });
    expect(
      await nodeProbe(
        'cjs-path.cjs',
        probe(`const theme = require('./node_modules/${THEME}/index.js');`),
      ),
    ).toMatchObject({ ok: true });
  });

  it('renders through default and named ES imports', async () => {
    const esm = `import theme, { render } from '${THEME}';
import { readFileSync } from 'node:fs';
const resume = JSON.parse(readFileSync('resume.json', 'utf8'));
const html = render(resume);
console.log(JSON.stringify({ ok: html === theme.render(resume) && html.includes(${JSON.stringify(NAME)}), length: html.length }));`;
    expect(await nodeProbe('esm.mjs', esm)).toMatchObject({ ok: true });
  });

  // What a TypeScript user writes: default and named imports, the types, a JSON import of a
  // résumé (its strings are plain `string`), and a pre-1.0 field the schema allows.
  const typescriptSource = (
    jsonImport: string,
  ) => `import theme, { render, type PaperSize, type Resume } from '${THEME}';
import { PAPER_DIMENSIONS, PAPER_SIZES } from '${THEME}/data';
${jsonImport}
const legacy: Resume = { work: [{ company: 'Acme Labs', position: 'Engineer' }] };
const fromJson: Resume = resume;
const html = render(fromJson) + theme.render(legacy);
const paper: PaperSize = PAPER_SIZES[1];
const tables = PAPER_DIMENSIONS[paper].label === 'Letter' && theme.PAPER_SIZES.join() === PAPER_SIZES.join();
console.log(JSON.stringify({ ok: tables && html.includes(${JSON.stringify(NAME)}), length: html.length }));
`;

  const resolutions = [
    {
      name: 'node16, CommonJS',
      file: 'ts-node16.cts',
      out: 'ts-node16.cjs',
      options: ['--module', 'node16', '--moduleResolution', 'node16'],
      json: `import resume = require('./resume.json');`,
    },
    {
      name: 'nodenext, ES module',
      file: 'ts-nodenext.mts',
      out: 'ts-nodenext.mjs',
      options: ['--module', 'nodenext', '--moduleResolution', 'nodenext'],
      json: `import resume from './resume.json' with { type: 'json' };`,
    },
    {
      name: 'bundler, then bundled with esbuild',
      file: 'ts-bundler.ts',
      out: 'ts-bundler.js',
      options: ['--module', 'esnext', '--moduleResolution', 'bundler'],
      json: `import resume from './resume.json';`,
    },
  ];
  for (const resolution of resolutions) {
    it(`type-checks and renders with TypeScript (${resolution.name})`, async () => {
      writeFileSync(join(consumer, resolution.file), typescriptSource(resolution.json));
      const compiled = await run(
        bin('tsc'),
        [
          ...resolution.options,
          '--target',
          'es2022',
          '--strict',
          '--resolveJsonModule',
          '--esModuleInterop',
          '--skipLibCheck',
          resolution.file,
        ],
        { cwd: consumer },
      );
      expect(compiled.stdout + compiled.stderr).toBe('');
      expect(compiled.code).toBe(0);
      if (resolution.out === 'ts-bundler.js') return;
      const result = ok(await run(process.execPath, [resolution.out], { cwd: consumer }), 'node');
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: true });
    });
  }

  it('renders from an esbuild bundle moved away from node_modules (no file read at run time)', async () => {
    const entry = join(consumer, 'bundle-entry.mjs');
    writeFileSync(
      entry,
      `import { render } from '${THEME}';
export default function (resume) { return render(resume); }\n`,
    );
    const away = join(work, 'bundled');
    mkdirSync(away);
    ok(
      await run(
        bin('esbuild'),
        [entry, '--bundle', '--platform=node', '--format=cjs', `--outfile=${join(away, 'cv.cjs')}`],
        { cwd: consumer },
      ),
      'esbuild',
    );
    cpSync(seedResumePath, join(away, 'resume.json'));
    writeFileSync(
      join(away, 'run.cjs'),
      probe(`const theme = { render: require('./cv.cjs').default };`),
    );
    const result = ok(await run(process.execPath, ['run.cjs'], { cwd: away }), 'bundle');
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true });
  });

  it('passes publint --strict and arethetypeswrong', async () => {
    const publint = await run(bin('publint'), ['run', tarball, '--strict'], { cwd: work });
    expect(publint.stdout).toContain('All good');
    expect(publint.code).toBe(0);
    const attw = await run(toolBin('attw'), [tarball, '--format', 'table-flipped'], {
      cwd: work,
    });
    expect(attw.stdout).toContain('No problems found');
    expect(attw.code).toBe(0);
  });

  it('renders on the oldest Node its engines field admits', async () => {
    const oldest = /^>=\s*(\d+)$/.exec(manifest.engines.node)?.[1];
    expect(oldest, `engines.node is ${manifest.engines.node}`).toBeDefined();
    const prefix = join(work, 'oldest-node');
    mkdirSync(prefix);
    writeFileSync(join(prefix, 'package.json'), '{ "name": "oldest-node", "private": true }\n');
    ok(await npm(['install', `node@${oldest}.0.0`], prefix), 'npm install node');
    const node = join(prefix, 'node_modules', '.bin', 'node');
    const version = ok(await run(node, ['--version']), 'node --version');
    expect(version.stdout.trim()).toBe(`v${oldest}.0.0`);
    expect(
      await nodeProbe('cjs.cjs', probe(`const theme = require('${THEME}');`), node),
    ).toMatchObject({
      ok: true,
    });
    const esm = `import { render } from '${THEME}';
import { readFileSync } from 'node:fs';
const html = render(JSON.parse(readFileSync('resume.json', 'utf8')));
console.log(JSON.stringify({ ok: html.includes(${JSON.stringify(NAME)}), length: html.length }));`;
    expect(await nodeProbe('esm.mjs', esm, node)).toMatchObject({ ok: true });
  });
});

describe('the packed schemas in generic tools', () => {
  const submitted = { publications: [{ name: 'A paper', status: 'submitted' }] };
  const schemas = () => join(consumer, 'node_modules', THEME);

  beforeAll(() => writeFileSync(join(consumer, 'submitted.json'), JSON.stringify(submitted)));

  it('ajv-cli validates resume.json against schema/resume.schema.json and its references', async () => {
    const ajv = (data: string) =>
      run(
        toolBin('ajv'),
        [
          'validate',
          '--spec=draft7',
          '-c',
          'ajv-formats',
          '-s',
          join(schemas(), 'schema', 'resume.schema.json'),
          '-r',
          join(schemas(), 'schema', 'jsonresume.schema.json'),
          '-r',
          join(schemas(), 'schema', 'extensions.schema.json'),
          '-d',
          data,
        ],
        { cwd: consumer },
      );
    const valid = await ajv('resume.json');
    expect(valid.stdout + valid.stderr).toContain('resume.json valid');
    expect(valid.code).toBe(0);
    const invalid = await ajv('submitted.json');
    expect(invalid.stdout + invalid.stderr).toContain('/publications/0/status');
    expect(invalid.code).toBe(1);
  });

  it('ajv-cli validates against the standalone dist/resume.schema.json', async () => {
    const schema = join(schemas(), 'dist', 'resume.schema.json');
    const args = ['validate', '--spec=draft7', '-c', 'ajv-formats', '-s', schema, '-d'];
    const valid = await run(toolBin('ajv'), [...args, 'resume.json'], { cwd: consumer });
    expect(valid.code).toBe(0);
    const invalid = await run(toolBin('ajv'), [...args, 'submitted.json'], { cwd: consumer });
    expect(invalid.code).toBe(1);
  });

  it(`resume-cli ${RESUME_CLI_VERSION} validate --schema accepts resume.json and rejects "submitted"`, async () => {
    ok(
      await npm(['install', '--ignore-scripts', `resume-cli@${RESUME_CLI_VERSION}`], consumer),
      'npm install resume-cli',
    );
    const resume = join(consumer, 'node_modules', '.bin', 'resume');
    const schema = join(schemas(), 'dist', 'resume.schema.json');
    const valid = await run(resume, ['validate', '--schema', schema], { cwd: consumer });
    expect(valid.stderr).toBe('');
    expect(valid.code).toBe(0);
    const invalid = await run(
      resume,
      ['validate', '--schema', schema, '--resume', 'submitted.json'],
      { cwd: consumer },
    );
    expect(invalid.stderr).toContain('Invalid property "submitted"');
    expect(invalid.code).toBe(1);
  });
});
