/**
 * Runs a theme where it can be stopped whatever it does: in a child process of its own process
 * group, with a memory cap. A theme that loops, waits for ever, blocks in a system call
 * (`execSync`, a read from a FIFO) or takes all the memory is killed with every process it
 * started when it outlasts its limits or the run is interrupted; one that crashes is reported at
 * once with its own message. The exporter's own thread stays free to answer signals meanwhile.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { InputError, ThemeLoadError, ThemeRenderError } from '../errors.js';
import { onShutdown } from '../runtime.js';
import type { ThemePdfOptions } from './theme-loader.js';

export interface ThemeJob {
  spec: string;
  cwd: string;
  resume: Resume;
}

/** What the theme's process is asked: to start loading a theme, or to render with one. */
export type ThemeRequest =
  { kind: 'preload'; spec: string; cwd: string } | { kind: 'render'; job: ThemeJob };

export type ThemeMessage =
  | { kind: 'found'; spec: string; name: string }
  | { kind: 'loaded'; name: string }
  | { kind: 'rendered'; name: string; html: string; pdfRenderOptions: ThemePdfOptions }
  | { kind: 'failed'; message: string; error: keyof typeof THEME_ERRORS }
  | { kind: 'crashed'; message: string };

/** The errors a theme job ends with, by name (classes do not cross processes). */
const THEME_ERRORS = { InputError, ThemeLoadError, ThemeRenderError };

export interface RenderedTheme {
  /** The package name (or folder name of an unpublished theme). */
  name: string;
  pdfRenderOptions: ThemePdfOptions;
  html: string;
}

/**
 * The most memory a theme's process may hold (resident). A CV renders in a few tens of megabytes;
 * this leaves room for a heavy theme and stops a runaway one long before it troubles the machine.
 */
export const THEME_MEMORY_LIMIT_MB = 1024;
/**
 * V8's heap is capped above the limit, so that the watch below stops a growing heap before V8
 * slows to a crawl collecting garbage near its own cap; where /proc is missing, the heap cap
 * is the one that holds.
 */
const HEAP_CAP_FACTOR = 1.25;
/** How often the process's resident memory is read. */
const MEMORY_POLL_MS = 100;

/**
 * The process's module, with this module's own extension: `.ts` when run through tsx, whose
 * loader the child is started with, `.js` when built.
 */
const here = fileURLToPath(import.meta.url);
const WORKER_ENTRY = fileURLToPath(new URL(`./theme-worker${extname(here)}`, import.meta.url));
const LOADER_ARGS = extname(here) === '.ts' ? ['--import', import.meta.resolve('tsx')] : [];

export interface ThemeWorkerOptions {
  /** See THEME_MEMORY_LIMIT_MB. */
  memoryLimitMb?: number;
}

export interface ThemeWorker {
  /**
   * Starts loading a theme ahead of its render (while the résumé is validated, say). Nothing is
   * reported: a failure to load is the failure of the render that uses it.
   */
  preload(spec: string, cwd: string): void;
  /** Loads the theme and renders `resume`; fails with an error naming the theme and the step. */
  render(job: ThemeJob, timeoutMs: number): Promise<RenderedTheme>;
  /** Kills the theme's process and every process it started, whatever it is doing. */
  stop(): Promise<void>;
}

type Step = 'load' | 'render';

/** Why the theme's process ended, to be told in the words of the step it ended in. */
type Ending =
  | { kind: 'crashed'; message: string }
  | { kind: 'memory' }
  | { kind: 'timeout'; ms: number }
  | { kind: 'exited'; code: number | null; signal: NodeJS.Signals | null }
  | { kind: 'unstartable'; message: string }
  | { kind: 'stopped' };

function endingText(ending: Ending, name: string, step: Step, memoryLimitMb: number): string {
  const doing = step === 'load' ? 'loading' : 'rendering';
  switch (ending.kind) {
    case 'crashed':
      return `Theme ${name} crashed while ${doing}: ${ending.message}. Fix the theme.`;
    case 'memory':
      return `Theme ${name} used more than ${memoryLimitMb} MB of memory while ${doing} and was stopped: it may build something without end. Fix the theme.`;
    case 'timeout':
      return `Theme ${name} did not ${step} within ${ending.ms / 1000} s and was stopped: it may loop forever or wait for something that never happens. Fix the theme, or raise the limit with --timeout if it is only slow.`;
    case 'exited':
      if (ending.signal !== null) {
        return `Theme ${name} was ended by ${ending.signal} while ${doing}. Fix the theme, or look for what else ended it.`;
      }
      if (ending.code !== 0) {
        return `Theme ${name} ended its process with exit code ${ending.code} while ${doing}. Fix the theme.`;
      }
      return `Theme ${name} stopped before it ${step === 'render' ? 'returned its HTML' : 'loaded'}: it returned a promise that nothing can ever settle, or ended the process itself. Fix the theme.`;
    case 'unstartable':
      return `The process for theme ${name} could not be started: ${ending.message}`;
    case 'stopped':
      return `Theme ${name} was stopped before it finished ${doing}.`;
  }
}

