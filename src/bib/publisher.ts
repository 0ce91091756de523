/**
 * The human `publisher` text other themes show, written the way resume.json has it:
 * "ICML 2026 (under review; review scores 4, 4, 4, 5; top 15%)", "arXiv preprint, 2023".
 */
import type { Publication, PublicationStatus } from 'jsonresume-theme-camera-ready';

const STATUS_WORDS: Record<string, string> & Record<PublicationStatus, string> = {
  published: '',
  accepted: 'accepted',
  'under-review': 'under review',
  'in-preparation': 'in preparation',
  preprint: 'preprint',
};

export function publisherText(publication: Publication): string {
  const venue = publication.venue ?? '';
  const year = publication.releaseDate?.slice(0, 4) ?? '';
  const status = publication.status ?? 'published';
  if (status === 'preprint' && venue === 'arXiv')
    return ['arXiv preprint', year].filter(Boolean).join(', ');
  const notes = [
    // A status outside the schema's list is written as it is.
    STATUS_WORDS[status] ?? status,
    publication.scores?.length ? `review scores ${publication.scores.join(', ')}` : '',
    ...(publication.distinctions ?? []),
  ].filter(Boolean);
  const base = [venue, year].filter(Boolean).join(' ');
  return notes.length > 0 ? `${base} (${notes.join('; ')})`.trim() : base;
}
