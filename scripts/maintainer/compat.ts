/**
 * `npm run compat`: runs the compatibility checks (published themes on resume.json, our packed
 * theme in resume-cli and resumed) and regenerates docs/compatibility.md from their results
 * (compatibilityMarkdown, pure: the same results always give the same text).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { EXIT, defineCommand, runCommand } from '../../src/cli/run-command.js';
import { createProgress } from '../../src/runtime.js';
import { writeFileAtomic } from '../../src/export/write-files.js';
import {
  clientPassed,
  requiredTexts,
  runClients,
  type ClientOutcome,
  type ClientsReport,
} from '../../src/maintainer/clients.js';
import {
  checkTheme,
  factsOf,
  installOtherThemes,
  KNOWN_LIMITS,
  OTHER_THEMES,
  type FactKind,
  type ThemeResult,
} from '../../src/maintainer/other-themes.js';

/** The texts of `npm run compat`. */
const text = {
  usage: 'Usage: npm run compat',
  about: (themes: number): string =>
    [
      `Renders resume.json with ${themes} published themes, installs the packed theme in a fresh`,
      'project and runs resume-cli and resumed on it, then writes docs/compatibility.md.',
      'Needs Chromium (PUPPETEER_EXECUTABLE_PATH, default /usr/bin/chromium) and poppler-utils.',
    ].join('\n'),
  exitCodes:
    'Exit codes: 0 all checks passed, 1 some check failed (see the table), 2 bad option, 3 a bug.',
  rendered: (themes: number): string => `rendered resume.json with ${themes} published themes`,
  ranClients:
    'packed the theme, installed it in a fresh project, ran resume-cli, resumed and npm run export',
  wrote: (file: string): string => `wrote ${file}`,
  themeFailed: (theme: string, reason: string | undefined): string =>
    `jsonresume-theme-${theme}: ${reason ?? 'facts missing'}`,
  clientFailed: (client: string, how: string, format: string): string =>
    `${client} (${how}, ${format}) failed`,
};

const KINDS: { kind: FactKind; label: string }[] = [
  { kind: 'name', label: 'Name' },
  { kind: 'title', label: 'Publication titles' },
  { kind: 'publisher', label: 'Venue and status' },
  { kind: 'employer', label: 'Employers' },
];

function row(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
}

/** "8/8", or "0/2 (known limit)" when a known limit explains the gap, "1/2 ✗" when nothing does. */
function shownCount(result: ThemeResult, kind: FactKind): string {
  const shown = result.shown.filter((fact) => fact.kind === kind).length;
  const limited = result.limited.filter((fact) => fact.kind === kind).length;
  const unexplained = result.unexplained.filter((fact) => fact.kind === kind).length;
  const total = shown + limited + unexplained;
  if (total === 0) return '–';
  const count = `${shown}/${total}`;
  if (unexplained > 0) return `${count} ✗`;
  return limited > 0 ? `${count} (known limit)` : `${count} ✓`;
}

function themeRows(results: readonly ThemeResult[]): string[][] {
  return results.map((result) => {
    const limits = KNOWN_LIMITS.filter((limit) => limit.theme === result.theme);
    const reasons = [...new Set(limits.map((limit) => limit.reason))];
    return [
      `jsonresume-theme-${result.theme} ${result.version}`,
      result.error === undefined ? '✓' : `✗ ${result.error}`,
      ...KINDS.map(({ kind }) => shownCount(result, kind)),
      reasons.length > 0 ? reasons.join('; ') : '–',
    ];
  });
}

function pdfCell(outcome: ClientOutcome): string {
  const { pdf } = outcome.check;
  if (!pdf) return '–';
  const pages = `${pdf.pages} page${pdf.pages === 1 ? '' : 's'}`;
  return `${pages}, ${pdf.width} × ${pdf.height} pt`;
}

function outputCell(outcome: ClientOutcome): string {
  const { check, run } = outcome;
  if (run.result.code !== 0) return `✗ exit ${run.result.code}`;
  if (!check.written) return '✗ no file (the client still reported success)';
  return check.missing.length === 0 ? '✓' : `✗ missing ${check.missing.length} facts`;
}

function clientRows(report: ClientsReport): string[][] {
  const reference = report.reference.check.pdf;
  const version = (client: ClientOutcome['run']['client']): string =>
    client === 'resume-cli'
      ? `resume-cli ${report.versions['resume-cli']}`
      : client === 'resumed'
        ? `resumed ${report.versions.resumed}`
        : 'camera-ready (`npm run export`)';
  const rows = report.outcomes.map(({ run, check }) => {
    const same =
      run.format !== 'pdf'
        ? '–'
        : JSON.stringify(check.pdf) === JSON.stringify(reference)
          ? '✓'
          : '✗';
    return [
      version(run.client),
      run.how,
      run.format.toUpperCase(),
      outputCell({ run, check }),
      pdfCell({ run, check }),
      same,
    ];
  });
  const ours = report.reference;
  rows.push([
    version(ours.run.client),
    ours.run.how,
    'PDF',
    outputCell(ours),
    pdfCell(ours),
    'reference',
  ]);
  return rows;
}

/** docs/compatibility.md from the checks' results. */
function compatibilityMarkdown(
  resume: Resume,
  themes: readonly ThemeResult[],
  clients: ClientsReport,
): string {
  const facts = (kind: FactKind) => factsOf(resume).filter((fact) => fact.kind === kind).length;
  return `# Compatibility

Generated by \`npm run compat\` (scripts/maintainer/compat.ts) from the same checks \`npm test\`
runs (tests/unit/maintainer/compat-themes.test.ts, tests/e2e/compat-clients.test.ts). Do not edit by hand.

## Other themes, our data

\`resume.json\` rendered by published JSON Resume themes. A fact counts as shown when its text is
in the page's text (tags stripped, entities decoded, whitespace collapsed); a venue and status
(the standard \`publisher\` text) must appear next to its own title. Checked: the owner's name,
${facts('title')} publication titles, ${facts('publisher')} venue-and-status texts, ${facts('employer')} employers.
"Known limit" means the theme's own template cannot show that fact, whatever the data; each one is
checked against the theme's source in node_modules, and the test fails when a theme release lifts it.

${table(
  ['Theme', 'Renders', ...KINDS.map(({ label }) => label), 'Known limits'],
  themeRows(themes),
)}

## Our theme in the real clients

\`jsonresume-theme-camera-ready\` ${clients.versions.theme}, packed with \`npm pack\` and installed from the
tarball into a fresh project (with resumed and puppeteer), then rendered and exported by each
client. Output counts as correct when its text (pdftotext for PDFs) has the owner's name and every
publication title. PDFs must match the page count and page size of our own exporter's.

${table(['Client', 'Theme named by', 'Format', 'Output', 'PDF', 'Same as ours'], clientRows(clients))}

Client setup used: \`PUPPETEER_EXECUTABLE_PATH\` pointing at Chromium, \`RESUME_PUPPETEER_NO_SANDBOX=1\`
for resume-cli and \`--puppeteer-arg=--no-sandbox\` for resumed when running as root.
`;
}

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
