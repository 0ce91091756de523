/**
 * `npm run compat`: runs the compatibility checks (published themes on resume.json, our packed
 * theme in resume-cli and resumed) and regenerates docs/compatibility.md from their results.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { EXIT, defineCommand, runCommand } from '../../src/cli/run-command.js';
import { compatCli as text } from '../../src/cli/maintainer-messages.js';
import { createProgress } from '../../src/runtime.js';
import { writeFileAtomic } from '../../src/export/write-files.js';
import { clientPassed, requiredTexts, runClients } from '../../src/maintainer/clients.js';
import { compatibilityMarkdown } from '../../src/maintainer/compat-report.js';
import { checkTheme, installOtherThemes, OTHER_THEMES } from '../../src/maintainer/other-themes.js';

// npm runs scripts in the repository's root.
const repoRoot = process.cwd();
const resumePath = join(repoRoot, 'resume.json');

runCommand(
  defineCommand({
    usage: text.usage,
    about: text.about(OTHER_THEMES.length),
    notes: text.exitCodes,
    options: {},
    async run() {
      const progress = createProgress();
      const resume = JSON.parse(await readFile(resumePath, 'utf8')) as Resume;
      const required = requiredTexts(resume);
      const themesRoot = await installOtherThemes(repoRoot);
      const themes = await progress.step(
        () => Promise.all(OTHER_THEMES.map((theme) => checkTheme(themesRoot, theme, resume))),
        text.rendered(OTHER_THEMES.length),
      );
      const work = await mkdtemp(join(tmpdir(), 'compat-'));
      try {
        const clients = await progress.step(
          () => runClients(repoRoot, work, resumePath, required),
          text.ranClients,
        );
        const markdown = compatibilityMarkdown(resume, themes, clients);
        await progress.step(
          () => writeFileAtomic(join(repoRoot, 'docs', 'compatibility.md'), markdown),
          text.wrote('docs/compatibility.md'),
        );
        const themeFailures = themes.filter(
          (t) => t.error !== undefined || t.unexplained.length > 0,
        );
        const clientFailures = clients.outcomes.filter((o) => !clientPassed(o, clients.reference));
        for (const t of themeFailures) progress.warn(text.themeFailed(t.theme, t.error));
        for (const { run } of clientFailures) {
          progress.warn(text.clientFailed(run.client, run.how, run.format));
        }
        return themeFailures.length + clientFailures.length > 0 ? EXIT.invalidInput : EXIT.ok;
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
  }),
);
