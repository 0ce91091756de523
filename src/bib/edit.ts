/**
 * Turning planned changes into edits of the résumé text (jsonc-parser's modify/applyEdits), so
 * everything outside the touched entries keeps its bytes: indentation, key order, spacing. The
 * BibTeX import edits `publications` with it; the LinkedIn import, every section it fills.
 */
import { applyEdits, modify, type FormattingOptions, type JSONPath } from 'jsonc-parser';
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

/** New items in runs of neighbours, each with the index its first one ends up at. */
function runsOfAdds<T>(adds: readonly Addition<T>[], existing: number) {
  const slots: ({ item: T } | null)[] = Array<{ item: T } | null>(existing).fill(null);
  for (const add of adds) slots.splice(add.index, 0, { item: add.item });
  const runs: { index: number; items: T[] }[] = [];
  slots.forEach((slot, index) => {
    if (slot === null) return;
    const last = runs.at(-1);
    if (last && last.index + last.items.length === index) last.items.push(slot.item);
    else runs.push({ index, items: [slot.item] });
  });
  return runs;
}

/** A field of an existing item set to a new value. */
export interface FieldUpdate {
  index: number;
  field: string;
  to: unknown;
}

/** A new item, at the index it has once the additions planned before it are made. */
export interface Addition<T> {
  index: number;
  item: T;
}

/**
 * Edits one list of the résumé (`publications`, `work`…): field updates of its items, then new
 * items. `existing` is the list's length as read, undefined when the résumé has no such list.
 */
export function editList<T>(
  text: string,
  list: string,
  updates: readonly FieldUpdate[],
  adds: readonly Addition<T>[],
  existing: number | undefined,
): string {
  const options = formattingOf(text);
  let result = text;
  // Field updates first, while the indexes are those of the file as read.
  for (const { index, field, to } of updates) {
    result = setValues(result, [list, index, field], [to], options);
  }
  const runs = runsOfAdds(adds, existing ?? 0);
  // No list yet: one edit creates it whole.
  if (existing === undefined && runs[0]) return setValues(result, [list], [runs[0].items], options);
  // Left to right, so each run's index already counts the runs before it.
  for (const run of runs) {
    result = setValues(result, [list, run.index], run.items, options, true);
  }
  return result;
}

/** Sets the value at `path` (an object's field, created with its parents when missing). */
export function setValue(text: string, path: JSONPath, value: unknown): string {
  return setValues(text, path, [value], formattingOf(text));
}

export function applyChanges(
  text: string,
  changes: readonly Change[],
  existing: number | undefined,
): string {
  const updates = changes.flatMap((change) =>
    change.kind === 'update'
      ? change.fields.map(({ field, to }) => ({ index: change.index, field: String(field), to }))
      : [],
  );
  const adds = changes.flatMap((change) =>
    change.kind === 'add' ? [{ index: change.index, item: change.publication }] : [],
  );
  return editList(text, 'publications', updates, adds, existing);
}
