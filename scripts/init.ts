/** `npm run init -- <file>`: writes a starter résumé to a new file. */
import { defineCommand, runCommand } from '../src/cli/run-command.js';
import { initResume } from '../src/resume/starter.js';

const initCli = {
  usage: 'Usage: npm run init -- <file>',
  about: [
    'Writes a new résumé to <file>: every section with one short example entry that says what',
    'to put there, and each camera-ready field once. Replace the examples with your own, delete',
    'what you do not need, then `npm run validate -- <file>` and `npm run export -- --resume <file>`.',
  ].join('\n'),
  exitCodes: [
    'Exit codes: 0 written, 2 the file exists already, its folder is missing, or the options',
    '            are wrong, 3 a bug in the command.',
  ].join('\n'),
  oneFile: (files: readonly string[]): string =>
    files.length === 0
      ? 'which file should the new résumé go to? Give its path, e.g. npm run init -- resume.json.'
      : `expected one file, got ${files.length}: ${files.join(' ')}.`,
  written: (file: string): string =>
    [
      `wrote ${file}: a starter résumé with one example entry per section.`,
      'Next: replace the examples with your own and delete the sections you do not need;',
      `check it with npm run validate -- ${file}, and print it with npm run export -- --resume ${file}.`,
    ].join('\n'),
};

runCommand(
  defineCommand({
    usage: initCli.usage,
    about: initCli.about,
    notes: initCli.exitCodes,
    options: {},
    positionals: { min: 1, max: 1, wrongCount: initCli.oneFile },
    async run({ positionals: [file = ''] }, io) {
      await initResume(file);
      io.stdout(`${initCli.written(file)}\n`);
    },
  }),
);
