// Our launch (Chromium spawned before puppeteer loads, DevTools over src/browser/launch.ts)
// against puppeteer.launch({ pipe: true }) with the same Chromium and flags, each as the launcher
// of a whole PDF export (exportResume's launchBrowser): processes from start to exit,
// alternating, medians. Usage (after npm run build):
//   node bench/launch-transport.mjs [résumé] [executable] [rounds]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const build = (path) => new URL(`../build/src/${path}`, import.meta.url).href;
const args = process.argv.slice(2);
const isChild = args[0] === 'child';
const [way, resume = 'resume.json', executablePath = '/usr/bin/chromium', rounds = '12'] = isChild
  ? args.slice(1)
  : [undefined, ...args];

/** A RunningBrowser (src/browser/launch.ts) started by puppeteer.launch. */
async function launchWithPuppeteer(path, env) {
  const { chromiumArgs } = await import(build('browser/launch.js'));
  const puppeteer = createRequire(import.meta.url)('puppeteer');
  const profile = mkdtempSync(join(tmpdir(), 'camera-ready-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: path,
    pipe: true,
    ignoreDefaultArgs: true,
    args: chromiumArgs(profile),
    defaultViewport: null,
    env: { ...env, TMPDIR: profile },
  });
  return {
    process: browser.process(),
    connect: async () => browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function child() {
  const [{ exportResume }, { createProgress }] = await Promise.all([
    import(build('export/export.js')),
    import(build('runtime.js')),
  ]);
  const out = mkdtempSync(join(tmpdir(), 'launch-transport-'));
  await exportResume({
    resume,
    out,
    formats: ['pdf'],
    env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: executablePath },
    progress: createProgress({ quiet: true }),
    ...(way === 'launch' && { launchBrowser: launchWithPuppeteer }),
  });
  rmSync(out, { recursive: true, force: true });
  process.exit(0);
}

if (isChild) {
  await child();
} else {
  const runs = { ours: [], launch: [] };
  const script = new URL(import.meta.url).pathname;
  for (let round = 0; round < Number(rounds); round += 1) {
    for (const next of round % 2 ? ['launch', 'ours'] : ['ours', 'launch']) {
      const started = performance.now();
      const result = spawnSync(process.execPath, [script, 'child', next, resume, executablePath], {
        encoding: 'utf8',
      });
      if (result.status !== 0) throw new Error(`${next}: ${result.stderr}`);
      runs[next].push(performance.now() - started);
    }
  }
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  for (const [name, times] of Object.entries(runs)) {
    const all = times.map(Math.round).join(' ');
    console.log(
      `${name}: ${times.length} exports, median ${Math.round(median(times))} ms (${all})`,
    );
  }
}
