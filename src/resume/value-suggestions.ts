/**
 * The allowed value someone most likely meant: a word people use for it, the same words written
 * as the schema spells them, or the closest spelling.
 */
import { closestMatch } from './edit-distance.js';

/** Words people use for a publication's state, mapped to the status that means the same. */
const SYNONYMS: Record<string, string> = {
  submitted: 'under-review',
  'in review': 'under-review',
  'under review': 'under-review',
  review: 'under-review',
  reviewing: 'under-review',
  'in press': 'accepted',
  'to appear': 'accepted',
  forthcoming: 'accepted',
  draft: 'in-preparation',
  'in progress': 'in-preparation',
  'work in progress': 'in-preparation',
  wip: 'in-preparation',
  arxiv: 'preprint',
};

export function suggestValue(value: unknown, allowed: readonly string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.trim().toLowerCase();
  const synonym = SYNONYMS[lower];
  if (synonym && allowed.includes(synonym)) return synonym;
  const normalised = lower.replace(/[\s_]+/g, '-');
  if (allowed.includes(normalised)) return normalised;
  return closestMatch(normalised, allowed);
}
