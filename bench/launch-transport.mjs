// Our launch (Chromium spawned before puppeteer loads, DevTools over our pipe transport) against
// puppeteer.launch({ pipe: true }) with the same Chromium and flags: whole processes, alternating,
// medians. Each child prints its own phases; the wall time includes Node's start.
// Usage (after npm run build): node bench/launch-transport.mjs <html> [executable] [rounds]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const build = new URL('../build/src/browser/', import.meta.url);
const args = process.argv.slice(2);
const isChild = args[0] === 'child';
const [how, htmlPath, executablePath = '/usr/bin/chromium', rounds = '12'] = isChild
  ? args.slice(1)
  : [undefined, ...args];

/** One export's browser work: launch, connect, print the HTML, close. */
async function child() {
  const t0 = performance.now();
  const html = readFileSync(htmlPath, 'utf8');
  let browser;
  let close;
  if (how === 'ours') {
    const { startBrowser } = await import(new URL('launch.js', build).href);
    const running = await startBrowser(executablePath);
    browser = await running.connect();
    close = () => running.close();
  } else {
    const { chromiumArgs } = await import(new URL('chromium-args.js', build).href);
    const puppeteer = createRequire(import.meta.url)('puppeteer');
    const profile = mkdtempSync(join(tmpdir(), 'camera-ready-chromium-'));
    browser = await puppeteer.launch({
      executablePath,
      pipe: true,
      ignoreDefaultArgs: true,
      args: chromiumArgs(profile),
      defaultViewport: null,
      env: { ...process.env, TMPDIR: profile },
    });
    close = async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    };
  }
  const connected = performance.now() - t0;
  const [page] = await browser.pages();
  await page.setContent(html, { waitUntil: 'load' });
  await page.pdf({ format: 'A4', printBackground: true });
  const printed = performance.now() - t0;
  await close();
  const closed = performance.now() - t0;
  process.stdout.write(JSON.stringify({ connected, printed, closed }));
  process.exit(0);
}

if (isChild) {
  await child();
} else {
  const runs = { ours: [], launch: [] };
  for (let round = 0; round < Number(rounds); round += 1) {
    for (const way of round % 2 ? ['launch', 'ours'] : ['ours', 'launch']) {
      const started = performance.now();
      const script = new URL(import.meta.url).pathname;
      const result = spawnSync(process.execPath, [script, 'child', how, htmlPath, executablePath], {
        encoding: 'utf8',
      });
      if (result.status !== 0) throw new Error(`${way}: ${result.stderr}`);
      runs[way].push({ wall: performance.now() - started, ...JSON.parse(result.stdout) });
    }
  }
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  for (const [way, list] of Object.entries(runs)) {
    const phase = (key) => `${key} ${Math.round(median(list.map((run) => run[key])))} ms`;
    console.log(
      `${way}: ${list.length} runs, median ${['wall', 'connected', 'printed', 'closed'].map(phase).join(', ')}`,
    );
  }
}
