/**
 * The real `npm run validate` command line: exit codes, where problems are reported, --json,
 * --help and bad options. Expected line:column values are computed from the fixture text here,
 * not copied from the output.
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/resume/validate.js';
import { run, runScript, scriptCommand, stackLines, type CliResult } from '../support/cli.js';
import { repoRoot, seedResumePath } from '../support/paths.js';

const fixtures = join(repoRoot, 'tests', 'fixtures');
const plain = { env: { NO_COLOR: '1' } };

/** 1-based line and column of the `nth` occurrence of `needle`, counted by hand. */
async function lineColumnOf(file: string, needle: string, nth = 0): Promise<string> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  let seen = 0;
  for (const [index, line] of lines.entries()) {
    let from = 0;
    for (let at = line.indexOf(needle, from); at >= 0; at = line.indexOf(needle, from)) {
      if (seen++ === nth) return `${index + 1}:${at + 1}`;
      from = at + 1;
    }
  }
  throw new Error(`${needle} not in ${file}`);
}

function expectNoStackTrace(result: CliResult): void {
  expect(stackLines(result.stdout + result.stderr)).toEqual([]);
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'validate-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

// Each case starts its own process; run them side by side.
describe.concurrent('npm run validate', () => {
  test('accepts the seed CV: exit 0, one line on stdout, nothing on stderr', async () => {
    const result = await runScript('validate', ['tests/fixtures/seed/resume.json'], plain);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'tests/fixtures/seed/resume.json is valid (JSON Resume 1.3.1 + camera-ready extensions)\n',
    );
    expect(result.stderr).toBe('');
  });

  test('a trailing comma: exit 1 with the line and column of the comma', async () => {
    // Written here, not kept as a fixture file: the formatter would repair it.
    const file = join(scratch, 'trailing-comma.json');
    await writeFile(
      file,
      '{\n  "basics": {\n    "name": "Ada Lovelace",\n    "label": "Analyst",\n  },\n  "work": []\n}\n',
    );
    // The comma ends line 4, `    "label": "Analyst",`: column 4 + 19 = 23.
    const where = await lineColumnOf(file, ',', 1);
    expect(where).toBe('4:23');
    const result = await runScript('validate', [file], plain);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:${where}  error`);
    expect(result.stderr).toContain("a trailing comma before '}'");
    expect(result.stderr).toContain('1 error, 0 warnings in');
    expect(result.stdout).toBe('');
    expectNoStackTrace(result);
  });

  test('"Present", a "#" url and an unknown status are all reported, located, in one run', async () => {
    const file = join(fixtures, 'three-errors.json');
    const result = await runScript('validate', [file], plain);
    expect(result.code).toBe(1);
    // The status is only the extensions' rule (the official schema has no such field): a warning.
    const expected = [
      [await lineColumnOf(file, '"Present"'), 'error', 'work[0].endDate', 'omit endDate'],
      [await lineColumnOf(file, '"#"'), 'error', 'basics.url', 'remove url'],
      [
        await lineColumnOf(file, '"submitted"'),
        'warning',
        'publications[0].status',
        'under-review',
      ],
    ];
    for (const [where, severity, path, fix] of expected) {
      expect(result.stderr).toContain(`${file}:${where}  ${severity}  ${path}  `);
      expect(result.stderr).toContain(fix);
    }
    expect(result.stderr).toContain('2 errors, 1 warning in');
    expectNoStackTrace(result);
  });

  test('misspelt known fields are warnings with a suggestion; the exit code stays 0', async () => {
    const file = join(fixtures, 'misspelled.json');
    const result = await runScript('validate', [file], plain);
    expect(result.code).toBe(0);
    for (const [typo, meant] of [
      ['endDat', 'endDate'],
      ['hightlights', 'highlights'],
      ['advsior', 'advisor'],
      ['stauts', 'status'],
    ] as const) {
      const where = await lineColumnOf(file, `"${typo}"`);
      expect(result.stderr).toMatch(
        new RegExp(
          `:${where}  warning  \\S+\\.${typo}  unknown field "${typo}": did you mean "${meant}"\\?`,
        ),
      );
    }
    expect(result.stderr).not.toContain('doi');
    expect(result.stderr).toContain('0 errors, 4 warnings in');
    expect(result.stdout).toContain('is valid');
  });

  test('a raw tab in a string: exit 1, located at the tab itself', async () => {
    // Written here, not kept as a fixture file: the formatter would repair it.
    const file = join(scratch, 'tab.json');
    await writeFile(file, '{\n  "basics": {\n    "name": "Ada\tLovelace"\n  }\n}\n');
    const where = await lineColumnOf(file, '\t');
    expect(where).toBe('3:17');
    const result = await runScript('validate', [file], plain);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${file}:${where}  error  basics.name  a raw tab (U+0009) inside a string.`,
    );
    expect(result.stderr).toContain('fix: write \\t instead.');
    expectNoStackTrace(result);
  });

  test('pre-1.0 field names: one warning each with the 1.0 name and the fix; exit 0', async () => {
    const file = join(fixtures, 'real-world', 'shape-rtl-he-pre1.json');
    const result = await runScript('validate', [file], plain);
    expect(result.code).toBe(0);
    for (const [path, name, current] of [
      ['basics.picture', 'picture', 'image'],
      ['basics.website', 'website', 'url'],
      ['work[0].company', 'company', 'name'],
      ['work[0].website', 'website', 'url'],
      ['education[0].gpa', 'gpa', 'score'],
    ] as const) {
      const nth = path === 'work[0].website' ? 1 : 0;
      const where = await lineColumnOf(file, `"${name}"`, nth);
      expect(result.stderr).toContain(
        `${file}:${where}  warning  ${path}  "${name}" is the pre-1.0 name of "${current}"`,
      );
      expect(result.stderr).toContain(`fix: rename it to "${current}".`);
    }
    expect(result.stderr).toContain('0 errors, 5 warnings in');
    expect(result.stdout).toContain('is valid');
  });

  test('--json prints the diagnostics on stdout and nothing on stderr', async () => {
    const file = join(fixtures, 'three-errors.json');
    const result = await runScript('validate', ['--json', file], plain);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as {
      valid: boolean;
      exitCode: number;
      errors: number;
      warnings: number;
      diagnostics: Diagnostic[];
    };
    expect(report).toMatchObject({ valid: false, exitCode: 1, errors: 2, warnings: 1 });
    const present = report.diagnostics.find((d) => d.path === 'work[0].endDate');
    const [line, column] = (await lineColumnOf(file, '"Present"')).split(':').map(Number);
    expect(present).toMatchObject({ severity: 'error', line, column, value: 'Present' });
    expect(present?.hint).toMatch(/omit endDate/);
  });

  test('--json on a valid file', async () => {
    const result = await runScript('validate', ['--json', seedResumePath], plain);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: true, errors: 0, diagnostics: [] });
  });

  test('a missing file: exit 2 and a message naming it', async () => {
    const file = join(scratch, 'nowhere.json');
    const result = await runScript('validate', [file], plain);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot read ${file}: no such file.`);
    expectNoStackTrace(result);
  });

  test('a directory: exit 2', async () => {
    const result = await runScript('validate', [scratch], plain);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('it is a folder, not a file');
    expectNoStackTrace(result);
  });

  test('a file without read permission: exit 2', async () => {
    const file = join(scratch, 'locked.json');
    await writeFile(file, '{}', { mode: 0o000 });
    // Root reads any file, so as root the command runs as the unprivileged "nobody" user.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) await chmod(scratch, 0o755);
    const result = await runScript('validate', [file], {
      ...plain,
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('permission denied');
    expectNoStackTrace(result);
  });

  test('a file that is read but is not JSON: exit 1', async () => {
    const file = join(scratch, 'notes.json');
    await writeFile(file, 'name: Ada\n');
    const result = await runScript('validate', [file], plain);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:1:1  error`);
  });

  test('--help explains usage and exit codes', async () => {
    const result = await runScript('validate', ['--help'], plain);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: npm run validate');
    expect(result.stdout).toContain('--json');
    expect(result.stdout).toContain('Exit codes');
  });

  test('an unknown option: exit 2, named, with a pointer to --help', async () => {
    const result = await runScript('validate', ['--strict'], plain);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown option --strict.');
    expect(result.stderr).toContain('--help');
    expect(result.stdout).toBe('');
    expectNoStackTrace(result);
  });

  test('an internal crash is a bug, not an invalid résumé: exit 3, the stack only with --debug', async () => {
    // Node loads this module first: it makes JSON.parse fail on one marked text, as a bug would.
    const fault =
      'data:text/javascript,const parse = JSON.parse; JSON.parse = function (text, ...rest) {' +
      ' if (String(text).includes("fault-marker")) throw new TypeError("injected fault");' +
      ' return parse.call(this, text, ...rest); };';
    const file = join(scratch, 'marked.json');
    await writeFile(file, JSON.stringify({ basics: { name: 'Ada Quill', label: 'fault-marker' } }));
    const [node, script] = scriptCommand('validate');
    const crash = (...args: string[]) =>
      run(node, ['--import', fault, ...script, ...args, file], plain);
    const [plainRun, debugRun] = await Promise.all([crash(), crash('--debug')]);
    expect(plainRun.code).toBe(3);
    expect(plainRun.stderr).toContain('✖ Unexpected failure: injected fault');
    expect(plainRun.stderr).toContain('please report it');
    expectNoStackTrace(plainRun);
    expect(debugRun.code).toBe(3);
    expect(debugRun.stderr).toContain('TypeError: injected fault');
    expect(stackLines(debugRun.stderr).join('\n')).toContain('parseResumeText');
  });

  test('two files: exit 2', async () => {
    const result = await runScript('validate', ['a.json', 'b.json'], plain);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected one file, got 2');
  });

  test('--resume names the file, as export takes it; a second, different file is refused', async () => {
    const named = await runScript('validate', ['--resume', seedResumePath], plain);
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toContain(`${seedResumePath} is valid`);
    const invalid = join(fixtures, 'three-errors.json');
    const wrong = await runScript('validate', ['--json', `--resume=${invalid}`], plain);
    expect(wrong.code).toBe(1);
    expect((JSON.parse(wrong.stdout) as { file: string }).file).toBe(invalid);
    const both = await runScript('validate', ['--resume', invalid, seedResumePath], plain);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(`got --resume ${invalid} and ${seedResumePath}: name it once.`);
  });

  test('no colour when the output is not a terminal', async () => {
    const result = await runScript('validate', [join(fixtures, 'three-errors.json')]);
    expect(result.stderr).not.toContain('\u001b[');
  });

  test('--json on 10,000 levels of nesting: exit 1, the nesting diagnostic, no stack trace', async () => {
    const file = join(scratch, 'deep.json');
    await writeFile(file, `{"meta":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    const result = await runScript('validate', ['--json', file], plain);
    expect(result.code).toBe(1);
    expectNoStackTrace(result);
    const report = JSON.parse(result.stdout) as { errors: number; diagnostics: Diagnostic[] };
    expect(report.errors).toBe(1);
    // Level 257: the outer `{` is level 1, so the 256th `[`, which starts at column 8 + 256.
    expect(report.diagnostics).toEqual([
      expect.objectContaining({
        line: 1,
        column: 8 + 256,
        message: expect.stringMatching(/nested more than 256 levels/),
      }),
    ]);
  });

  test('--max-size lowers and raises the input limit', async () => {
    const lowered = await runScript('validate', ['--max-size', '1KB', seedResumePath], plain);
    expect(lowered.code).toBe(2);
    expect(lowered.stderr).toMatch(/resume\.json: it is larger than 1 KiB \(\d+(\.\d)? KiB\)/);
    const big = join(scratch, 'big.json');
    await writeFile(big, `{"basics":{"name":"Ada Example"}}${' '.repeat(17 * 1024 * 1024)}`);
    const refused = await runScript('validate', [big], plain);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('larger than 16 MiB');
    const raised = await runScript('validate', ['--max-size', '20MB', big], plain);
    expect(raised.code, raised.stderr).toBe(0);
    const bad = await runScript('validate', ['--max-size', 'lots'], plain);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-size lots: give a size such as 16MiB');
    expectNoStackTrace(bad);
  });

  test('250 errors: the first 200 listed, located, the rest counted (text and --json)', async () => {
    const file = join(scratch, 'many-errors.json');
    const work = Array.from({ length: 250 }, (_, i) => ({
      name: `Lab ${i}`,
      startDate: `Present ${i}`,
    }));
    await writeFile(file, JSON.stringify({ basics: { name: 'Ada Example' }, work }, null, 2));
    const text = await runScript('validate', [file], plain);
    expect(text.code).toBe(1);
    const lines = text.stderr.split('\n').filter((line) => line.includes('  error  '));
    expect(lines).toHaveLength(200);
    expect(lines[199]).toContain(`${file}:${await lineColumnOf(file, '"Present 199"')}`);
    expect(text.stderr).toContain('… and 50 more (only the first 200 are shown');
    expect(text.stderr).toContain('250 errors, 0 warnings');
    const json = await runScript('validate', ['--json', file], plain);
    const report = JSON.parse(json.stdout) as {
      errors: number;
      omitted: number;
      diagnostics: Diagnostic[];
    };
    expect(report.errors).toBe(250);
    expect(report.omitted).toBe(50);
    expect(report.diagnostics).toHaveLength(200);
    expect(report.diagnostics[120]?.path).toBe('work[120].startDate');
  });
});
