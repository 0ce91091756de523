/** The texts of BibTeX reading and of what an import changes. */
import { fixedText, quote, type MessageText } from '../resume/diagnostics.js';

/** The bound a part of the file goes past: a NUL, brace depth, or `@string` expansion. */
export type Bound = 'nul' | 'depth' | 'expansion';

/** `npm run import`: reading BibTeX into `publications`. */
export const bibText = {
  malformed: (reason: string, key: string): MessageText => ({
    message: `${key ? `entry ${key}` : 'an entry'} cannot be read: ${reason.replace(/\.$/, '')}. It is left out; the other entries are imported.`,
    hint: 'check this entry’s braces and commas: every field is name = {value} followed by a comma, and every { has its }.',
  }),
  unknownMacro: (name: string): MessageText => ({
    message: `@string ${quote(name)} is not defined. The entry is left out; the others are imported.`,
    hint: `define it before the entry (@string{${name} = {…}}), or write the text in braces: {…}.`,
  }),
  outOfBounds: (
    bound: Bound,
    name: string,
    limits: { depth: number; expanded: number },
  ): MessageText => {
    const what = name ? `entry ${name}` : 'this entry';
    switch (bound) {
      case 'nul':
        return {
          message: `${what} holds a NUL character, which is not text. It is left out; the other entries are imported.`,
          hint: 'remove the NUL (the file may be damaged, or not a .bib file); save it as UTF-8 text.',
        };
      case 'depth':
        return {
          message: `${what} nests braces more than ${limits.depth} deep. It is left out; the other entries are imported.`,
          hint: 'check that every { has its } where you meant it; titles need one or two levels at most.',
        };
      case 'expansion':
        return {
          message: `${name ? quote(name) : 'this value'} grows too large through @string macros joined with # (past ${limits.expanded.toLocaleString('en')} characters, or past twice the file's size for all macros together). It is left out; the other entries are imported.`,
          hint: 'write the value out, or define the @string without joining it to itself.',
        };
    }
  },
  undefinedMacro: (name: string, field: string): MessageText => ({
    message: `@string ${quote(name)} is not defined, so the ${field} field is left out; the rest of the entry is imported.`,
    hint: `define it before the entry (@string{${name} = {…}}), or write the text in braces: ${field} = {…}.`,
  }),
  ownNameMacro: (macro: string, defined: boolean): MessageText => ({
    message: `the author list names ${macro}, a LaTeX command rather than a name (CVs define one for their owner's name${defined ? '; this file defines it in its @preamble' : ''}). Only LaTeX knows whose name it stands for, so this author is left out of the list.`,
    hint: `write the name itself in place of ${macro} (author = {Doe, Jane and …}); --owner or basics.name tells the import which author is you.`,
  }),
  commaSeparatedAuthors: fixedText(
    'the author list separates names with commas, which BibTeX reads as parts of one name; the authors of this entry are left out.',
    'separate the names with " and ": author = {Doe, Jan and Roe, Rita}.',
  ),
  noEntries: (file: string): MessageText => ({
    message: `${file} holds no BibTeX entries, so nothing was imported.`,
    hint: 'check that this is the .bib file you meant; entries start with @article{, @inproceedings{, …',
  }),
  noKey: (type: string): MessageText => ({
    message: `this @${type} entry has no citation key. It is left out.`,
    hint: `add a key after the brace, e.g. @${type}{doe2024title, …`,
  }),
  noTitle: (key: string): MessageText => ({
    message: `entry ${key} has no title. It is left out.`,
    hint: 'add title = {…}; a publication is found again by its title, DOI or arXiv id.',
  }),
  unknownCommand: (command: string): MessageText => ({
    message: `unknown LaTeX command ${command}: left out of the text (its argument is kept).`,
    hint: 'write the character itself (UTF-8), or a standard command such as \\"u or \\textendash.',
  }),
  ownerNotFound: (owner: string): MessageText => ({
    message: `${quote(owner)} is not among the authors, so the first-author mark is left as it was.`,
    hint: 'give the name as this entry writes it with --owner, or correct the author list.',
  }),
  unsafeUrl: (url: string): MessageText => ({
    message: `url ${quote(url)} is not an http(s) address and is left out.`,
    hint: 'give a full address starting with https://, or a doi field.',
  }),
  checkBibPath: 'check the path of the .bib file (relative to the current folder).',
  notUtf8: fixedText(
    'the .bib file is not UTF-8 text (older files may be Latin-1).',
    'save it as UTF-8 in your editor or reference manager, then import again.',
  ),
  duplicate: (key: string, of: string): MessageText => ({
    message: `entry ${key} is the same publication as entry ${of} (DOI, arXiv id or title). It is skipped.`,
    hint: 'remove one of the two from the .bib file.',
  }),
  noOwner: fixedText(
    'the résumé has no basics.name, so no author can be recognised as its owner.',
    'add basics.name, or give the name with --owner "Given Family".',
  ),
  tooLarge: (file: string, limit: number): MessageText => ({
    message: `${file} is larger than ${limit / 1024 / 1024} MB: not imported.`,
    hint: 'split the file, or export only your own publications.',
  }),
  resumeInvalid: (file: string): string =>
    `${file} has errors of its own (above); fix them first, then import again. Nothing was written.`,
  writeFailed: (file: string, reason: string): string =>
    `cannot write ${file} (${reason}); it is unchanged.`,
  keptChanging: (file: string, attempts: number): string =>
    `${file} was changed by another program each of the ${attempts} times the import merged into it; nothing was written. Run the import again once nothing else is saving the file.`,
  resultInvalid: (file: string): string =>
    `the merged publications would make ${file} invalid (above); nothing was written.`,
};

/** What an import changes, entry by entry. */
export const changesText = {
  absent: 'not in the .bib file; kept as it is',
  versions: (keys: readonly string[]): string => `(one work with ${keys.join(', ')})`,
  summary: (
    counts: { add: number; update: number; unchanged: number; absent: number },
    run: { file: string; dryRun: boolean; written: boolean; failed: boolean },
  ): string => {
    const tally = `${counts.add} added, ${counts.update} updated, ${counts.unchanged} unchanged, ${counts.absent} only in ${run.file}`;
    if (run.dryRun) return `${tally}. Dry run: ${run.file} not written.`;
    if (run.failed) return `${tally}. ${run.file} not written.`;
    return `${tally}. ${run.written ? `${run.file} written.` : `${run.file} already up to date.`}`;
  },
};
