/**
 * Field names of JSON Resume before 1.0 and the 1.0 names that replaced them. Published résumés
 * still use them; the theme shows a legacy field as it shows its 1.0 field. Data only.
 */
export const LEGACY_FIELDS: readonly { section: string; legacy: string; current: string }[] = [
  { section: 'basics', legacy: 'picture', current: 'image' },
  { section: 'basics', legacy: 'website', current: 'url' },
  { section: 'work', legacy: 'company', current: 'name' },
  { section: 'work', legacy: 'website', current: 'url' },
  { section: 'volunteer', legacy: 'website', current: 'url' },
  { section: 'education', legacy: 'gpa', current: 'score' },
  { section: 'publications', legacy: 'website', current: 'url' },
];
