// Folding that lets spellings of one name meet: "Al-Qa'im", "Al Qaim" and "al-Qā’im" all fold
// to "al qaim". Used for gazetteer keys, actor aliases and lexicon lookups alike.

const APOSTROPHES = /['’‘`ʼʻ´]/g;

/** Lower case, no diacritics, no apostrophes, hyphens and other punctuation as single spaces. */
export function fold(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(APOSTROPHES, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Arabic article prefixes that news spells with or without ("al-Anbar", "Anbar"). */
const ARABIC_ARTICLE = /^(?:al|el|ad|ar|as|an|ash|at|az|adh)\s+/;

/** fold(), then without a leading Arabic article: the looser key for a second lookup. */
export function foldLoose(s: string): string {
  return fold(s).replace(ARABIC_ARTICLE, "");
}
