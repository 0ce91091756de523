/**
 * The language a résumé is written in: the one it states (`meta.themeOptions.locale`, else the
 * fields other tools write), else the one its own prose is in. The script most of its letters
 * are in decides alone where only one language the theme speaks uses it; where several share a
 * script (Spanish and Portuguese, Russian and Ukrainian, Arabic and Persian), franc-min tells
 * them apart by their text; its models cover every such language the theme has words for but
 * Finnish (a Finnish résumé that states its language still gets Finnish words). The direction
 * of the page follows the script, not the stated language.
 */
import { francAll } from 'franc-min';
import { NOT_CONTENT } from './details';
import { obj, str } from './text';

/** Scripts only one of the theme's languages is written in. */
const SINGLE: [RegExp, string][] = [
  [/\p{Script=Hangul}/u, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Bengali}/u, 'bn'],
  [/\p{Script=Tamil}/u, 'ta'],
  [/\p{Script=Armenian}/u, 'hy'],
  [/\p{Script=Georgian}/u, 'ka'],
];

/**
 * Scripts several of the theme's languages share: the language when the text is too short to
 * tell, and franc's codes (ISO 639-3) for the ones it may choose between.
 */
const SHARED: { script: RegExp; name: string; fallback: string; only: Record<string, string> }[] = [
  {
    script: /\p{Script=Latin}/u,
    name: 'latin',
    fallback: 'en',
    only: {
      eng: 'en',
      deu: 'de',
      fra: 'fr',
      spa: 'es',
      por: 'pt',
      ita: 'it',
      nld: 'nl',
      pol: 'pl',
      ces: 'cs',
      swe: 'sv',
      tur: 'tr',
      vie: 'vi',
      ind: 'id',
      ron: 'ro',
      hun: 'hu',
      fin: 'fi',
    },
  },
  {
    script: /\p{Script=Cyrillic}/u,
    name: 'cyrillic',
    fallback: 'ru',
    only: { rus: 'ru', ukr: 'uk' },
  },
  { script: /\p{Script=Arabic}/u, name: 'arabic', fallback: 'ar', only: { arb: 'ar', pes: 'fa' } },
];

/** Scripts written right to left. */
const RTL_SCRIPTS = new Set(['he', 'arabic']);

/** Letters of Persian that Arabic has not: the guess when the text is too short for franc. */
const PERSIAN = /[پچژگکی]/u;
/** Addresses are letters too, but not the résumé's language. */
const ADDRESS = /^((https?:|mailto:|www\.)\S*|\S+@\S+\.\S+|[\w.-]+\.[a-z]{2,}(\/\S*)?)$/i;

/** Markup written for themes that insert HTML (`<strong>`, `&nbsp;`): letters, but no language. */
const MARKUP = /<[^>]*>|&#?\w+;/g;

/** Fields that hold names of services, handles and codes rather than sentences of any language. */
const NOT_PROSE: ReadonlySet<string> = new Set([
  'username',
  'network',
  'url',
  'website',
  'email',
  'phone',
  'image',
  'picture',
  'countryCode',
  'postalCode',
]);

function texts(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') {
    if (!ADDRESS.test(value.trim())) out.push(value.replace(MARKUP, ' '));
  } else if (Array.isArray(value)) {
    for (const item of value) texts(item, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (!NOT_CONTENT.has(key) && !NOT_PROSE.has(key)) texts(inner, out);
    }
  }
  return out;
}

/** Chinese characters, kana and Hangul are full-width: each takes the room of two Latin letters. */
const FULL_WIDTH = 2;

/** Which script a letter is in: a SINGLE language code or a SHARED script's name. */
function scriptOf(char: string): string | undefined {
  if (char < '\u0080') return /[a-z]/i.test(char) ? 'latin' : undefined;
  const single = SINGLE.find(([script]) => script.test(char));
  if (single) return single[1];
  return SHARED.find(({ script }) => script.test(char))?.name;
}

/** The language and direction of a résumé's prose. */
export interface ProseLanguage {
  /** 'de', 'uk', 'ja'…; 'en' when there is no prose. */
  language: string;
  /** Whether most of its letters are in a right-to-left script. */
  rtl: boolean;
}

/**
 * English technical words fill résumés in every language, and a short English text can score a
 * little below a related language. English stays when its distance from the best is small
 * beside the spread of the others: franc's scores shrink towards 1 as texts grow, so this is
 * measured against the median score rather than as a fixed margin.
 */
