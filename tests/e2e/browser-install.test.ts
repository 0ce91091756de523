/**
 * The first export on a machine without a browser: installing one is a step of its own, so a
 * slow install is not counted against the page's time limit. The machine's package manager is
 * stood in for by an `apt-get` on PATH that takes its time and then "installs" the headless shell
 * that is really here (a link on the same PATH); everything after it is the real export.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesIn } from '../support/files.js';
import { runScript, stackLines } from '../support/cli.js';
import { seedResumePath } from '../support/paths.js';

const work = mkdtempSync(join(tmpdir(), 'browser-install-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SHELL = '/usr/lib/chromium/chromium-headless-shell';
/** The install outlasts the page's limit; the limit leaves a busy machine room to load the page. */
const INSTALL_SECONDS = 12;
const PAGE_LIMIT_SECONDS = 8;

/** A PATH holding node and an `apt-get` whose install takes INSTALL_SECONDS, then links the shell. */
function slowAptGet(): string {
  const bin = join(work, 'bin');
  mkdirSync(bin);
  const script = `#!${process.execPath}
const { symlinkSync } = require('node:fs');
const { join } = require('node:path');
if (process.argv.includes('install')) {
  setTimeout(() => symlinkSync(${JSON.stringify(SHELL)}, join(__dirname, 'chromium-headless-shell')), ${INSTALL_SECONDS * 1000});
}
`;
  writeFileSync(join(bin, 'apt-get'), script);
  chmodSync(join(bin, 'apt-get'), 0o755);
  return bin;
}

describe('the first export', () => {
  it('installs the browser as its own step, not counted against the page limit', async () => {
    const bin = slowAptGet();
    const cache = join(work, 'empty-puppeteer-cache');
    const out = join(work, 'out');
    const result = await runScript(
      'export',
      ['--resume', seedResumePath, '--out', out, '--timeout', String(PAGE_LIMIT_SECONDS)],
      { env: { PATH: bin, PUPPETEER_CACHE_DIR: cache }, timeoutMs: 120_000 },
    );
    expect(result.stderr).toContain("installing Debian's chromium");
    expect(result.stderr).toMatch(/apt-get install -y chromium chromium-headless-shell/);
    expect(result.stderr).not.toContain('took longer');
    expect(result.code).toBe(0);
    expect(filesIn(out)).toEqual(['resume.html', 'resume.pdf']);
    expect(stackLines(result.stderr)).toEqual([]);
  });
});
