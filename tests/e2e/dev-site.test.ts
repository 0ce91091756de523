/**
 * `npm run dev -- --site`: the preview shows the page as `--format site` publishes it — title,
 * sharing tags, icon and the download bar — still with the preview's reload script.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptCommand } from '../support/cli.js';
import { repoRoot, seedResumePath } from '../support/paths.js';

const work = mkdtempSync(join(tmpdir(), 'dev-site-'));
const resume = join(work, 'resume.json');
let server: ChildProcess;
let stderr = '';

/** The served page once the first render is in (before it, the preview shows "rendering"). */
async function renderedPage(url: string, timeoutMs = 60_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const body = await (await fetch(url)).text();
    if (body.includes('<main class="cv">')) return body;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no render within ${timeoutMs} ms; the preview said:\n${stderr}`);
}

let page: string;

beforeAll(async () => {
  writeFileSync(resume, readFileSync(seedResumePath));
  const [program, args] = scriptCommand('dev');
  server = spawn(program, [...args, '--site', '--port', '0', '--resume', resume], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    server.once('exit', (code) => reject(new Error(`the preview exited (${code}):\n${stderr}`)));
  });
  page = await renderedPage(url);
});

afterAll(() => {
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

describe('npm run dev -- --site', () => {
  it('shows the site page: its title, sharing tags, icon and bar', () => {
    expect(page.match(/<title>/g)).toHaveLength(1);
    expect(page).toContain('<title>Binjie Zhang — Ph.D. Candidate');
    expect(page).toContain('<meta property="og:title" content="Binjie Zhang');
    expect(page).toContain('<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,');
    expect(page).toContain('<script type="application/ld+json">');
    expect(page).toMatch(/<body>\n<nav class="site-bar"/);
    expect(page).toContain('<a href="resume.pdf" download>Download PDF</a>');
    expect(page).toContain('Updated <time datetime="2026-11-24">24 November 2026</time>');
  });

  it('keeps the preview’s reload script', () => {
    expect(page).toContain('new EventSource("/__events")');
  });
});
