/**
 * Exports that used to hang or fail for the wrong reason: every published theme in PNG, lazy
 * images, a long TMPDIR, dialogs, themes and pages that never finish, and interrupts at several
 * moments — each ends promptly with a message naming the step, and leaves no browser process and
 * no profile folder behind.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript, scriptCommand, stackLines, type CliResult } from '../support/cli.js';
import { inPool } from '../../src/maintainer/run.js';
import { filesIn } from '../support/files.js';
import {
  hostileTheme,
  processesMentioning,
  writeProbeResume,
  type Behaviour,
  type Probe,
} from '../support/probe.js';
import { THEME_MEMORY_LIMIT_MB } from '../../src/export/theme-render.js';
import { OTHER_THEMES } from '../../src/maintainer/other-themes.js';
import { otherThemesDir, repoRoot, seedResumePath } from '../support/paths.js';

const work = mkdtempSync(join(tmpdir(), 'export-limits-'));
const temporaries: string[] = [];
afterAll(() => {
  for (const folder of [work, ...temporaries]) rmSync(folder, { recursive: true, force: true });
});

/**
 * A private TMPDIR per run, so Chromium's profile folder and helpers can be told apart by it;
 * its path is short, so that only the test about long paths meets them.
 */
function privateTmp(): string {
  const folder = mkdtempSync(join(tmpdir(), 'el-'));
  temporaries.push(folder);
  return folder;
}

function hostileRun(name: string, behave: Behaviour[], extra: string[] = [], probe: Probe = {}) {
  const resume = writeProbeResume(work, `${name}.json`, {
    http: 'http://127.0.0.1:9',
    behave,
    ...probe,
  });
  return themeRun(name, resume, hostileTheme, extra);
}

/** An export of `resume` with `theme`, under a private TMPDIR. */
function themeRun(name: string, resume: string, theme: string, extra: string[] = []) {
  const tmp = privateTmp();
  const out = join(work, `${name}-out`);
  const args = ['--resume', resume, '--theme', theme, '--out', out, ...extra];
  return { args, tmp, out, env: { TMPDIR: tmp } };
}

const fixtureTheme = (name: string) => join(repoRoot, 'tests', 'fixtures', 'themes', name);

/**
 * Nothing of the run is left: no profile folder in its TMPDIR, no process that inherited it.
 * (tsx keeps its compile cache there, in tsx-<uid>.)
 */
function expectNothingLeft(tmp: string): void {
  expect(filesIn(tmp).filter((name) => !/^tsx-\d+$/.test(name))).toEqual([]);
  expect(processesMentioning(tmp)).toEqual([]);
}

