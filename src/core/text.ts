// Folding that lets spellings of one name meet: "Al-Qa'im", "Al Qaim" and "al-Qā’im" all fold
// to "al qaim". Used for gazetteer keys, actor aliases and lexicon lookups alike.

const APOSTROPHES = /['’‘`ʼʻ´]/g;

/**
 * fold() results of short inputs (words, names). Annotators fold every token of every
 * document and news repeats its words, so a Map hit replaces normalize() and four regex
 * passes. Long inputs (the loaders fold whole paragraphs) are not kept; cleared when full.
 */
const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 100_000;
const FOLD_CACHE_MAX_LENGTH = 64;

/** Lower case, no diacritics, no apostrophes, hyphens and other punctuation as single spaces. */
export function fold(s: string): string {
  // ASCII letters and digits, single spaces between them (most words, and keys folded
  // before), fold to their lower case
  let upper = false;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (c >= 65 && c <= 90) upper = true;
    else if (c !== 32 || i === 0 || i === s.length - 1 || s.charCodeAt(i - 1) === 32) break;
  }
  if (i === s.length) return upper ? s.toLowerCase() : s;
  const short = s.length <= FOLD_CACHE_MAX_LENGTH;
  if (short) {
    const hit = foldCache.get(s);
    if (hit !== undefined) return hit;
  }
  const folded = s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(APOSTROPHES, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (short) {
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(s, folded);
  }
  return folded;
}

/** Arabic article prefixes that news spells with or without ("al-Anbar", "Anbar"). */
export const LOOSE_ARTICLES: ReadonlySet<string> = new Set(
  "al el ad ar as an ash at az adh".split(" "),
);
const ARABIC_ARTICLE = new RegExp(`^(?:${[...LOOSE_ARTICLES].join("|")})\\s+`);

/** fold(), then without a leading Arabic article: the looser key for a second lookup. */
export function foldLoose(s: string): string {
  return fold(s).replace(ARABIC_ARTICLE, "");
}
