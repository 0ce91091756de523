/**
 * `npm run dev` with a theme whose render never returns (it starts a `sleep`, then loops): the
 * preview renders in the export's theme worker, so the address is printed, the page shows the
 * export's time-limit error once --timeout has passed, requests are answered while the theme
 * loops, and Ctrl+C ends the preview at once with the theme's whole process group; an edit of the
 * theme ends a looping render at once. Every process of the run inherits a private TMPDIR, which
 * finds them (tests/support/probe.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, expect, it } from 'vitest';
import { htmlToText } from '../../src/maintainer/read-output.js';
import { runScript, scriptCommand, stackLines } from '../support/cli.js';
import { repoRoot, seedResumePath } from '../support/paths.js';
import { processesMentioning } from '../support/probe.js';

const work = mkdtempSync(join(tmpdir(), 'dev-theme-limit-'));
const theme = join(work, 'hang');
mkdirSync(theme);
writeFileSync(
  join(theme, 'package.json'),
  JSON.stringify({ name: 'jsonresume-theme-hang', main: 'index.js' }),
);
writeFileSync(
  join(theme, 'index.js'),
  [
    "const { spawn } = require('node:child_process');",
    // A process of its own, as a theme that shells out starts: it must end with the theme.
    "module.exports = { render() { spawn('sleep', ['300'], { stdio: 'ignore' }); for (;;) {} } };",
  ].join('\n'),
);
const resume = join(work, 'resume.json');
const seedText = readFileSync(seedResumePath, 'utf8');
writeFileSync(resume, seedText);

let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill('SIGKILL');
  // Whatever a failed run left behind (the old preview ran the theme in its own process).
  for (const line of processesMentioning(work)) {
    try {
      process.kill(Number(line.split(' ')[0]), 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
  rmSync(work, { recursive: true, force: true });
});

/** `npm run dev` on `themeFolder` with `--timeout seconds`; its output is collected as it comes. */
function startDev(themeFolder: string, seconds: number) {
  const [program, args] = scriptCommand('dev');
  const child = spawn(
    program,
    [
      ...args,
      '--port',
      '0',
      '--resume',
      resume,
      '--theme',
      themeFolder,
      '--timeout',
      String(seconds),
    ],
    { cwd: repoRoot, env: { ...process.env, TMPDIR: work }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server = child;
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  return { child, output };
}

/** Polls until `check` holds, or fails after `limitMs` saying what was awaited. */
async function waitFor(what: string, check: () => boolean, limitMs: number): Promise<void> {
  for (const end = performance.now() + limitMs; !check(); await delay(25)) {
    if (performance.now() > end) throw new Error(`${what}: not within ${limitMs} ms`);
  }
}

/** The process group of each process `processesMentioning` lists ("pid name (state, group g)"). */
const groupOf = (line: string) => Number(/group (\d+)\)$/.exec(line)?.[1]);

/** Live processes of process group `group`, from /proc. */
function groupMembers(group: number): string[] {
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return state !== 'Z' && state !== 'X' && Number(pgrp) === group;
    } catch {
      return false;
    }
  });
}

