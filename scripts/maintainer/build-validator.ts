/**
 * `npm run build` (and `prepare`), after the commands are compiled to build/: writes the résumé
 * validator as standalone code to build/src/resume/resume-validator.cjs, beside the compiled
 * src/resume/schema.js that loads it, so validating does not compile the schema on every
 * run. The schema files stay the one source: the module records their fingerprint and is ignored
 * once they change.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand, runCommand } from '../../src/cli/run-command.js';
import { compileResumeValidator, schemaFingerprint } from '../../src/resume/schema.js';

const text = {
  usage: 'Usage: node build/scripts/maintainer/build-validator.js',
  about: [
    'Run by npm run build: writes the résumé validator as standalone code beside the compiled',
    'schema module, so validating does not compile the schema on every run.',
  ].join('\n'),
};

const standaloneCode = (
  createRequire(import.meta.url)(
    'ajv/dist/standalone/index.js',
  ) as typeof import('ajv/dist/standalone/index.js')
).default;

runCommand(
  defineCommand({
    usage: text.usage,
    about: text.about,
    options: {},
    async run() {
      const here = dirname(fileURLToPath(import.meta.url));
      // build/scripts/maintainer/ → build/src/resume/
      const target = join(here, '..', '..', 'src', 'resume', 'resume-validator.cjs');
      const { ajv, validate } = compileResumeValidator({ source: true });
      const code = standaloneCode(ajv, validate);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(
        target,
        `${code}\nmodule.exports.fingerprint = ${JSON.stringify(schemaFingerprint())};\n`,
      );
    },
  }),
);
