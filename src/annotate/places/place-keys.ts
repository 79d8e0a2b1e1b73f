// The keys a place name is stored under, shared by the gazetteer build and the annotator so the
// two can never drift: fold() (src/core/text.ts) for the exact key, foldLoose() for the key
// without a leading Arabic article, and a skeleton for transliteration variants.
import { fold, foldLoose } from "../../core/text.ts";

/**
 * How a key was derived from a place's names, stored as a small integer in the index.
 * Lower is more trustworthy; the annotator prefers entries matched a better way.
 */
export const NAME_HOWS = [
  "name", // the GeoNames name, a country's common name, an admin1 name
  "ascii", // the GeoNames ASCII name
  "official", // a country's official name
  "alt", // an alternate name (Latin script) or a country's alt spelling
  "alias", // a form from data/places/*-aliases.tsv
  "code", // an upper-case code written in news: US, UK, USA, UAE, DRC
  "demonym", // Iraqi, Iraqis → IQ
  "stripped", // an admin1 name without "Governorate", "Province"...
  "loose", // fold() without a leading Arabic article
  "skeleton", // transliteration skeleton, see skeletonKey()
] as const;
export type NameHow = (typeof NAME_HOWS)[number];

export function howCode(how: NameHow): number {
  return NAME_HOWS.indexOf(how);
}

/** "ay"/"ey" before a consonant is a diphthong transliterations also spell "ai"/"ei": Suwayda, Suwaida. */
const VOWEL_Y = /([ae])y(?![aeiou])/g;
/** A word-final "-ah"/"-eh" after a consonant is how transliteration spells a final "a". */
const FINAL_AH = /([^aeiou\s])[ae]h\b/g;

/**
 * A looser key for transliteration variants: foldLoose() (fold() when `article` is false: see
 * looseArticle()), word-final "ah"/"eh" as "a", French "ou" and English "oo" as "u", "ee" as
 * "i", no spaces, doubled letters single. "Deir ez-Zor" and "Deir Ezzor" both become
 * "deirezor"; "Al-Hasakah" and "Hasaka" both "hasaka"; "Raqqah" and "Raqqa" both "raqa";
 * "Suwayda" and "Suwaidaa" both "suwaida";
 * "Mansoura" and "Mansurah" both "mansura".
 */
export function skeletonKey(s: string, article = true): string {
  const folded = withMidArticles(article ? foldLoose(s) : fold(s));
  if (/^[a-z0-9 ]*$/.test(folded)) return asciiSkeleton(folded);
  return folded
    .replace(FINAL_AH, "$1a")
    .replace(/ou|oo/g, "u")
    .replace(/ee/g, "i")
    .replace(VOWEL_Y, "$1i")
    .replace(/\s+/g, "")
    .replace(/(.)\1+/g, "$1");
}

/**
 * An Arabic article inside a name, before a consonant: GeoNames writes it assimilated ("Jisr ash
 * Shughur", "Abu ad Duhur") where news writes "al-" ("Jisr al-Shughour", "Abu al-Duhur"). The
 * skeleton keeps its vowel alone, so the spellings meet; "Deir ez-Zor" stays "deirezor".
 */
const MID_ARTICLES: ReadonlyMap<string, string> = new Map([
  ...["al", "ad", "ar", "as", "az", "an", "at", "ash", "ath", "adh"].map((w) => [w, "a"] as const),
  ...["el", "ed", "er", "es", "ez", "en", "et", "esh"].map((w) => [w, "e"] as const),
]);
const CONSONANT_START = /^[b-df-hj-np-tv-z]/;

/** The skeleton's form of word `word` when `next` follows it inside a name, or null for no change. */
export function midArticle(word: string, next: string | undefined): string | null {
  if (next === undefined || !CONSONANT_START.test(next)) return null;
  return MID_ARTICLES.get(word) ?? null;
}

function withMidArticles(folded: string): string {
  if (!folded.includes(" a") && !folded.includes(" e")) return folded;
  const words = folded.split(" ");
  for (let i = 1; i < words.length - 1; i++)
    words[i] = midArticle(words[i], words[i + 1]) ?? words[i];
  return words.join(" ");
}

const A = 97;
const E = 101;
const H = 104;
const I = 105;
const O = 111;
const U = 117;
const Y = 121;
const SPACE = 32;

