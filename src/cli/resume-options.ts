/** Options that several commands share, declared once: the résumé file and its size limit. */
import { UsageError } from '../errors.js';
import { DEFAULT_MAX_BYTES, MAX_READABLE_BYTES, parseByteSize } from '../resume/load.js';
import { commandText } from './messages.js';
import type { ValueOption } from './options.js';
import type { Positionals } from './run-command.js';

/** The résumé read when none is named. */
export const DEFAULT_RESUME = 'resume.json';

export const resumeOption = {
  type: 'string',
  value: 'file',
  description: commandText.resumeOption,
  default: DEFAULT_RESUME,
} as const satisfies ValueOption;

export const maxSizeOption = {
  type: 'string',
  value: 'size',
  description: commandText.maxSizeOption,
  default: `${DEFAULT_MAX_BYTES / 1024 ** 2}MiB`,
  parse: (text: string): number => {
    const size = parseByteSize(text);
    if (size.ok) return size.bytes;
    throw new UsageError(
      size.reason === 'unreadable'
        ? commandText.unreadableMaxSize(text, MAX_READABLE_BYTES)
        : commandText.badMaxSize(text),
    );
  },
} as const satisfies ValueOption<number>;

/** For commands that read one résumé named by --resume: no other arguments. */
export const resumeIsAnOption: Positionals = {
  min: 0,
  max: 0,
  wrongCount: (given: readonly string[]): string =>
    commandText.unexpectedArgument(given[0] ?? '', commandText.nameResume),
};
