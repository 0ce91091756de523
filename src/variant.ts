/**
 * Variants: named selections of the résumé declared in `meta.variants`. Applying one yields a
 * standard JSON Resume (no `meta.variants`, left-out sections and entries removed rather than
 * hidden), so any theme renders the selection the same way camera-ready does.
 */
import { SECTION_KEYS } from 'jsonresume-theme-camera-ready';
import type {
  Project,
  Publication,
  Resume,
  SectionKey,
  ThemeOptions,
  Variant,
} from 'jsonresume-theme-camera-ready';

export class UnknownVariantError extends Error {
  constructor(
    readonly variant: string,
    readonly defined: string[],
  ) {
    super(
      defined.length === 0
        ? `Unknown variant "${variant}": resume.json defines no variants (add them under meta.variants).`
        : `Unknown variant "${variant}". Defined variants: ${defined.join(', ')}.`,
    );
    this.name = 'UnknownVariantError';
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
 * Title, venue, year and status only. The status stays because "ECCV 2026" alone would present
 * a paper under review as accepted. `publisher` is rewritten from `venue` so other themes show the
 * same short line; without a venue it is kept as written.
 */
function condensePublication(publication: Publication): Publication {
  const {
    summary: _summary,
    authors: _authors,
    scores: _scores,
    distinctions: _distinctions,
    ...kept
  } = publication;
  if (!kept.venue) return kept;
  const year = kept.releaseDate?.slice(0, 4);
  const status =
    kept.status && kept.status !== 'published' ? ` (${kept.status.replace('-', ' ')})` : '';
  return { ...kept, publisher: [kept.venue, year].filter(Boolean).join(' ') + status };
}

/** Citations of publications the variant removed would point nowhere. */
function dropDanglingCitations(project: Project, resume: Resume): Project {
  if (!project.publications) return project;
  const ids = new Set((resume.publications ?? []).map((p) => p.id));
  const { publications, ...rest } = project;
  const kept = publications.filter((id) => ids.has(id));
  return kept.length > 0 ? { ...rest, publications: kept } : rest;
}
