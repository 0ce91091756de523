/**
 * Terminal control in what a command prints: a .bib key, a résumé's value or a theme name that
 * carries escape sequences (clear the screen, set the title, 8-bit CSI colour, a bidi override)
 * is printed as visible escapes, by every command, never obeyed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript, type CliResult } from '../support/cli.js';
import { seedResume } from '../support/export-fixture.js';

const work = mkdtempSync(join(tmpdir(), 'control-characters-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Clear screen, set the window title (OSC … BEL), 8-bit CSI, a right-to-left override. */
const HOSTILE = 'a\u001b[2Jb\u001b]0;pwned\u0007c\u009b31md\u202ee';
const SHOWN = 'a\\u001b[2Jb\\u001b]0;pwned\\u0007c\\u009b31md\\u202ee';
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function expectPrintable(result: CliResult): void {
  expect(result.stdout + result.stderr).not.toMatch(RAW);
}

describe('control characters are escaped in every command', () => {
  it('import: a .bib key with escape sequences', async () => {
    const bib = join(work, 'refs.bib');
    writeFileSync(bib, `@article{${HOSTILE},\n  title = {A title},\n  year = {2020}\n}\n`);
    const resume = join(work, 'import.json');
    writeFileSync(resume, JSON.stringify({ basics: { name: 'Jane Smith' } }));
    const result = await runScript('import', [bib, '--resume', resume, '--dry-run']);
    expectPrintable(result);
    expect(result.stdout + result.stderr).toContain('a\\u001b[2Jb');
  });

  it('validate: a value with escape sequences, as text and as --json', async () => {
    const file = join(work, 'validate.json');
    writeFileSync(file, JSON.stringify({ basics: { name: 'Jane Smith', email: HOSTILE } }));
    const text = await runScript('validate', [file], { env: { NO_COLOR: '1' } });
    expect(text.code).toBe(1);
    expectPrintable(text);
    expect(text.stderr).toContain(SHOWN);
    const json = await runScript('validate', ['--json', file]);
    expectPrintable(json);
    // Still JSON, with the value intact once parsed.
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('basics.email');
    expect(json.stdout).toContain('\\u009b31m');
  });

  it('export: a meta.theme with escape sequences, in its warning', async () => {
    const file = join(work, 'export.json');
    writeFileSync(file, JSON.stringify({ ...seedResume(), meta: { theme: HOSTILE } }));
    const out = join(work, 'out');
    const result = await runScript('export', ['--resume', file, '--out', out, '--format', 'html']);
    expect(result.code, result.stderr).toBe(0);
    expectPrintable(result);
    expect(result.stderr).toContain(`meta.theme "${SHOWN}" is not installed`);
  });

  it('variant: the résumé printed on stdout', async () => {
    const file = join(work, 'variant.json');
    const resume = seedResume();
    writeFileSync(
      file,
      JSON.stringify({ ...resume, basics: { ...resume.basics, label: HOSTILE } }),
    );
    const result = await runScript('variant', ['--resume', file, 'industry']);
    expectPrintable(result);
  });
});