/**
 * skeletonKey()'s rewrites, one pass each over character codes, for a folded key of ASCII
 * letters, digits and spaces: the annotator asks for thousands of keys a text, the regex
 * chain costs a string per step. Each pass scans left to right as the global regex does.
 */
function asciiSkeleton(s: string): string {
  return squeeze(skeletonRewrites(s));
}

/**
 * skeletonKey()'s in-word rewrites ("-ah" as "-a", "ou" and "oo" as "u", "ee" as "i") of a
 * folded key of ASCII letters, digits and spaces. None reaches across a space, so a key's
 * rewrites are those of its words joined: skeletonKey() of ASCII words is squeeze() of theirs.
 */
export function skeletonRewrites(s: string): string {
  let src: number[] = [];
  for (let i = 0; i < s.length; i++) src.push(s.charCodeAt(i));
  // FINAL_AH: a consonant (or digit), "a" or "e", "h", then the end of the word
  let out: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (
      c !== A &&
      c !== E &&
      c !== I &&
      c !== O &&
      c !== U &&
      c !== SPACE &&
      (src[i + 1] === A || src[i + 1] === E) &&
      src[i + 2] === H &&
      (i + 3 === src.length || src[i + 3] === SPACE)
    ) {
      out.push(c, A);
      i += 2;
    } else out.push(c);
  }
  // "ou" and "oo" as "u", then "ee" as "i"
  [src, out] = [out, []];
  for (let i = 0; i < src.length; i++) {
    if (src[i] === O && (src[i + 1] === U || src[i + 1] === O)) {
      out.push(U);
      i++;
    } else out.push(src[i]);
  }
  [src, out] = [out, []];
  for (let i = 0; i < src.length; i++) {
    if (src[i] === E && src[i + 1] === E) {
      out.push(I);
      i++;
    } else out.push(src[i]);
  }
  // VOWEL_Y: "ay"/"ey" before anything but a vowel as "ai"/"ei"
  for (let i = 1; i < out.length; i++) {
    const n = out[i + 1];
    if (
      out[i] === Y &&
      (out[i - 1] === A || out[i - 1] === E) &&
      n !== A &&
      n !== E &&
      n !== I &&
      n !== O &&
      n !== U
    )
      out[i] = I;
  }
  return String.fromCharCode(...out);
}

/** No spaces, and a run of one letter as one: skeletonKey()'s last two steps. */
function squeeze(s: string): string {
  let key = "";
  let last = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === SPACE || c === last) continue;
    key += s[i];
    last = c;
  }
  return key;
}

export interface NameKey {
  key: string;
  how: NameHow;
}

/**
 * Countries where a leading "el", "ad", "an", "as"... is the Arabic article (Arab League
 * members, Israel and Palestine, Chad): elsewhere "El Puerto" (Mexico) or "An Nhon"
 * (Viet Nam) keep their first word. "al" is the article wherever it is written.
 */
export const ARABIC_ARTICLE_COUNTRIES = new Set(
  "AE BH DJ DZ EG EH IL IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SS SY TD TN YE".split(" "),
);

/** Whether a place of this country has a key without its leading article ("al" always counts). */
export function looseArticle(name: string, iso: string): boolean {
  return ARABIC_ARTICLE_COUNTRIES.has(iso) || /^al\s/.test(fold(name));
}

/**
 * The keys of one name: its fold() under `how`, plus the loose (without a leading Arabic
 * article, when `article` allows: looseArticle()) and skeleton keys when they differ. Keys of
 * fewer than 2 characters are left out: they would match initials.
 */
export function nameKeys(name: string, how: NameHow, article = true): NameKey[] {
  const out: NameKey[] = [];
  const exact = fold(name);
  if (exact.length < 2) return out;
  out.push({ key: exact, how });
  const loose = article ? foldLoose(name) : exact;
  if (loose !== exact && loose.length >= 3) out.push({ key: loose, how: "loose" });
  const skeleton = skeletonKey(name, article);
  if (skeleton.length >= 4 && skeleton !== exact && skeleton !== loose) {
    out.push({ key: skeleton, how: "skeleton" });
  }
  return out;
}

