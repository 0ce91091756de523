/**
 * The preview server: renders the résumé with a theme, serves it on 127.0.0.1, and re-renders
 * when the résumé or the theme changes, telling open pages to reload over server-sent events.
 * Bad input never stops it: the last good render stays up with the problem shown over it.
 * Only the preview's pages get the reload script and the problem banner; exports never pass
 * through here.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { basename, dirname } from 'node:path';
import { escapeHtml, type Resume } from 'jsonresume-theme-camera-ready';
import { InputError, ThemeLoadError, UsageError, describeError } from '../errors.js';
import { stopRequested } from '../runtime.js';
import { devText } from './messages.js';
import { watchFile, watchTree, type Watcher } from './watch.js';
import { readResumeText } from '../resume/load.js';
import { embedPhoto, type PhotoOptions } from '../export/photo.js';
import type { RenderedTheme } from '../export/theme-render.js';
import { validateText } from '../resume/validate.js';

/** Waits this long after a change before rendering, so one save's burst of events renders once. */
const RESUME_SETTLE_MS = 20;
const THEME_SETTLE_MS = 60;

export interface DevServerOptions {
  resumePath: string;
  /** Larger résumé files are refused (default: the validator's limit). */
  maxBytes?: number;
  /** 0 picks a free port. */
  port: number;
  /** Renders with the theme, as the export does (see preview.ts). */
  theme: PreviewTheme;
  /** Folders whose changes mean the theme must be loaded again. */
  themeFolders: string[];
  /** How the photo is had, as in the export: offline, and how host names resolve. */
  photo?: Pick<PhotoOptions, 'offline' | 'resolve'>;
  /** Turns the validated résumé into what the theme renders (e.g. a variant). */
  transform?: (resume: Resume) => Resume;
  /** What the page is dressed in before it is served (the site's head and bar); the PDF gets the theme's own. */
  decorate?: (html: string, resume: Resume) => Promise<string>;
  /** Called after each good render, e.g. to export a PDF; its failures are reported, not fatal. */
  afterRender?: (rendered: RenderedTheme, resume: Resume) => Promise<void>;
  log: (line: string) => void;
}

/** What the server renders with. */
export interface PreviewTheme {
  /** The theme's files changed: the next render loads them afresh (after its build, if any). */
  reload(): Promise<void>;
  /** Fails with the export's errors: ThemeLoadError or InputError when the theme cannot load. */
  render(resume: Resume): Promise<RenderedTheme>;
  /** The theme's files changed: a render in progress may end at once (it fails). */
  interrupt(): void;
}

export interface DevServer {
  url: string;
  port: number;
  /** Stops watching, ends open event streams, frees the port. */
  close(): Promise<void>;
}

const EVENTS_PATH = '/__events';

const BANNER_ID = 'camera-ready-dev-problem';

/** Reporters may colour their text for terminals; a page shows it plain. */
function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** The page reloads when the server announces a version other than the one it shows. */
function clientScript(version: string): string {
  return `<script>(()=>{const shown=${JSON.stringify(version)};const events=new EventSource(${JSON.stringify(EVENTS_PATH)});events.addEventListener('version',(e)=>{if(e.data!==shown){events.close();location.reload();}});})();</script>`;
}

interface Problem {
  /** One line, e.g. "resume.json is invalid". */
  title: string;
  /** The full report, shown as preformatted text. */
  details: string;
}

function banner(problem: Problem): string {
  const style = [
    'position:fixed',
    'inset:0 0 auto 0',
    'z-index:2147483647',
    'max-height:60vh',
    'overflow:auto',
    'margin:0',
    'padding:12px 16px',
    'background:#fff4f4',
    'color:#5c0000',
    'border-bottom:3px solid #b00020',
    'box-shadow:0 2px 10px rgba(0,0,0,.25)',
    'font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace',
    'white-space:pre-wrap',
    'text-align:left',
  ].join(';');
  return (
    `<div id="${BANNER_ID}" role="alert" style="${style}">` +
    `<strong>${escapeHtml(problem.title)}</strong>\n${escapeHtml(stripAnsi(problem.details))}</div>` +
    `<style>@media print{#${BANNER_ID}{display:none}}</style>`
  );
}

/** `html` with the reload script and, when there is one, the problem banner before `</body>`. */
function devPage(html: string, version: string, problem?: Problem): string {
  const addition = (problem ? banner(problem) : '') + clientScript(version);
  const end = html.toLowerCase().lastIndexOf('</body>');
  return end === -1 ? html + addition : html.slice(0, end) + addition + html.slice(end);
}

