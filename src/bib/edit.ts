/**
 * Turning planned changes into edits of the résumé text, so everything outside the touched
 * entries keeps its bytes: indentation, key order, spacing. The text is parsed once and every edit
 * is placed by the offsets of that one syntax tree, then all are applied in one pass: N changes
 * cost O(N) edits plus one parse, not one parse each. The BibTeX import edits `publications` with
 * it; the LinkedIn import, every section it fills.
 */
import {
  applyEdits,
  modify,
  parseTree,
  type Edit,
  type FormattingOptions,
  type JSONPath,
  type Node,
} from 'jsonc-parser';
import type { Change } from './merge.js';

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

/** The file's own indentation and line ends, for the text that is inserted. */
function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 1 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/** How values are printed: one indentation unit, the file's line end. */
interface Layout {
  unit: string;
  eol: string;
}

function layoutOf(options: FormattingOptions): Layout {
  return {
    unit: options.insertSpaces ? ' '.repeat(options.tabSize ?? 2) : '\t',
    eol: options.eol ?? '\n',
  };
}

/** The whitespace that starts the line `offset` is on. */
function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** `value` printed as JSON whose later lines continue at `indent`. */
function printed(value: unknown, indent: string, { unit, eol }: Layout): string {
  return JSON.stringify(value, null, unit).split('\n').join(`${eol}${indent}`);
}

/** Whether the container's members are written on lines of their own. */
function multiline(text: string, container: Node, first: Node): boolean {
  return /[\r\n]/.test(text.slice(container.offset, first.offset));
}

/** The text that separates one member of `container` from the next, as the file writes it. */
function separator(text: string, container: Node, first: Node, layout: Layout): string {
  return multiline(text, container, first) ? `,${layout.eol}${indentAt(text, first.offset)}` : ', ';
}

/** Edits that set fields of one object: a value replaced, or members appended. */
function fieldEdits(
  text: string,
  object: Node,
  fields: readonly Pick<FieldUpdate, 'field' | 'to'>[],
  layout: Layout,
): Edit[] {
  const edits: Edit[] = [];
  const properties = object.children ?? [];
  const appended: string[] = [];
  for (const { field, to } of fields) {
    const property = properties.find((p) => p.children?.[0]?.value === field);
    const value = property?.children?.[1];
    if (value) {
      const content = printed(to, indentAt(text, property.offset), layout);
      edits.push({ offset: value.offset, length: value.length, content });
    } else {
      appended.push(`${JSON.stringify(field)}: ${printed(to, '', layout)}`);
    }
  }
  const first = properties[0];
  const last = properties.at(-1);
  if (appended.length > 0 && (!first || !last)) {
    edits.push({
      offset: object.offset,
      length: object.length,
      content: `{ ${appended.join(', ')} }`,
    });
  } else if (appended.length > 0 && first && last) {
    const between = separator(text, object, first, layout);
    const indent = indentAt(text, first.offset);
    // Lines of a nested value continue at the member's indentation.
    const members = appended.map((member) =>
      member.split(layout.eol).join(`${layout.eol}${indent}`),
    );
    edits.push({
      offset: last.offset + last.length,
      length: 0,
      content: members.map((member) => `${between}${member}`).join(''),
    });
  }
  return edits;
}

/** The new items in runs of neighbours, each with the index its first one ends up at. */
function runsOfAdds<T>(adds: readonly Addition<T>[], existing: number) {
  const slots: ({ item: T } | null)[] = Array<{ item: T } | null>(existing).fill(null);
  for (const add of adds) slots.splice(add.index, 0, { item: add.item });
  const runs: { before: number; items: T[] }[] = [];
  let kept = 0;
  slots.forEach((slot) => {
    if (slot === null) {
      kept++;
      return;
    }
    const last = runs.at(-1);
    if (last && last.before === kept) last.items.push(slot.item);
    // `before`: how many of the file's own items come before the run.
    else runs.push({ before: kept, items: [slot.item] });
  });
  return runs;
}

/** An edit that inserts `items` into `list` before its member `before` (or at its end). */
function insertion(
  text: string,
  list: Node,
  before: number,
  items: readonly unknown[],
  layout: Layout,
): Edit {
  const members = list.children!;
  const first = members[0]!;
  const between = separator(text, list, first, layout);
  const indent = indentAt(text, first.offset);
  const content = items.map((item) => printed(item, indent, layout)).join(between);
  const next = members[before];
  if (next) return { offset: next.offset, length: 0, content: `${content}${between}` };
  const last = members.at(-1)!;
  return { offset: last.offset + last.length, length: 0, content: `${between}${content}` };
}

/**
 * Sets `path` to `value` with jsonc-parser, where there is no neighbour to take the layout from
 * (no list yet, or an empty one): one parse, once per import at most.
 */
function setWithParser(
  text: string,
  path: JSONPath,
  value: unknown,
  options: FormattingOptions,
): string {
  const PLACEHOLDER = '\u0000camera-ready-placeholder\u0000';
  // jsonc-parser places a short placeholder (formatting a large value itself takes seconds),
  // which is replaced by the value printed at the placeholder's indentation.
  const placed = applyEdits(text, modify(text, path, PLACEHOLDER, { formattingOptions: options }));
  const marker = JSON.stringify(PLACEHOLDER);
  const at = placed.indexOf(marker);
  return (
    placed.slice(0, at) +
    printed(value, indentAt(placed, at), layoutOf(options)) +
    placed.slice(at + marker.length)
  );
}

/** Applies edits that do not overlap, in one pass over the text. */
function applyAll(text: string, edits: Edit[]): string {
  const sorted = edits.sort((a, b) => a.offset - b.offset);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    parts.push(text.slice(at, edit.offset), edit.content);
    at = edit.offset + edit.length;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Sets the value at `path` (an object's field, created with its parents when missing). */
export function setValue(text: string, path: JSONPath, value: unknown): string {
  return setWithParser(text, path, value, formattingOf(text));
}

/**
 * Edits one list of the résumé (`publications`, `work`…) on one parse: field updates of its items
 * at the indexes of the file as read, then new items. `existing` is the list's length as read.
 */
export function editList<T>(
  text: string,
  listName: string,
  updates: readonly FieldUpdate[],
  adds: readonly Addition<T>[],
  existing: number | undefined,
): string {
  const options = formattingOf(text);
  const layout = layoutOf(options);
  const root = parseTree(text);
  const list = root?.children?.find((p) => p.children?.[0]?.value === listName)?.children?.[1];
  const items = list?.type === 'array' ? (list.children ?? []) : [];
  // Map.groupBy is Node 21 and later.
  const byIndex = new Map<number, FieldUpdate[]>();
  for (const update of updates)
    byIndex.set(update.index, [...(byIndex.get(update.index) ?? []), update]);
  const edits: Edit[] = [];
  for (const [index, fields] of byIndex) {
    const object = items[index];
    if (object?.type === 'object') edits.push(...fieldEdits(text, object, fields, layout));
  }
  const runs = runsOfAdds(adds, existing ?? 0);
  if (list && items.length > 0) {
    for (const run of runs) edits.push(insertion(text, list, run.before, run.items, layout));
    return applyAll(text, edits);
  }
  // No list yet, or an empty one: one edit writes it whole.
  const edited = applyAll(text, edits);
  const all = runs.flatMap((run) => run.items);
  return all.length > 0 ? setWithParser(edited, [listName], all, options) : edited;
}

/** The BibTeX import's planned changes, made to `publications`. */
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
