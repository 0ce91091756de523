/**
 * The language a résumé without a locale is written in, guessed from the script most of its
 * letters are in: the page's `lang` then picks the right regional forms of Chinese, Japanese and
 * Korean characters, and its punctuation.
 */
import { NOT_CONTENT } from './details';

/** A script and the language a page in it most likely is; Latin stays English. */
const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Hangul}/u, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Armenian}/u, 'hy'],
  [/\p{Script=Georgian}/u, 'ka'],
  [/\p{Script=Latin}/u, 'en'],
];

/** Letters of Persian that Arabic has not. */
const PERSIAN = /[پچژگکی]/u;
/** Addresses are letters too, but not the résumé's language. */
const ADDRESS = /^((https?:|mailto:|www\.)\S*|\S+@\S+\.\S+|[\w.-]+\.[a-z]{2,}(\/\S*)?)$/i;

function texts(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') {
    if (!ADDRESS.test(value.trim())) out.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) texts(item, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (!NOT_CONTENT.has(key)) texts(inner, out);
    }
  }
  return out;
}

/** Chinese characters, kana and Hangul are full-width: each takes the room of two Latin letters. */
const FULL_WIDTH = 2;

/** 'ko', 'ja', 'zh', 'ar', 'fa', 'he', 'ru', 'el'… from the letters of `resume`; 'en' by default. */
export function guessLanguage(resume: unknown): string {
  const counts = new Map<string, number>();
  let persian = false;
  for (const text of texts(resume, [])) {
    for (const char of text) {
      const language =
        char < '\u0080'
          ? /[a-z]/i.test(char)
            ? 'en'
            : undefined
          : SCRIPTS.find(([script]) => script.test(char))?.[1];
      if (language === undefined) continue;
      counts.set(language, (counts.get(language) ?? 0) + 1);
      persian ||= PERSIAN.test(char);
    }
  }
  const count = (language: string) => counts.get(language) ?? 0;
  // Japanese mixes kanji and kana, Korean may have some Chinese characters: together they are CJK.
  const [han, kana, hangul] = [count('zh'), count('ja'), count('ko')];
  let [best, most] = ['cjk', (han + kana + hangul) * FULL_WIDTH];
  for (const [language, letters] of counts) {
    if (!['zh', 'ja', 'ko'].includes(language) && letters > most)
      [best, most] = [language, letters];
  }
  if (most === 0) return 'en';
  if (best === 'cjk')
    return hangul > 0 && hangul >= han ? 'ko' : kana * 10 >= han + kana ? 'ja' : 'zh';
  return best === 'ar' && persian ? 'fa' : best;
}
