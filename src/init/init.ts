/** `npm run init`: the starter résumé, written to a file that does not exist yet. */
import { InputError, OutputWriteError, describeError } from '../errors.js';
import { createNewFile } from './create-file.js';
import { initText } from './messages.js';
import { STARTER } from './starter.js';

export const starterText = (): string => `${JSON.stringify(STARTER, null, 2)}\n`;

/** Writes the starter to `file`, which must not exist; throws a domain error otherwise. */
export async function initResume(file: string): Promise<void> {
  let outcome;
  try {
    outcome = await createNewFile(file, starterText());
  } catch (error) {
    throw new OutputWriteError(initText.writeFailed(file, describeError(error)));
  }
  if (outcome === 'exists') throw new InputError(initText.exists(file));
  if (outcome === 'no-folder') throw new InputError(initText.noFolder(file));
}