/** Letters of scripts other than Latin: such alternate names are left out of the index. */
const NON_LATIN_LETTER = /(?![\p{Script=Latin}])\p{L}/u;

/**
 * Whether a GeoNames alternate name is worth a key: Latin script, no digits (postal codes),
 * at least one capital (lower-case-only alternates are machine romanisations such as
 * "bghdad"), and not an all-caps code of 3 letters or fewer (airport codes such as "BGW").
 */
export function isUsableAlternate(name: string): boolean {
  if (name.length < 2 || name.length > 60) return false;
  if (/\p{N}/u.test(name)) return false;
  if (NON_LATIN_LETTER.test(name)) return false;
  if (!/\p{Lu}/u.test(name)) return false;
  if (/^\p{Lu}{1,3}$/u.test(name)) return false;
  return true;
}

/**
 * Words that name the kind of a first-level division, stripped to make a shorter key:
 * "Anbar Governorate" → "anbar", "Provincia de Buenos Aires" → "buenos aires".
 */
const ADMIN_SUFFIX =
  /\s+(?:governorate|province|provincia|prefecture|department|departamento|departement|region|state|oblast|krai|kray|county|district|municipality|parish|division|muhafazat|mohafazat|wilayah|wilaya|vilayeti|ili|territory|emirate|canton|voivodeship|d\s?c)$/;
const ADMIN_PREFIX =
  /^(?:muhafazat|mohafazat|provincia de|province of|provincia del|departamento de|departamento del|departement de|departement du|estado de|estado do|region of|state of|governorate of|wilayat)\s+/;
/** What is left after stripping must not be a bare compass word ("Central Region" → "central"). */
const BARE_WORDS = new Set([
  "central",
  "northeastern",
  "northwestern",
  "southeastern",
  "southwestern",
  "north eastern",
  "north western",
  "south eastern",
  "south western",
  "north",
  "south",
  "east",
  "west",
  "northern",
  "southern",
  "eastern",
  "western",
  "capital",
  "free",
  "upper",
  "lower",
  "coast",
  "the",
]);

/** fold()ed admin1 name without its kind word, or null when nothing was stripped. */
export function strippedAdminKey(name: string): string | null {
  const folded = fold(name);
  const stripped = folded.replace(ADMIN_SUFFIX, "").replace(ADMIN_PREFIX, "").trim();
  if (stripped === folded || stripped.length < 3 || BARE_WORDS.has(stripped)) return null;
  return stripped;
}

// ---------------------------------------------------------------- key filter

/** Bits per key of the Bloom filter over all keys: 10 bits and 7 probes give ~1% false hits. */
export const BLOOM_BITS_PER_KEY = 10;
export const BLOOM_PROBES = 7;

/** The filter hashes a key twice, with FNV-1a from these two seeds. */
export const BLOOM_SEEDS = [0x811c9dc5, 0x9747b28c] as const;

/** One UTF-16 unit into an FNV-1a hash: a key can be hashed as it is read, without building it. */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193) >>> 0;
}

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}

/** Sets a key's bits. */
export function bloomAdd(filter: Uint8Array, key: string): void {
  const bits = filter.length * 8;
  const h1 = fnv1a(key, BLOOM_SEEDS[0]);
  const h2 = fnv1a(key, BLOOM_SEEDS[1]) | 1;
  for (let i = 0; i < BLOOM_PROBES; i++) {
    const bit = ((h1 + Math.imul(i, h2)) >>> 0) % bits;
    filter[bit >>> 3] |= 1 << (bit & 7);
  }
}

/** false when the key is certainly not in the index; true when it may be. */
export function bloomMayHave(filter: Uint8Array, key: string): boolean {
  return bloomMayHaveHashed(filter, fnv1a(key, BLOOM_SEEDS[0]), fnv1a(key, BLOOM_SEEDS[1]));
}

/** bloomMayHave() for a key already hashed from BLOOM_SEEDS[0] and [1] (fnvStep()). */
export function bloomMayHaveHashed(filter: Uint8Array, h1: number, hash2: number): boolean {
  const bits = filter.length * 8;
  const h2 = hash2 | 1;
  for (let i = 0; i < BLOOM_PROBES; i++) {
    const bit = ((h1 + Math.imul(i, h2)) >>> 0) % bits;
    if ((filter[bit >>> 3] & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}
