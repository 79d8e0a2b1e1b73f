// Place names in the clean text, each resolved to a gazetteer entry with ACLED's geo_precision.
//
// Four steps, each a function below:
//   1. candidates   phrases of capitalized tokens (all tokens in all-capitals text) that are
//                   gazetteer keys, longest first, with an admin suffix ("Anbar Governorate")
//   2. filters      drop what is more likely an English word, a person or an organization
//   3. resolve      rank each candidate's entries: countries the text names, a division named
//                   beside it ("Al-Qa'im in Anbar"), population; drop unsupported small places
//   4. refine       sub-places ("the Al-Mashtal neighborhood of Baghdad"), "near X",
//                   "20 km north of X", "eastern X": precision 2, span widened
import { distanceKm } from "../../core/geo.ts";
import { fold, foldLoose, LOOSE_ARTICLES } from "../../core/text.ts";
import type { PlaceKind, PlaceMention, Sentence } from "../../core/types.ts";
import type { Gazetteer, GazetteerEntry } from "./gazetteer.ts";
import {
  BLOOM_SEEDS,
  bloomMayHaveHashed,
  fnvStep,
  midArticle,
  type NameHow,
  skeletonKey,
  skeletonRewrites,
} from "./place-keys.ts";
import { type CueRole, isCue, type PlaceLexicons, placeLexicons } from "./place-lexicons.ts";

export interface PlaceAnnotatorOptions {
  /** Receives one line per decision worth explaining ("dropped Biden: part of a longer name"). */
  log?: (reason: string) => void;
}

// ---------------------------------------------------------------- thresholds

/** Longest phrase tried as a name, in tokens: "Sant Julià de Lòria" is 4, "Democratic Republic of the Congo" 5. */
const MAX_NAME_TOKENS = 5;
/** Longest phrase tried under its transliteration skeleton ("Deir Ezzor" is 2 tokens). */
const MAX_SKELETON_TOKENS = 3;
/** Skeleton keys shorter than this meet unrelated names by chance. */
const MIN_SKELETON_LETTERS = 5;
/**
 * A single word is looked up by skeleton only when it shows what transliterations vary: a
 * final -a/-ah/-eh (Hasaka, Hasakah) or a doubled letter (Raqqa). Otherwise "Cameron" would meet Cameroon.
 */
const SKELETON_WORTHY = /(?:a|ah|eh)$|(.)\1/;
/** After a name, words that say it is a place: "Afrin city", "Daraa countryside". */
const PLACE_NOUN_AFTER =
  /^\s+(?:city|town|village|countryside|outskirts|suburbs|province|governorate|district|area|camp)\b/i;
/** A town abroad must be this big to be meant when a big town of another country, this far, sets the text's. */
const FAR_FOREIGN_MIN_POP = 250_000;
const FAR_FOREIGN_KM = 500;
/** After a country's name, its state's forces or envoys: whose, not where ("US forces"). */
const FORCES_AFTER =
  /^\s+(?:forces|troops|army|military|soldiers|navy|marines|officials?|embassy|ambassador|envoy)\b/i;
/** After a division's name, its own bodies: "Imo Police", "Borno State Government" ends the name. */
const DIVISION_BODY_AFTER =
  /^\s+(?:State\s+)?(?:Police|Government|Governor|Assembly|Command|Emergency)\b/;
/** After a name, words that call it a settlement ("Shaddadi city", "Tasil town"). */
const SETTLEMENT_AFTER = /^\s+(?:city|town|village|countryside)\b/i;
/** Cues after a name that make it a place ("Tasil town", "Abu al-Duhur Military Airbase"). */
const PLACE_CUE_ROLES: CueRole[] = [
  "admin-suffix",
  "area-noun",
  "subplace-noun",
  "settlement-noun",
];
/** After a place used as a modifier: "Ankara-loyal", "Iran-backed", "Damascus-based". */
const MODIFIER_AFTER =
  /^[-‐](?:backed|led|based|loyal|allied|affiliated|supported|controlled|aligned)\b/i;
/** Spellings that transliterations vary, looked up by skeleton as well: "ou", "ee", "oo". */
const VARIANT_SPELLING = /ou|ee|oo/;
/** A dateline's town starts a report within this many characters ("   LA PAZ, 21 MAR 89 (EFE) --"). */
const DATELINE_REACH = 10;
/** What follows a dateline's town: a comma and a date, or a parenthesis ("MADRID (SPAIN), 8 JAN 90"). */
const DATELINE_AFTER = /^\s*(?:\([^)]{1,30}\)\s*)?,\s*\d{1,2}\s+\p{L}{3}/u;
/** "in this capital", "of this city": the dateline's town. */
const THIS_CITY = /\b(?:in|near|of|outside|around)\s+(this\s+(?:capital|city))\b/giu;
/** Farthest, in characters, that "<Name> area of ..." reaches for the place holding it ("of Sarkh, Logar"). */
const SUBPLACE_OF_REACH = 40;
/** Longest sub-place name before its noun, in tokens ("Ain al-Asad" is 3). */
const MAX_SUBPLACE_TOKENS = 4;
/**
 * Below this population a town is kept only when the text names its country or a division
 * beside it: thousands of villages share names with people and words.
 */
const SMALL_PLACE_POP = 1_000;
/** "the Syrian desert", "on Iraqi soil": a demonym before a noun of land names the country as a place. */
const COUNTRY_AREA_AFTER =
  /^\s+(?:desert|region|territory|territories|soil|coast|coastline|waters|airspace|countryside|mountains|interior|border\s+(?:areas?|regions?|towns?|villages?|strip)|(?:north|south)(?:-?(?:east|west))?(?![\p{L}-])(?!\s+of\b)|east(?![\p{L}-])(?!\s+of\b)|west(?![\p{L}-])(?!\s+of\b))/iu;
/**
 * When the text names countries, a town in none of them must be this big: a well-known city
 * abroad is plausible (Washington, Moscow), a small namesake abroad is a clash.
 */
const FOREIGN_MIN_POP = 50_000;
/**
 * Outside the countries the text names, a town matched by an alternate (often foreign-language)
 * name must be this big: "LA ROCHELA" in a Colombian report is not La Rochelle (Spanish "La
 * Rochela"), while "Bagdad" or "Moskau" are big enough to be meant.
 */
const FOREIGN_EXONYM_MIN_POP = 500_000;
/**
 * A town matched by an alternate name unlike its own ("Thomas" is a former name of Beulah) is
 * taken, in a text naming its country, only from this population up.
 */
const ALT_NAME_MIN_POP = 20_000;
/**
 * An English name unlike the place's own ("Palmyra" for Tadmur) is meant for the place when it
 * outnumbers, this many times over, every town bearing that name as its own (Palmyra, PA).
 */
const EXONYM_DOMINANCE = 5;
/** Edit distance, as a share of the longer skeleton, under which two names are one spelled two ways (Irbil, Erbil). */
const SIMILAR_NAME_SHARE = 0.34;
/**
 * A single word followed by another capitalized word (a person "Jordan Peterson", an
 * organization "Landstuhl Regional Medical Center") is taken as a town only when supported or this big.
 */
const NAME_PART_MIN_POP = 100_000;
/** In all-capitals or title-case text capitals tell nothing, so an unsupported town must be this big. */
const CAPS_MIN_POP = 20_000;
/**
 * In all-capitals text, where acronyms and surnames look like towns ("THE MEXICAN CONSORTIUM
 * ICA"), a town outside the countries the text names must be a big city (MOSCOW, MADRID).
 */
const UPPER_FOREIGN_MIN_POP = 500_000;
/** A town resolved unambiguously with this population lends its country to the text's other names. */
const CONFIDENT_POP = 100_000;
/** Score margin (log10 population units) over the best place in another country for a resolution to lend its country. */
const CONFIDENT_MARGIN = 1;
/** Sentences searched back for the town a bare "in the X neighborhood" belongs to: the seed's is 4 back. */
const CONTEXT_SENTENCES = 5;
/** Share of lower-case letters under which a sentence counts as all-capitals (MUC-4 wire copy). */
const UPPER_CASE_SHARE = 0.02;
/** Share of capitalized words (4+ letters) over which a sentence is a title-case headline. */
const TITLE_CASE_SHARE = 0.8;
/** A title-case verdict needs this many words of 4+ letters. */
const TITLE_CASE_MIN_WORDS = 4;

/** Words after which a capitalized word stands as a place ("in Arboledas"). */
const LOCATIVE_WORDS = new Set(["in", "at", "near", "outside", "inside", "into", "from"]);

/** Why resolve() may try the next entry: the name is one of this place's unlike alternates. */
const UNLIKE_ALTERNATE = "~an alternate name unlike the place's own, not supported";
/** Seats of government from capitals to districts' (below them, villages in much of Europe). */
const SEAT_CODES = new Set(["PPLC", "PPLA", "PPLA2"]);

/** GeoNames gives population 0 for many district seats; these stand in when ranking. */
const DEFAULT_POP: Record<string, number> = {
  PPLC: 100_000,
  PPLA: 20_000,
  PPLA2: 5_000,
  PPLA3: 2_000,
  PPLA4: 1_000,
};
/**
 * A name shared by a division and a town holding this share of the division's people is the
 * town: "New York" is the city, "Daraa" the town (a seat of government counts whatever its size).
 */
const DOMINANT_TOWN_SHARE = 0.25;
/** Capitals are what news means by a bare name ("Amsterdam", not Amsterdam NY). */
const FEATURE_BONUS: Record<string, number> = { PPLC: 1, PPLA: 0.5 };

// Score terms, in log10-population units.
/** A country beats a same-named town unless the town's country is named ("Jordan"). */
const COUNTRY_BONUS = 2;
/** Another name in the text names the entry's country: worth a hundredfold population. */
const NAMED_COUNTRY_BONUS = 2;
/** The entry's country is that of a confidently resolved big town. */
const LENT_COUNTRY_BONUS = 2;
/** "Al-Qa'im in Anbar", "Quincy, Massachusetts", "Mosul, Iraq": outranks any population. */
const CONTAINER_BONUS = 5;
/**
 * A town named as in or beside another town ("al-Mayadin city east of Deir Ezzor") is within
 * this distance of it: a countryside, the towns "east of" a city, a governorate's reach.
 */
const CONTAINER_KM = 60;
/**
 * Another place of the text resolved with confidence in the same division, or a town within
 * this distance, supports a candidate: "Nawa ... Tasil ... Al-Hasakah" are Syrian towns, and a
 * Daraa village beats its namesakes abroad. A governorate is ~100 km across.
 */
const NEARBY_KM = 100;
/**
 * Worth a hundredfold population, as much as the country being named: two names of one text
 * that can be neighbours most likely are ("Al-Mansurah ... Al-Raqqah" are in Syria, not Egypt).
 */
const NEARBY_BONUS = 2;
/** Neighbours counted, each worth NEARBY_BONUS: "Nawa and Tasil in the countryside of Daraa". */
const MAX_NEIGHBOURS = 2;
/**
 * What another name of the text most likely is, for the support it lends its neighbours: its
 * entries within this many powers of ten of its best on population alone (a town and its
 * division; "Tasil", the one Tasil). Not its far namesakes: "La Paz" in a Bolivian report does
 * not make "San Francisco" the Philippine one beside a Philippine La Paz.
 */
