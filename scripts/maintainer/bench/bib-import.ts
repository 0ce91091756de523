/**
 * The whole BibTeX import (read, parse, map, merge, edit, validate, write) of 1,000 entries,
 * against citation-js parsing the same file, in this process: median of 5 after a warm-up each.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { importBib } from '../../../src/bib/import.js';
import { importTool } from '../../../src/maintainer/other-themes.js';
import { median, ms } from './measure.js';

const BIB_TITLE = '## BibTeX import of 1,000 entries';
const ENTRIES = 1_000;
/** Measured runs of each, after one warm-up run each. */
const RUNS = 5;
/** What the import takes at most, against citation-js's parse of the same file. */
const TARGET_RATIO = 2;

/**
 * 1,000 entries in the shapes of the corpus (ADS, dblp, Scholar, Zotero, al-folio, arXiv), each
 * with its own key and title, so that none is a version of another.
 */
export function thousandEntries(fixtures: string): string {
  const entries = readdirSync(fixtures)
    .filter((file) => file.endsWith('.bib') && file !== 'malformed.bib')
    .flatMap((file) => readFileSync(join(fixtures, file), 'utf8').split(/\n(?=@)/))
    .map((text) => text.trim())
    .filter((text) => /^@(?!string|proceedings|comment|preamble)[a-z]+\{/i.test(text));
  const out: string[] = [];
  for (let i = 0; out.length < ENTRIES; i++) {
    out.push(
      entries[i % entries.length]!.replace(/^(@\w+\{)([^,]+),/, `$1$2x${i},`)
        .replace(/(\btitle\s*=\s*["{]+)/i, `$1Study ${i} of `)
        .replace(/\b(doi|eprint|arxiv)(\s*=\s*\{)/gi, `$1$2${i}`),
    );
  }
  return `${out.join('\n\n')}\n`;
}

export async function bibImportSection(
  scratch: string,
  fixtures: string,
  repoRoot: string,
): Promise<string[]> {
  // citation-js lives in the tools project (tests/other-themes), installed on demand.
  const { Cite } = (await importTool(
    repoRoot,
    '@citation-js/core',
  )) as typeof import('@citation-js/core');
  await importTool(repoRoot, '@citation-js/plugin-bibtex');
  const bibPath = join(scratch, 'thousand.bib');
  const text = thousandEntries(fixtures);
  writeFileSync(bibPath, text);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let run = 0; run < RUNS + 1; run++) {
    let started = performance.now();
    const cited = new Cite(text);
    if (run > 0) theirs.push(performance.now() - started);
    const resumePath = join(scratch, `bib-resume-${run}.json`);
    writeFileSync(resumePath, '{ "basics": { "name": "Tomás Ferreira" } }\n');
    started = performance.now();
    const result = await importBib({ bibPath, resumePath, dryRun: false });
    if (run > 0) ours.push(performance.now() - started);
    if (!result.written || cited.data.length < ENTRIES) {
      throw new Error(
        `bib import: ${result.changes.length} changes, citation-js ${cited.data.length} items`,
      );
    }
  }
  const ratio = median(ours) / median(theirs);
  return [
    BIB_TITLE,
    '',
    `\`importBib\` (read, parse, map, merge, edit, validate, write) on ${ENTRIES.toLocaleString('en')} entries in the corpus's shapes (${(text.length / 1024).toFixed(0)} KiB), and \`new Cite(text)\` of citation-js on the same file, in one process; median of ${RUNS} runs after one warm-up run each. Load average when it started: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(', ')} on ${cpus().length} cores.`,
    '',
    '| ours | citation-js | ratio | target |',
    '| ---- | ----------- | ----- | ------ |',
    `| ${ms(median(ours))} | ${ms(median(theirs))} | ${ratio.toFixed(2)} | ≤ ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'not met'} |`,
    '',
  ];
}