/** The page shown before any render has succeeded. */
function problemPage(version: string, problem: Problem): string {
  return devPage(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(problem.title)}</title></head><body></body></html>`,
    version,
    problem,
  );
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const { log } = options;
  const resumeName = basename(options.resumePath);
  const boot = randomBytes(4).toString('hex');
  let version = 0;
  let good: string | undefined;
  let problem: Problem | undefined;
  let lastText: string | undefined;
  /** Known from the last good render: the theme's errors name it themselves. */
  let themeName: string | undefined;
  const clients = new Set<ServerResponse>();
  // A photo address is fetched once per preview, not on every save.
  const fetched = new Map<string, Buffer>();

  const currentVersion = () => `${boot}-${version}`;
  const page = () =>
    good === undefined
      ? problemPage(currentVersion(), problem ?? { title: devText.rendering, details: '' })
      : devPage(good, currentVersion(), problem);

  function publish(): void {
    version += 1;
    for (const client of clients) client.write(`event: version\ndata: ${currentVersion()}\n\n`);
  }

  function fail(title: string, details: string): void {
    // A render that a signal interrupted is no problem of the résumé's or the theme's.
    if (stopRequested()) return;
    problem = { title: devText.showingLastGood(title), details };
    log(devText.problem(title, details));
    publish();
  }

  /** One render of the current files; `themeChanged` reloads the theme first. */
  async function render(themeChanged: boolean, changedAt: number): Promise<void> {
    if (themeChanged) {
      try {
        await options.theme.reload();
      } catch (error) {
        fail(devText.themeLoadFailed, describeError(error));
        return;
      }
    }
    // Bounded and non-blocking: a huge file, a device or a named pipe is reported, not waited on.
    const read = await readResumeText(options.resumePath, { maxBytes: options.maxBytes });
    if (!read.ok) {
      // Some editors delete and re-create on save: the next change renders again.
      lastText = undefined;
      fail(devText.unreadable(resumeName), read.diagnostic.message);
      return;
    }
    const { text } = read;
    if (text === lastText && !themeChanged) return;
    lastText = text;

    const outcome = validateText(text, options.resumePath);
    if (!outcome.resume) {
      fail(devText.invalid(resumeName), outcome.report);
      return;
    }
    if (outcome.report) log(outcome.report);
    let resume: Resume;
    try {
      // The export's own photo step: the page shows what the export would embed, nothing else.
      const withPhoto = await embedPhoto(outcome.resume, {
        ...options.photo,
        folder: dirname(options.resumePath),
        warn: (warning) => log(devText.warning(warning)),
        fetched,
      });
      resume = options.transform ? options.transform(withPhoto) : withPhoto;
    } catch (error) {
      fail(devText.notPreviewable(resumeName), describeError(error));
      return;
    }
    let rendered: RenderedTheme;
    try {
      rendered = await options.theme.render(resume);
      themeName = rendered.name;
    } catch (error) {
      // Interrupted by an edit of the theme: the render that follows tells how that went.
      if (pending?.themeChanged) return;
      const loading = error instanceof ThemeLoadError || error instanceof InputError;
      fail(
        loading ? devText.themeLoadFailed : devText.renderFailed(themeName),
        describeError(error),
      );
      return;
    }
    try {
      good = options.decorate ? await options.decorate(rendered.html, resume) : rendered.html;
    } catch (error) {
      fail(devText.renderFailed(rendered.name), describeError(error));
      return;
    }
    problem = undefined;
    publish();
    const ms = Math.round(performance.now() - changedAt);
    log(version === 1 ? devText.rendered(ms) : devText.reRendered(ms));
    if (options.afterRender) {
      try {
        await options.afterRender(rendered, resume);
      } catch (error) {
        log(devText.afterRenderFailed(describeError(error)));
      }
    }
  }

  // Renders run one at a time; changes during a render are picked up by one more render after it.
  let running: Promise<void> | undefined;
  let pending: { themeChanged: boolean; changedAt: number } | undefined;
  function schedule(themeChanged: boolean, changedAt: number): void {
    // A render of the theme's old files is of no use: it ends now, not at its time limit.
    if (themeChanged && running) options.theme.interrupt();
    pending = {
      themeChanged: themeChanged || (pending?.themeChanged ?? false),
      changedAt: pending?.changedAt ?? changedAt,
    };
    running ??= (async () => {
      while (pending) {
        const next = pending;
        pending = undefined;
        await render(next.themeChanged, next.changedAt).catch((error: unknown) =>
          fail(devText.failed, describeError(error)),
        );
      }
      running = undefined;
    })();
  }

  await render(false, performance.now());

  const watchers: Watcher[] = [
    watchFile(options.resumePath, {
      settleMs: RESUME_SETTLE_MS,
      onChange: (at) => schedule(false, at),
      log,
    }),
    ...options.themeFolders.map((folder) =>
      watchTree(folder, { settleMs: THEME_SETTLE_MS, onChange: (at) => schedule(true, at), log }),
    ),
  ];

  const server = createServer((request, response) => {
    handle(request, response);
  });
  function handle(request: IncomingMessage, response: ServerResponse): void {
    // Pages from other sites must not read the preview through a rebound DNS name.
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(request.headers.host ?? '')) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden\n');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === EVENTS_PATH) {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(`retry: 500\nevent: version\ndata: ${currentVersion()}\n\n`);
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (path === '/' || path === '/index.html') {
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : page());
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
  }

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      for (const watcher of watchers) watcher.close();
      reject(error.code === 'EADDRINUSE' ? new UsageError(devText.portInUse(options.port)) : error);
    });
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : options.port);
    });
  });

  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    async close() {
      for (const watcher of watchers) watcher.close();
      pending = undefined;
      for (const client of clients) client.end();
      clients.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await running;
    },
  };
}
