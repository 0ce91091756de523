/**
 * Turning planned changes into edits of the résumé text (jsonc-parser's modify/applyEdits), so
 * everything outside the touched publications keeps its bytes: indentation, key order, spacing.
 */
import { applyEdits, modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import type { Publication } from 'jsonresume-theme-camera-ready';
import type { Change } from './merge.js';

/** The file's own indentation and line ends, for the text that is inserted. */
function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 1 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

const PLACEHOLDER = '\u0000camera-ready-placeholder\u0000';

/**
 * Sets `path` to `values` (or inserts them there, in order, when `isArrayInsertion`).
 * jsonc-parser places one short placeholder (formatting a large value itself takes seconds, and
 * one edit per item re-reads the whole file each time), which is then replaced by the values
 * printed at the placeholder's indentation.
 */
function setValues(
  text: string,
  path: JSONPath,
  values: readonly unknown[],
  options: FormattingOptions,
  isArrayInsertion = false,
): string {
  const placed = applyEdits(
    text,
    modify(text, path, PLACEHOLDER, { formattingOptions: options, isArrayInsertion }),
  );
  const marker = JSON.stringify(PLACEHOLDER);
  const at = placed.indexOf(marker);
  const lineStart = placed.lastIndexOf('\n', at) + 1;
  const indent = /^[ \t]*/.exec(placed.slice(lineStart, at))![0];
  const unit = options.insertSpaces ? ' '.repeat(options.tabSize ?? 2) : '\t';
  const newline = `${options.eol}${indent}`;
  const printed = values
    .map((value) => JSON.stringify(value, null, unit).split('\n').join(newline))
    .join(`,${newline}`);
  return placed.slice(0, at) + printed + placed.slice(at + marker.length);
}

/** The new publications in runs of neighbours, each with the index its first one ends up at. */
function runsOfAdds(adds: readonly Extract<Change, { kind: 'add' }>[], existing: number) {
  const slots: (Publication | null)[] = Array<Publication | null>(existing).fill(null);
  for (const add of adds) slots.splice(add.index, 0, add.publication);
  const runs: { index: number; items: Publication[] }[] = [];
  slots.forEach((slot, index) => {
    if (slot === null) return;
    const last = runs.at(-1);
    if (last && last.index + last.items.length === index) last.items.push(slot);
    else runs.push({ index, items: [slot] });
  });
  return runs;
}

export function applyChanges(
  text: string,
  changes: readonly Change[],
  existing: number | undefined,
): string {
  const options = formattingOf(text);
  const adds = changes.filter((c): c is Extract<Change, { kind: 'add' }> => c.kind === 'add');
  let result = text;
  // Field updates first, while the indexes are those of the file as read.
  for (const change of changes) {
    if (change.kind !== 'update') continue;
    for (const { field, to } of change.fields) {
      result = setValues(result, ['publications', change.index, field], [to], options);
    }
  }
  const runs = runsOfAdds(adds, existing ?? 0);
  // No list yet: one edit creates it whole.
  if (existing === undefined && runs[0])
    return setValues(result, ['publications'], [runs[0].items], options);
  // Left to right, so each run's index already counts the runs before it.
  for (const run of runs) {
    result = setValues(result, ['publications', run.index], run.items, options, true);
  }
  return result;
}