const ENGLISH_CLOSENESS = 0.3;

function englishIsClose(scores: [string, number][]): boolean {
  const english = scores.find(([code]) => code === 'eng')?.[1] ?? 0;
  const sorted = scores.map(([, score]) => score).sort((a, b) => b - a);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return median < 1 && (1 - english) / (1 - median) < ENGLISH_CLOSENESS;
}

/** Fewer letters than this ("Engineer, Researcher") are no sentence: the script's usual language. */
const SHORTEST = 40;

/**
 * The language franc reads in `prose`, among those of one shared script; else the script's
 * usual one, Persian when `letters` (all of the script's text, names too) have its letters.
 */
function identify(prose: string, letters: string, shared: (typeof SHARED)[number]): string {
  const scores = francAll(prose, { only: Object.keys(shared.only), minLength: SHORTEST });
  const code = scores[0]?.[0] ?? 'und';
  const language = englishIsClose(scores) ? 'en' : shared.only[code];
  if (language !== undefined) return language;
  return shared.name === 'arabic' && PERSIAN.test(letters) ? 'fa' : shared.fallback;
}

/** Franc reads at most this much; sentences say more about a language than names do. */
const SAMPLE = 2048;

/** The language of the résumé's own prose, and which way it runs. */
export function proseLanguage(resume: unknown): ProseLanguage {
  const counts = new Map<string, number>();
  const strings = texts(resume, []);
  for (const text of strings) {
    for (const char of text) {
      const script = scriptOf(char);
      if (script !== undefined) counts.set(script, (counts.get(script) ?? 0) + 1);
    }
  }
  const count = (script: string) => counts.get(script) ?? 0;
  // Japanese mixes kanji and kana, Korean may have some Chinese characters: together they are CJK.
  const [han, kana, hangul] = [count('zh'), count('ja'), count('ko')];
  let [best, most] = ['cjk', (han + kana + hangul) * FULL_WIDTH];
  for (const [script, letters] of counts) {
    if (!['zh', 'ja', 'ko'].includes(script) && letters > most) [best, most] = [script, letters];
  }
  const rtl = RTL_SCRIPTS.has(best);
  if (most === 0) return { language: 'en', rtl: false };
  if (best === 'cjk') {
    const language = hangul > 0 && hangul >= han ? 'ko' : kana * 10 >= han + kana ? 'ja' : 'zh';
    return { language, rtl };
  }
  const shared = SHARED.find(({ name }) => name === best);
  if (!shared) return { language: best, rtl };
  // A name is no sentence of any language: "Łukasz Żółkiewski" alone says nothing.
  const name = str(obj(obj(resume)['basics'])['name']);
  const written = strings.filter((text) => shared.script.test(text));
  // Longest first: sentences, then titles.
  const prose = written
    .filter((text) => text.trim() !== name)
    .sort((a, b) => b.length - a.length)
    .join('\n')
    .slice(0, SAMPLE);
  return { language: identify(prose, written.join('\n'), shared), rtl };
}

/** Where files other tools wrote say their language, after `meta.themeOptions.locale`. */
const META_KEYS = ['language', 'locale', 'lang', 'x-lang'];
/** Top-level keys that state the language (`"language": "de"`). */
export const LANGUAGE_KEYS: ReadonlySet<string> = new Set(['language', 'locale', 'lang']);

/** A BCP 47 tag the runtime can format dates in, from "de", "de_DE" or "pt-BR"; else ''. */
export function supportedLocale(value: unknown): string {
  const tag = str(value).replace(/_/g, '-');
  if (tag === '' || !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag)) return '';
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (canonical !== undefined && Intl.DateTimeFormat.supportedLocalesOf(canonical).length > 0) {
      return canonical;
    }
  } catch {
    // A malformed tag (RangeError): not a statement of language.
  }
  return '';
}

/** The locale the résumé states, in the order of precedence; '' when it states none. */
export function statedLocale(resume: Record<string, unknown>): string {
  const meta = obj(resume['meta']);
  const candidates = [
    obj(meta['themeOptions'])['locale'],
    ...META_KEYS.map((key) => meta[key]),
    ...[...LANGUAGE_KEYS].map((key) => resume[key]),
  ];
  for (const candidate of candidates) {
    const locale = supportedLocale(candidate);
    if (locale !== '') return locale;
  }
  return '';
}