it('shows the time-limit error, keeps answering, and ends on Ctrl+C with the theme’s processes', async () => {
  const startedAt = performance.now();
  const { child, output } = startDev(theme, 2);
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: performance.now() })),
  );

  await waitFor(
    `the address printed (${output.stderr})`,
    () => output.stdout.includes('Serving'),
    30_000,
  );
  const url = /Serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.stdout)?.[1] ?? '';
  const first = await fetch(url);
  const errorPageAt = performance.now();
  const page = htmlToText(await first.text());
  expect(first.status).toBe(200);
  expect(page).toContain('Theme jsonresume-theme-hang did not render within 2 s and was stopped');
  expect(page).toContain('raise the limit with --timeout');
  expect(output.stderr).toContain('did not render within 2 s');
  console.log(`dev theme limit: start → error page ${Math.round(errorPageAt - startedAt)} ms`);
  // The worker that ran out of time is gone, with the process its theme started.
  expect(processesMentioning(work).filter((line) => / sleep \(/.test(line))).toEqual([]);

  const second = await fetch(url);
  expect(second.status).toBe(200);
  expect(htmlToText(await second.text())).toContain('did not render within 2 s');

  // A save renders again: the theme loops in a new worker while the server answers.
  writeFileSync(resume, seedText.replace('"Binjie Zhang"', '"Binjie Q. Zhang"'));
  await waitFor(
    `the theme's sleep started (${output.stderr})`,
    () => processesMentioning(work).some((line) => / sleep \(/.test(line)),
    20_000,
  );
  const during = await fetch(url);
  expect(during.status).toBe(200);
  const themeGroups = [
    ...new Set(
      processesMentioning(work)
        .filter((line) => / sleep \(/.test(line))
        .map(groupOf),
    ),
  ];
  // The theme runs in a process group of its own, not the preview's.
  expect(themeGroups).toHaveLength(1);
  expect(themeGroups).not.toContain(child.pid);
  expect(groupMembers(themeGroups[0]!).length).toBeGreaterThanOrEqual(2);

  const interruptedAt = performance.now();
  child.kill('SIGINT');
  const { code, at } = await exited;
  const stopMs = Math.round(at - interruptedAt);
  console.log(`dev theme limit: Ctrl+C → exit ${stopMs} ms`);
  expect(code).toBe(0);
  expect(stopMs).toBeLessThan(1000);
  // SIGKILL to the theme's group is sent before the preview exits; the kernel ends them at once.
  await waitFor(
    `the theme's processes ended: ${processesMentioning(work).join(', ')}`,
    () => groupMembers(themeGroups[0]!).length === 0 && processesMentioning(work).length === 0,
    500,
  );
});

it('refuses a theme that is not there at start, in the loader’s words, with exit 2', async () => {
  const missing = join(work, 'no-such-theme');
  const result = await runScript('dev', ['--port', '0', '--resume', resume, '--theme', missing], {
    timeoutMs: 30_000,
  });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(`Theme folder ${missing} does not exist.`);
  expect(result.stdout).not.toContain('Serving');
  expect(stackLines(result.stderr)).toEqual([]);
});

it('ends a render that loops when the theme is edited, and shows the edited theme at once', async () => {
  const edited = join(work, 'edited');
  mkdirSync(join(edited, 'lib'), { recursive: true });
  writeFileSync(
    join(edited, 'package.json'),
    JSON.stringify({ name: 'jsonresume-theme-edited', main: 'index.js' }),
  );
  writeFileSync(join(edited, 'index.js'), "module.exports = require('./lib/render.js');");
  const renderer = (body: string) =>
    writeFileSync(join(edited, 'lib', 'render.js'), `module.exports = { render() { ${body} } };`);
  renderer("return '<!doctype html><html><body><p>first</p></body></html>';");
  // A limit far beyond the wait below: the edit, not the limit, ends the looping render.
  const { child, output } = startDev(edited, 120);
  try {
    await waitFor(
      `the address printed (${output.stderr})`,
      () => output.stdout.includes('Serving'),
      30_000,
    );
    const url = /Serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.stdout)?.[1] ?? '';
    expect(await (await fetch(url)).text()).toContain('<p>first</p>');

    renderer(
      "require('node:child_process').spawn('sleep', ['300'], { stdio: 'ignore' }); for (;;) {}",
    );
    await waitFor(
      `the theme's sleep started (${output.stderr})`,
      () => processesMentioning(work).some((line) => / sleep \(/.test(line)),
      20_000,
    );
    const fixedAt = performance.now();
    renderer("return '<!doctype html><html><body><p>fixed</p></body></html>';");
    let page = '';
    await waitFor(
      `the edited theme shown (${output.stderr})`,
      () => {
        fetch(url)
          .then(async (response) => (page = await response.text()))
          // A request still under way when the preview is killed fails; the next one counts.
          .catch(() => undefined);
        return page.includes('<p>fixed</p>');
      },
      20_000,
    );
    console.log(`dev theme limit: edit → fixed page ${Math.round(performance.now() - fixedAt)} ms`);
    expect(page).not.toContain('role="alert"');
    // The looping render was ended with its process group, not reported as a problem.
    expect(processesMentioning(work).filter((line) => / sleep \(/.test(line))).toEqual([]);
    expect(output.stderr).not.toContain('✖');
  } finally {
    child.kill('SIGKILL');
  }
});
