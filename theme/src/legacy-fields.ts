/**
 * Field names of JSON Resume before 1.0 that have a 1.0 name for the same fact. Published
 * résumés still use them, so the theme shows them as their 1.0 fields and the validator names the
 * 1.0 field. Data only: read from the history of jsonresume/resume-schema (`schema.json` at tags
 * v0.0.11, v0.0.16, v0.0.17 and v1.0.0).
 */

export interface LegacyField {
  /**
   * Where the field sits: `(root)` for the top level, an object path such as `basics` or
   * `basics.location`, or a section whose entries carry it, written `work[]`.
   */
  parent: string;
  /** The pre-1.0 name. */
  legacy: string;
  /** The 1.0 name of the same field. */
  current: string;
  /** The schema version that renamed it. */
  renamedIn: string;
}

export const LEGACY_FIELDS: readonly LegacyField[] = [
  { parent: 'basics', legacy: 'website', current: 'url', renamedIn: '0.0.17' },
  { parent: 'basics', legacy: 'picture', current: 'image', renamedIn: '0.0.17' },
  { parent: 'work[]', legacy: 'company', current: 'name', renamedIn: '0.0.17' },
  { parent: 'work[]', legacy: 'website', current: 'url', renamedIn: '0.0.17' },
  { parent: 'volunteer[]', legacy: 'website', current: 'url', renamedIn: '0.0.17' },
  { parent: 'publications[]', legacy: 'website', current: 'url', renamedIn: '0.0.17' },
  { parent: 'education[]', legacy: 'gpa', current: 'score', renamedIn: '1.0.0' },
  { parent: 'awards[]', legacy: 'awardDate', current: 'date', renamedIn: '0.0.12' },
  { parent: 'basics.location', legacy: 'state', current: 'region', renamedIn: '0.0.12' },
  { parent: '(root)', legacy: 'hobbies', current: 'interests', renamedIn: '0.0.12' },
];
