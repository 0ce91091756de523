/**
 * `npm run init`: the starter résumé, written to a file that does not exist yet. The starter has
 * every JSON Resume section with one short entry that says what goes there, each camera-ready
 * extension field shown once beside the standard field that carries the same fact as text. It is
 * valid and prints on one page.
 */
import { randomBytes } from 'node:crypto';
import { link, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Resume } from 'jsonresume-theme-camera-ready';
import { InputError, OutputWriteError, describeError } from '../errors.js';

const starterText = (): string => `${JSON.stringify(STARTER, null, 2)}\n`;

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

/** The failures of `npm run init`; its help and its report are the command's (scripts/init.ts). */
const initText = {
  exists: (file: string): string =>
    `${file} exists already, and init never replaces a file. Give a new name (npm run init -- my-resume.json), or move ${file} away first.`,
  noFolder: (file: string): string =>
    `cannot write ${file}: its folder does not exist. Create the folder first, or give a path in an existing one.`,
  writeFailed: (file: string, reason: string): string =>
    `cannot write ${file} (${reason}); nothing was written.`,
};

/**
 * Creating a file that must not exist yet, whole or not at all: the text goes to a temporary file
 * beside it, which is then hard-linked to the name. link() fails when the name exists, at the
 * moment of linking, so a file that appears meanwhile is never replaced, and no reader ever sees
 * half a file.
 */
type CreateOutcome = 'created' | 'exists' | 'no-folder';

export async function createNewFile(path: string, text: string): Promise<CreateOutcome> {
  const draft = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(draft, text, { flag: 'wx', mode: 0o666 });
    await link(draft, path);
    return 'created';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'exists';
    if (code === 'ENOENT') return 'no-folder';
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
}

/** The résumé `npm run init` writes. */
const STARTER: Resume = {
  basics: {
    name: 'Your Name',
    label: 'Your role in a few words, e.g. Ph.D. Candidate in Computer Science',
    email: 'you@example.org',
    phone: '+1 555 0100 / +44 20 7946 0000',
    phones: ['+1 555 0100', '+44 20 7946 0000'],
    url: 'https://example.org',
    summary: 'Two sentences: what you work on, and what you are looking for next.',
    location: { city: 'Your city', countryCode: 'GB' },
    profiles: [
      { network: 'GitHub', username: 'your-handle', url: 'https://github.com/your-handle' },
    ],
  },
  education: [
    {
      institution: 'University name',
      url: 'https://example.edu',
      studyType: 'Ph.D.',
      area: 'Your field – Advisor: Your advisor',
      field: 'Your field',
      advisor: 'Your advisor',
      location: 'City, Country',
      startDate: '2023-09',
      endDate: '2027-06',
      expected: true,
      score: 'GPA, if it helps',
    },
  ],
  publications: [
    {
      id: 'short-key',
      name: 'The title of your paper',
      authors: ['Your Name', 'A Coauthor'],
      firstAuthor: true,
      publisher: 'ICML 2026 (under review; scores 4, 4, 5; top 15%)',
      venue: 'ICML',
      status: 'under-review',
      scores: [4, 4, 5],
      distinctions: ['top 15%'],
      releaseDate: '2026-01',
      url: 'https://arxiv.org/abs/2601.00001',
      links: { code: 'https://example.com/your-code' },
      summary: 'One line on the result, if the title does not say it.',
    },
  ],
  work: [
    {
      name: 'Company or lab',
      position: 'Your position',
      location: 'City, Country',
      url: 'https://example.com',
      startDate: '2025-06',
      summary: 'One sentence on the team and your part in it. No end date: you work here now.',
      // Other themes show highlights; camera-ready shows the projects in their place.
      highlights: ['A named project: what you built and what it changed, **with a number**'],
      projects: [
        {
          name: 'A named project',
          type: 'Kind of system',
          summary: 'Sub-projects suit a big role with several projects; else use highlights.',
          highlights: ['What you built and what it changed, **with a number**'],
        },
      ],
      tags: ['industry'],
    },
  ],
  projects: [
    {
      name: 'A project of your own',
      description: 'What it is and what came of it; [1] cites the paper it produced.',
      keywords: ['Python'],
      url: 'https://github.com/your-handle/project',
      publications: ['short-key'],
    },
  ],
  volunteer: [
    {
      organization: 'Organisation',
      position: 'Reviewer, mentor, organiser…',
      startDate: '2024',
    },
  ],
  awards: [
    {
      title: 'Award or scholarship',
      date: '2024-05',
      awarder: 'Who gave it',
      summary: 'Why, in a few words.',
    },
  ],
  certificates: [
    {
      name: 'Certificate',
      date: '2023-11',
      issuer: 'Who issued it',
      url: 'https://example.com/certificate',
    },
  ],
  skills: [
    { name: 'Area, e.g. Machine learning', level: 'Advanced', keywords: ['PyTorch', 'JAX'] },
  ],
  languages: [{ language: 'A language you speak', fluency: 'Native speaker' }],
  interests: [{ name: 'Research interest', keywords: ['A topic', 'Another topic'] }],
  references: [{ name: 'Referee name', reference: 'Available on request, or a short quote.' }],
  meta: {
    theme: 'jsonresume-theme-camera-ready',
    themeOptions: {
      paper: 'a4',
      sectionTitles: { publications: 'Selected Publications' },
    },
    variants: {
      industry: {
        description: 'A CV for industry roles: experience first; `npm run variant -- industry`.',
        sections: ['work', 'projects', 'education', 'skills'],
        excludeTags: ['academic-only'],
        pageBudget: 1,
      },
    },
  },
};
