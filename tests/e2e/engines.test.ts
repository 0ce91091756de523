/**
 * The headless shell prints what Chromium prints: for the seed CV, the schema's sample and every
 * real-world résumé, the same page count, the same text on each page and the same links. And the
 * seed CV's two pages survive a 2 % change of every font size, on both engines: page 1 is not
 * filled so tightly that a rounding difference moves a block of text to a third page.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { startBrowser, type RunningBrowser } from '../../src/browser/launch.js';
import { installedEngines, type EngineKind } from '../../src/browser/find-or-install.js';
import { emulateThemeMedia, printPdf } from '../../src/export/pdf.js';
import { linkAnnotations, loadPdf } from '../support/export-fixture.js';
import { repoRoot } from '../support/paths.js';
import { pdfPageTexts } from '../../src/maintainer/read-output.js';
import { theme } from '../support/theme.js';

/** A copy of resume.json kept as it was, so that editing the CV does not move these tests. */
const SEED = join(repoRoot, 'tests/fixtures/seed/resume.json');
const SAMPLE = join(repoRoot, 'node_modules/@jsonresume/schema/sample.resume.json');
const REAL_WORLD = join(repoRoot, 'tests/fixtures/real-world');

const KINDS: EngineKind[] = ['browser', 'headless-shell'];
const browsers = new Map<EngineKind, RunningBrowser>();
let dir: string;

beforeAll(async () => {
  const engines = installedEngines(process.env.PATH ?? '');
  for (const kind of KINDS) {
    const engine = engines.find((candidate) => candidate.kind === kind);
    if (!engine) {
      throw new Error(
        `No ${kind} installed: these tests compare both (npm run setup-browser -- --with-test-tools installs Debian's chromium and chromium-headless-shell).`,
      );
    }
    // Started as the export starts it, with the same switches.
    browsers.set(kind, await startBrowser(engine.path));
  }
  dir = await mkdtemp(join(tmpdir(), 'engines-'));
});
afterAll(async () => {
  await Promise.all([...browsers.values()].map((running) => running.close()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Multiplies every element's font size by `factor`, as a reader's larger text setting would. */
async function scaleFontSizes(page: Page, factor: number): Promise<void> {
  await page.evaluate((factor) => {
    const elements = [document.documentElement, ...Array.from(document.querySelectorAll('*'))];
    // Read all sizes before changing any: a child's size is computed from its parent's.
    const sizes = elements.map((element) => parseFloat(getComputedStyle(element).fontSize));
    elements.forEach((element, index) => {
      if (element instanceof HTMLElement || element instanceof SVGElement) {
        element.style.setProperty('font-size', `${sizes[index]! * factor}px`, 'important');
      }
    });
  }, factor);
}

interface Printed {
  pages: number;
  texts: string[];
  links: string[][];
}

/** Prints the résumé as the export does (print media, the theme's options), font sizes scaled. */
async function print(kind: EngineKind, resume: Resume, name: string, factor = 1): Promise<Printed> {
  const browser = await browsers.get(kind)!.connect();
  const page = await browser.newPage();
  try {
    await page.setContent(theme.render(resume), { waitUntil: 'load' });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    await emulateThemeMedia(page, theme.pdfRenderOptions);
    if (factor !== 1) await scaleFontSizes(page, factor);
    const path = join(dir, `${name}-${kind}-${factor}.pdf`);
    await writeFile(path, await printPdf(page, theme.pdfRenderOptions, undefined));
    const texts = await pdfPageTexts(path);
    return { pages: texts.length, texts, links: linkAnnotations(await loadPdf(path)) };
  } finally {
    await page.close();
  }
}

const readResume = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as Resume;
const realWorld = (await readdir(REAL_WORLD)).filter((file) => file.endsWith('.json')).sort();

describe('the headless shell prints what Chromium prints', () => {
  const resumes: [string, string][] = [
    ['the seed CV', SEED],
    ["the schema's sample", SAMPLE],
    ...realWorld.map((file): [string, string] => [file, join(REAL_WORLD, file)]),
  ];
  it.each(resumes)('%s: same pages, same text on each, same links', async (name, path) => {
    const resume = await readResume(path);
    const label = name.replace(/\W+/g, '-');
    const [browser, shell] = await Promise.all([
      print('browser', resume, label),
      print('headless-shell', resume, label),
    ]);
    expect(browser.texts.join('')).not.toBe('');
    expect(shell).toEqual(browser);
  });
});

describe('the seed CV keeps two pages', () => {
  it.each(KINDS.flatMap((kind) => [0.98, 1, 1.02].map((factor) => [kind, factor] as const)))(
    '%s, font sizes × %s',
    async (kind, factor) => {
      const printed = await print(kind, await readResume(SEED), 'seed', factor);
      expect(printed.pages).toBe(2);
    },
  );
});