/** What V8 prints before it aborts a process whose heap is full. */
const OUT_OF_MEMORY = /<--- Last few GCs --->|JavaScript heap out of memory/;

/**
 * Starts the theme's process now, so that its start (a Node process, and the loader when run
 * through tsx) overlaps whatever comes before the render, such as validation.
 */
export function startThemeWorker({
  memoryLimitMb = THEME_MEMORY_LIMIT_MB,
}: ThemeWorkerOptions = {}): ThemeWorker {
  const child = fork(WORKER_ENTRY, [], {
    // A group of its own: everything the theme starts is killed with it, and Ctrl+C in the
    // terminal reaches the exporter only, which decides.
    detached: true,
    execArgv: [
      ...LOADER_ARGS,
      `--max-old-space-size=${Math.ceil(memoryLimitMb * HEAP_CAP_FACTOR)}`,
    ],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  // The exporter's exit never waits for the theme: stop() and the exit hook below end it.
  child.unref();
  child.channel?.unref();

  let ending: Ending | undefined;
  /** The running job's, told when the process ends. */
  let onEnd: (() => void) | undefined;
  const end = (why: Ending) => {
    if (ending) return;
    ending = why;
    killGroup(child);
    clearInterval(memoryWatch);
    process.off('exit', killOnExit);
    forgetOnShutdown();
    onEnd?.();
  };

  let stderrTail = '';
  let forwarding = true;
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    stderrTail = (stderrTail + text).slice(-4000);
    // The theme's own warnings reach the terminal; V8's dump of a full heap does not.
    if (forwarding && OUT_OF_MEMORY.test(stderrTail)) forwarding = false;
    if (forwarding) process.stderr.write(text);
  });
  child.on('error', (error) => end({ kind: 'unstartable', message: error.message }));
  /** Whether the process has ended: its 'exit' came (a process that never started has no pid). */
  let exited = false;
  child.on('exit', (code, signal) => {
    exited = true;
    // V8's last words may still be in the pipe as the exit is seen.
    const settle = () =>
      end(OUT_OF_MEMORY.test(stderrTail) ? { kind: 'memory' } : { kind: 'exited', code, signal });
    if (!child.stderr || child.stderr.readableEnded) return settle();
    const timer = setTimeout(settle, 200);
    child.stderr.once('end', () => {
      clearTimeout(timer);
      settle();
    });
  });
  /** Theme names by spec, known before the theme's code runs. */
  const names = new Map<string, string>();
  child.on('message', (message: ThemeMessage) => {
    if (message.kind === 'found') names.set(message.spec, message.name);
    if (message.kind === 'crashed') end({ kind: 'crashed', message: message.message });
  });

  // The heap flag caps V8's heap; this catches the rest (buffers, native memory) too.
  const memoryWatch = setInterval(() => {
    if (child.pid === undefined) return;
    void residentMb(child.pid).then((mb) => {
      if (mb !== undefined && mb > memoryLimitMb) end({ kind: 'memory' });
    });
  }, MEMORY_POLL_MS).unref();

  const killOnExit = () => killGroup(child);
  process.once('exit', killOnExit);
  const stop = async () => {
    end({ kind: 'stopped' });
    if (child.pid !== undefined && !exited) {
      // Held until it is gone, so the exporter does not end while its theme still runs.
      child.ref();
      await new Promise((resolve) => child.once('exit', resolve));
    }
  };
  const forgetOnShutdown = onShutdown(stop);

  const ask = (request: ThemeRequest) => {
    if (!ending && child.connected) child.send(request, () => undefined);
  };
  return {
    preload: (spec, cwd) => ask({ kind: 'preload', spec, cwd }),
    stop,
    render(job, timeoutMs) {
      let name = job.spec;
      let step: Step = 'load';
      let timer: NodeJS.Timeout | undefined;
      let onMessage = (_: ThemeMessage): void => undefined;
      return new Promise<RenderedTheme>((resolve, reject) => {
        onEnd = () => {
          const named = names.get(job.spec) ?? name;
          const message = endingText(ending!, named, step, memoryLimitMb);
          reject(step === 'load' ? new ThemeLoadError(message) : new ThemeRenderError(message));
        };
        if (ending) return onEnd();
        timer = setTimeout(() => end({ kind: 'timeout', ms: timeoutMs }), timeoutMs);
        onMessage = (message: ThemeMessage) => {
          if (message.kind === 'loaded') {
            name = message.name;
            step = 'render';
          } else if (message.kind === 'rendered') {
            resolve({ name, html: message.html, pdfRenderOptions: message.pdfRenderOptions });
          } else if (message.kind === 'failed') {
            reject(new THEME_ERRORS[message.error](message.message));
          }
        };
        child.on('message', onMessage);
        ask({ kind: 'render', job });
      }).finally(() => {
        clearTimeout(timer);
        onEnd = undefined;
        // The process may take the next job: this one's listener goes.
        child.off('message', onMessage);
      });
    },
  };
}

/** SIGKILL to the theme's whole group: its process and any it started. */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** The process's resident memory in MB, where /proc tells it (Linux). */
async function residentMb(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}
