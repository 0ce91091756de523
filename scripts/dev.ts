/**
 * `npm run dev`: a live preview of the CV at http://127.0.0.1:4000 that re-renders on every save
 * of the résumé or the theme and reloads the open page.
 */
import { UsageError } from '../src/errors.js';
import { printable } from '../src/printable.js';
import { createProgress } from '../src/runtime.js';
import {
  maxSizeOption,
  resumeIsAnOption,
  resumeOption,
  offlineOption,
} from '../src/cli/options.js';
import { defineCommand, runCommand } from '../src/cli/run-command.js';
import { devCli } from '../src/dev/messages.js';
import { startPreview } from '../src/dev/preview.js';

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(devCli.badPort(value));
  return port;
}

runCommand(
  defineCommand({
    usage: devCli.usage,
    about: devCli.about,
    notes: devCli.notes,
    options: {
      port: {
        type: 'string',
        value: 'n',
        description: devCli.portOption,
        default: '4000',
        parse: parsePort,
      },
      resume: resumeOption,
      theme: {
        type: 'string',
        value: 'theme',
        description: devCli.themeOption,
        defaultText: devCli.themeDefault,
      },
      variant: { type: 'string', value: 'name', description: devCli.variantOption },
      pdf: { type: 'boolean', description: devCli.pdfOption },
      site: { type: 'boolean', description: devCli.siteOption },
      out: { type: 'string', value: 'folder', description: devCli.outOption, default: 'dist' },
      'max-size': maxSizeOption,
      offline: offlineOption,
    },
    positionals: resumeIsAnOption,
    // Stopping is how the preview ends: the server and the browser are closed, and that is success.
    signals: { exitCode: 0 },
    serves: true,
    async run({ values }, io) {
      const server = await startPreview({
        port: values.port,
        resume: values.resume,
        theme: values.theme,
        variant: values.variant,
        pdf: values.pdf,
        site: values.site,
        out: values.out,
        maxBytes: values['max-size'],
        offline: values.offline ?? false,
        cwd: process.cwd(),
        progress: createProgress(),
        log: (line) => io.stderr(`${printable(line)}\n`),
      });
      io.stdout(`${devCli.serving(server.url)}\n`);
    },
  }),
);