const PLAUSIBLE_SPREAD = 0.5;
/** ... and at most this many of them: "San Jose" has dozens. */
const MAX_PLAUSIBLE = 12;
/**
 * Looser ways of matching rank lower. An alternate name (often another language's) costs a
 * fourfold population: "Nawa" beside Tasil is the Daraa town by its own name, not Naha.
 */
const HOW_PENALTY: Record<NameHow, number> = {
  name: 0,
  ascii: 0,
  official: 0,
  alt: 0.6,
  alias: 0,
  code: 0,
  demonym: 0,
  stripped: 0,
  loose: 0.5,
  skeleton: 1,
};

/** Lower-case words allowed inside a name: "Deir ez-Zor", "Sant Julià de Lòria", "Isle of Man". */
const CONNECTORS = new Set(
  "al el ad ar as an ash at az adh ez es er ed en ul ud ur de del della di da das do dos du des la las le les los y e van von der den of the on upon am im sur bin ibn bint um".split(
    " ",
  ),
);
/** Connectors that can start a name: "al-Qa'im", "LA ROCHELA", "EL SALVADOR". */
const ARTICLES = new Set("al el ad ar as an ash at az adh ez la las le les los".split(" "));
/** Particles inside personal and house names: "María del Carmen", "Chateau de la Riviere". */
const PARTICLES = new Set(
  "de del della di da das do dos du des la las le les los van von der den y e".split(" "),
);
/** Arabic articles, which news writes in lower case before a name ("al-Qa'im"). */
const ARABIC_ARTICLES = new Set("al el ad ar as an ash at az adh ez".split(" "));
/** Words after which a capitalized common word may be a place: "in Hit", "Ramadi, Hit and Haditha". */
const LOCATIVES = new Set(
  "in at near from to of outside into toward towards around across through between and or via inside reached entered".split(
    " ",
  ),
);
/** Compass adjectives before a region: "the northern countryside of Aleppo". */
const COMPASS_ADJ =
  "(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)";
/**
 * What may stand between a place and the next one that contains it: "Al-Qa'im in Anbar",
 * "Quincy, Massachusetts", "Marea in the northern countryside of Aleppo", "Al Mansoura town,
 * Raqqa governorate", "al-Mayadin city east of Deir Ezzor", "Salqin area in Idlib countryside".
 */
const CONTAINER_GAP = new RegExp(
  `^\\s*(?:(?:city|town|village|area|camp|district|neighbou?rhood|countryside|suburbs?|outskirts)\\s*)?(?:,|\\(|in|of|near|(?:just\\s+)?${COMPASS_ADJ.replace("central|", "")}\\s+of)?\\s*(?:the\\s+)?(?:${COMPASS_ADJ}\\s+)?(?:(?:countryside|outskirts|suburbs|province|governorate|region|district)\\s+of\\s+)?$`,
  "i",
);

/**
 * Between a sub-place's noun and the place that contains it: "(neighborhood) of", "(camp) in
 * the countryside of", "(town) east of", "(canton), ".
 */
const SUBPLACE_GAP = new RegExp(
  `\\s+(?:(?:of|in|near|outside|at|inside)\\s+(?:the\\s+)?(?:${COMPASS_ADJ}\\s+)?(?:(?:countryside|outskirts|suburbs|vicinity)\\s+of\\s+)?(?:the\\s+)?(?:(?:city|town)\\s+of\\s+)?|(?:just\\s+)?${COMPASS_ADJ.replace("central|", "")}\\s+of\\s+(?:the\\s+)?)$|\\s*,\\s*$`,
  "i",
);

// ---------------------------------------------------------------- tokens

type Shape = "cap" | "upper" | "lower" | "num";
type Mode = "mixed" | "title" | "upper";

interface Tok {
  start: number;
  end: number;
  key: string;
  shape: Shape;
  sent: number;
  initial: boolean;
  /** UTF-16 units of letters, and of small letters, in the token: for sentenceModes(). */
  letters: number;
  lower: number;
  /** A common English word (common-words.tsv) or a connector: 1, 0, or -1 until asked. */
  common: number;
  /** A key of ASCII letters and digits (PLAIN_KEY). */
  plain: boolean;
}

