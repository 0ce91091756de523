/** `npm run init -- <file>`: writes a starter résumé to a new file. */
import { defineCommand, runCommand } from '../src/cli/run-command.js';
import { initResume } from '../src/init/init.js';
import { initText } from '../src/init/messages.js';

runCommand(
  defineCommand({
    usage: initText.usage,
    about: initText.about,
    notes: initText.exitCodes,
    options: {},
    positionals: { min: 1, max: 1, wrongCount: initText.oneFile },
    async run({ positionals: [file = ''] }, io) {
      await initResume(file);
      io.stdout(`${initText.written(file)}\n`);
    },
  }),
);
