/**
 * A long author list shortened around the owner: the first authors, "…", the owner with a
 * neighbour on each side, and "et al." when authors follow. Only on request (`maxAuthors`),
 * since the names left out are then not on the page.
 */
import type { Author } from './view-types';

const GAP: Author = { name: '…', isOwner: false };

export interface AuthorList {
  authors: Author[];
  /** True when authors after the last one shown are left out ("et al."). */
  more: boolean;
}

/** At most `max` names (0: all), the owner always among them. */
export function shortenAuthors(authors: Author[], max: number): AuthorList {
  if (max <= 0 || authors.length <= max) return { authors, more: false };
  const owner = authors.findIndex((a) => a.isOwner);
  if (owner < max) return { authors: authors.slice(0, max), more: true };
  // Room for a neighbour on each side only when the list keeps a first author besides.
  const side = max >= 4 ? 1 : 0;
  const head = Math.max(1, max - 1 - 2 * side);
  const from = Math.max(head, owner - side);
  const to = Math.min(authors.length, owner + side + 1);
  const gap = from > head ? [GAP] : [];
  return {
    authors: [...authors.slice(0, head), ...gap, ...authors.slice(from, to)],
    more: to < authors.length,
  };
}
