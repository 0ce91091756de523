/**
 * Every text the validator shows to people, in one place, so wording stays consistent and can be
 * improved without touching the logic. Each entry returns the message and, for common mistakes,
 * a fix hint. The syntax and schema texts live in their own files and are part of this module.
 */
import { MAX_READABLE_BYTES, formatBytes } from './input-limits.js';
import { quote, type MessageText } from './message-text.js';

export { fixedText, quote, type MessageText } from './message-text.js';
export { syntax } from './syntax-messages.js';
export { expectation, schema } from './schema-messages.js';

export const read = {
  notFound: (file: string): MessageText => ({
    message: `cannot read ${file}: no such file.`,
    hint: 'check the path; without an argument the validator reads resume.json in the current folder.',
  }),
  isDirectory: (file: string): MessageText => ({
    message: `cannot read ${file}: it is a folder, not a file.`,
    hint: `give the path of the JSON file inside it, e.g. ${file.replace(/\/$/, '')}/resume.json.`,
  }),
  notDirectoryOnPath: (file: string): MessageText => ({
    message: `cannot read ${file}: a part of the path before the file name is a file, not a folder.`,
    hint: 'check the path for a file name used as a folder.',
  }),
  noPermission: (file: string): MessageText => ({
    message: `cannot read ${file}: permission denied.`,
    hint: 'make the file readable for your user, e.g. chmod u+r.',
  }),
  notAFile: (file: string, kind: string): MessageText => ({
    message: `cannot read ${file}: it is ${kind}, not a file.`,
    hint: 'give the path of a résumé saved as a file, e.g. resume.json.',
  }),
  tooLarge: (file: string, size: number | undefined, limit: number): MessageText => ({
    message: `cannot read ${file}: it is larger than ${formatBytes(limit)}${size === undefined ? '' : ` (${formatBytes(size)})`}, more than any résumé needs.`,
    hint:
      size !== undefined && size > MAX_READABLE_BYTES
        ? 'check that this is the résumé: no file that large can be read, whatever --max-size says.'
        : `check that this is the résumé; if it is, raise the limit with --max-size, e.g. --max-size ${Math.min(Math.ceil(((size ?? limit) * 2) / 1024 ** 2), Math.floor(MAX_READABLE_BYTES / 1024 ** 2))}MiB.`,
  }),
  failed: (file: string, reason: string): MessageText => ({
    message: `cannot read ${file}: ${reason}.`,
  }),
  notUtf8: (utf16: boolean): MessageText => ({
    message: utf16
      ? 'the file is UTF-16 text; JSON files must be UTF-8.'
      : 'the file is not UTF-8 text (is it a JSON file?).',
    hint: 'save it as UTF-8 in your editor.',
  }),
};

export const legacy = {
  renamed: (name: string, current: string, version: string): MessageText => ({
    message: `${quote(name)} is the pre-1.0 name of ${quote(current)} (renamed in JSON Resume ${version}); themes made for 1.0 look only for ${quote(current)}.`,
  }),
  rename: (current: string): string => `rename it to ${quote(current)}.`,
  renameAndFix: (current: string, expected: string): string =>
    `rename it to ${quote(current)}, whose value must be ${expected}.`,
  both: (current: string): string =>
    `this entry also has ${quote(current)}: keep one of the two, under ${quote(current)}.`,
};

export const content = {
  rawHtml: (tag: string): MessageText => ({
    message: `raw HTML ${quote(tag)} in the text: camera-ready shows it as written, tags and all; other themes may run it as markup.`,
    hint: 'use Markdown instead: **bold**, *italic*, [text](https://…); write a line break as \\n.',
  }),
  /** Camera-ready reads entities as Markdown does, in the fields it reads as Markdown only. */
  htmlEntity: (entity: string): MessageText => ({
    message: `HTML entity ${quote(entity)} in the text: camera-ready prints the character it stands for in summaries, descriptions and highlights, but the entity as written in every other field; other themes differ.`,
    hint: 'write the character itself (&, ©, a no-break space), which every theme prints the same.',
  }),
  noSuchMonth: (value: string, month: string): MessageText => ({
    message: `${quote(value)} is not a calendar date: there is no month ${month}.`,
    hint: 'write the month as 01 to 12.',
  }),
  noSuchDay: (value: string, monthName: string, days: number, monthOnly: string): MessageText => ({
    message: `${quote(value)} is not a calendar date: ${monthName} has ${days} days.`,
    hint: `check the day, or give the month only: ${quote(monthOnly)}.`,
  }),
};

export const spelling = {
  unknownField: (name: string, suggestion: string): MessageText => ({
    message: `unknown field ${quote(name)}: did you mean ${quote(suggestion)}?`,
    hint: `rename it to ${quote(suggestion)}; camera-ready prints a field it does not know only as an extra line under its own name, and other themes leave it out.`,
  }),
};

export const report = {
  summary: (errors: number, warnings: number, file: string): string =>
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${file}`,
  valid: (file: string, version: string): string =>
    `${file} is valid (JSON Resume ${version} + camera-ready extensions)`,
  fixLabel: 'fix:',
  omitted: (count: number, shown: number): string =>
    `… and ${count} more (only the first ${shown} are shown; fix these and run again)`,
};

/** `npm run validate`: its help and its own option errors. */
export const cli = {
  usage: 'Usage: npm run validate [-- [options] [--resume <file> | <file>]]',
  about: [
    'Checks a JSON Resume file: JSON syntax, the official JSON Resume schema and the',
    'camera-ready extensions, all problems in one run. Reads resume.json by default.',
  ].join('\n'),
  jsonOption: 'print the diagnostics as JSON on stdout instead of text on stderr',
  exitCodes: [
    'Exit codes: 0 valid (warnings allowed), 1 invalid JSON or résumé,',
    '            2 the file cannot be read or the options are wrong, 3 a bug in the command.',
  ].join('\n'),
  tooManyFiles: (files: readonly string[]): string =>
    `expected one file, got ${files.length}: ${files.join(' ')}.`,
  twoFiles: (option: string, positional: string): string =>
    `expected one file, got --resume ${option} and ${positional}: name it once.`,
};

/** Variants (`meta.variants`), for every command that applies one. */
export const variantText = {
  unknown: (variant: string, defined: readonly string[]): string =>
    defined.length === 0
      ? `Unknown variant "${variant}": resume.json defines no variants (add them under meta.variants).`
      : `Unknown variant "${variant}". Defined variants: ${defined.join(', ')}.`,
};

/** `npm run variant`. */
export const variantCli = {
  usage: 'Usage: npm run variant -- <name> [--resume resume.json]',
  about: [
    'Prints the résumé as the variant <name> (declared in meta.variants) presents it: standard',
    'JSON Resume without meta.variants, left-out sections and entries removed.',
  ].join('\n'),
  resumeOption: 'the résumé to read',
  exitCodes:
    'Exit codes: 0 printed, 1 the résumé is invalid, 2 unreadable résumé, unknown variant or bad options,\n            3 a bug in the command.',
  oneName: (defined: readonly string[]): string =>
    `Give exactly one variant name.${defined.length ? ` Defined variants: ${defined.join(', ')}.` : ''}`,
  inFile: (file: string, reason: string): string => `${file}: ${reason}`,
};
