/**
 * Keys of fields the theme has no designed place for, read as words: "yearsOfExperience" and
 * "years_of_experience" become "Years of experience", a section key its title in the page's
 * language, and the few keys résumés add most often their word in that language.
 */
import type { Detail } from './details';
import type { Labels } from './labels';
import { SECTION_KEYS, type SectionKey } from './types';

/** Keys résumés add most often, by their words run together in lower case. */
const KNOWN: Readonly<Record<string, KnownField>> = {
  url: 'url',
  website: 'url',
  nationality: 'nationality',
  citizenship: 'nationality',
  birthday: 'birthDate',
  birthdate: 'birthDate',
  dateofbirth: 'birthDate',
  yearsofexperience: 'yearsOfExperience',
  experienceyears: 'yearsOfExperience',
};

type KnownField = 'url' | 'nationality' | 'birthDate' | 'yearsOfExperience';

/** The known keys' words in every language the theme has a table for (labels.ts). */
const WORDS: Readonly<Record<string, Readonly<Record<KnownField, string>>>> = {
  en: {
    url: 'URL',
    nationality: 'Nationality',
    birthDate: 'Date of birth',
    yearsOfExperience: 'Years of experience',
  },
  de: {
    url: 'URL',
    nationality: 'Staatsangehörigkeit',
    birthDate: 'Geburtsdatum',
    yearsOfExperience: 'Berufsjahre',
  },
  fr: {
    url: 'URL',
    nationality: 'Nationalité',
    birthDate: 'Date de naissance',
    yearsOfExperience: 'Années d’expérience',
  },
  es: {
    url: 'URL',
    nationality: 'Nacionalidad',
    birthDate: 'Fecha de nacimiento',
    yearsOfExperience: 'Años de experiencia',
  },
  pt: {
    url: 'URL',
    nationality: 'Nacionalidade',
    birthDate: 'Data de nascimento',
    yearsOfExperience: 'Anos de experiência',
  },
  it: {
    url: 'URL',
    nationality: 'Nazionalità',
    birthDate: 'Data di nascita',
    yearsOfExperience: 'Anni di esperienza',
  },
  nl: {
    url: 'URL',
    nationality: 'Nationaliteit',
    birthDate: 'Geboortedatum',
    yearsOfExperience: 'Jaren ervaring',
  },
  pl: {
    url: 'URL',
    nationality: 'Obywatelstwo',
    birthDate: 'Data urodzenia',
    yearsOfExperience: 'Lata doświadczenia',
  },
  cs: {
    url: 'URL',
    nationality: 'Státní občanství',
    birthDate: 'Datum narození',
    yearsOfExperience: 'Roky praxe',
  },
  sv: {
    url: 'URL',
    nationality: 'Medborgarskap',
    birthDate: 'Födelsedatum',
    yearsOfExperience: 'År av erfarenhet',
  },
  tr: {
    url: 'URL',
    nationality: 'Uyruk',
    birthDate: 'Doğum tarihi',
    yearsOfExperience: 'Deneyim yılı',
  },
  ru: {
    url: 'URL',
    nationality: 'Гражданство',
    birthDate: 'Дата рождения',
    yearsOfExperience: 'Опыт работы, лет',
  },
  uk: {
    url: 'URL',
    nationality: 'Громадянство',
    birthDate: 'Дата народження',
    yearsOfExperience: 'Досвід роботи, років',
  },
  el: {
    url: 'URL',
    nationality: 'Υπηκοότητα',
    birthDate: 'Ημερομηνία γέννησης',
    yearsOfExperience: 'Έτη εμπειρίας',
  },
  ar: {
    url: 'الرابط',
    nationality: 'الجنسية',
    birthDate: 'تاريخ الميلاد',
    yearsOfExperience: 'سنوات الخبرة',
  },
  fa: {
    url: 'نشانی',
    nationality: 'ملیت',
    birthDate: 'تاریخ تولد',
    yearsOfExperience: 'سال‌های تجربه',
  },
  he: {
    url: 'קישור',
    nationality: 'אזרחות',
    birthDate: 'תאריך לידה',
    yearsOfExperience: 'שנות ניסיון',
  },
  hi: {
    url: 'URL',
    nationality: 'राष्ट्रीयता',
    birthDate: 'जन्म तिथि',
    yearsOfExperience: 'अनुभव के वर्ष',
  },
  bn: {
    url: 'URL',
    nationality: 'জাতীয়তা',
    birthDate: 'জন্ম তারিখ',
    yearsOfExperience: 'অভিজ্ঞতার বছর',
  },
  ta: {
    url: 'URL',
    nationality: 'குடியுரிமை',
    birthDate: 'பிறந்த தேதி',
    yearsOfExperience: 'அனுபவ ஆண்டுகள்',
  },
  th: {
    url: 'URL',
    nationality: 'สัญชาติ',
    birthDate: 'วันเกิด',
    yearsOfExperience: 'ประสบการณ์ (ปี)',
  },
  ka: {
    url: 'URL',
    nationality: 'მოქალაქეობა',
    birthDate: 'დაბადების თარიღი',
    yearsOfExperience: 'გამოცდილება (წელი)',
  },
  hy: {
    url: 'URL',
    nationality: 'Քաղաքացիություն',
    birthDate: 'Ծննդյան ամսաթիվ',
    yearsOfExperience: 'Փորձ (տարի)',
  },
  vi: {
    url: 'URL',
    nationality: 'Quốc tịch',
    birthDate: 'Ngày sinh',
    yearsOfExperience: 'Số năm kinh nghiệm',
  },
  id: {
    url: 'URL',
    nationality: 'Kewarganegaraan',
    birthDate: 'Tanggal lahir',
    yearsOfExperience: 'Lama pengalaman (tahun)',
  },
  ro: {
    url: 'URL',
    nationality: 'Cetățenie',
    birthDate: 'Data nașterii',
    yearsOfExperience: 'Ani de experiență',
  },
  hu: {
    url: 'URL',
    nationality: 'Állampolgárság',
    birthDate: 'Születési idő',
    yearsOfExperience: 'Szakmai tapasztalat (év)',
  },
  fi: {
    url: 'URL',
    nationality: 'Kansalaisuus',
    birthDate: 'Syntymäaika',
    yearsOfExperience: 'Työkokemus (vuotta)',
  },
  ja: { url: 'URL', nationality: '国籍', birthDate: '生年月日', yearsOfExperience: '経験年数' },
  zh: { url: '网址', nationality: '国籍', birthDate: '出生日期', yearsOfExperience: '工作年限' },
  ko: { url: 'URL', nationality: '국적', birthDate: '생년월일', yearsOfExperience: '경력 연수' },
};

