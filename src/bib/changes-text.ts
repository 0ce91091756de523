/**
 * What an import changes, entry by entry, as lines for the terminal (also for --dry-run). Keys
 * and file names come from the user's files: their control characters are printed escaped.
 */
import { printable } from '../printable.js';
import { quote } from '../resume/diagnostics.js';
import { importCli } from './messages.js';
import type { MappedEntry } from './map.js';
import type { Change } from './merge.js';

const pad = (word: string) => word.padEnd(9);

/** The entry's key, and the other versions of the work merged into it. */
const keys = (entry: MappedEntry) =>
  entry.versions?.length ? `${entry.key} ${importCli.versions(entry.versions)}` : entry.key;

export function describeChanges(
  changes: readonly Change[],
  run: { file: string; dryRun: boolean; written: boolean; failed: boolean },
): string {
  const lines: string[] = [];
  const counts = { add: 0, update: 0, unchanged: 0, absent: 0 };
  for (const change of changes) {
    switch (change.kind) {
      case 'add':
        counts.add++;
        lines.push(
          `+ ${pad('add')} ${keys(change.entry)}  ${quote(change.publication.name)} → publications[${change.index}]`,
        );
        break;
      case 'update':
        counts.update++;
        lines.push(
          `~ ${pad('update')} ${keys(change.entry)}  ${quote(change.entry.facts.name)} → publications[${change.index}]`,
        );
        for (const { field, from, to } of change.fields) {
          lines.push(
            `      ${field}: ${from === undefined ? '(none)' : quote(from)} → ${quote(to)}`,
          );
        }
        break;
      case 'unchanged':
        counts.unchanged++;
        lines.push(`= ${pad('unchanged')} ${keys(change.entry)}  publications[${change.index}]`);
        break;
      case 'absent':
        counts.absent++;
        lines.push(
          `? ${pad('absent')} publications[${change.index}] ${quote(change.publication.name ?? '')}: ${importCli.absent}`,
        );
        break;
      case 'duplicate':
        // Reported with the .bib diagnostics, where its line is.
        break;
    }
  }
  lines.push('', importCli.summary(counts, run));
  return `${lines.map((line) => printable(line)).join('\n')}\n`;
}
