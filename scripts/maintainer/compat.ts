/**
 * `npm run compat`: runs the compatibility checks (published themes on resume.json, our packed
 * theme in resume-cli and resumed) and regenerates docs/compatibility.md from their results.
 * Exit 0 when every check passed, 1 when the table records a failure, 2 on bad options.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { createProgress } from '../../src/cli/progress.js';
import { writeFileAtomic } from '../../src/export/atomic-write.js';
import { clientPassed, requiredTexts, runClients } from '../../src/maintainer/clients.js';
import { compatibilityMarkdown } from '../../src/maintainer/compat-report.js';
import { checkTheme, OTHER_THEMES } from '../../src/maintainer/other-themes.js';

const USAGE = `Usage: npm run compat

Renders resume.json with ${OTHER_THEMES.length} published themes, installs the packed theme in a fresh
project and runs resume-cli and resumed on it, then writes docs/compatibility.md.
Needs Chromium (PUPPETEER_EXECUTABLE_PATH, default /usr/bin/chromium) and poppler-utils.

Exit codes: 0 all checks passed, 1 some check failed (see the table), 2 bad option.`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (args.length > 0) {
  process.stderr.write(`✖ unexpected argument ${args[0]}. Run with --help for usage.\n`);
  process.exit(2);
}

// npm runs scripts in the repository's root.
const repoRoot = process.cwd();
const resumePath = join(repoRoot, 'resume.json');
const progress = createProgress();
const resume = JSON.parse(await readFile(resumePath, 'utf8')) as Resume;
const required = requiredTexts(resume);

const themes = await progress.step(
  () => Promise.all(OTHER_THEMES.map((theme) => checkTheme(repoRoot, theme, resume))),
  `rendered resume.json with ${OTHER_THEMES.length} published themes`,
);

const work = await mkdtemp(join(tmpdir(), 'compat-'));
try {
  const clients = await progress.step(
    () => runClients(repoRoot, work, resumePath, required),
    'packed the theme, installed it in a fresh project, ran resume-cli, resumed and npm run export',
  );
  const markdown = compatibilityMarkdown(resume, themes, clients);
  await progress.step(
    () => writeFileAtomic(join(repoRoot, 'docs', 'compatibility.md'), markdown),
    'wrote docs/compatibility.md',
  );

  const themeFailures = themes.filter((t) => t.error !== undefined || t.unexplained.length > 0);
  const clientFailures = clients.outcomes.filter((o) => !clientPassed(o, clients.reference));
  for (const t of themeFailures)
    progress.warn(`jsonresume-theme-${t.theme}: ${t.error ?? 'facts missing'}`);
  for (const { run } of clientFailures)
    progress.warn(`${run.client} (${run.how}, ${run.format}) failed`);
  process.exitCode = themeFailures.length + clientFailures.length > 0 ? 1 : 0;
} finally {
  await rm(work, { recursive: true, force: true });
}