/** A key written as a program names things: camelCase, snake_case, kebab-case. */
const IDENTIFIER =
  /^(?:[a-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*|[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+)$/;

/**
 * "yearsOfExperience", "years_of_experience", "years-of-experience" → its words, in lower case
 * (a word all in capitals kept, "GPA"); a key written as words ("Research Courses", "DevOps",
 * "Node.js", "Опыт") is kept as written.
 */
function words(key: string): string[] {
  const written = key.trim();
  if (!IDENTIFIER.test(written)) return [written];
  return written
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter((word) => word !== '')
    .map((word) =>
      /^[A-Z0-9]{2,}$/.test(word) && /[a-z]/.test(written) ? word : word.toLowerCase(),
    );
}

const isSectionKey = (key: string): key is SectionKey =>
  (SECTION_KEYS as readonly string[]).includes(key);

/** The words for a field's key on a page in `language` with `labels`. */
export function fieldLabel(key: string, language: string, labels: Labels): string {
  if (isSectionKey(key)) return labels.sections[key];
  const parts = words(key);
  const known = KNOWN[parts.join('').toLowerCase()];
  if (known !== undefined) {
    const primary = language.split('-')[0]?.toLowerCase() ?? '';
    return (WORDS[primary] ?? WORDS['en']!)[known];
  }
  const sentence = parts.join(' ');
  return sentence.charAt(0).toLocaleUpperCase(language) + sentence.slice(1);
}

/** Whether `value` is a Detail: what "key: value" is made of. */
function isDetail(value: object): value is Detail {
  const keys = Object.keys(value);
  return keys.length === 3 && ['key', 'text', 'href'].every((key) => keys.includes(key));
}

/** `value` with the key of every Detail inside it read as words by `label`. */
export function labelDetails<T>(value: T, label: (key: string) => string): T {
  const relabel = (inner: unknown): unknown => {
    if (Array.isArray(inner)) return inner.map(relabel);
    if (typeof inner !== 'object' || inner === null) return inner;
    if (isDetail(inner)) return { ...inner, key: label(inner.key) };
    return Object.fromEntries(Object.entries(inner).map(([key, v]) => [key, relabel(v)]));
  };
  // Only Details change, and into Details: the shape of `value` is kept.
  return relabel(value) as T;
}