describe('exports that used to hang', () => {
  it('waits for a lazy image below the fold instead of for ever', async () => {
    const run = hostileRun('lazy-image', ['lazy-image']);
    const result = await runScript('export', run.args, { env: run.env });
    expect(result.code).toBe(0);
    expect(filesIn(run.out)).toEqual(['resume.html', 'resume.pdf']);
    expectNothingLeft(run.tmp);
  });

  it('fails fast, naming the dialog, when the page opens one', async () => {
    const run = hostileRun('alert', ['alert']);
    const result = await runScript('export', run.args, { env: run.env });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      '✖ The page opened a dialog (alert: "hello from the theme"), which would wait for an answer forever.',
    );
    expect(filesIn(run.out)).toEqual([]);
    expectNothingLeft(run.tmp);
  });

  it('stops a page whose script loops for ever, naming the page load', async () => {
    const run = hostileRun('page-loop', ['page-loop'], ['--timeout', '3']);
    const result = await runScript('export', run.args, { env: run.env });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      '✖ Export to PDF failed: loading the page took longer than 3 s and was stopped',
    );
    expect(filesIn(run.out)).toEqual([]);
    expectNothingLeft(run.tmp);
  });

  it.each([
    ['render-loop', 'loops for ever'],
    ['render-hang', 'returns a promise that never settles'],
  ] as const)('stops a theme whose render %s (%s), naming the theme', async (behaviour, _) => {
    // Long enough for the worker to start and load the theme on a busy machine.
    const run = hostileRun(behaviour, [behaviour], ['--timeout', '5']);
    const result = await runScript('export', run.args, { env: run.env });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      '✖ Theme jsonresume-theme-hostile did not render within 5 s and was stopped',
    );
    expect(filesIn(run.out)).toEqual([]);
    expectNothingLeft(run.tmp);
  });

  it('fails at once, naming the theme, when its render returns a promise nothing can settle', async () => {
    const run = hostileRun('render-unsettled', ['render-unsettled']);
    const result = await runScript('export', run.args, { env: run.env });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      '✖ Theme jsonresume-theme-hostile stopped before it returned its HTML: it returned a promise that nothing can ever settle',
    );
    expectNothingLeft(run.tmp);
  });

  it('stops a theme that never returns within the default limit, well under a minute', async () => {
    const run = hostileRun('render-hang-default', ['render-hang']);
    // The run itself is killed after 60 s: the default limit must end it first.
    const result = await runScript('export', run.args, { env: run.env, timeoutMs: 60_000 });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/did not render within \d+ s and was stopped/);
    expectNothingLeft(run.tmp);
  });

  it('stops a page that reloads itself, naming the reload, and leaves no tab or browser', async () => {
    const run = hostileRun('page-reload', ['page-reload'], ['--timeout', '5']);
    const result = await runScript('export', run.args, { env: run.env, timeoutMs: 30_000 });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      '✖ The page tried to leave the résumé for about:blank (a navigation (reload))',
    );
    expect(filesIn(run.out)).toEqual([]);
    expectNothingLeft(run.tmp);
  });

  // The theme's `sleep` inherits the run's TMPDIR, so expectNothingLeft finds it if it outlives
  // the run; the run itself is killed after 30 s, long before the theme would return by itself.
  it.each([
    ['render-exec-sleep', 'waits for a program (execSync)'],
    ['render-fifo', 'reads a FIFO nobody writes to'],
  ] as const)(
    'stops a theme blocked in a system call, %s (%s), with what it started',
    async (behaviour, _) => {
      const fifo = join(work, `${behaviour}.fifo`);
      execFileSync('mkfifo', [fifo]);
      const run = hostileRun(behaviour, [behaviour], ['--timeout', '3'], { fifo });
      const result = await runScript('export', run.args, { env: run.env, timeoutMs: 30_000 });
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(
        '✖ Theme jsonresume-theme-hostile did not render within 3 s and was stopped',
      );
      expect(filesIn(run.out)).toEqual([]);
      expectNothingLeft(run.tmp);
    },
  );

  it.each([
    ['render-hog', 'in its heap'],
    ['render-hog-buffers', 'in buffers outside the heap'],
  ] as const)(
    'stops a theme that takes all the memory, %s (%s), at the cap, naming the theme and the cap',
    async (behaviour, _) => {
      // The time limit is the backstop: the memory cap must end the run first.
      const run = hostileRun(behaviour, [behaviour], ['--timeout', '8']);
      const result = await runScript('export', run.args, { env: run.env, timeoutMs: 30_000 });
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(
        `✖ Theme jsonresume-theme-hostile used more than ${THEME_MEMORY_LIMIT_MB} MB of memory while rendering and was stopped`,
      );
      // V8's own report of a full heap is not the user's business.
      expect(result.stderr).not.toContain('FATAL ERROR');
      expect(stackLines(result.stderr)).toEqual([]);
      expectNothingLeft(run.tmp);
    },
  );

  it('reports a theme that crashes as it loads at once, with its own message', async () => {
    const run = themeRun('load-crash', seedResumePath, fixtureTheme('load-crash'));
    // Well before the default 30 s limit, which the run must not wait for.
    const result = await runScript('export', run.args, { env: run.env, timeoutMs: 20_000 });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /✖ Theme jsonresume-theme-load-crash crashed while loading: ENOENT: no such file or directory, open '\S*settings\.json'\. Fix the theme\./,
    );
    expect(filesIn(run.out)).toEqual([]);
    expectNothingLeft(run.tmp);
  });
  it('starts Chromium under a TMPDIR too long for its socket in a folder below it', async () => {
    const tmp = join(work, 'a-temporary-folder-whose-path-is-long'.repeat(2));
    mkdirSync(tmp);
    const out = join(work, 'long-tmp-out');
    const result = await runScript(
      'export',
      ['--resume', seedResumePath, '--out', out, '--quiet'],
      {
        env: { TMPDIR: tmp },
      },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(filesIn(out)).toEqual(['resume.html', 'resume.pdf']);
    expectNothingLeft(tmp);
  });
});

describe('whatever a theme throws is described, with the theme and the step', () => {
  it.each([
    ['throw-null', 'null (not an Error)'],
    ['throw-symbol', 'Symbol(theme-failure) (a Symbol, not an Error)'],
    ['throw-tostring', 'a value that cannot be shown as text (reading it threw)'],
    ['throw-message-getter', 'an Error whose message cannot be read (reading it threw)'],
  ] as const)('%s', async (behaviour, described) => {
    const run = hostileRun(behaviour, [behaviour]);
    const result = await runScript('export', run.args, { env: run.env, timeoutMs: 20_000 });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      `✖ Theme jsonresume-theme-hostile failed to render: ${described}`,
    );
    expect(stackLines(result.stderr)).toEqual([]);
  });

  it('a render export that is a getter which throws', async () => {
    const run = themeRun('getter-render', seedResumePath, fixtureTheme('getter-render'));
    const result = await runScript('export', run.args, { env: run.env, timeoutMs: 20_000 });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      '✖ Theme jsonresume-theme-getter-render could not be loaded: getter-throws',
    );
  });
});

