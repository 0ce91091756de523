/**
 * A user's project with our packed theme and the real clients installed the way users install
 * them, and the environment the clients need to find Chromium here.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findBrowser, installedEngines } from '../browser/find-or-install.js';
import { packageVersion } from './packages.js';
import { run, type RunResult } from './run.js';

export const THEME_PACKAGE = 'jsonresume-theme-camera-ready';
/** The newest resume-cli that installs from the registry (3.7 depends on a package it lacks). */
export const RESUME_CLI_VERSION = '3.1.2';

/**
 * What both clients need to find and start Chromium here: the browser our exporter would use
 * (src/browser/find.ts), named the way puppeteer reads it, and no sandbox for resume-cli as root.
 * Where the exporter would use a headless shell, the clients get the system's full browser: they
 * launch with puppeteer's switches, without the one that makes the shell lay text out the same.
 */
let clientEnv: Promise<NodeJS.ProcessEnv> | undefined;
export function clientEnvironment(): Promise<NodeJS.ProcessEnv> {
  clientEnv ??= findBrowser().then((lookup) => {
    if (!lookup.found) throw new Error(`The client tests need Chromium: ${lookup.reason}`);
    const browser = installedEngines(process.env.PATH ?? '').find(
      (engine) => engine.kind === 'browser',
    );
    const path = lookup.source === 'system' && browser ? browser.path : lookup.path;
    return {
      PUPPETEER_EXECUTABLE_PATH: path,
      PUPPETEER_SKIP_DOWNLOAD: '1',
      RESUME_PUPPETEER_NO_SANDBOX: '1',
    };
  });
  return clientEnv;
}

/** Chromium refuses to start as root without this. */
export const NO_SANDBOX = process.getuid?.() === 0 ? ['--puppeteer-arg=--no-sandbox'] : [];

export function failed(step: string, result: RunResult): Error {
  return new Error(`${step} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
}

/** `npm pack` of the theme workspace into `dir`; returns the tarball's path. */
export async function packTheme(root: string, dir: string): Promise<string> {
  const result = await run(
    'npm',
    ['pack', '--workspace', 'theme', '--pack-destination', dir, '--json'],
    { cwd: root },
  );
  if (result.code !== 0) throw failed('npm pack', result);
  const [packed] = JSON.parse(result.stdout) as { filename: string }[];
  if (!packed) throw failed('npm pack (no file)', result);
  return join(dir, packed.filename);
}

/**
 * A user's project in `dir`: its own package.json, the theme tarball, resume-cli, and resumed with
 * its puppeteer peer (the repository's versions, so npm's cache usually has them), plus a copy of
 * `resumePath` as resume.json. Install scripts are skipped as the README tells resume-cli users
 * to: its puppeteer would try to download a browser.
 */
export async function userProject(
  root: string,
  dir: string,
  tarball: string,
  resumePath: string,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), '{ "name": "cv-user", "private": true }\n');
  await copyFile(resumePath, join(dir, 'resume.json'));
  const packages = [
    tarball,
    `resume-cli@${RESUME_CLI_VERSION}`,
    `resumed@${await packageVersion(root, 'resumed')}`,
    `puppeteer@${await packageVersion(root, 'puppeteer')}`,
  ];
  const result = await run(
    'npm',
    ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', ...packages],
    { cwd: dir, env: await clientEnvironment(), timeoutMs: 300_000 },
  );
  if (result.code !== 0) throw failed('npm install', result);
  return dir;
}
