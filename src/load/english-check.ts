// Is this English? sitrep's later stages read English only, so a French or Arabic article must
// fail here with a clear message instead of yielding no events and looking like a quiet day.
// A stopword-share check is enough to tell English from other languages in Latin script, and a
// script count catches Arabic, Cyrillic and the rest; neither needs a model.
import { readTable } from "../core/data-files.ts";

/**
 * Least share of words that must be English function words, for texts of at least
 * MIN_WORDS_FOR_SHARE words: a floor for languages missing from foreign-function-words.tsv.
 * The main test is that list outvoting the English one. Measured on ../shared once: English
 * prose scores 0.126 at the lowest and 0.33 at the median, but telegraphic CASE snippets and
 * short wire reports ("Gunmen abducted 23 villagers in Gusau, Zamfara State") go down to
 * 0.05, so the floor sits below them; the Latin-script pages in other languages (0.072 at most)
 * are caught by their own function words instead.
 */
export const ENGLISH_MIN_SHARE = 0.03;
/** Foreign function words needed before they can outvote English ones: one "la" proves nothing. */
export const FOREIGN_MIN_HITS = 3;

/**
 * Below this many words the share is too noisy to judge: a one-line English report such as
 * "Police arrested 12 protesters in Lagos on Monday." may hold no function word from the list
 * at all. Short texts are accepted when their script is Latin.
 */
export const MIN_WORDS_FOR_SHARE = 20;

/** Least share of letters in Latin script; English news quoting a name in Arabic stays far above it. */
export const LATIN_MIN_SHARE = 0.6;

export type EnglishVerdict =
  | { english: true; share: number | null; words: number }
  | { english: false; detail: string };

let defaultWords: Set<string> | null = null;

let foreignCache: Map<string, string> | null = null;

/** Function words of other Latin-script languages (data/foreign-function-words.tsv), read once. */
export function foreignFunctionWords(): Map<string, string> {
  foreignCache ??= new Map(
    readTable("foreign-function-words.tsv").map((r) => [r.word, r.language]),
  );
  return foreignCache;
}

/** The function words of data/english-function-words.tsv, read once. */
export function englishFunctionWords(): Set<string> {
  if (!defaultWords) {
    defaultWords = new Set(
      readTable("english-function-words.tsv").map((r) => r.word.toLowerCase()),
    );
  }
  return defaultWords;
}

// Named for the error message; checked in this order, the first with most letters wins.
const SCRIPTS: [string, RegExp][] = [
  ["Arabic", /\p{Script=Arabic}/gu],
  ["Cyrillic", /\p{Script=Cyrillic}/gu],
  ["Hebrew", /\p{Script=Hebrew}/gu],
  ["Greek", /\p{Script=Greek}/gu],
  ["Devanagari", /\p{Script=Devanagari}/gu],
  ["Bengali", /\p{Script=Bengali}/gu],
  ["Han (Chinese)", /\p{Script=Han}/gu],
  ["Japanese kana", /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ["Hangul (Korean)", /\p{Script=Hangul}/gu],
  ["Thai", /\p{Script=Thai}/gu],
  ["Ethiopic", /\p{Script=Ethiopic}/gu],
  ["Armenian", /\p{Script=Armenian}/gu],
  ["Georgian", /\p{Script=Georgian}/gu],
];

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/** Judges the clean text of one document. */
export function checkEnglish(
  text: string,
  functionWords: Set<string> = englishFunctionWords(),
): EnglishVerdict {
  const letters = count(text, /\p{L}/gu);
  if (letters === 0) return { english: true, share: null, words: 0 };
  const latin = count(text, /\p{Script=Latin}/gu);
  if (latin / letters < LATIN_MIN_SHARE) {
    let best = "a non-Latin";
    let bestCount = 0;
    for (const [name, re] of SCRIPTS) {
      const n = count(text, re);
      if (n > bestCount) {
        best = name;
        bestCount = n;
      }
    }
    return {
      english: false,
      detail: `${Math.round((100 * (letters - latin)) / letters)}% of letters are in ${best} script`,
    };
  }
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let hits = 0;
  const foreign = new Map<string, number>();
  const foreignWords = foreignFunctionWords();
  for (const w of words) {
    if (functionWords.has(w)) hits++;
    const lang = foreignWords.get(w);
    if (lang) foreign.set(lang, (foreign.get(lang) ?? 0) + 1);
  }
  // Another language's function words outnumbering English ones says "not English" even in a
  // short text; telegraphic English ("Gunmen abducted 23 villagers in Gusau") has few of either.
  for (const [lang, n] of foreign) {
    if (n >= FOREIGN_MIN_HITS && n > hits) {
      return {
        english: false,
        detail: `it reads as ${lang}: ${n} ${lang} function words to ${hits} English ones`,
      };
    }
  }
  if (words.length < MIN_WORDS_FOR_SHARE)
    return { english: true, share: null, words: words.length };
  const share = hits / words.length;
  if (share < ENGLISH_MIN_SHARE) {
    return {
      english: false,
      detail: `only ${Math.round(share * 100)}% of ${words.length} words are common English words, expected at least ${Math.round(ENGLISH_MIN_SHARE * 100)}%`,
    };
  }
  return { english: true, share, words: words.length };
}
