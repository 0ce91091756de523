/**
 * `npm run dev` end to end: the real command on a free port, a copy of the résumé and of the
 * theme, edits on disk, and the page and event stream as a browser sees them.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateText } from '../../src/resume/validate.js';
import { runScript, scriptCommand, stackLines } from '../support/cli.js';
import { repoRoot, seedResumePath, themeDir } from '../support/paths.js';
import { htmlToText } from '../../src/maintainer/read-output.js';

// Inside the repository, so the theme copy finds its dependencies in node_modules.
mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
const work = mkdtempSync(join(repoRoot, '.tmp', 'dev-test-'));
const resume = join(work, 'resume.json');
const theme = join(work, 'theme');
const seedText = readFileSync(seedResumePath, 'utf8');
const headerTemplate = join(theme, 'templates', 'header.hbs');

let server: ChildProcess;
let url: string;
let stderr = '';
let events: IncomingMessage;
const versions: { version: string; at: number }[] = [];
const waiting: (() => void)[] = [];

/** Resolves with the first version announced after `since` (a performance.now() time). */
function versionAfter(since: number, timeoutMs = 20_000): Promise<{ version: string; at: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no reload event within ${timeoutMs} ms; server said:\n${stderr}`)),
      timeoutMs,
    );
    const check = () => {
      const found = versions.find((v) => v.at > since);
      if (!found) return false;
      clearTimeout(timer);
      resolve(found);
      return true;
    };
    if (!check()) waiting.push(() => void check());
  });
}

function fetchPage(path = '/'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(new URL(path, url), (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

/**
 * The page once no problem is shown, or as it is after `limitMs`. A save can follow other events
 * of the same file (a removal, a truncation) whose renders still report a problem.
 */
async function pageOnceClear(limitMs = 20_000): Promise<string> {
  const end = performance.now() + limitMs;
  for (;;) {
    const { body } = await fetchPage();
    if (!body.includes('role="alert"') || performance.now() > end) return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Writes `text` to `file` and waits for the reload event it causes; returns the delay. */
async function saveAndWait(file: string, text: string): Promise<number> {
  const savedAt = performance.now();
  writeFileSync(file, text);
  const { at } = await versionAfter(savedAt);
  return at - savedAt;
}

beforeAll(async () => {
  writeFileSync(resume, seedText);
  mkdirSync(theme);
  // The whole theme workspace: templates are compiled into dist/ by its build, which the
  // server runs again when a template changes.
  for (const part of [
    'index.js',
    'package.json',
    'tsconfig.json',
    'dist',
    'fonts',
    'icons',
    'schema',
    'scripts',
    'src',
    'templates',
    'styles',
  ]) {
    // Timestamps kept, so its build sees the type declarations as current, as in the repository.
    cpSync(join(themeDir, part), join(theme, part), { recursive: true, preserveTimestamps: true });
  }
  const [program, args] = scriptCommand('dev');
  server = spawn(program, [...args, '--port', '0', '--resume', resume, '--theme', theme], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    server.once('exit', (code) => reject(new Error(`dev server exited (${code}):\n${stderr}`)));
  });
  events = await new Promise<IncomingMessage>((resolve, reject) => {
    get(new URL('/__events', url), resolve).on('error', reject);
  });
  let buffer = '';
  events.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const version = /^data: (.+)$/m.exec(buffer.slice(0, end))?.[1];
      buffer = buffer.slice(end + 2);
      if (version) versions.push({ version, at: performance.now() });
      waiting.splice(0).forEach((wake) => wake());
    }
  });
  await versionAfter(0);
});

afterAll(() => {
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('serves the rendered CV with the reload script, on 127.0.0.1 only', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetchPage();
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Binjie Zhang</h1>');
    expect(page.body).toContain('new EventSource("/__events")');
    expect(page.body).not.toContain('role="alert"');
    expect((await fetchPage('/nothing-here')).status).toBe(404);
  });

  it('pushes a reload event after the résumé is saved, and serves the new render', async () => {
    const latency = await saveAndWait(
      resume,
      seedText.replace('"Binjie Zhang"', '"Binjie Q. Zhang"'),
    );
    console.log(`dev reload: save → event ${latency.toFixed(0)} ms`);
    expect((await fetchPage()).body).toContain('<h1>Binjie Q. Zhang</h1>');
  });

  it('shows the validator’s message over the last good render for invalid JSON', async () => {
    const broken = seedText.replace('"Binjie Zhang",', '"Binjie Zhang"');
    await saveAndWait(resume, broken);
    const { diagnostics } = validateText(broken, resume);
    expect(diagnostics[0]?.message).toBeTruthy();
    const page = await fetchPage();
    expect(page.body).toContain('role="alert"');
    expect(htmlToText(page.body)).toContain(diagnostics[0]?.message);
    // The last good render is still what is shown under the banner.
    expect(page.body).toContain('<h1>Binjie Q. Zhang</h1>');
    expect(stderr).toContain(diagnostics[0]?.message);
  });

  it('shows schema errors too, and survives the file disappearing for a moment', async () => {
    await saveAndWait(resume, seedText.replace('"2023-01"', '"January 2023"'));
    expect(htmlToText((await fetchPage()).body)).toMatch(/education\[0\]\.startDate/);

    const removedAt = performance.now();
    rmSync(resume);
    await versionAfter(removedAt);
    expect(htmlToText((await fetchPage()).body)).toContain('resume.json cannot be read');
  });

  it('recovers on the next valid save', async () => {
    await saveAndWait(resume, seedText);
    const page = await fetchPage();
    expect(page.body).not.toContain('role="alert"');
    expect(page.body).toContain('<h1>Binjie Zhang</h1>');
  });

  it('reloads the theme when one of its templates changes, and survives a broken one', async () => {
    const template = readFileSync(headerTemplate, 'utf8');
    await saveAndWait(headerTemplate, template.replace('<header', '<p>Edited template</p><header'));
    expect((await fetchPage()).body).toContain('<p>Edited template</p>');

    await saveAndWait(headerTemplate, `${template}{{#if}`);
    const page = await fetchPage();
    expect(page.body).toContain('role="alert"');
    expect(page.body).toContain('<p>Edited template</p>');

    await saveAndWait(headerTemplate, template);
    const restored = await fetchPage();
    expect(restored.body).not.toContain('role="alert"');
    expect(restored.body).not.toContain('Edited template');
  });

  it('reports a named pipe put at the résumé path instead of waiting on it, and recovers', async () => {
    // Made beside it and renamed over it, as editors save: one change, no moment without a file.
    const pipe = join(work, 'pipe');
    execFileSync('mkfifo', [pipe]);
    const replacedAt = performance.now();
    renameSync(pipe, resume);
    await versionAfter(replacedAt);
    const page = await fetchPage();
    expect(htmlToText(page.body)).toMatch(/resume\.json cannot be read.*named pipe \(FIFO\)/);
    expect(page.body).toContain('<h1>Binjie Zhang</h1>');
    rmSync(resume);
    await saveAndWait(resume, seedText);
    expect(await pageOnceClear()).not.toContain('role="alert"');
  });

  it('reads the résumé as strictly as validate: text that is not UTF-8 is reported, not shown garbled', async () => {
    // "José" in Latin-1: the é is one byte that UTF-8 does not allow there.
    const latin1 = Buffer.from(seedText.replace('"Binjie Zhang"', '"José Zhang"'), 'latin1');
    const savedAt = performance.now();
    writeFileSync(resume, latin1);
    await versionAfter(savedAt);
    const page = htmlToText((await fetchPage()).body);
    expect(page).toContain('resume.json cannot be read');
    expect(page).toContain('the file is not UTF-8 text');
    expect(page).not.toContain('Jos\uFFFD');
    await saveAndWait(resume, seedText);
    expect(await pageOnceClear()).not.toContain('role="alert"');
  });

  it('refuses an unknown --variant at start with exit 2, as export does', async () => {
    const own = join(work, 'variant-typo.json');
    writeFileSync(own, seedText);
    const result = await runScript('dev', ['--port', '0', '--resume', own, '--variant', 'typo'], {
      timeoutMs: 30_000,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--variant typo: Unknown variant "typo"');
    expect(result.stderr).toContain('Defined variants: academic, industry');
    expect(result.stdout).not.toContain('Serving');
    expect(stackLines(result.stderr)).toEqual([]);
  });

  it('stops cleanly on SIGTERM: the process exits 0 and the port is free', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetchPage()).rejects.toThrow(/ECONNREFUSED/);
  });
});
