/**
 * The command layer in process: options parsed from their declarations, --help written from the
 * same declarations, failures turned into the documented exit codes, and unexpected errors
 * reported as bugs with the stack trace only under --debug.
 */
import { describe, expect, it } from 'vitest';
import * as errors from '../../../src/errors.js';
import { exitCodeFor } from '../../../src/cli/run-command.js';
import { maxSizeOption, type OptionDeclarations } from '../../../src/cli/options.js';
import {
  commandHelp,
  defineCommand,
  executeCommand,
  type Command,
  type CommandIo,
} from '../../../src/cli/run-command.js';
import { stackLines } from '../../support/cli.js';

function capture(): CommandIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}

/** A command that records the values it was given and fails with `failure` when there is one. */
function recorder(failure?: unknown) {
  const seen: { values?: unknown; positionals?: string[] } = {};
  const command = defineCommand({
    usage: 'Usage: npm run sample -- [options] [file]',
    about: 'Does a sample thing.',
    notes: 'Exit codes: 0 done.',
    options: {
      name: { type: 'string', value: 'text', description: 'who to greet', default: 'Ada' },
      tag: { type: 'string', value: 'tag', description: 'a label', repeatable: true },
      loud: { type: 'boolean', short: 'l', description: 'shout' },
      'max-size': maxSizeOption,
    },
    positionals: {
      min: 0,
      max: 1,
      wrongCount: (given) => `one file at most, got ${given.length}.`,
    },
    async run(input) {
      seen.values = input.values;
      seen.positionals = input.positionals;
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- commands may throw non-Errors; the layer must report them
      if (failure !== undefined) throw failure;
    },
  });
  return { command, seen };
}

async function execute<D extends OptionDeclarations>(command: Command<D>, argv: string[]) {
  const io = capture();
  const code = await executeCommand(command, argv, io);
  return { code, out: io.out, err: io.err };
}

describe('options from their declarations', () => {
  it('gives defaults, parsed values, repeated values and positionals', async () => {
    const { command, seen } = recorder();
    const result = await execute(command, ['cv.json', '--tag', 'a', '-l', '--tag', 'b']);
    expect(result).toEqual({ code: 0, out: '', err: '' });
    expect(seen.values).toEqual({
      name: 'Ada',
      tag: ['a', 'b'],
      loud: true,
      'max-size': 16 * 1024 * 1024,
      help: false,
      debug: false,
    });
    expect(seen.positionals).toEqual(['cv.json']);
  });

  it('runs a value through its parse function', async () => {
    const { command, seen } = recorder();
    await execute(command, ['--max-size', '2KB', '--name', 'Lin']);
    expect(seen.values).toMatchObject({ name: 'Lin', 'max-size': 2048, tag: [], loud: false });
  });

  it.each([
    [['--name=--loud'], { name: '--loud', loud: false }],
    [['--name=-cv.json'], { name: '-cv.json' }],
    [['--max-size', '16MiB'], { 'max-size': 16 * 1024 ** 2 }],
    [['--max-size', '1.5 KiB'], { 'max-size': 1536 }],
    [['--max-size', '300 bytes'], { 'max-size': 300 }],
    [['--max-size', '511mib'], { 'max-size': 511 * 1024 ** 2 }],
  ])(
    '%j is taken: values joined with "=", sizes in the units they are printed in',
    async (argv, values) => {
      const { command, seen } = recorder();
      const result = await execute(command, argv);
      expect(result).toEqual({ code: 0, out: '', err: '' });
      expect(seen.values).toMatchObject(values);
    },
  );

  it.each([
    [['--colour'], 'unknown option --colour.'],
    [['--name'], 'option --name needs a value.'],
    [['--name', ' '], 'option --name needs a value.'],
    [['--loud=yes'], 'option --loud takes no value.'],
    [['--max-size', 'lots'], '--max-size lots: give a size such as 16MiB'],
    // The option is followed by a word that starts with '-': a missing value, and how to give one.
    [
      ['--name', '--loud'],
      "option --name needs a value, but --loud looks like an option; to give a value that starts with '-', join it with '=': --name=--loud.",
    ],
    [['--max-size', '-1'], 'option --max-size needs a value, but -1 looks like an option;'],
    // A file this large cannot become one string: refused here rather than read as "not UTF-8".
    [['--max-size', '512MB'], '--max-size 512MB: no file that large can be read; the most is '],
    [['--max-size', '1GiB'], '--max-size 1GiB: no file that large can be read'],
    [['a.json', 'b.json'], 'one file at most, got 2.'],
  ])(
    '%j is a usage error: exit 2, the problem, the usage line, a pointer to --help',
    async (argv, says) => {
      const { command, seen } = recorder();
      const result = await execute(command, argv);
      expect(result.code).toBe(2);
      expect(result.out).toBe('');
      expect(result.err).toContain(`✖ ${says}`);
      expect(result.err).toContain('Usage: npm run sample -- [options] [file]\n');
      expect(result.err).toContain('Run with --help for usage.');
      expect(seen.values).toBeUndefined();
    },
  );
});

