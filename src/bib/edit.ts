/**
 * Turning planned changes into edits of the résumé text (jsonc-parser's modify/applyEdits), so
 * everything outside the touched publications keeps its bytes: indentation, key order, spacing.
 */
import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
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

export function applyChanges(
  text: string,
  changes: readonly Change[],
  hasPublications: boolean,
): string {
  const formattingOptions = formattingOf(text);
  const adds = changes.filter((c): c is Extract<Change, { kind: 'add' }> => c.kind === 'add');
  let result = text;
  // Field updates first, while the indexes are those of the file as read.
  for (const change of changes) {
    if (change.kind !== 'update') continue;
    for (const { field, to } of change.fields) {
      const edits = modify(result, ['publications', change.index, field], to, {
        formattingOptions,
      });
      result = applyEdits(result, edits);
    }
  }
  if (!hasPublications && adds.length > 0) {
    // One edit for a whole new list: the planned indexes are its order.
    const list: Publication[] = [];
    for (const add of adds) list.splice(add.index, 0, add.publication);
    return applyEdits(result, modify(result, ['publications'], list, { formattingOptions }));
  }
  for (const add of adds) {
    const edits = modify(result, ['publications', add.index], add.publication, {
      formattingOptions,
      isArrayInsertion: true,
    });
    result = applyEdits(result, edits);
  }
  return result;
}