describe('PNG previews', () => {
  it('work with every published theme we support, cross-origin stylesheets skipped', async () => {
    const results: [string, CliResult][] = [];
    await inPool(
      OTHER_THEMES.map((theme) => async () => {
        const out = join(work, `png-${theme}`);
        const result = await runScript(
          'export',
          [
            ...['--resume', seedResumePath],
            '--theme',
            theme,
            '--format',
            'png',
            '--out',
            out,
            '--quiet',
          ],
          { cwd: otherThemesDir },
        );
        results.push([theme, result]);
      }),
    );
    const failed = results
      .filter(([, result]) => result.code !== 0)
      .map(([theme, result]) => `${theme}: ${result.stderr.trim()}`);
    expect(failed).toEqual([]);
    for (const theme of OTHER_THEMES) {
      expect(filesIn(join(work, `png-${theme}`))).toEqual(['resume.png']);
    }
  });

  it('keep the page margins of a theme that also links a cross-origin stylesheet', async () => {
    const run = hostileRun('cross-origin-sheet', ['cross-origin-sheet'], ['--format', 'png']);
    const result = await runScript('export', run.args, { env: run.env });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('⚠ blocked request to http://127.0.0.1:9/cdn.css');
    expect(filesIn(run.out)).toEqual(['resume.png']);
  });
});

/** Starts an export, sends `signal` once `when` is true of its stderr so far, and waits for it. */
function interrupt(
  args: string[],
  env: NodeJS.ProcessEnv,
  when: (stderr: string) => boolean,
  signal: NodeJS.Signals = 'SIGINT',
  settleMs = 300,
): Promise<CliResult & { sent: boolean; afterSignalMs: number }> {
  const [program, base] = scriptCommand('export');
  return new Promise((resolve, reject) => {
    const child = spawn(program, [...base, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    let sentAt = 0;
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const check = () => {
      if (sent || !when(stderr)) return;
      sent = true;
      setTimeout(() => {
        sentAt = performance.now();
        child.kill(signal);
      }, settleMs);
    };
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      check();
    });
    check();
    child.on('error', reject);
    child.on('close', (code, closedBy) => {
      clearTimeout(killer);
      resolve({
        code,
        signal: closedBy,
        stdout,
        stderr,
        sent,
        afterSignalMs: performance.now() - sentAt,
      });
    });
  });
}

describe('an interrupt ends the run and leaves no browser behind', () => {
  const always = () => true;
  const after = (line: RegExp) => (stderr: string) => line.test(stderr);
  const cases: [string, Behaviour[], (stderr: string) => boolean, NodeJS.Signals, number][] = [
    ['while the résumé is validated', [], always, 'SIGINT', 400],
    ['as Chromium starts', [], after(/✔ validated/), 'SIGINT', 0],
    ['while the theme loops for ever', ['render-loop'], after(/✔ validated/), 'SIGINT', 1500],
    [
      'SIGTERM while the theme loops for ever',
      ['render-loop'],
      after(/✔ validated/),
      'SIGTERM',
      1500,
    ],
    ['while the theme never returns', ['render-hang'], after(/✔ validated/), 'SIGINT', 1500],
    ['while the page loads', [], after(/✔ rendered/), 'SIGINT', 0],
    ['while the page loops for ever', ['page-loop'], after(/✔ rendered/), 'SIGINT', 2500],
    ['while the PDF is printed', [], after(/✔ started chromium/), 'SIGINT', 200],
  ];
  it.each(cases)('%s', async (name, behave, when, signal, settleMs) => {
    const run = hostileRun(`signal-${cases.findIndex((c) => c[0] === name)}`, behave);
    const result = await interrupt(run.args, run.env, when, signal, settleMs);
    expect(result.sent).toBe(true);
    // The run may have finished before the signal came, or not yet have set up its handlers
    // (then the signal's default action ends it); either way it ends cleanly.
    if (result.code !== 0 && result.signal === null) {
      expect(result.code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(result.stderr).toContain(`✖ Interrupted (${signal})`);
    }
    expect(stackLines(result.stderr)).toEqual([]);
    expectNothingLeft(run.tmp);
  });

  it('Ctrl+C while the theme is blocked in a system call ends the run at once, with the theme', async () => {
    const run = hostileRun('signal-blocked', ['render-exec-sleep']);
    const result = await interrupt(run.args, run.env, after(/✔ validated/), 'SIGINT', 1500);
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('✖ Interrupted (SIGINT)');
    // The theme sleeps for 45 s; Ctrl+C must end the run within a second all the same.
    expect(result.afterSignalMs).toBeLessThan(1000);
    expect(stackLines(result.stderr)).toEqual([]);
    expectNothingLeft(run.tmp);
  });
});
