// The loose comparisons an expectation is scored with. They live apart from src/ on purpose:
// a scorer that shared the code under test's name folding would forgive that code's bugs.

const APOSTROPHES = /['’‘`ʼʻ´]/g;

/**
 * Lower case, no diacritics, no apostrophes, every run of other punctuation a single space:
 * "Al-Qa'im", "Al Qaim" and "al-Qā’im" all become "al qaim".
 */
export function foldName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(APOSTROPHES, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** `needle` as whole words inside `hay` (both already folded): "us" is in "us forces", not in "russia". */
function containsWords(hay: string, needle: string): boolean {
  if (!needle) return false;
  return ` ${hay} `.includes(` ${needle} `);
}

/**
 * Two names meet when either, folded and without a leading "the", sits inside the other as
 * whole words: "United States" meets "Military Forces of the United States", "Kata'ib
 * Hezbollah" meets "Kataib Hezbollah", "The Extraditables" meets "Extraditables group".
 */
export function namesMeet(a: string, b: string): boolean {
  const fa = foldName(a).replace(/^the /, "");
  const fb = foldName(b).replace(/^the /, "");
  return containsWords(fa, fb) || containsWords(fb, fa);
}

/** The first of `accepted` that meets any of `values`, or null. */
export function firstMeeting(
  values: (string | null | undefined)[],
  accepted: string[],
): string | null {
  for (const value of values) {
    if (!value) continue;
    // assoc_actor fields may hold several actors separated by "; ".
    for (const part of value.split(";")) {
      if (accepted.some((a) => namesMeet(part, a))) return part.trim();
    }
  }
  return null;
}

/** Whitespace collapsed, typographic quotes and dashes as ASCII: for quotes and titles. */
export function normalizeProse(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[‐‑‒–—]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** Great-circle distance in kilometres (haversine, mean Earth radius 6371 km). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

/** "at least 24" -> 24; the first figure written in digits or as a small number word, or null. */
export function firstStatedNumber(s: string): number | null {
  const digits = /\d[\d,]*/.exec(s);
  if (digits) return Number(digits[0].replace(/,/g, ""));
  const words: Record<string, number> = {
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
  };
  for (const w of foldName(s).split(" ")) if (w in words) return words[w];
  return null;
}