const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’‘`ʼ][\p{L}\p{M}]+)*/gu;
const CAMEL_GLUE = /^(.*\p{Ll})(\p{Lu}{2,}.*)$/u;

function shapeOf(s: string): Shape {
  const first = s[0];
  if (/\p{N}/u.test(first)) return "num";
  if (!/\p{Lu}/u.test(first)) return "lower";
  return /\p{Ll}/u.test(s) ? "cap" : s.replace(/[^\p{L}]/gu, "").length >= 2 ? "upper" : "cap";
}

interface Span0 {
  start: number;
  end: number;
}

/** Sentence ranges when the caller has none: terminator + space + capital, or a blank line. */
function fallbackSentences(text: string): Span0[] {
  const out: Span0[] = [];
  const re = /[.!?]["'”’)\]]*\s+(?=["'“‘(]?[\p{Lu}\p{N}])|\n\s*\n/gu;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, end: m.index + m[0].length });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

/** UTF-16 units of letters (\p{L}) and of small letters (\p{Ll}) in s. */
function letterCounts(s: string): [number, number] {
  let letters = 0;
  let lower = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (c >= 97 && c <= 122) {
        letters++;
        lower++;
      } else if (c >= 65 && c <= 90) letters++;
      continue;
    }
    const ch = String.fromCodePoint(s.codePointAt(i) ?? c);
    if (/\p{L}/u.test(ch)) {
      letters += ch.length;
      if (/\p{Ll}/u.test(ch)) lower += ch.length;
    }
    i += ch.length - 1;
  }
  return [letters, lower];
}

/** A token of a word match: where in the match, and what tokenize() keeps of it. */
interface Piece {
  offset: number;
  length: number;
  key: string;
  shape: Shape;
  letters: number;
  lower: number;
  plain: boolean;
}

function isAsciiLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isAsciiUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * For a match of ASCII letters and digits only (most words): where CAMEL_GLUE splits it, the
 * last small letter followed by two capitals, or 0; -1 for any other match. Such a match has
 * no apostrophe to drop, and \p{Lu}, \p{Ll}, \p{N} in it are A-Z, a-z, 0-9.
 */
function asciiSplit(match: string): number {
  for (let i = 0; i < match.length; i++) {
    const c = match.charCodeAt(i);
    if (!isAsciiLower(c) && !isAsciiUpper(c) && !isAsciiDigit(c)) return -1;
  }
  for (let p = match.length - 2; p >= 1; p--) {
    if (
      isAsciiLower(match.charCodeAt(p - 1)) &&
      isAsciiUpper(match.charCodeAt(p)) &&
      isAsciiUpper(match.charCodeAt(p + 1))
    ) {
      return p;
    }
  }
  return 0;
}

/** A Piece of ASCII letters and digits, by character codes: fold() is its lower case. */
function asciiPiece(offset: number, w: string): Piece {
  let letters = 0;
  let lower = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (isAsciiLower(c)) {
      letters++;
      lower++;
    } else if (isAsciiUpper(c)) letters++;
  }
  const first = w.charCodeAt(0);
  const shape: Shape = isAsciiDigit(first)
    ? "num"
    : !isAsciiUpper(first)
      ? "lower"
      : lower > 0 || letters < 2
        ? "cap"
        : "upper";
  return { offset, length: w.length, key: w.toLowerCase(), shape, letters, lower, plain: true };
}

/**
 * The tokens of any other word match ("Baghdad’s" is "Baghdad", "Ḥamāh" folds to "hamah"),
 * by the match: each is split, folded and shaped once. Cleared when full.
 */
const piecesCache = new Map<string, Piece[]>();
const PIECES_CACHE_LIMIT = 100_000;

function piecesOf(match: string): Piece[] {
  const hit = piecesCache.get(match);
  if (hit) return hit;
  const words: Array<[number, string]> = [];
  let word = match;
  if (word.length > 3 && /['’]s$/i.test(word)) word = word.slice(0, -2);
  const glued = CAMEL_GLUE.exec(word);
  if (glued && !word.includes(".")) {
    words.push([0, glued[1]], [glued[1].length, glued[2]]);
  } else {
    words.push([0, word]);
  }
  const pieces = words.map(([offset, w]): Piece => {
    const [letters, lower] = letterCounts(w);
    const key = fold(w);
    return {
      offset,
      length: w.length,
      key,
      shape: shapeOf(w),
      letters,
      lower,
      plain: PLAIN_KEY.test(key),
    };
  });
  if (piecesCache.size >= PIECES_CACHE_LIMIT) piecesCache.clear();
  piecesCache.set(match, pieces);
  return pieces;
}

function tokenize(text: string, sentences: Span0[]): Tok[] {
  const toks: Tok[] = [];
  let s = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0];
    const split = asciiSplit(word);
    const pieces =
      split === 0
        ? [asciiPiece(0, word)]
        : split > 0
          ? [asciiPiece(0, word.slice(0, split)), asciiPiece(split, word.slice(split))]
          : piecesOf(word);
    for (const p of pieces) {
      const start = m.index + p.offset;
      while (s + 1 < sentences.length && sentences[s + 1].start <= start) s++;
      const prev = toks[toks.length - 1];
      let initial: boolean;
      if (!prev || prev.sent !== s) initial = true;
      // a single space, the usual gap, has none of the marks below
      else if (start - prev.end === 1 && text.charCodeAt(prev.end) === 32) initial = false;
      else {
        const gap = text.slice(prev.end, start);
        initial = /[.!?:;“"([]|\n\s*\n/.test(gap) || /\s[—–-]\s/.test(gap);
      }
      toks.push({
        start,
        end: start + p.length,
        key: p.key,
        shape: p.shape,
        sent: s,
        initial,
        letters: p.letters,
        lower: p.lower,
        common: -1,
        plain: p.plain,
      });
    }
  }
  return toks;
}

function sentenceModes(text: string, toks: Tok[], count: number): Mode[] {
  const [docLetters, docLower] = letterCounts(text);
  if (docLetters > 0 && docLower / docLetters < UPPER_CASE_SHARE) {
    return new Array(count).fill("upper");
  }
  const modes: Mode[] = new Array(count).fill("mixed");
  const lower = new Array(count).fill(0);
  const letters = new Array(count).fill(0);
  const long = new Array(count).fill(0);
  const longCap = new Array(count).fill(0);
  for (const t of toks) {
    letters[t.sent] += t.letters;
    lower[t.sent] += t.lower;
    if (t.letters >= 4) {
      long[t.sent]++;
      if (t.shape === "cap" || t.shape === "upper") longCap[t.sent]++;
    }
  }
  for (let s = 0; s < count; s++) {
    if (letters[s] >= 4 && lower[s] / letters[s] < UPPER_CASE_SHARE) modes[s] = "upper";
    else if (long[s] >= TITLE_CASE_MIN_WORDS && longCap[s] / long[s] >= TITLE_CASE_SHARE) {
      modes[s] = "title";
    }
  }
  return modes;
}

// ---------------------------------------------------------------- the annotator

interface Candidate {
  /** Token range of the name itself. */
  i: number;
  j: number;
  /** The name as written (tokens i..j), and its fold(). */
  name: string;
  key: string;
  /** Token range of the mention, with an admin suffix or "province of". */
  first: number;
  last: number;
  entries: GazetteerEntry[];
  mode: Mode;
  adminSuffix: boolean;
  /** A common word or an unless-country name: kept only when the text names its country. */
  needsCountry: boolean;
  /** Followed by another capitalized word: maybe part of a person's or organization's name. */
  nameFollowed: boolean;
  /** Followed by "city", "town", "countryside"...: the text itself says it is a place. */
  placeNoun: boolean;
}

interface Found {
  first: number;
  last: number;
  start: number;
  end: number;
  entry: GazetteerEntry;
  precision: 1 | 2 | 3;
  rule: string;
  stated: boolean;
  subPlace?: string;
}

/**
 * cities500 holds towns of 500 people or more, so a town it lists with population 0 ("Nawá",
 * a Daraa town of tens of thousands) has an unknown count, not none: it counts as the floor.
 */
const CITIES500_FLOOR = 500;

function effectivePop(e: GazetteerEntry): number {
  if (e.population > 0) return e.population;
  return DEFAULT_POP[e.fcode] ?? (e.kind === "city" ? CITIES500_FLOOR : 0);
}

/** Whether two names are spellings of one (Irbil/Erbil, Qaim/Al Qa'im), by edit distance of skeletons. */
function similarNames(a: string, b: string): boolean {
  const x = skeletonKey(a);
  const y = skeletonKey(b);
  if (x === y) return true;
  // "Frankfurt" for Frankfurt am Main, "Palma" for Palma de Mallorca
  const rest = fold(b).startsWith(`${fold(a)} `) ? fold(b).slice(fold(a).length + 1) : "";
  if (/^(?:am|an|de|del|di|du|sur|upon|on|im|bei|ob|la|le)\s/.test(rest)) return true;
  const prev = new Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (x[i - 1] === y[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[y.length] <= SIMILAR_NAME_SHARE * Math.max(x.length, y.length);
}

function basePrecision(kind: PlaceKind): 1 | 2 | 3 {
  return kind === "country" ? 3 : kind === "city" ? 1 : 2;
}

const NO_ENTRIES = Object.freeze([]) as unknown as GazetteerEntry[];
/** A key of ASCII letters and digits, whose fold(), foldLoose() and skeleton are plain to derive. */
const PLAIN_KEY = /^[a-z0-9]+$/;

const cueTailsCache = new WeakMap<PlaceLexicons, Set<string>>();

/**
 * Every cue's trailing words ("base" and "air base" of "air base"), of every role: a token
 * that is none of them ends no cue, alone or after the token before it.
 */
function cueTails(lex: PlaceLexicons): Set<string> {
  let tails = cueTailsCache.get(lex);
  if (!tails) {
    tails = new Set();
    for (const cues of lex.cues.values()) {
      for (const cue of cues) {
        const words = cue.split(" ");
        for (let w = 0; w < words.length; w++) tails.add(words.slice(w).join(" "));
      }
    }
    cueTailsCache.set(lex, tails);
  }
  return tails;
}

/** A fold()ed cue as a pattern: its spaces match spaces or hyphens ("north east", "north-east"). */
function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "[\\s-]+");
}

/**
 * Finds place names in `text` and resolves each to a gazetteer Place. Mentions come back
 * sorted by start offset and never overlap.
 */
export function annotatePlaces(
  text: string,
  sentences: Sentence[],
  gaz: Gazetteer,
  options: PlaceAnnotatorOptions = {},
): PlaceMention[] {
  const log = options.log ?? (() => {});
  const lex = placeLexicons();
  const tails = cueTails(lex);
  const ranges: Span0[] = sentences.length
    ? [...sentences].sort((a, b) => a.start - b.start)
    : fallbackSentences(text);
  const toks = tokenize(text, ranges);
  const modes = sentenceModes(text, toks, ranges.length);
  const surface = (a: number, b: number) => text.slice(toks[a].start, toks[b].end);

  /** Whether one space alone parts tokens a and b: the usual gap, tested without a slice. */
  const oneSpace = (a: number, b: number): boolean =>
    toks[b].start - toks[a].end === 1 && text.charCodeAt(toks[a].end) === 32;
  const joinable = (a: number, b: number): boolean => {
    if (b >= toks.length || toks[a].sent !== toks[b].sent) return false;
    if (oneSpace(a, b)) return true;
    return /^(?:[ \t]+|[ \t]*\r?\n[ \t]*|[-‐])$/.test(text.slice(toks[a].end, toks[b].start));
  };
  const spaced = (a: number, b: number): boolean =>
    b < toks.length &&
    toks[a].sent === toks[b].sent &&
    (oneSpace(a, b) || /^\s+$/.test(text.slice(toks[a].end, toks[b].start)));
  const isCap = (k: number) => toks[k].shape === "cap" || toks[k].shape === "upper";
  const modeOf = (k: number) => modes[toks[k].sent];

  // ---- 1. candidates
  const filter = gaz.keyFilter();
  /** skeletonRewrites() of each token's key, as needed. */
  const rewrites: string[] = [];
  /** Whether every token of i..j has a key of ASCII letters and digits. */
  const plainSpan = (i: number, j: number): boolean => {
    for (let k = i; k <= j; k++) if (!toks[k].plain) return false;
    return true;
  };
  /** The two filter hashes of the keys of tokens from..to joined by spaces, as [h1, h2]. */
  const hashSpan = (from: number, to: number): [number, number] => {
    let h1: number = BLOOM_SEEDS[0];
    let h2: number = BLOOM_SEEDS[1];
    for (let k = from; k <= to; k++) {
      if (k > from) {
        h1 = fnvStep(h1, 32);
        h2 = fnvStep(h2, 32);
      }
      const key = toks[k].key;
      for (let c = 0; c < key.length; c++) {
        h1 = fnvStep(h1, key.charCodeAt(c));
        h2 = fnvStep(h2, key.charCodeAt(c));
      }
    }
    return [h1, h2];
  };
  /**
   * Whether any key lookupSpan() would try for tokens i..j of plain keys may be in the index,
   * by the gazetteer's filter alone. Most spans tried are no name: this hashes their keys as
   * it reads the tokens, where a lookup builds each key, its loose form and its skeleton.
   */
  function spanMayMatch(
    filter: Uint8Array,
    i: number,
    j: number,
    surelyArticle: boolean,
    skeletonAllowed: boolean,
  ): boolean {
    if (bloomMayHaveHashed(filter, ...hashSpan(i, j))) return true;
    // foldLoose() of plain keys drops the first when it is an article
    const stripped = surelyArticle && LOOSE_ARTICLES.has(toks[i].key);
    if (stripped) {
      let looseLength = j - i - 1;
      for (let k = i + 1; k <= j; k++) looseLength += toks[k].key.length;
      if (looseLength >= 3 && bloomMayHaveHashed(filter, ...hashSpan(i + 1, j))) return true;
    }
    if (!skeletonAllowed) return false;
    // skeletonKey(): the tokens' rewrites run together, a run of one letter as one
    let h1: number = BLOOM_SEEDS[0];
    let h2: number = BLOOM_SEEDS[1];
    let length = 0;
    let last = -1;
    const from = stripped ? i + 1 : i;
    for (let k = from; k <= j; k++) {
      rewrites[k] ??= skeletonRewrites(toks[k].key);
      const part = (k > from && k < j && midArticle(toks[k].key, toks[k + 1].key)) || rewrites[k];
      for (let c = 0; c < part.length; c++) {
        const code = part.charCodeAt(c);
        if (code === last) continue;
        h1 = fnvStep(h1, code);
        h2 = fnvStep(h2, code);
        last = code;
        length++;
      }
    }
    return length >= MIN_SKELETON_LETTERS && bloomMayHaveHashed(filter, h1, h2);
  }

  /** Entries for tokens i..j: under fold(), then without an Arabic article, then by skeleton. */
  function lookupSpan(i: number, j: number, allCommon: boolean): GazetteerEntry[] {
    // without a leading Arabic article ("Al Anbar" → "anbar"), when the article is surely one:
    // "al"/"el", or hyphened on ("ad-Dawr"); a spaced "an", "as", "at" is English ("AN AMERICAN")
    const article = toks[i].key;
    const surelyArticle =
      j > i &&
      (article === "al" ||
        article === "el" ||
        /^[-‐]$/.test(text.slice(toks[i].end, toks[i + 1].start)));
    // by skeleton when nothing matched, or when the spelling is one transliterations vary
    // ("al-Mansoura" is also the Syrian Al Mansurah, not only Egypt's Al-Mansoura)
    const skeletonAllowed =
      j - i < MAX_SKELETON_TOKENS &&
      !(modeOf(i) === "upper" && allCommon) &&
      (j > i || SKELETON_WORTHY.test(toks[i].key));
    if (filter && plainSpan(i, j) && !spanMayMatch(filter, i, j, surelyArticle, skeletonAllowed)) {
      return NO_ENTRIES;
    }
    let key = toks[i].key;
    for (let k = i + 1; k <= j; k++) key += ` ${toks[k].key}`;
    const exact = gaz.lookup(key);
    const loose = surelyArticle ? foldLoose(key) : key;
    const byLoose = loose !== key && loose.length >= 3 ? gaz.lookup(loose) : NO_ENTRIES;
    let bySkeleton = NO_ENTRIES;
    if ((exact.length + byLoose.length === 0 || VARIANT_SPELLING.test(key)) && skeletonAllowed) {
      const sk = skeletonKey(key, surelyArticle);
      if (sk.length >= MIN_SKELETON_LETTERS && sk !== key && sk !== loose) {
        bySkeleton = gaz.lookup(sk);
      }
    }
    // the usual case, one key's entries alone, needs no merging: a key lists a place once
    if (byLoose.length === 0 && bySkeleton.length === 0) return exact;
    const byId = new Map<number, GazetteerEntry>();
    /** `via`: how the looked-up key was derived from the text; an entry ranks no better. */
    const add = (entries: readonly GazetteerEntry[], via: NameHow = "name") => {
      for (const found of entries) {
        const e = HOW_PENALTY[via] > HOW_PENALTY[found.how] ? { ...found, how: via } : found;
        const had = byId.get(e.geonameid);
        if (!had || HOW_PENALTY[e.how] < HOW_PENALTY[had.how]) byId.set(e.geonameid, e);
      }
    };
    add(exact);
    add(byLoose);
    add(bySkeleton, "skeleton");
    return [...byId.values()];
  }

  /** Whether "al-Sabil" (a hyphened Arabic article and a capitalized word) follows token k. */
  const arabicNameFollows = (k: number): boolean =>
    k + 2 < toks.length &&
    spaced(k, k + 1) &&
    ARABIC_ARTICLES.has(toks[k + 1].key) &&
    /^[-‐]$/.test(text.slice(toks[k + 1].end, toks[k + 2].start)) &&
    isCap(k + 2);
  const isCommonTok = (k: number): boolean => {
    const t = toks[k];
    if (t.common < 0) t.common = lex.common.has(t.key) || CONNECTORS.has(t.key) ? 1 : 0;
    return t.common === 1;
  };

  function canBegin(k: number): boolean {
    const t = toks[k];
    if (t.shape === "num") return false;
    if (modeOf(k) === "upper") return !CONNECTORS.has(t.key) || ARTICLES.has(t.key);
    if (isCap(k)) return true;
    // "al-Qa'im": a lower-case Arabic article hyphened to a capitalized word (not "Bar-le-Duc")
    return (
      ARABIC_ARTICLES.has(t.key) &&
      !(
        k > 0 &&
        toks[k - 1].sent === t.sent &&
        /^[-‐]$/.test(text.slice(toks[k - 1].end, t.start))
      ) &&
      k + 1 < toks.length &&
      /^[-‐]$/.test(text.slice(t.end, toks[k + 1].start)) &&
      isCap(k + 1)
    );
  }
  function canInside(k: number): boolean {
    if (toks[k].shape === "num") return false;
    return modeOf(k) === "upper" || isCap(k) || CONNECTORS.has(toks[k].key);
  }
  function canEnd(k: number): boolean {
    if (toks[k].shape === "num") return false;
    return modeOf(k) === "upper" ? !CONNECTORS.has(toks[k].key) : isCap(k);
  }

  const candidates: Candidate[] = [];
  for (let i = 0; i < toks.length; ) {
    if (!canBegin(i)) {
      i++;
      continue;
    }
    let maxJ = i;
    while (maxJ - i + 1 < MAX_NAME_TOKENS && joinable(maxJ, maxJ + 1) && canInside(maxJ + 1)) {
      maxJ++;
    }
    let hit: Candidate | null = null;
    for (let j = maxJ; j >= i && !hit; j--) {
      if (!canEnd(j)) continue;
      let allCommon = true;
      for (let k = i; k <= j; k++) if (!isCommonTok(k)) allCommon = false;
      // a lone common word the filters would drop anyway is not worth a lookup
      if (i === j && allCommon && !(modeOf(i) === "mixed" && !toks[i].initial)) {
        if (modeOf(i) === "upper" || toks[i].shape !== "upper") continue;
      }
      const entries = lookupSpan(i, j, allCommon);
      if (entries.length) {
        const name = surface(i, j);
        hit = {
          i,
          j,
          name,
          key: fold(name),
          first: i,
          last: j,
          entries,
          mode: modeOf(i),
          adminSuffix: false,
          needsCountry: false,
          nameFollowed: false,
          placeNoun: PLACE_NOUN_AFTER.test(text.slice(toks[j].end, toks[j].end + 20)),
        };
      }
    }
    if (hit) {
      candidates.push(hit);
      i = hit.j + 1;
    } else {
      i++;
    }
  }

  // ---- admin suffixes: "Anbar Governorate", "Hasaka province", "the province of Anbar"
  for (const c of candidates) {
    // "La Libertad Department" is GeoNames' name of El Salvador's division only: Peru's is
    // "La Libertad", and the suffix fits it as well
    if (c.j > c.i && isCue(lex, "admin-suffix", toks[c.j].key)) {
      const bare = lookupSpan(c.i, c.j - 1, false).filter(
        (e) =>
          (e.kind === "admin1" || e.kind === "admin2") &&
          !c.entries.some((x) => x.geonameid === e.geonameid),
      );
      if (bare.length && c.entries.every((e) => e.kind === "admin1" || e.kind === "admin2")) {
        c.entries = [...c.entries, ...bare];
        c.adminSuffix = true;
        continue;
      }
    }
    const admin1 = c.entries.filter((e) => e.kind === "admin1" || e.kind === "admin2");
    if (!admin1.length) continue;
    const next = c.j + 1;
    if (spaced(c.j, next) && isCue(lex, "admin-suffix", toks[next].key)) {
      c.entries = admin1;
      c.last = next;
      c.adminSuffix = true;
    } else if (
      c.i >= 2 &&
      toks[c.i - 1].key === "of" &&
      toks[c.i - 2].sent === toks[c.i].sent &&
      isCue(lex, "admin-suffix", toks[c.i - 2].key)
    ) {
      c.entries = admin1;
      c.first = c.i - 2;
      c.adminSuffix = true;
    }
  }

  // ---- 2. filters
  const kept: Candidate[] = [];
  const placeEnds = new Set<number>();
  /** Tokens of candidates that are more than a one-word town: a neighbour there is no name part. */
  const inBigCandidate = new Set<number>();
  for (const c of candidates) {
    if (c.i === c.j && c.entries.every((e) => e.kind === "city")) continue;
    for (let k = c.first; k <= c.last; k++) inBigCandidate.add(k);
  }
  /** Countries named in the text by their names or demonyms, before any filtering. */
  const earlyNamed = new Set<string>();
  for (const c of candidates) {
    for (const e of c.entries) if (e.kind === "country" && e.how !== "code") earlyNamed.add(e.iso);
  }
  const namedEarly = (c: Candidate) =>
    c.entries.some((e) => e.kind !== "country" && earlyNamed.has(e.iso));
  /** Whether token k opens a bracket of capitalized words only, right after the token before it. */
  const bracketedAlias = (k: number) => {
    if (!/^\s*\(\s*$/.test(text.slice(toks[k - 1].end, toks[k].start))) return false;
    const close = text.indexOf(")", toks[k].start);
    if (close < 0 || close - toks[k].start > 40) return false;
    return text
      .slice(toks[k].start, close)
      .split(/[\s-]+/)
      .filter(Boolean)
      .every((w) => /^\p{Lu}/u.test(w) || ARTICLES.has(w.toLowerCase()));
  };
  /** Whether the one, two or three words after token k are a cue that makes a name a place. */
  const cueFollows = (k: number) => {
    let key = "";
    for (let n = 1; n <= 3 && k + n < toks.length; n++) {
      key = n === 1 ? toks[k + 1].key : `${key} ${toks[k + n].key}`;
      for (const r of PLACE_CUE_ROLES) if (isCue(lex, r, key)) return true;
    }
    return false;
  };
  /** An uncommon word that is no place and no cue: in all-capitals text, likely a name's part. */
  const nameLike = (k: number) =>
    k >= 0 &&
    k < toks.length &&
    toks[k].shape !== "num" &&
    !inBigCandidate.has(k) &&
    !isCommonTok(k) &&
    !(["admin-suffix", "area-noun", "subplace-noun", "settlement-noun", "title"] as CueRole[]).some(
      (r) => isCue(lex, r, toks[k].key),
    );
  /** The last token of each name the gazetteer knows: a name in brackets after it is its other name. */
  const candidateEnds = new Set(candidates.map((c) => c.last));
  /** Words dropped as part of a person's or organization's name: not places elsewhere either. */
  const nameWords = new Set<string>();
  /** Given names seen before a surname ("Jordan Peterson"): not places elsewhere either, countries included. */
  const givenNames = new Set<string>();
  for (const c of candidates) {
    const name = c.name;
    const key = c.key;
    const single = c.i === c.j;
    const drop = (why: string) => log(`dropped "${name}": ${why}`);
    const when = lex.notPlaces.get(key);
    if (when === "always") {
      drop("listed in not-places.tsv");
      continue;
    }
    // "Central America": the word before makes a listed name that is no place
    if (c.i > 0 && lex.notPlaces.get(`${toks[c.i - 1].key} ${key}`) === "always") {
      drop(`"${toks[c.i - 1].key} ${key}" listed in not-places.tsv`);
      continue;
    }
    // "Ras al-Ayn (Sari Kani) city": a town's name in brackets right after a known name is
    // that place's other name, not Sari in Iran ("LOS LLANITOS (INTIBUCA)" names its division)
    if (
      c.first > 0 &&
      candidateEnds.has(c.first - 1) &&
      c.entries.every((e) => e.kind === "city") &&
      bracketedAlias(c.first)
    ) {
      drop("another name, in brackets, of the place before it");
      continue;
    }
    const nextCap = spaced(c.last, c.last + 1) && isCap(c.last + 1);
    // "Abu al-Duhur Military Airbase": a cue of one word or of two or three
    const nextIsCue = nextCap && cueFollows(c.last);
    // "al-Quds Brigade", "Turkestan Party": a place named in an armed group's name says
    // nothing of where
    if (nextCap && c.mode !== "upper" && isCue(lex, "group-noun", toks[c.last + 1].key)) {
      drop("part of a group's name");
      continue;
    }
    // "US Chinook helicopter", "Stinger missiles": a small town's name before a weapon or vehicle
    // is its model's
    if (
      spaced(c.last, c.last + 1) &&
      isCue(lex, "model-noun", toks[c.last + 1].key) &&
      c.entries.every((e) => e.kind === "city" && effectivePop(e) < NAME_PART_MIN_POP)
    ) {
      drop("a weapon's or vehicle's model name");
      continue;
    }
    if (when === "before-name" && nextCap && c.mode !== "upper" && !nextIsCue) {
      drop("a given name before a capitalized word");
      givenNames.add(key);
      continue;
    }
    if (when === "unless-country") c.needsCountry = true;

    // Codes (US, UK, USA, DRC) only as written in capitals; other short all-capitals words in
    // mixed text are acronyms (UN, IS, SUV, FBI), not places.
    let upperAll = true;
    for (let k = c.i; k <= c.j; k++) if (toks[k].shape !== "upper") upperAll = false;
    if (!upperAll || c.mode === "upper") c.entries = c.entries.filter((e) => e.how !== "code");
    const letters = name.replace(/[^\p{L}]/gu, "").length;
    if (c.mode !== "upper" && single && toks[c.i].shape === "upper" && letters <= 4) {
      c.entries = c.entries.filter(
        (e) =>
          e.how === "code" || (e.kind === "country" && (e.how === "name" || e.how === "ascii")),
      );
    }
    // "MoI", "MoD": a capital after small letters in a short word makes an acronym
    if (single && c.mode !== "upper" && letters <= 4 && /\p{Ll}\p{Lu}/u.test(name)) {
      c.entries = [];
    }
    if (!c.entries.length) {
      drop("an acronym or a code not written in capitals");
      continue;
    }
    // "US" written in capitals is the country, whatever "us" is in lower case
    const isCode = upperAll && c.mode !== "upper" && c.entries.some((e) => e.how === "code");
    if (isCode) c.entries = c.entries.filter((e) => e.how === "code");
    // "Junction City, Kan.": a short capitalized word after a comma and before a period is
    // a US state's abbreviation in AP style, not a town of its own
    if (
      c.mode === "mixed" &&
      single &&
      letters <= 5 &&
      text[toks[c.j].end] === "." &&
      c.i > 0 &&
      /^,\s+$/.test(text.slice(toks[c.i - 1].end, toks[c.i].start))
    ) {
      drop("an abbreviation after a comma (AP state style)");
      continue;
    }
    // a word of three letters or fewer meets too many short alternate names ("Kan." for Ganzhou);
    // a division's name without its suffix ("Imo" for Imo State) and a short demonym ("Pak")
    // are their own
    if (letters <= 3 && !isCode) {
      c.entries = c.entries.filter(
        (e) =>
          e.how === "name" ||
          e.how === "ascii" ||
          (e.how === "stripped" && e.kind !== "city") ||
          (e.how === "demonym" && e.kind === "country"),
      );
      if (!c.entries.length) {
        drop("a short word that is only an alternate name");
        continue;
      }
    }
    if (single && CONNECTORS.has(key)) {
      drop("a connector word");
      continue;
    }

    let allCommon = !isCode;
    for (let k = c.i; k <= c.j; k++) if (!isCommonTok(k)) allCommon = false;
    if (allCommon) {
      if (single && (c.mode !== "mixed" || toks[c.i].initial)) {
        drop("a common English word where capitals tell nothing");
        continue;
      }
      if (!single && c.mode === "upper") {
        c.entries = c.entries.filter((e) => e.kind !== "city" && HOW_PENALTY[e.how] === 0);
        if (!c.entries.length) {
          drop("common words in all-capitals text");
          continue;
        }
      } else {
        c.needsCountry = true;
        // a capitalized common word beside another capitalized word is part of a name:
        // "Central Command", "Man United", "Green Zone"
        const prevCap = c.first > 0 && spaced(c.first - 1, c.first) && isCap(c.first - 1);
        const nextCapWord = spaced(c.last, c.last + 1) && isCap(c.last + 1);
        if (c.mode === "mixed" && (prevCap || nextCapWord)) {
          drop("a common word inside a capitalized name");
          continue;
        }
        const prevTok = c.first - 1;
        const listed =
          prevTok >= 0 && /,\s*$/.test(text.slice(toks[prevTok].end, toks[c.first].start));
        if (!listed && !(prevTok >= 0 && LOCATIVES.has(toks[prevTok].key))) {
          drop("a capitalized common word not after a preposition of place");
          continue;
        }
      }
    }

    const wellKnown = c.entries.some(
      (e) =>
        e.kind === "country" || (HOW_PENALTY[e.how] === 0 && effectivePop(e) >= NAME_PART_MIN_POP),
    );
    if (c.mode === "mixed") {
      // the previous word, looking past a hyphened article ("Saber al-Saedi") and name
      // particles ("Chateau de la Riviere", "María del Carmen")
      let p = c.first - 1;
      let hyphenedArticle = false;
      if (
        p >= 0 &&
        ARTICLES.has(toks[p].key) &&
        toks[p].shape === "lower" &&
        joinable(p, c.first)
      ) {
        hyphenedArticle = /^[-‐]$/.test(text.slice(toks[p].end, toks[c.first].start));
        p--;
      } else
        hyphenedArticle =
          c.last > c.first &&
          ARTICLES.has(toks[c.first].key) &&
          toks[c.first].shape === "lower" &&
          /^[-‐]$/.test(text.slice(toks[c.first].end, toks[c.first + 1].start));
      // "Daraa al-Balad": an article-joined word right after a town's name continues it (the
      // old town of Daraa), it is no other town of its own
      if (hyphenedArticle && !wellKnown && p >= 0 && spaced(p, p + 1) && placeEnds.has(p)) {
        drop("continues the name of the place before it");
        continue;
      }
      let q = p;
      while (q >= 0 && toks[q].shape === "lower" && PARTICLES.has(toks[q].key) && spaced(q, q + 1))
        q--;
      if (q < p && q >= 0 && spaced(q, q + 1) && isCap(q) && !lex.common.has(toks[q].key)) {
        drop("part of a longer name (a capitalized word and a particle before it)");
        nameWords.add(key);
        continue;
      }
      const titleGap = p >= 0 && /^\.?\s+$/.test(text.slice(toks[p].end, toks[p + 1].start));
      if (titleGap && isCap(p) && isCue(lex, "title", toks[p].key)) {
        drop(`follows the title "${text.slice(toks[p].start, toks[p].end)}"`);
        nameWords.add(key);
        continue;
      }
      if (p >= 0 && spaced(p, p + 1) && isCap(p) && !placeEnds.has(p)) {
        const prevKey = toks[p].key;
        // "In Baghdad", "Northern Iraq", "the end of May Cuba saw" are fine; "Federal Reserve"
        // (a small town) and "Joe Biden" are names
        const prevCommon = lex.common.has(prevKey);
        const prevOpens =
          (prevCommon && (toks[p].initial || wellKnown)) || isCue(lex, "region-word", prevKey);
        // "ANA Reporter JOHANNESBURG, April 20": a capitals dateline after a byline
        const dateline =
          wellKnown &&
          upperAll &&
          /^\s*[,(–—-]/.test(text.slice(toks[c.last].end, toks[c.last].end + 3));
        if (!prevOpens && !dateline) {
          drop("part of a longer name (a capitalized word before it)");
          nameWords.add(key);
          continue;
        }
      }
      c.nameFollowed =
        nextCap &&
        !nextIsCue &&
        !(
          c.entries.some((e) => e.kind === "admin1" || e.kind === "admin2") &&
          DIVISION_BODY_AFTER.test(text.slice(toks[c.last].end, toks[c.last].end + 30))
        );
      // "Khan al-Sabil", "Tal al-Abyad": a word continued by a hyphened Arabic article and a
      // capitalized word is part of a longer name the gazetteer lacks
      if (arabicNameFollows(c.last) && !wellKnown) {
        drop("part of a longer name (an Arabic article and a name follow)");
        continue;
      }
      // "Donald Trump", "Hugo Chávez": a small town's name before an uncommon capitalized word
      // that is no place is a given name
      const nx = c.last + 1;
      if (
        c.nameFollowed &&
        single &&
        !isCommonTok(nx) &&
        !inBigCandidate.has(nx) &&
        c.entries.every(
          (e) =>
            e.kind === "city" &&
            (effectivePop(e) < NAME_PART_MIN_POP ||
              (HOW_PENALTY[e.how] > 0 && effectivePop(e) < FOREIGN_EXONYM_MIN_POP)),
        )
      ) {
        drop("a given name before a surname");
        nameWords.add(key);
        continue;
      }
      if (c.nameFollowed && single && c.entries.every((e) => HOW_PENALTY[e.how] > 0)) {
        drop("first word of a longer name, and only an alternate name of a place");
        nameWords.add(key);
        continue;
      }
    } else if (c.mode === "upper" && !single) {
      // "NEAR SAN JOSE GUAYABAL": a name running on into an uncommon word is a longer name the
      // gazetteer lacks, unless a namesake lies in a country the text names
      if (spaced(c.last, c.last + 1) && nameLike(c.last + 1) && !namedEarly(c)) {
        drop("runs on into another name in all-capitals text: part of a longer name");
        continue;
      }
    } else if (c.mode === "upper" && single) {
      // "ALVARO GOMEZ HURTADO", "EJERCITO DE LIBERACION NACIONAL": a word beside other
      // uncommon words that are no place is part of a name
      const prevName = c.first > 0 && spaced(c.first - 1, c.first) && nameLike(c.first - 1);
      // "ARBOLEDAS MAYOR PEDRO ...": a title after the place is the place's official, no name part
      const nextName =
        spaced(c.last, c.last + 1) &&
        nameLike(c.last + 1) &&
        !isCue(lex, "title", toks[c.last + 1].key);
      const afterTitle =
        c.first > 0 && spaced(c.first - 1, c.first) && isCue(lex, "title", toks[c.first - 1].key);
      // a well-known place gives way only to a full name before it ("RENE EMILIO PONCE"),
      // not to one word beside it ("THE BOGOTA JUDICIAL BRANCH")
      const twoBefore =
        prevName &&
        c.first > 1 &&
        spaced(c.first - 2, c.first - 1) &&
        (nameLike(c.first - 2) || isCue(lex, "title", toks[c.first - 2].key));
      // "COLONEL ORLANDO INOCENTE MONTANO": a given name after a title is a person's
      const partOfName = wellKnown
        ? (twoBefore && !(namedEarly(c) && c.entries.some((e) => e.kind !== "city"))) ||
          (afterTitle && (nextName || when === "before-name"))
        : prevName || nextName || afterTitle;
      if (partOfName) {
        drop("beside other uncommon words in all-capitals text: part of a name");
        if (!wellKnown) nameWords.add(key);
        continue;
      }
    }
    kept.push(c);
    // a country, demonym or division may precede a name ("Iraqi Kurdistan"); a town may not ("Eldon Elliott")
    if (c.entries.some((e) => e.kind !== "city")) placeEnds.add(c.last);
  }
  // A word dropped as part of a name is not a place when it stands alone either: "Edward
  // Hayden ... Hayden said", "Hillary Clinton ... Clinton".
  for (let n = kept.length - 1; n >= 0; n--) {
    const c = kept[n];
    if (c.i !== c.j) continue;
    const key = toks[c.i].key;
    const wellKnown = c.entries.some(
      (e) =>
        e.kind === "country" || (HOW_PENALTY[e.how] === 0 && effectivePop(e) >= NAME_PART_MIN_POP),
    );
    // "the incident in Arboledas": after a locative word it is a place, whatever it was elsewhere
    const located = c.i > 0 && LOCATIVE_WORDS.has(toks[c.i - 1].key);
    if (givenNames.has(key) || (nameWords.has(key) && !wellKnown && !located)) {
      log(`dropped "${surface(c.i, c.j)}": part of a name elsewhere in the text`);
      kept.splice(n, 1);
    }
  }

  // ---- 3. resolve
  /** How many kept names (country names, demonyms) name each country. */
  const namedCount = new Map<string, number>();
  /** Countries named by a name, not only a demonym: "Turkish forces shell Afrin" says whose, not where. */
  const namedPlaces = new Set<string>();
  const ownCountries = new Map<Candidate, Set<string>>();
  // "pro-Turkey factions", "Turkey-backed forces", "Ankara-loyal factions" say whose, like a demonym
  const modifiers = new Map<Candidate, boolean>();
  const isModifier = (c: Candidate) => {
    let m = modifiers.get(c);
    if (m === undefined) {
      const after = text.slice(toks[c.last].end, toks[c.last].end + 20);
      m =
        MODIFIER_AFTER.test(after) ||
        // "the US Forces": a country before its forces says whose
        (c.entries.every((e) => e.kind === "country") && FORCES_AFTER.test(after)) ||
        /\b(?:pro|anti)[-‐]$/i.test(
          text.slice(Math.max(0, toks[c.first].start - 5), toks[c.first].start),
        );
      modifiers.set(c, m);
    }
    return m;
  };
  for (const c of kept) {
    if (c.needsCountry) continue;
    const own = new Set<string>();
    const modifier = isModifier(c);
    for (const e of c.entries) {
      if (e.kind !== "country") continue;
      own.add(e.iso);
      if (e.how !== "demonym" && !modifier) namedPlaces.add(e.iso);
    }
    ownCountries.set(c, own);
    for (const iso of own) namedCount.set(iso, (namedCount.get(iso) ?? 0) + 1);
  }
  /** Whether a name other than c itself names the country. */
  const namedFor = (c: Candidate, iso: string) =>
    (namedCount.get(iso) ?? 0) - (ownCountries.get(c)?.has(iso) ? 1 : 0) > 0;

  /**
   * The kept candidate right after c that may contain it: "Al-Qa'im in Anbar", "Quincy,
   * Massachusetts", "Marea in the northern countryside of Aleppo", "al-Mayadin city east of Deir Ezzor".
   */
  const containerOf = new Map<Candidate, Candidate>();
  /** Containers named beyond doubt: "Los Llanitos (Intibucá)", "X in Y"; a comma may part a list. */
  const statedContainer = new Set<Candidate>();
  /** Towns whose only namesakes lie outside the division the text puts them in. */
  const outsideItsDivision = new Set<Candidate>();
  for (let n = 0; n + 1 < kept.length; n++) {
    const a = kept[n];
    const b = kept[n + 1];
    if (toks[a.last].sent !== toks[b.first].sent) continue;
    // a bare space is one name running on ("SAN JOSE GUAYABAL"), not a town and its container
    const gap = text.slice(toks[a.last].end, toks[b.first].start);
    if (gap.trim() && CONTAINER_GAP.test(gap)) {
      containerOf.set(a, b);
      if (/\(|\b(?:in|of)\b/i.test(gap)) statedContainer.add(a);
    }
  }
  function contained(c: Candidate, e: GazetteerEntry): boolean {
    const box = containerOf.get(c);
    if (!box || e.kind === "country") return false;
    return box.entries.some(
      (m) =>
        m.geonameid !== e.geonameid &&
        ((m.kind === "country" && m.iso === e.iso) ||
          (m.kind === "admin1" &&
            (e.kind === "city" || e.kind === "admin2") &&
            m.iso === e.iso &&
            m.admin1Code === e.admin1Code) ||
          (m.kind === "admin2" &&
            e.kind === "city" &&
            m.iso === e.iso &&
            m.admin1Code === e.admin1Code &&
            (m.admin2Code === e.admin2Code ||
              distanceKm(m.lat, m.lon, e.lat, e.lon) <= CONTAINER_KM)) ||
          (m.kind === "city" &&
            e.kind === "city" &&
            m.iso === e.iso &&
            distanceKm(m.lat, m.lon, e.lat, e.lon) <= CONTAINER_KM)),
    );
  }

  /** An alternate name unlike the place's own ("Thomas" for Beulah, "Nawa" for Naha), cached per entry. */
  const unlikeCache = new Map<string, boolean>();
  function unlikeName(name: string, e: GazetteerEntry): boolean {
    if (HOW_PENALTY[e.how] === 0) return false;
    const k = `${e.geonameid}|${name}`;
    let v = unlikeCache.get(k);
    if (v === undefined) {
      v = !similarNames(fold(name), e.name);
      unlikeCache.set(k, v);
    }
    return v;
  }

  /** An entry's score on its own: population, feature, how its name was matched. */
  function baseScore(e: GazetteerEntry): number {
    return (
      Math.log10(effectivePop(e) + 1) +
      (e.kind === "country" ? COUNTRY_BONUS : (FEATURE_BONUS[e.fcode] ?? 0)) -
      HOW_PENALTY[e.how]
    );
  }

  // What the other names of the text most likely are, indexed by division and by 1° cell: a
  // name's entries within PLAUSIBLE_SPREAD of its best on population alone.
  const byDivision = new Map<string, { key: string; id: number }[]>();
  const byCell = new Map<number, { key: string; e: GazetteerEntry }[]>();
  /** Countries of the towns in byCell: a town elsewhere has no neighbour to look for. */
  const cellIsos = new Set<string>();
  /** A 1° cell as a number: rows of 400 leave room for the longitudes nearCount() steps to. */
  const cellAt = (lat0: number, lon0: number) => (lat0 + 91) * 400 + (lon0 + 182);
  const cellOf = (lat: number, lon: number) => cellAt(Math.floor(lat), Math.floor(lon));
  function indexNeighbours(): void {
    for (const c of kept) {
      if (c.needsCountry) continue;
      const key = c.key;
      // a country's name is the country: "Russia" lends no Russia, Ohio to "Geneva"
      const scored = c.entries.map((e) => ({ e, s: baseScore(e) })).sort((x, y) => y.s - x.s);
      const top = scored[0]?.s ?? 0;
      const likely = scored
        .slice(0, MAX_PLAUSIBLE)
        .filter((x) => x.s >= top - PLAUSIBLE_SPREAD && x.e.kind !== "country")
        .map((x) => x.e);
      for (const e of likely) {
        if (e.admin1Code) {
          const div = `${e.iso}.${e.admin1Code}`;
          if (!byDivision.has(div)) byDivision.set(div, []);
          byDivision.get(div)?.push({ key, id: e.geonameid });
        }
        if (e.kind === "city") {
          const cell = cellOf(e.lat, e.lon);
          if (!byCell.has(cell)) byCell.set(cell, []);
          byCell.get(cell)?.push({ key, e });
          cellIsos.add(e.iso);
        }
      }
    }
  }
  indexNeighbours();
  /** nearCount() by name and place: a name told several times is one question. */
  const nearCache = new Map<string, Map<number, number>>();
  /**
   * Whether another name of the text may be a place in e's division or within NEARBY_KM of it:
   * "Nawa ... Tasil" are two Daraa towns, so Nawa is not Naha in Japan.
   */
  function nearOther(c: Candidate, e: GazetteerEntry): boolean {
    return nearCount(c, e) > 0;
  }
  /** How many other names of the text may lie in e's division or near it (nearOther). */
  function nearCount(c: Candidate, e: GazetteerEntry): number {
    if (e.kind === "country") return 0;
    const key = c.key;
    let memo = nearCache.get(key);
    if (!memo) {
      memo = new Map();
      nearCache.set(key, memo);
    }
    const hit = memo.get(e.geonameid);
    if (hit !== undefined) return hit;
    const names = new Set<string>();
    // another name, and another place: "Al-Mansurah ... al-Mansoura" is one town told twice
    const others = e.admin1Code ? byDivision.get(`${e.iso}.${e.admin1Code}`) : undefined;
    for (const o of others ?? []) if (o.key !== key && o.id !== e.geonameid) names.add(o.key);
    if (e.kind === "city" && cellIsos.has(e.iso)) {
      const lat0 = Math.floor(e.lat);
      const lon0 = Math.floor(e.lon);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          for (const o of byCell.get(cellAt(lat0 + dy, lon0 + dx)) ?? []) {
            if (o.key === key || names.has(o.key) || o.e.iso !== e.iso) continue;
            if (o.e.geonameid === e.geonameid) continue;
            if (distanceKm(o.e.lat, o.e.lon, e.lat, e.lon) <= NEARBY_KM) names.add(o.key);
          }
        }
      }
    }
    memo.set(e.geonameid, names.size);
    return names.size;
  }

  /** Countries lent by confidently resolved big towns: the names that lent them, and the places. */
  const lenders = new Map<string, Map<Candidate, number>>();
  /** Countries lent by names found in that country only: a bonus, not a known country. */
  const soleLenders = new Map<string, Map<Candidate, number>>();
  /**
   * Whether another name, resolved to another place, lent e's country: a town does not vouch
   * for itself, even under a second spelling.
   */
  const lentFor = (c: Candidate, e: GazetteerEntry) => {
    for (const from of [lenders, soleLenders])
      for (const [by, id] of from.get(e.iso) ?? []) if (by !== c && id !== e.geonameid) return true;
    return false;
  };
  /**
   * Whether a name in `from` lent a country other than e's, from a place more than `km` from e.
   * Across a border ("Al Qaim and Abu Kamal") the two countries meet, so NEARBY_KM is the least.
   */
  const lentAbroadBeyond = (
    from: Map<string, Map<Candidate, number>>[],
    c: Candidate,
    e: GazetteerEntry,
    km: number,
    byTown = false,
  ) => {
    for (const lending of from)
      for (const [lent, by] of lending) {
        if (lent === e.iso) continue;
        for (const [x, id] of by) {
          const at = x !== c && x.entries.find((m) => m.geonameid === id);
          if (byTown && at && at.fcode === "PPLX") continue;
          if (at && distanceKm(at.lat, at.lon, e.lat, e.lon) > km) return true;
        }
      }
    return false;
  };
  const lentFarAbroad = (c: Candidate, e: GazetteerEntry) =>
    lentAbroadBeyond([lenders, soleLenders], c, e, NEARBY_KM);
  /**
   * Whether a big town the text names for sure puts it far from e, in another country: "the
   * farms east of Damascus ... the Al-Marj front" is not Al Marj in Libya. A quarter of a city
   * (GeoNames' PPLX: "Salmiyah" in Kuwait City, a spelling of Syria's Salamiyah too) is no town
   * that sets the text's country.
   */
  const heldFarAbroad = (c: Candidate, e: GazetteerEntry) =>
    lentAbroadBeyond([lenders], c, e, FAR_FOREIGN_KM, true);

  interface Resolution {
    entry: GazetteerEntry;
    margin: number;
  }
  function resolve(c: Candidate, final: boolean): Resolution | null {
    const name = c.name;
    const score = (e: GazetteerEntry) =>
      baseScore(e) +
      (namedFor(c, e.iso) ? NAMED_COUNTRY_BONUS : lentFor(c, e) ? LENT_COUNTRY_BONUS : 0) +
      (contained(c, e) ? CONTAINER_BONUS : 0) +
      NEARBY_BONUS * Math.min(nearCount(c, e), MAX_NEIGHBOURS);
    const ranked = c.entries.map((e) => ({ e, s: score(e) })).sort((a, b) => b.s - a.s);
    // countries the text names, or that names other than this one lent
    const countriesKnown =
      namedPlaces.size > 0 ||
      [...lenders.values()].some((by) => [...by.keys()].some((x) => x !== c));
    let firstWhy: string | null = null;
    let firstBest: GazetteerEntry | null = null;
    // The best-ranked entry the checks let through: "Ras al-Ayn" is not Rosh Ha'Ayin (an
    // alternate name unlike its own) but the Syrian town next in rank.
    for (const r of ranked) {
      const best = townOf(c, r.e);
      // past the first choice, only a place the text supports: "Ras al-Ayn" near Syrian
      // places is the Syrian town, not Rosh Ha'Ayin; "Palmyra" alone is no Pennsylvania town
      // A town bearing the name as its own outranks, unsupported, a bigger one that only has it
      // as an unlike alternate ("Ras al-Ayn" the Syrian district seat, not Rosh Ha'Ayin), when
      // it is a district seat or more and the text names no country (where it does, the place
      // must be in one); a small Palmyra is neither
      if (
        firstWhy !== null &&
        !supportedFor(c, best, countriesKnown) &&
        !(firstWhy === UNLIKE_ALTERNATE && !countriesKnown && ownNameSeat(best))
      )
        continue;
      const why = check(c, name, best, countriesKnown);
      if (why === null) {
        // how far ahead of the best place in another country: a town and its division agree
        const rival = ranked.find((x) => x.e.iso !== r.e.iso);
        return { entry: best, margin: rival ? r.s - rival.s : Number.POSITIVE_INFINITY };
      }
      if (firstWhy === null) {
        firstWhy = why;
        firstBest = best;
      }
      // only a name matched the wrong way lets the next entry try; what is wrong with the
      // text's support for the name is wrong for every entry
      if (!why.startsWith("~")) break;
    }
    if (final && firstBest && firstWhy) {
      log(`dropped "${name}" (${firstBest.name}, ${firstBest.iso}): ${firstWhy.replace(/^~/, "")}`);
    }
    return null;
  }

  /**
   * Whether the text supports e: its country named or lent, a container, a neighbour. When the
   * text names countries, neighbours in another one support nothing: in a report on El
   * Salvador, "LA NORIA" near a Mexican "SAN MIGUEL" is a cluster of namesakes.
   */
  function supportedFor(c: Candidate, e: GazetteerEntry, countriesKnown: boolean): boolean {
    return (
      namedFor(c, e.iso) || lentFor(c, e) || contained(c, e) || (!countriesKnown && nearOther(c, e))
    );
  }

  /**
   * Whether the name, an alternate unlike e's own, is e's exonym the world knows it by: towns
   * bear it as their own name, all of known and far smaller population, and no other place is
   * known by it as widely ("Palmyra" is Tadmur, not Palmyra, Pennsylvania).
   */
  function dominantExonym(c: Candidate, e: GazetteerEntry): boolean {
    const pop = effectivePop(e);
    let own = 0;
    for (const o of c.entries) {
      if (o.geonameid === e.geonameid) continue;
      if (o.kind !== "city") return false;
      // a hamlet of unknown size in e's own country contests no country ("Panama City", Colón)
      if (o.population <= 0 && o.iso === e.iso) continue;
      if (HOW_PENALTY[o.how] === 0) {
        if (o.population <= 0 || o.population * EXONYM_DOMINANCE > pop) return false;
        own++;
      } else if (effectivePop(o) >= pop) {
        return false;
      }
    }
    return own > 0;
  }

  /** Whether the text's name is e's own, or its spelling ("Ras Al-Ain"), and e the seat of a district or more. */
  function ownNameSeat(e: GazetteerEntry): boolean {
    return (
      e.kind === "city" &&
      (e.how === "name" || e.how === "ascii" || e.how === "skeleton") &&
      SEAT_CODES.has(e.fcode)
    );
  }

  /** A name that is both a town and its division is the town ("Baghdad", "Daraa"), unless a suffix says otherwise. */
  function townOf(c: Candidate, e: GazetteerEntry): GazetteerEntry {
    if (e.kind !== "admin1" || c.adminSuffix) return e;
    return (
      c.entries.find(
        (t) =>
          t.kind === "city" &&
          t.iso === e.iso &&
          t.admin1Code === e.admin1Code &&
          (HOW_PENALTY[t.how] <= HOW_PENALTY[e.how] ||
            (t.how !== "skeleton" &&
              (t.fcode === "PPLA" ||
                t.fcode === "PPLC" ||
                t.population >= DOMINANT_TOWN_SHARE * e.population))),
      ) ?? e
    );
  }

  /**
   * Why the entry is not taken for the candidate, or null. A reason starting "~" is the entry's
   * own (the name matched it the wrong way), and the next entry may do.
   */
  function check(
    c: Candidate,
    name: string,
    best: GazetteerEntry,
    countriesKnown: boolean,
  ): string | null {
    const named = namedFor(c, best.iso);
    const lent = lentFor(c, best);
    const inBox = contained(c, best);
    const supported = supportedFor(c, best, countriesKnown);
    const pop = effectivePop(best);
    if (c.needsCountry && !named && !inBox) {
      return "a common word or listed name, and the text does not name its country";
    }
    // An alternate name unlike the place's own ("Thomas" for Beulah, "Exchange" for Atlas) is
    // a former or local name: taken only for a big place, or one whose country is named.
    if (unlikeName(name, best) && !inBox && pop < FOREIGN_EXONYM_MIN_POP) {
      if (
        c.mode !== "mixed" ||
        pop < ALT_NAME_MIN_POP ||
        !(named || lent || (!countriesKnown && dominantExonym(c, best)))
      ) {
        return UNLIKE_ALTERNATE;
      }
    }
    // "Sarkh, Logar": the division named after a town says its country; a namesake elsewhere
    // (Sarh in Chad) is not meant, and the division stands for it
    const box = containerOf.get(c);
    if (
      box &&
      best.kind === "city" &&
      !inBox &&
      box.entries.length > 0 &&
      box.entries.every((m) => m.kind === "admin1" && m.iso !== best.iso)
    ) {
      return "a town in another country than the division named after it";
    }
    // "Los Llanitos (Intibucá)": the division named after the town says which one; a namesake
    // in another division of the country is not meant. After a comma the next name may be the
    // list's next item ("Chalatenango, San Miguel, and other towns").
    if (
      box &&
      statedContainer.has(c) &&
      best.kind === "city" &&
      !inBox &&
      box.entries.some((m) => m.kind === "admin1" && m.iso === best.iso) &&
      !box.entries.some(
        (m) =>
          m.kind === "city" &&
          m.iso === best.iso &&
          distanceKm(m.lat, m.lon, best.lat, best.lon) <= CONTAINER_KM,
      )
    ) {
      outsideItsDivision.add(c);
      return "a town in another division than the one named after it";
    }
    if (best.kind === "city") {
      if (!supported && pop < SMALL_PLACE_POP) return "small place, country not named";
      // "Barzeh" is not Barza in Romania: a loose spelling of a place needs support, when
      // of one word ("Djugu", "al-Dameer"), one of any but a big city; two words meet by
      // chance far less ("Deir Ezzor", "Tal Tamr")
      const oneWord = !foldLoose(name).includes(" ");
      // a division's seat met with the division under one spelling ("al-Suwaidaa": As-Suwayda
      // and its governorate) is two readings agreeing, not a chance meeting
      const seatOfNamesake = c.entries.some(
        (m) => m.kind === "admin1" && m.iso === best.iso && m.admin1Code === best.admin1Code,
      );
      // "Shaddadi city": a name the text calls a town, in its own country, is no chance meeting
      const calledTown =
        SETTLEMENT_AFTER.test(text.slice(toks[c.last].end, toks[c.last].end + 20)) &&
        (!countriesKnown || namedFor(c, best.iso) || lentFor(c, best));
      if (
        !supported &&
        oneWord &&
        best.how === "skeleton" &&
        !seatOfNamesake &&
        !calledTown &&
        pop < FOREIGN_EXONYM_MIN_POP
      ) {
        return "a one-word transliteration variant, unsupported and not a big city";
      }
      // "Afrin city ... factions supported by Turkey": a name the text calls a town is one;
      // "Israel artillery strikes in Quneitra": a division's seat named as its division is too
      if (
        !supported &&
        !c.placeNoun &&
        !seatOfNamesake &&
        countriesKnown &&
        pop < FOREIGN_MIN_POP
      ) {
        return "small place outside the countries the text names";
      }
      // a mid-sized town abroad, far from the big town that sets the text's country, is a namesake
      if (!supported && pop < FAR_FOREIGN_MIN_POP && heldFarAbroad(c, best)) {
        return "a town abroad far from the big town the text names, not a big city";
      }
      // "Mbengwi, Momo division": beside a town found in Cameroon only, Momo is the division
      // the gazetteer lacks, not the Piedmont village
      if (!supported && !countriesKnown && pop < FOREIGN_MIN_POP && lentFarAbroad(c, best)) {
        return "small place outside the country the text's other places lie in";
      }
      // ("Raqqah" in running text is a spelling of Ar Raqqah, not a foreign name)
      if (
        !supported &&
        countriesKnown &&
        best.how === "alt" &&
        (c.mode !== "mixed" || unlikeName(name, best)) &&
        pop < FOREIGN_EXONYM_MIN_POP
      ) {
        return "a foreign-language name of a place outside the countries the text names";
      }
      if (!supported && c.nameFollowed && pop < NAME_PART_MIN_POP) {
        return "first word of a longer name, small and unsupported";
      }
      if (!supported && c.mode === "upper" && pop < CAPS_MIN_POP) {
        return "small place in all-capitals text, unsupported";
      }
      if (!supported && c.mode === "upper" && countriesKnown && pop < UPPER_FOREIGN_MIN_POP) {
        return "a place outside the countries of an all-capitals text, not a big city";
      }
      if (!supported && c.mode === "upper" && (best.how === "alt" || best.how === "skeleton")) {
        return "an alternate name in all-capitals text, unsupported";
      }
      // A headline capitalizes every word, so its people and firms ("Lockheed Martin") look
      // like towns: only a big town or one with its division beside it is taken.
      if (c.mode === "title" && !inBox && pop < CAPS_MIN_POP) {
        return "small place in a title-case line";
      }
    } else if ((best.kind === "admin1" || best.kind === "admin2") && !supported) {
      // "Anbar" is one place; "Delta" (Nigeria's state, Canada's and Utah's towns) is many
      const namesakes = c.entries.some(
        (e) => e.iso !== best.iso && HOW_PENALTY[e.how] === 0 && e.kind !== "country",
      );
      if (countriesKnown && namesakes) {
        return "a division outside the countries the text names, its name shared abroad";
      }
      if (c.nameFollowed) return "first word of a longer name, a division unsupported";
      // second-level divisions are many and small, and their bare names ("Sense" in Fribourg)
      // are often words: in all-capitals text, where case tells nothing, one needs support
      if (best.kind === "admin2" && c.mode === "upper") {
        return "a district in all-capitals text, unsupported";
      }
    }
    return null;
  }

  // First pass: big towns resolved with a clear margin lend their country to the rest, and
  // names the world has in one country only ("Tasil" is Syrian wherever it is told) lend theirs
  // to their namesakes' rivals, without making the text's countries known.
  for (const c of kept) {
    // whose, not where: "Ankara-loyal factions" puts nothing of the text in Turkey
    if (isModifier(c)) continue;
    const r = resolve(c, false);
    if (!r || r.entry.kind === "country") continue;
    // ... unless the text names other countries, by name or demonym: "Radio Venceremos" in a
    // Salvadoran report lends no Mexico
    const otherCountriesNamed = [...namedCount.keys()].some((iso) => iso !== r.entry.iso);
    if (
      HOW_PENALTY[r.entry.how] === 0 &&
      c.entries.every((e) => e.iso === r.entry.iso) &&
      (!otherCountriesNamed || namedFor(c, r.entry.iso))
    ) {
      if (!soleLenders.has(r.entry.iso)) soleLenders.set(r.entry.iso, new Map());
      soleLenders.get(r.entry.iso)?.set(c, r.entry.geonameid);
    }
    if (effectivePop(r.entry) >= CONFIDENT_POP && r.margin >= CONFIDENT_MARGIN) {
      if (!lenders.has(r.entry.iso)) lenders.set(r.entry.iso, new Map());
      lenders.get(r.entry.iso)?.set(c, r.entry.geonameid);
    }
  }
  const found: Found[] = [];
  for (const c of kept) {
    const r = resolve(c, true);
    if (!r) continue;
    const e = r.entry;
    found.push({
      first: c.first,
      last: c.last,
      start: toks[c.first].start,
      end: toks[c.last].end,
      entry: e,
      precision: basePrecision(e.kind),
      // "Ankara-loyal factions", "pro-Turkey groups": a place as a modifier says whose, as a
      // demonym does
      rule:
        (e.how === "demonym" && !COUNTRY_AREA_AFTER.test(text.slice(toks[c.last].end))) ||
        isModifier(c)
          ? "place:demonym"
          : c.adminSuffix
            ? "place:admin-suffix"
            : "place:name",
      stated: true,
    });
  }
  // "LOS LLANITOS (INTIBUCA)" with no Los Llanitos in Intibucá: a village the gazetteer lacks,
  // placed in its division as ACLED would (precision 2)
  for (const c of outsideItsDivision) {
    const box = containerOf.get(c);
    const f = box && found.find((x) => x.first === box.first);
    if (!f || found.some((x) => x.first === c.first)) continue;
    const division = box.entries.find((m) => m.kind === "admin1" && m.iso === f.entry.iso);
    const sub = surface(c.first, c.last);
    Object.assign(f, {
      first: c.first,
      start: toks[c.first].start,
      entry: division ?? f.entry,
      precision: 2,
      rule: "place:subplace-of",
      subPlace: sub,
    });
    log(
      `"${sub}" placed in ${f.entry.name} (${f.entry.iso}): a village of the division named after it`,
    );
  }

  // ---- 4. refine
  const refined = thisCity(refine(found));
  return refined.map((f) => {
    const m: PlaceMention = {
      start: f.start,
      end: f.end,
      text: text.slice(f.start, f.end),
      place: gaz.toPlace(f.entry),
      kind: f.entry.kind,
      precision: f.precision,
      rule: f.rule,
      stated: f.stated,
    };
    if (f.subPlace) m.subPlace = f.subPlace;
    return m;
  });

  // -------------------------------------------------------------- refiners

  /**
   * "LA PAZ, 21 MAR 89 -- A bomb planted in this capital": "this city" and "this capital" point
   * to the dateline's town, the place the report is filed from.
   */
  function thisCity(list: Found[]): Found[] {
    const dateline = list[0];
    if (
      dateline?.entry.kind !== "city" ||
      dateline.start > DATELINE_REACH ||
      !DATELINE_AFTER.test(text.slice(dateline.end, dateline.end + 30))
    )
      return list;
    const out = [...list];
    for (const m of text.matchAll(THIS_CITY)) {
      const start = m.index + m[0].length - m[1].length;
      const first = toks.findIndex((t) => t.start >= start);
      if (first < 0 || overlapping(out, first, first + 1).length) continue;
      out.push({
        first,
        last: first + 1,
        start,
        end: start + m[1].length,
        entry: dateline.entry,
        precision: 1,
        rule: "place:this-city",
        stated: true,
      });
    }
    return out.sort((x, y) => x.start - y.start);
  }

  /** The noun (one or two tokens) of a role ending at token k, as [firstToken, role]. */
  function nounEndingAt(k: number, roles: CueRole[]): [number, CueRole] | null {
    if (k < 0 || !tails.has(toks[k].key)) return null;
    for (const role of roles) {
      if (k >= 1 && spaced(k - 1, k) && isCue(lex, role, `${toks[k - 1].key} ${toks[k].key}`)) {
        return [k - 1, role];
      }
      if (isCue(lex, role, toks[k].key)) return [k, role];
    }
    return null;
  }

  /** The run of name tokens ending at token k ("Al-Mashtal", "Ain al-Asad"), or null. */
  function nameRunEndingAt(k: number): [number, number] | null {
    if (k < 0 || !canEnd(k)) return null;
    let a = k;
    while (
      a - 1 >= 0 &&
      k - (a - 1) + 1 <= MAX_SUBPLACE_TOKENS &&
      joinable(a - 1, a) &&
      canInside(a - 1) &&
      !(modeOf(a - 1) === "upper" && lex.common.has(toks[a - 1].key))
    ) {
      a--;
    }
    // start at a word that can begin a name, past "the" and sentence-initial common words
    while (
      a < k &&
      (!canBegin(a) || toks[a].key === "the" || (toks[a].initial && lex.common.has(toks[a].key)))
    ) {
      a++;
    }
    let telling = false;
    for (let x = a; x <= k; x++) {
      const key = toks[x].key;
      if (!lex.common.has(key) && !CONNECTORS.has(key) && lex.notPlaces.get(key) !== "always") {
        telling = true;
      }
    }
    if (!telling) return null;
    if (modeOf(k) !== "upper" && !isCap(a) && !ARTICLES.has(toks[a].key)) return null;
    return [a, k];
  }

  function overlapping(list: Found[], a: number, b: number): Found[] {
    return list.filter((f) => f.first <= b && f.last >= a);
  }

  function refine(list: Found[]): Found[] {
    let out = [...list];
    const subNouns: CueRole[] = ["subplace-noun", "settlement-noun", "area-noun"];

    // (a) "the Al-Mashtal neighborhood of Baghdad", "Ain al-Asad air base in Anbar"
    for (const m of [...out]) {
      if (!out.includes(m)) continue;
      // "... neighborhood of Baghdad", "... camp in the countryside of al-Bab", "... town east
      // of Deir Ezzor", or in wire copy "LA PENA CANTON, SAN MIGUEL DEPARTMENT"
      const sentStart = ranges[toks[m.first].sent].start;
      const gap = SUBPLACE_GAP.exec(text.slice(Math.max(sentStart, m.start - 80), m.start));
      if (!gap) continue;
      const nounEndAt = m.start - gap[0].length;
      let nounEnd = m.first - 1;
      while (nounEnd >= 0 && toks[nounEnd].end > nounEndAt) nounEnd--;
      if (nounEnd < 0 || toks[nounEnd].end !== nounEndAt) continue;
      if (toks[nounEnd].sent !== toks[m.first].sent) continue;
      const noun = nounEndingAt(nounEnd, subNouns);
      if (!noun) continue;
      const run = nameRunEndingAt(noun[0] - 1);
      if (!run || !spaced(run[1], noun[0])) continue;
      const inner = overlapping(out, run[0], run[1]);
      if (
        inner.length === 1 &&
        inner[0].first === run[0] &&
        inner[0].last === run[1] &&
        inner[0].entry.iso === m.entry.iso &&
        inner[0].entry.kind === "city"
      ) {
        // a town of its own, inside or beside the container: keep both
        if (noun[1] === "area-noun") inner[0].precision = 2;
        continue;
      }
      const sub = text.slice(toks[run[0]].start, toks[run[1]].end);
      out = out.filter((f) => f !== m && !inner.includes(f));
      out.push({
        first: run[0],
        last: m.last,
        start: toks[run[0]].start,
        end: m.end,
        entry: m.entry,
        precision: Math.max(2, m.precision) as 2 | 3,
        rule: "place:subplace-of",
        stated: true,
        subPlace: sub,
      });
      log(`"${sub}" placed in ${m.entry.name} (${m.entry.iso}): named part of it`);
    }
    out.sort((x, y) => x.start - y.start);

    // (d) "Sinjar district", "Boitumelong township": the area around a named town
    for (const m of out) {
      const k = m.last + 1;
      if (m.rule === "place:subplace-of" || m.entry.kind === "country" || !spaced(m.last, k))
        continue;
      const two =
        k + 1 < toks.length &&
        spaced(k, k + 1) &&
        isCue(lex, "area-noun", `${toks[k].key} ${toks[k + 1].key}`);
      const after = two ? k + 2 : k + 1;
      if (after < toks.length && spaced(after - 1, after) && isCap(after)) continue; // "District Court"
      if (two || isCue(lex, "area-noun", toks[k].key)) {
        m.last = two ? k + 1 : k;
        m.end = toks[m.last].end;
        m.precision = Math.max(2, m.precision) as 2 | 3;
        m.rule = "place:area";
      }
    }

    // (b) "in the Al-Mashtal neighborhood" with its town in this or a recent sentence
    for (let k = 0; k < toks.length; k++) {
      const noun = nounEndingAt(k, subNouns);
      if (!noun || overlapping(out, noun[0], k).length) continue;
      const run = nameRunEndingAt(noun[0] - 1);
      if (!run || !spaced(run[1], noun[0]) || overlapping(out, run[0], run[1]).length) continue;
      const sent = toks[k].sent;
      // a neighbourhood lies in a town of a recent sentence; a village only in one named beside it
      const back = noun[1] === "settlement-noun" ? 0 : CONTEXT_SENTENCES;
      // not a town named as a modifier: "Ankara-loyal factions ... north of Tal Tamr town"
      const usable = (f: Found) =>
        f.entry.kind !== "country" && !MODIFIER_AFTER.test(text.slice(f.end, f.end + 20));
      // "Pangram area of Sarkh, Logar": the place told after "of" holds it, even when the town
      // itself is not in the gazetteer and only its division is
      const ofAfter = out.find(
        (f) =>
          f.start >= toks[k].end &&
          f.start - toks[k].end <= SUBPLACE_OF_REACH &&
          toks[f.first].sent === sent &&
          usable(f) &&
          /^\s+of\s/i.test(text.slice(toks[k].end, f.start)),
      );
      const town =
        ofAfter ??
        [...out]
          .reverse()
          .find(
            (f) => f.end <= toks[run[0]].start && usable(f) && toks[f.first].sent >= sent - back,
          ) ??
        out.find((f) => f.start >= toks[k].end && toks[f.first].sent === sent && usable(f));
      if (!town) continue;
      const sub = text.slice(toks[run[0]].start, toks[run[1]].end);
      out.push({
        first: run[0],
        last: k,
        start: toks[run[0]].start,
        end: toks[k].end,
        entry: town.entry,
        precision: 2,
        rule: "place:subplace-context",
        stated: false,
        subPlace: sub,
      });
      log(
        `"${sub}" placed in ${town.entry.name} (${town.entry.iso}): ${ofAfter ? "the place told after it" : "the nearest town before it"}`,
      );
      out.sort((x, y) => x.start - y.start);
    }

    // (c) "near Mosul", "20 km north of Mosul", "eastern Baghdad"
    const cueRe = cuePatterns();
    for (const m of out) {
      if (m.entry.kind === "country" || m.rule.startsWith("place:subplace")) continue;
      const sentStart = ranges[toks[m.first].sent].start;
      const before = text.slice(Math.max(sentStart, m.start - 80), m.start);
      const widen = (hit: RegExpExecArray) => {
        const lead = hit[0].length - hit[0].trimStart().length;
        m.start = m.start - before.length + hit.index + lead;
      };
      const distance = cueRe.distance.exec(before);
      const near = distance ? null : (cueRe.direction.exec(before) ?? cueRe.near.exec(before));
      const part = distance || near ? null : cueRe.part.exec(before);
      if (distance || near) {
        widen((distance ?? near) as RegExpExecArray);
        m.precision = Math.max(2, m.precision) as 2 | 3;
        m.rule = distance ? "place:distance" : "place:near";
      } else if (part && m.entry.kind === "city") {
        widen(part);
        // "eastern Baghdad" is a part of the town; "eastern Ghazni city" is the town in the east
        if (!/^\s+(?:city|town)\b/i.test(text.slice(m.end, m.end + 12))) m.precision = 2;
        m.rule = "place:part-of";
      }
    }

    // sorted, no overlaps: the earlier (then longer) mention wins
    out.sort((x, y) => x.start - y.start || y.end - x.end);
    const final: Found[] = [];
    for (const f of out) {
      const last = final[final.length - 1];
      if (last && f.start < last.end) continue;
      // "in Huancayo, 415 km southeast of Lima,": the distance locates the town before it
      if (
        f.rule === "place:distance" &&
        last?.entry.kind === "city" &&
        /^\s*,\s*$/.test(text.slice(last.end, f.start))
      ) {
        log(
          `"${text.slice(f.start, f.end)}" locates ${last.entry.name}: a reference point, not a place`,
        );
        continue;
      }
      final.push(f);
    }
    return final;
  }
}

interface CuePatterns {
  distance: RegExp;
  direction: RegExp;
  near: RegExp;
  part: RegExp;
}
let cuePatternsCache: CuePatterns | null = null;

/** Patterns over the text just before a place, built from data/places/cues.tsv. */
function cuePatterns(): CuePatterns {
  if (cuePatternsCache) return cuePatternsCache;
  const lex = placeLexicons();
  const alt = (role: CueRole) =>
    [...(lex.cues.get(role) ?? [])]
      .sort((a, b) => b.length - a.length)
      .map((c) => escapeRe(c))
      .join("|");
  const dirs = alt("direction");
  const tail = "\\s+(?:the\\s+)?(?:(?:city|town|village)\\s+of\\s+)?$";
  cuePatternsCache = {
    distance: new RegExp(
      `(?:^|\\s)(?:about\\s+|some\\s+|around\\s+)?\\d[\\d,.]*\\s*-?\\s*(?:km|kms|kilomet(?:er|re)s?|miles?|mi)\\s+(?:to\\s+the\\s+)?(?:${dirs})\\s+of${tail}`,
      "i",
    ),
    direction: new RegExp(`(?:^|\\s)(?:just\\s+)?(?:${dirs})\\s+of${tail}`, "i"),
    near: new RegExp(`(?:^|\\s)(?:${alt("near")})${tail}`, "i"),
    part: new RegExp(`(?:^|\\s)(?:${alt("part")})\\s+$`, "i"),
  };
  return cuePatternsCache;
}
