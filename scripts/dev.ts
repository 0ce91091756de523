/**
 * `npm run dev`: a live preview of the CV at http://127.0.0.1:4000 that re-renders on every save
 * of the résumé or the theme and reloads the open page.
 */
import { dirname, join, relative, resolve } from 'node:path';
import { parseCliArgs } from '../src/cli/cli-args.js';
import { CliError, EXIT, describeError } from '../src/cli/cli-error.js';
import { pdfPreview, type PdfPreview } from '../src/dev/dev-pdf.js';
import { startDevServer, type DevServer } from '../src/dev/dev-server.js';
import { parseByteSize } from '../src/resume/input-limits.js';
import { readResumeText } from '../src/resume/load.js';
import { cli } from '../src/resume/messages.js';
import { createProgress } from '../src/cli/progress.js';
import { themeWatchPlan } from '../src/dev/theme-build.js';
import { loadTheme } from '../src/export/theme-loader.js';
import { applyVariant } from '../src/resume/variant.js';

const USAGE = `Usage: npm run dev -- [options]

Serves the rendered CV on http://127.0.0.1:<port>, re-renders when the résumé or the theme's
templates, styles or build change (a theme with a build script is rebuilt first), and reloads
the open page. An invalid save keeps the last
good render on screen with the problems shown over it.

Options:
  --port <n>        port on 127.0.0.1 (default 4000; 0 picks a free one and prints it)
  --resume <file>   the résumé (default: resume.json)
  --theme <theme>   a theme folder, installed package or short name; default: meta.theme of
                    the résumé, else ./theme
  --variant <name>  preview a variant from meta.variants
  --pdf             also write <out>/resume.pdf (resume-<variant>.pdf) on every good render
  --out <folder>    where --pdf writes (default: dist)
  -h, --help        show this help

Stop with Ctrl+C. Exit codes: 0 stopped, 2 bad option or port in use, 3 the server failed.`;

const OPTIONS = {
  port: { type: 'string', default: '4000' },
  resume: { type: 'string', default: 'resume.json' },
  theme: { type: 'string' },
  variant: { type: 'string' },
  pdf: { type: 'boolean', default: false },
  out: { type: 'string', default: 'dist' },
  'max-size': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The theme named in the résumé, read leniently: a broken résumé still gets a preview. */
async function themeFromResume(path: string, maxBytes?: number): Promise<string | undefined> {
  const read = await readResumeText(path, { maxBytes });
  try {
    const resume = read.ok ? (JSON.parse(read.text) as { meta?: { theme?: unknown } }) : {};
    return typeof resume.meta?.theme === 'string' ? resume.meta.theme : undefined;
  } catch {
    return undefined;
  }
}

async function main(argv: string[]): Promise<void> {
  const parsed = parseCliArgs(argv, OPTIONS);
  if (!parsed.ok) {
    throw new CliError(
      `${parsed.message} Run with --help for the options.`,
      EXIT.badInputOrOptions,
    );
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length > 0) {
    throw new CliError(
      `unexpected argument ${positionals[0]}; name the résumé with --resume <file>.`,
      EXIT.badInputOrOptions,
    );
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    throw new CliError(
      `--port ${values.port}: give a number from 0 to 65535.`,
      EXIT.badInputOrOptions,
    );
  }
  const maxSize = values['max-size'];
  const maxBytes = maxSize === undefined ? undefined : parseByteSize(maxSize);
  if (maxSize !== undefined && maxBytes === undefined) {
    throw new CliError(cli.badMaxSize(maxSize), EXIT.badInputOrOptions);
  }
  const cwd = process.cwd();
  const resumePath = resolve(cwd, values.resume);
  const progress = createProgress();
  const themeSpec = values.theme ?? (await themeFromResume(resumePath, maxBytes)) ?? './theme';
  const theme = await loadTheme(themeSpec, cwd);
  const watchPlan = themeWatchPlan(theme.location);
  const variant = values.variant;
  const pdfFile = join(resolve(cwd, values.out), `resume${variant ? `-${variant}` : ''}.pdf`);
  const pdf: PdfPreview | undefined = values.pdf
    ? pdfPreview(pdfFile, dirname(resumePath), progress)
    : undefined;

  const server: DevServer = await startDevServer({
    resumePath,
    maxBytes,
    port,
    // Reloads after an edit build the theme when it has a build step, then read its files again.
    loadTheme: async (fresh) => {
      if (!fresh) return theme;
      await watchPlan.rebuild?.();
      return loadTheme(themeSpec, cwd, { fresh });
    },
    themeFolders: watchPlan.folders,
    ...(variant && { transform: (resume) => applyVariant(resume, variant) }),
    ...(pdf && {
      afterRender: async (html, resume, loaded) => {
        const startedAt = performance.now();
        const detail = await pdf.write(html, resume, loaded);
        progress.done(`wrote ${relative(cwd, pdfFile)} — ${detail}`, startedAt);
      },
    }),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`Serving ${server.url} (Ctrl+C to stop)\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await pdf?.close();
    process.exit(EXIT.ok);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`✖ ${describeError(error)}\n`);
  process.exitCode = error instanceof CliError ? error.exitCode : EXIT.exportFailed;
});