describe('--help', () => {
  it('is written from the declarations: every option, its value name, default and alias', async () => {
    const { command, seen } = recorder();
    const result = await execute(command, ['--help']);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(seen.values).toBeUndefined();
    const lines = result.out.split('\n');
    expect(lines[0]).toBe('Usage: npm run sample -- [options] [file]');
    expect(result.out).toContain('\nDoes a sample thing.\n');
    const option = (start: string) => lines.find((line) => line.trimStart().startsWith(start));
    expect(option('--name <text>')).toMatch(/--name <text> +who to greet \(default: Ada\)$/);
    expect(option('--tag <tag>')).toMatch(/a label; may be given more than once$/);
    expect(option('-l, --loud')).toMatch(/-l, --loud +shout$/);
    expect(option('--max-size <size>')).toContain('(default: 16MiB)');
    expect(option('-h, --help')).toContain('show this help');
    expect(option('--debug')).toBeDefined();
    expect(result.out.trimEnd().endsWith('Exit codes: 0 done.')).toBe(true);
    // Descriptions start in one column.
    const optionLines = lines.filter((line) => line.startsWith('  -'));
    const starts = optionLines.map(
      (line) => line.search(/\S {2,}\S/) + line.match(/\S {2,}/)![0].length,
    );
    expect(new Set(starts).size).toBe(1);
  });

  it('wraps long descriptions under their column', () => {
    const command = defineCommand({
      usage: 'Usage: x',
      about: 'x',
      options: {
        wide: {
          type: 'boolean',
          description: Array.from({ length: 40 }, (_, i) => `word${i}`).join(' '),
        },
      },
      async run() {},
    });
    const lines = commandHelp(command).split('\n');
    const first = lines.findIndex((line) => line.startsWith('  --wide'));
    const column = lines[first]!.indexOf('word0');
    expect(lines[first + 1]!.slice(0, column).trim()).toBe('');
    expect(lines[first + 1]![column]).toMatch(/\S/);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(96);
  });
});

describe('failures and exit codes', () => {
  it.each([
    [new errors.UsageError('bad option.'), 2],
    [new errors.InputError('cannot read cv.json: no such file.'), 2],
    [new errors.VariantError('Unknown variant "x".'), 2],
    [new errors.InvalidResumeError('basics.image: not a PNG.'), 1],
    [new errors.ThemeLoadError('Theme x not found.'), 3],
    [new errors.ThemeRenderError('Theme x threw: boom.'), 3],
    [new errors.BrowserUnavailableError('No Chrome or Chromium found.'), 3],
    [new errors.ExportStepError('print timed out after 30 s.'), 3],
    [new errors.OutputWriteError('cannot write dist/resume.pdf.'), 3],
  ])('%s exits %i with its message and no stack trace', async (error, code) => {
    const { command } = recorder(error);
    const result = await execute(command, []);
    expect(result.code).toBe(code);
    expect(exitCodeFor(error)).toBe(code);
    expect(result.err).toContain(`✖ ${error.message}\n`);
    expect(result.err).not.toContain('bug');
    expect(stackLines(result.err)).toEqual([]);
  });

  it('the table has a code for every domain error class', () => {
    const exported: unknown[] = Object.values(errors);
    const classes = exported.filter(
      (value): value is new (message: string) => Error =>
        typeof value === 'function' && value.prototype instanceof errors.UserFacingError,
    );
    expect(classes.length).toBeGreaterThanOrEqual(9);
    for (const type of classes) expect(exitCodeFor(new type('x')), type.name).toBeDefined();
  });

  it('an unexpected error is a bug: exit 3, said so, no stack trace', async () => {
    const { command } = recorder(
      new TypeError("Cannot read properties of undefined (reading 'x')"),
    );
    const result = await execute(command, []);
    expect(result.code).toBe(3);
    expect(result.err).toContain(
      "✖ Unexpected failure: Cannot read properties of undefined (reading 'x')",
    );
    expect(result.err).toContain('This is a bug');
    expect(result.err).toContain('please report it');
    expect(result.err).toContain('--debug');
    expect(stackLines(result.err)).toEqual([]);
  });

  it('with --debug the bug report carries the stack trace', async () => {
    const { command } = recorder(new RangeError('out of range'));
    const result = await execute(command, ['--debug']);
    expect(result.code).toBe(3);
    expect(result.err).toContain('This is a bug');
    expect(result.err).toContain('RangeError: out of range');
    expect(stackLines(result.err).length).toBeGreaterThan(0);
    expect(stackLines(result.err).join('\n')).toContain('run-command.test.ts');
  });

  it('a thrown value that is no Error is a bug as well', async () => {
    const { command } = recorder('plain string');
    const result = await execute(command, []);
    expect(result.code).toBe(3);
    expect(result.err).toContain('Unexpected failure: plain string');
  });

  it('a command returns the code of an outcome that is no error', async () => {
    const command = defineCommand({
      usage: 'Usage: x',
      about: 'x',
      options: {},
      run: async () => 1 as const,
    });
    expect((await execute(command, [])).code).toBe(1);
  });

  it('takes no arguments unless it declares them', async () => {
    const command = defineCommand({ usage: 'Usage: x', about: 'x', options: {}, async run() {} });
    const result = await execute(command, ['extra']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('✖ unexpected argument extra.');
  });
});
