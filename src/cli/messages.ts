/** The texts every command shares: option errors, help lines, unexpected failures, signals. */
export const commandText = {
  helpOption: 'show this help',
  debugOption: 'print the stack trace of an unexpected failure (for a bug report)',
  seeHelp: 'Run with --help for usage.',
  needsValue: (option: string): string => `option ${option} needs a value.`,
  unexpectedArgument: (argument: string, hint?: string): string =>
    `unexpected argument ${argument}${hint ? `; ${hint}` : ''}.`,
  nameResume: 'name the résumé with --resume <file>',
  maxSizeOption: 'refuse larger résumé files, e.g. 32MiB',
  resumeOption: 'the résumé',
  badMaxSize: (value: string): string =>
    `--max-size ${value}: give a size such as 16MiB, 512KiB (or 16MB, 512KB: the same binary units) or a number of bytes.`,
  unreadableMaxSize: (value: string, readable: number): string =>
    `--max-size ${value}: no file that large can be read; the most is ${readable} bytes, the longest text Node.js holds in one string.`,
  failed: (message: string): string => `✖ ${message}`,
  /** An error no part of the command expected: a bug, not something the user did wrong. */
  bug: (message: string, debug: boolean): string =>
    `✖ Unexpected failure: ${message}\n  This is a bug in the command, not in your files: please report it with the command you ran${debug ? ' and the stack trace below.' : ' and its output with --debug added.'}`,
  interrupted: (signal: NodeJS.Signals): string => `✖ Interrupted (${signal}).`,
};
