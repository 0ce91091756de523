/**
 * Variants: named selections of the résumé declared in `meta.variants`. Applying one yields a
 * standard JSON Resume (no `meta.variants`, left-out sections and entries removed rather than
 * hidden), so any theme renders the selection the same way camera-ready does.
 */
import type {
  Project,
  Publication,
  Resume,
  SectionKey,
  ThemeOptions,
  Variant,
} from 'jsonresume-theme-camera-ready';
import { SECTION_KEYS } from 'jsonresume-theme-camera-ready/data';
import { VariantError } from '../errors.js';

/** Variants (`meta.variants`), for every command that applies one. */
const variantText = {
  unknown: (variant: string, defined: readonly string[]): string =>
    defined.length === 0
      ? `Unknown variant "${variant}": resume.json defines no variants (add them under meta.variants).`
      : `Unknown variant "${variant}". Defined variants: ${defined.join(', ')}.`,
};

/** A variant name that `meta.variants` does not define. */
export class UnknownVariantError extends VariantError {
  constructor(
    readonly variant: string,
    readonly defined: string[],
  ) {
    super(variantText.unknown(variant, defined));
  }
}

export function variantNames(resume: Resume): string[] {
  return Object.keys(resume.meta?.variants ?? {});
}

export function getVariant(resume: Resume, name: string): Variant {
  const variants = resume.meta?.variants ?? {};
  if (!Object.hasOwn(variants, name)) throw new UnknownVariantError(name, variantNames(resume));
  return variants[name] as Variant;
}

/** Returns the résumé as the named variant presents it; the input is left untouched. */
export function applyVariant(resume: Resume, name: string): Resume {
  const variant = getVariant(resume, name);
  const out = structuredClone(resume);
  const keep = entryFilter(variant);
  const themeOptions = mergeThemeOptions(out.meta?.themeOptions, variant);
  const shown = themeOptions.sections;

  for (const key of SECTION_KEYS) {
    const entries: unknown = out[key];
    if (!Array.isArray(entries)) continue;
    const kept = shown && !shown.includes(key) ? [] : entries.filter(keep);
    if (kept.length === 0) delete out[key];
    else (out as Record<SectionKey, unknown[]>)[key] = kept;
  }
  if (variant.excludeHighlights?.length) dropHighlights(out, variant.excludeHighlights);
  if (variant.condensePublications && out.publications) {
    out.publications = out.publications.map(condensePublication);
  }
  if (out.projects) out.projects = out.projects.map((p) => dropDanglingCitations(p, out));

  const { variants: _variants, ...meta } = out.meta ?? {};
  out.meta = Object.keys(themeOptions).length > 0 ? { ...meta, themeOptions } : meta;
  if (Object.keys(out.meta).length === 0) delete out.meta;
  return out;
}

function tagsOf(entry: unknown): string[] {
  if (typeof entry !== 'object' || entry === null || !('tags' in entry)) return [];
  return Array.isArray(entry.tags) ? entry.tags.filter((t) => typeof t === 'string') : [];
}

function entryFilter(variant: Variant): (entry: unknown) => boolean {
  const include = variant.includeTags ? new Set(variant.includeTags) : undefined;
  const exclude = new Set(variant.excludeTags ?? []);
  return (entry) => {
    const tags = tagsOf(entry);
    if (tags.some((t) => exclude.has(t))) return false;
    // Untagged entries belong to every variant: tags opt an entry into selection.
    return !include || tags.length === 0 || tags.some((t) => include.has(t));
  };
}

function mergeThemeOptions(base: ThemeOptions | undefined, variant: Variant): ThemeOptions {
  const own = variant.themeOptions ?? {};
  const merged: ThemeOptions = { ...base, ...own };
  for (const key of ['sectionTitles', 'sectionNotes'] as const) {
    if (base?.[key] || own[key]) merged[key] = { ...base?.[key], ...own[key] };
  }
  if (variant.sections) merged.sections = [...variant.sections];
  return merged;
}

/**
 * Title and one "Venue Year (status)" line. The status stays because "ECCV 2026" alone would
 * present a paper under review as accepted. The line becomes `publisher`, which every theme
 * shows; `venue`, `releaseDate` and `status` go, or camera-ready would add a second line for
 * them. Without a venue the publisher is kept as written.
 */
function condensePublication(publication: Publication): Publication {
  const { id, name, url, tags, venue, releaseDate, status, publisher } = publication;
  const year = releaseDate?.slice(0, 4);
  const pending = status && status !== 'published' ? ` (${status.replace('-', ' ')})` : '';
  const line = venue ? [venue, year].filter(Boolean).join(' ') + pending : publisher;
  return Object.fromEntries(
    Object.entries({ id, name, publisher: line, url, tags }).filter(([, v]) => v !== undefined),
  );
}

/** The text of a Markdown bullet without its emphasis and code marks. */
function bulletText(markdown: string): string {
  return markdown.replace(/[*_`~]/g, '');
}

function dropHighlights(resume: Resume, patterns: string[]): void {
  const keep = (bullet: string) => !patterns.some((p) => bulletText(bullet).includes(p));
  const trim = <T extends { highlights?: string[] }>(entry: T): T =>
    entry.highlights ? { ...entry, highlights: entry.highlights.filter(keep) } : entry;
  if (resume.work) {
    resume.work = resume.work.map((w) => ({
      ...trim(w),
      ...(w.projects && { projects: w.projects.map(trim) }),
    }));
  }
  if (resume.volunteer) resume.volunteer = resume.volunteer.map(trim);
  if (resume.projects) resume.projects = resume.projects.map(trim);
}

/** Citations of publications the variant removed would point nowhere. */
function dropDanglingCitations(project: Project, resume: Resume): Project {
  if (!project.publications) return project;
  const ids = new Set((resume.publications ?? []).map((p) => p.id));
  const { publications, ...rest } = project;
  const kept = publications.filter((id) => ids.has(id));
  return kept.length > 0 ? { ...rest, publications: kept } : rest;
}
