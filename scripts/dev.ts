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
  timeoutOption,
} from '../src/cli/options.js';
import { defineCommand, runCommand } from '../src/cli/run-command.js';
import { startPreview } from '../src/dev/preview.js';
/** The texts of `npm run dev`: its help, its option errors and what the preview reports. */
const devCli = {
  usage: 'Usage: npm run dev -- [options]',
  about: [
    'Serves the rendered CV on http://127.0.0.1:<port>, re-renders when the résumé or the theme’s',
    'templates, styles or build change (a theme with a build script is rebuilt first), and reloads',
    'the open page. An invalid save keeps the last good render on screen with the problems shown',
    'over it.',
  ].join('\n'),
  portOption: 'port on 127.0.0.1; 0 picks a free one and prints it',
  themeOption: 'a theme folder, installed package or short name',
  themeDefault: 'meta.theme of the résumé, else ./theme',
  variantOption: 'preview a variant from meta.variants',
  pdfOption: 'also write <out>/resume.pdf (resume-<variant>.pdf) on every good render',
  outOption: 'where --pdf writes',
  timeoutOption:
    'the longest the theme’s render, and each browser step of --pdf, may take; a render that takes longer is stopped and shown as the problem',
  siteOption:
    'show the page as --format site publishes it: title, sharing tags and the download bar',
  notes: [
    'Stop with Ctrl+C. Exit codes: 0 stopped, 2 bad option, unknown variant or port in use,',
    '3 the server failed.',
  ].join('\n'),
  badPort: (value: string): string => `--port ${value}: give a number from 0 to 65535.`,
  serving: (url: string): string => `Serving ${url} (Ctrl+C to stop)`,
};

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
      // The export's --timeout: the same limit, and the same default.
      timeout: { ...timeoutOption, description: devCli.timeoutOption },
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
        timeoutMs: values.timeout,
        cwd: process.cwd(),
        progress: createProgress(),
        log: (line) => io.stderr(`${printable(line)}\n`),
      });
      io.stdout(`${devCli.serving(server.url)}\n`);
    },
  }),
);
