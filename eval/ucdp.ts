// The UCDP section of `npm run eval`: geocoding and fatality counts against UCDP GED's coding of
// news headlines (../shared/data/ucdp-dev.jsonl; how it was drawn and how to score it is in
// ../shared/data/UCDP-README.md). Nothing of the file is copied into the repository.
//
// What sitrep reads: each row's `source_headline`, the `;`-joined titles of the reports UCDP
// coded from, one title a paragraph (they are separate reports), HTML character references
// decoded (some titles carry "&#8217;"). Published: the first `source_date`, else `date_start`.
// The preset is `precise`, what `sitrep extract` gives by default. Nothing else is handed in:
// no country, no place, no count.
//
// The measures, as issue 4 and UCDP-README define them:
//   - country: every row; the top event's (highest confidence) country against `country`.
//     A row with no event is a miss. UCDP's "Israel" also takes Palestine, its "Serbia" Kosovo (UCDP_ALSO).
//   - place: rows with where_prec 1-2 whose gold place name (`where_coordinates` up to the
//     first comma or parenthesis, a trailing "town", "village", ... dropped) appears in the
//     headline, both folded (case, diacritics, punctuation). Distance from UCDP's point to the
//     top event's point (and, as the README has it, to the nearest event point of the row);
//     within 25 km; median error (a row with no point counts as an infinite error); admin1
//     equal after folding and dropping "governorate", "province"... and Arabic articles.
//   - fatalities: rows whose `best` is above 0 and appears as a whole number in the headline,
//     in digits or in words; does the top event (or, as the README has it, some event) give
//     exactly `best`?
import { readFileSync } from "node:fs";
import { openGazetteer } from "../src/annotate/places/gazetteer.ts";
import { annotatePlaces } from "../src/annotate/places/place-annotator.ts";
import { skeletonKey } from "../src/annotate/places/place-keys.ts";
import { splitSentences } from "../src/annotate/sentence-splitter.ts";
import { distanceKm } from "../src/core/geo.ts";
import { fold } from "../src/core/text.ts";
import type { SitrepEvent } from "../src/core/types.ts";
import { loadText } from "../src/load/text-loader.ts";
import { roundFigure } from "./baseline.ts";
import { f3, pct, section, table } from "./report.ts";
import type { Preset, SectionContext, SectionOutcome } from "./section.ts";
import { sharedPath, skipIfMissing } from "./shared-data.ts";

export const UCDP_FILE = "data/ucdp-dev.jsonl";

/** UCDP's where_prec at or below which a point stands for the place itself or within 25 km of it. */
export const PLACE_PREC_MAX = 2;
/** UCDP's where_prec 2 says "within about 25 km": the distance under which a point counts as right. */
export const WITHIN_KM = 25;

/** The fields of a UCDP GED row this section reads. */
export interface UcdpRow {
  id: number;
  country: string;
  source_headline: string;
  source_date?: string | null;
  date_start: string;
  where_prec: number;
  where_coordinates: string | null;
  adm_1: string | null;
  latitude: number;
  longitude: number;
  best: number;
}

export function readUcdp(path: string): UcdpRow[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as UcdpRow);
}

// ------------------------------------------------------------------ what sitrep reads

const NAMED_REFS: Record<string, string> = {
  amp: "&",
  quot: '"',
  apos: "'",
  lt: "<",
  gt: ">",
  nbsp: " ",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  ndash: "–",
  mdash: "—",
  hellip: "…",
};

/** "Syria&#8217;s" → "Syria’s". */
export function decodeReferences(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) => {
    if (ref[0] === "#") {
      const code =
        ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code > 0 ? String.fromCodePoint(code) : m;
    }
    return NAMED_REFS[ref.toLowerCase()] ?? m;
  });
}

/** The headlines of a row as one text, one headline a paragraph. */
export function headlineText(row: UcdpRow): string {
  return decodeReferences(row.source_headline)
    .split(";")
    .map((h) => h.trim())
    .filter(Boolean)
    .join("\n\n");
}

/** The date sitrep reads the row as published on: the first source date, else the event's start. */
export function publishedOf(row: UcdpRow): string {
  const first = (row.source_date ?? "").split(";")[0].trim();
  return /^\d{4}-\d\d-\d\d$/.test(first) ? first : row.date_start;
}

// ------------------------------------------------------------------ answerable rows

const FEATURE_WORDS =
  /\s+(?:town|village|city|area|district|province|governorate|region|camp|oilfield)$/i;

/** The gold place name: where_coordinates up to the first comma or parenthesis, its feature word dropped. */
export function goldPlaceName(whereCoordinates: string | null): string {
  if (!whereCoordinates) return "";
  return whereCoordinates.split(/[,(]/)[0].trim().replace(FEATURE_WORDS, "").trim();
}

/** Whether `name` appears in `text` as whole words, both folded (case, diacritics, punctuation). */
export function appearsIn(name: string, text: string): boolean {
  const n = fold(name);
  return n.length > 0 && ` ${fold(text)} `.includes(` ${n} `);
}

export function placeAnswerable(row: UcdpRow): boolean {
  return (
    row.where_prec <= PLACE_PREC_MAX &&
    appearsIn(goldPlaceName(row.where_coordinates), decodeReferences(row.source_headline))
  );
}

const UNITS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/**
 * The whole numbers a text states, in digits ("57", "1,200"; not a part of a date such as
 * "15/02/2016", a decimal or an ordinal "5th") or in English words ("three", "twenty-five",
 * "a hundred", "two hundred and ten"). Written for this scorer, apart from sitrep's own number
 * annotator, so that the gold side does not lean on the system it measures.
 */
export function numbersIn(text: string): Set<number> {
  const out = new Set<number>();
  const digits =
    /(?<![\d.,/:])\d{1,3}(?:,\d{3})+(?![\d/:]|[.,]\d)|(?<![\d.,/:])\d+(?![\d/:]|[.,]\d)/g;
  for (const m of text.matchAll(digits)) {
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 2);
    if (/^(?:st|nd|rd|th)$/i.test(after)) continue;
    out.add(Number(m[0].replace(/,/g, "")));
  }
  const words = fold(text).split(" ");
  const small = (w: string): number | null => {
    const u = UNITS.indexOf(w);
    if (u >= 0) return u;
    const t = TENS.indexOf(w);
    return t >= 2 ? t * 10 : null;
  };
  for (let i = 0; i < words.length; i++) {
    let v = small(words[i]);
    let j = i;
    if (v === null && (words[i] === "a" || words[i] === "one") && words[i + 1] === "hundred") {
      v = 1;
    }
    if (v === null) continue;
    // "twenty five" (fold() makes "twenty-five" two words)
    if (v >= 20 && v % 10 === 0) {
      const u = UNITS.indexOf(words[j + 1] ?? "");
      if (u >= 1 && u <= 9) {
        v += u;
        j++;
      }
    }
    if (words[j + 1] === "hundred" && v < 10) {
      v *= 100;
      j++;
      let k = j + 1;
      if (words[k] === "and") k++;
      const rest = small(words[k] ?? "");
      if (rest !== null && rest > 0) {
        let r = rest;
        j = k;
        if (r >= 20 && r % 10 === 0) {
          const u = UNITS.indexOf(words[k + 1] ?? "");
          if (u >= 1 && u <= 9) {
            r += u;
            j++;
          }
        }
        v += r;
      }
    }
    out.add(v);
    i = j; // the words read are one number: "twenty five" is not also 5
  }
  return out;
}

export function fatalitiesAnswerable(row: UcdpRow): boolean {
  return row.best > 0 && numbersIn(decodeReferences(row.source_headline)).has(row.best);
}

// ------------------------------------------------------------------ comparing names

const ADMIN_WORDS = new Set([
  "governorate",
  "province",
  "region",
  "state",
  "department",
  "division",
  "prefecture",
]);
const ARABIC_ARTICLES = new Set(["al", "el", "ad", "ar", "as", "an", "ash", "at", "az", "adh"]);

/** An admin1 name as UCDP-README compares it: folded, without kind words or Arabic articles. */
export function adminKey(name: string): string {
  return fold(name)
    .split(" ")
    .filter((w) => !ADMIN_WORDS.has(w) && !ARABIC_ARTICLES.has(w))
    .join(" ");
}

/**
 * Whether two admin1 names are one division. `strict`: equal under adminKey(), as the README
 * words it. Otherwise also equal under the gazetteer's transliteration skeleton, so that
 * UCDP's "Hamah" and "Ar Raqqah" meet GeoNames' "Hama" and "Raqqa" (place-keys.ts), and
 * without the kind words the README's list lacks ("Misrata district" = "Misratah").
 */
export function sameAdmin1(gold: string, ours: string | null, strict: boolean): boolean {
  if (!ours) return false;
  const a = adminKey(gold);
  const b = adminKey(ours);
  if (a === b) return true;
  if (strict) return false;
  const loose = (k: string) =>
    skeletonKey(
      k
        .split(" ")
        .filter((w) => !MORE_ADMIN_WORDS.has(w))
        .join(" "),
    );
  return loose(a) === loose(b);
}

/** Kind words of first-level divisions the README's list leaves out: "Misrata district", "Donetsk oblast". */
const MORE_ADMIN_WORDS = new Set(["district", "county", "oblast", "municipality", "city"]);

/** UCDP's country names ("DR Congo (Zaire)", "Yemen (North Yemen)") as the names to look up. */
export function ucdpCountryNames(country: string): string[] {
  const m = /^(.*?)\s*\((.*)\)\s*$/.exec(country);
  return m ? [m[1], m[2]] : [country];
}

// ------------------------------------------------------------------ scoring

export type RowOutcome =
  | { error: string }
  | {
      events: SitrepEvent[];
    };

export interface RowScore {
  id: number;
  syria: boolean;
  events: number;
  error: string | null;
  country: boolean;
  placeAnswerable: boolean;
  /** km from UCDP's point to the top event's point; null when it has none. */
  topKm: number | null;
  /** km to the nearest event point of the row. */
  nearestKm: number | null;
  topAdmin1: boolean;
  anyAdmin1: boolean;
  topAdmin1Strict: boolean;
  fatalitiesAnswerable: boolean;
  topFatalities: boolean;
  anyFatalities: boolean;
}

export function topEvent(events: SitrepEvent[]): SitrepEvent | null {
  let best: SitrepEvent | null = null;
  for (const e of events) if (!best || e.confidence > best.confidence) best = e;
  return best;
}

function kmTo(row: UcdpRow, e: SitrepEvent | null): number | null {
  if (!e || e.latitude === null || e.longitude === null) return null;
  return distanceKm(row.latitude, row.longitude, e.latitude, e.longitude);
}

/**
 * Countries UCDP codes under another's name: its events in Gaza and the West Bank are Israel's
 * (the state in the conflict), where ACLED and GeoNames say Palestine; its events of the 1998-99
 * Kosovo war are Serbia's (Yugoslavia's), where GeoNames says Kosovo.
 */
export const UCDP_ALSO: Record<string, string[]> = { IL: ["PS"], RS: ["XK"] };

/** `countryIso`: ISO codes a UCDP country name stands for. */
export function scoreRow(
  row: UcdpRow,
  outcome: RowOutcome,
  countryIso: (ucdpCountry: string) => string | null,
): RowScore {
  const events = "events" in outcome ? outcome.events : [];
  const top = topEvent(events);
  const iso = countryIso(row.country);
  const dists = events.map((e) => kmTo(row, e)).filter((d): d is number => d !== null);
  const gold1 = row.adm_1;
  return {
    id: row.id,
    syria: iso === "SY",
    events: events.length,
    error: "error" in outcome ? outcome.error : null,
    country:
      !!top && iso !== null && (top.iso === iso || !!UCDP_ALSO[iso]?.includes(top.iso ?? "")),
    placeAnswerable: placeAnswerable(row),
    topKm: kmTo(row, top),
    nearestKm: dists.length ? Math.min(...dists) : null,
    topAdmin1: !!gold1 && !!top && sameAdmin1(gold1, top.admin1, false),
    anyAdmin1: !!gold1 && events.some((e) => sameAdmin1(gold1, e.admin1, false)),
    topAdmin1Strict: !!gold1 && !!top && sameAdmin1(gold1, top.admin1, true),
    fatalitiesAnswerable: fatalitiesAnswerable(row),
    topFatalities: !!top && top.fatalities === row.best,
    anyFatalities: events.some((e) => e.fatalities === row.best),
  };
}

export function median(xs: number[]): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface UcdpFigures {
  rows: number;
  noEvent: number;
  errors: number;
  country: number;
  placeRows: number;
  within: number;
  withinNearest: number;
  admin1: number;
  admin1Any: number;
  admin1Strict: number;
  medianKm: number;
  medianNearestKm: number;
  fatalityRows: number;
  fatalities: number;
  fatalitiesAny: number;
}

export function figures(scores: RowScore[]): UcdpFigures {
  const share = (xs: RowScore[], f: (s: RowScore) => boolean) =>
    xs.length ? xs.filter(f).length / xs.length : 0;
  const place = scores.filter((s) => s.placeAnswerable);
  const fat = scores.filter((s) => s.fatalitiesAnswerable);
  const inf = (d: number | null) => d ?? Number.POSITIVE_INFINITY;
  return {
    rows: scores.length,
    noEvent: scores.filter((s) => s.events === 0).length,
    errors: scores.filter((s) => s.error).length,
    country: share(scores, (s) => s.country),
    placeRows: place.length,
    within: share(place, (s) => inf(s.topKm) <= WITHIN_KM),
    withinNearest: share(place, (s) => inf(s.nearestKm) <= WITHIN_KM),
    admin1: share(place, (s) => s.topAdmin1),
    admin1Any: share(place, (s) => s.anyAdmin1),
    admin1Strict: share(place, (s) => s.topAdmin1Strict),
    medianKm: median(place.map((s) => inf(s.topKm))),
    medianNearestKm: median(place.map((s) => inf(s.nearestKm))),
    fatalityRows: fat.length,
    fatalities: share(fat, (s) => s.topFatalities),
    fatalitiesAny: share(fat, (s) => s.anyFatalities),
  };
}

/** The targets. */
export const TARGETS = {
  country: 0.95,
  within: 0.85,
  admin1: 0.9,
  medianKm: 5,
  fatalities: 0.8,
} as const;

function km(x: number): string {
  return Number.isFinite(x) ? `${x.toFixed(1)} km` : "none";
}

function mark(ok: boolean): string {
  return ok ? "met" : "MISSED";
}

/** The main table: one column per run (no hint, with a hint...). */
export function ucdpTable(runs: { name: string; f: UcdpFigures }[]): string {
  const cols = runs.map((r) => r.f);
  const row = (label: string, values: string[], note: string) => [label, ...values, note];
  return table(
    ["figure", ...runs.map((r) => r.name), "target / note"],
    [
      row(
        "rows",
        cols.map((f) => String(f.rows)),
        "",
      ),
      row(
        "rows with no event / not loaded",
        cols.map((f) => `${f.noEvent} / ${f.errors}`),
        "a row with no event is a miss",
      ),
      row(
        "country of the top event, all rows",
        cols.map((f) => f3(f.country)),
        `>= ${TARGETS.country} (${mark(cols[0].country >= TARGETS.country)})`,
      ),
      row(
        "place-answerable rows (where_prec <= 2, name in headline)",
        cols.map((f) => String(f.placeRows)),
        "",
      ),
      row(
        `top event within ${WITHIN_KM} km`,
        cols.map((f) => f3(f.within)),
        `>= ${TARGETS.within} (${mark(cols[0].within >= TARGETS.within)})`,
      ),
      row(
        `nearest event within ${WITHIN_KM} km`,
        cols.map((f) => f3(f.withinNearest)),
        "UCDP-README's wording: the nearest event point",
      ),
      row(
        "top event admin1 equal",
        cols.map((f) => f3(f.admin1)),
        `>= ${TARGETS.admin1} (${mark(cols[0].admin1 >= TARGETS.admin1)}); folded, Hamah = Hama, Misrata district = Misratah`,
      ),
      row(
        "top event admin1 equal, README folding only",
        cols.map((f) => f3(f.admin1Strict)),
        "Hamah != Hama, Ar Raqqah != Raqqa",
      ),
      row(
        "some event admin1 equal",
        cols.map((f) => f3(f.admin1Any)),
        "",
      ),
      row(
        "median error, top event",
        cols.map((f) => km(f.medianKm)),
        `<= ${TARGETS.medianKm} km (${mark(cols[0].medianKm <= TARGETS.medianKm)}); no point = infinite`,
      ),
      row(
        "median error, nearest event",
        cols.map((f) => km(f.medianNearestKm)),
        "",
      ),
      row(
        "fatality-answerable rows (best > 0, in headline)",
        cols.map((f) => String(f.fatalityRows)),
        "",
      ),
      row(
        "top event fatalities = best",
        cols.map((f) => f3(f.fatalities)),
        `>= ${TARGETS.fatalities} (${mark(cols[0].fatalities >= TARGETS.fatalities)})`,
      ),
      row(
        "some event fatalities = best",
        cols.map((f) => f3(f.fatalitiesAny)),
        "UCDP-README's wording: some event of the row",
      ),
    ],
    { right: runs.map((_, i) => i + 1) },
  );
}

/** Country accuracy and place figures for Syria and the rest (UCDP-README caveat 4). */
export function splitTable(scores: RowScore[]): string {
  const parts: [string, RowScore[]][] = [
    ["Syria", scores.filter((s) => s.syria)],
    ["not Syria", scores.filter((s) => !s.syria)],
  ];
  return table(
    [
      "rows",
      "n",
      "country",
      "place rows",
      `within ${WITHIN_KM} km`,
      "admin1",
      "fatal. rows",
      "fatal.",
    ],
    parts.map(([name, xs]) => {
      const f = figures(xs);
      return [
        name,
        f.rows,
        pct(f.country),
        f.placeRows,
        pct(f.within),
        pct(f.admin1),
        f.fatalityRows,
        pct(f.fatalities),
      ];
    }),
    { right: [1, 2, 3, 4, 5, 6, 7] },
  );
}

/** A resolver from UCDP country names to ISO codes through the gazetteer's country names. */
export function countryResolver(
  lookup: (key: string) => { kind: string; iso: string }[],
): (ucdpCountry: string) => string | null {
  const cache = new Map<string, string | null>();
  return (country) => {
    const hit = cache.get(country);
    if (hit !== undefined) return hit;
    let iso: string | null = null;
    for (const name of ucdpCountryNames(country)) {
      iso = lookup(fold(name)).find((e) => e.kind === "country")?.iso ?? null;
      if (iso) break;
    }
    cache.set(country, iso);
    return iso;
  };
}

// ------------------------------------------------------------------ running

export interface UcdpDeps {
  /** sitrep's events for a text read as published on a date. */
  extract: (text: string, id: string, published: string) => RowOutcome;
  /**
   * Every place the annotator finds in a text, for the geoparser-alone figures: `town` for towns
   * and divisions, not for countries and demonyms.
   */
  placesIn?: (text: string) => { lat: number; lon: number; iso: string; town: boolean }[];
  countryIso: (ucdpCountry: string) => string | null;
}

export interface UcdpRun {
  scores: RowScore[];
  /** Place-answerable rows where some place the annotator found lies within 25 km of UCDP's point. */
  annotatorWithin: number;
  /** Towns and divisions the annotator finds in all rows, and how many lie in the row's country. */
  annotatorPlaces: number;
  annotatorInCountry: number;
  /**
   * Rows whose headline names a place, a division or the country itself in the row's country:
   * about the most that reading places alone can get right on country.
   */
  countryNamed: number;
  seconds: number;
}

export function runUcdp(rows: UcdpRow[], deps: UcdpDeps): UcdpRun {
  const t0 = performance.now();
  const scores: RowScore[] = [];
  let annotatorHits = 0;
  let annotatorPlaces = 0;
  let annotatorInCountry = 0;
  let countryNamed = 0;
  for (const row of rows) {
    const text = headlineText(row);
    const outcome = deps.extract(text, `ucdp-${row.id}`, publishedOf(row));
    const s = scoreRow(row, outcome, deps.countryIso);
    scores.push(s);
    const places = deps.placesIn?.(text) ?? [];
    const points = places.filter((p) => p.town);
    const iso = deps.countryIso(row.country);
    const inCountry = (p: { iso: string }) =>
      p.iso === iso || (!!iso && !!UCDP_ALSO[iso]?.includes(p.iso));
    if (iso && places.some(inCountry)) countryNamed++;
    annotatorPlaces += points.length;
    annotatorInCountry += points.filter(inCountry).length;
    const near = points.some(
      (p) => distanceKm(row.latitude, row.longitude, p.lat, p.lon) <= WITHIN_KM,
    );
    if (s.placeAnswerable && near) annotatorHits++;
  }
  const placeRows = scores.filter((s) => s.placeAnswerable).length;
  return {
    scores,
    annotatorWithin: placeRows ? annotatorHits / placeRows : 0,
    annotatorPlaces,
    annotatorInCountry,
    countryNamed,
    seconds: (performance.now() - t0) / 1000,
  };
}

// ------------------------------------------------------------------ the section

/** The UCDP section of `npm run eval`: prints its tables, hands back its figures. */
export function evalUcdp(ctx: SectionContext): SectionOutcome | null {
  ctx.print(section("UCDP GED headlines (../shared/data/ucdp-dev.jsonl)"));
  const skip = skipIfMissing(UCDP_FILE);
  if (skip) {
    ctx.print(skip);
    return null;
  }
  const gaz = openGazetteer();
  try {
    const rows = readUcdp(sharedPath(UCDP_FILE));
    const countryIso = countryResolver((k) => gaz.lookup(k));
    const extractWith =
      (preset: Preset) =>
      (text: string, id: string, published: string): RowOutcome => {
        const item = loadText(
          text,
          { id, origin: id, override: published },
          { detectTitle: false },
        );
        const loaded = "doc" in item ? { doc: item.doc } : { error: item.error.message };
        const result = ctx.extract(loaded, preset);
        return "error" in result ? result : { events: result.events };
      };
    const run = runUcdp(rows, {
      extract: extractWith("precise"),
      placesIn: (text) =>
        annotatePlaces(text, splitSentences(text), gaz).map((m) => ({
          lat: m.place.latitude,
          lon: m.place.longitude,
          iso: m.place.iso,
          town: m.kind !== "country",
        })),
      countryIso,
    });
    // the same with every asserted event kept: what the confidence threshold costs
    const broad = runUcdp(rows, { extract: extractWith("broad"), countryIso });
    const f = figures(run.scores);
    ctx.print(
      ucdpTable([
        { name: "precise", f },
        { name: "broad", f: figures(broad.scores) },
      ]),
    );
    ctx.print(
      "targets are judged on the first column: `sitrep extract` as it runs by default, no country hint",
    );
    ctx.print(
      `geoparser alone: on the ${f.placeRows} place-answerable rows, a town or division the annotator finds lies within ${WITHIN_KM} km of UCDP's point on ${f3(run.annotatorWithin)} (whatever the events)`,
    );
    const inCountry = run.annotatorPlaces ? run.annotatorInCountry / run.annotatorPlaces : 0;
    ctx.print(
      `geoparser alone: of the ${run.annotatorPlaces} towns and divisions it finds in all rows, ${f3(inCountry)} lie in the row's country (the others are mostly wrong: a namesake abroad)`,
    );
    ctx.print(
      `headline ceiling: ${run.countryNamed} of ${rows.length} rows (${f3(run.countryNamed / rows.length)}) name a place, division, the country or its demonym in the row's country; the rest say where only through the parties ("regime forces") or not at all`,
    );
    ctx.print("\nSyria and the rest (UCDP-README caveat 4)");
    ctx.print(splitTable(run.scores));
    ctx.print(
      `${run.scores.length} rows in ${run.seconds.toFixed(1)} s (precise, with the annotator alone) and ${broad.seconds.toFixed(1)} s (broad)`,
    );
    const headlines: SectionOutcome["headlines"] = {
      ucdp_country_accuracy: f.country,
      ucdp_within_25km: f.within,
      ucdp_admin1_accuracy: f.admin1,
      ucdp_fatalities_accuracy: f.fatalities,
      ucdp_geoparser_within_25km: run.annotatorWithin,
      ucdp_geoparser_in_country: inCountry,
    };
    // a median over rows mostly without a point is infinite: no ceiling to hold it to
    if (Number.isFinite(f.medianKm)) headlines.ucdp_median_error_km = f.medianKm;
    return {
      headlines,
      record: {
        figures: { ...f, medianKm: Number.isFinite(f.medianKm) ? f.medianKm : null },
        annotator_within: run.annotatorWithin,
        annotator_in_country: inCountry,
        country_named: run.countryNamed,
        seconds: roundFigure(run.seconds),
        broad: figures(broad.scores),
        // the rows scored on place or count, for a look at what went wrong
        rows: run.scores.filter((r) => r.placeAnswerable || r.fatalitiesAnswerable),
      },
    };
  } finally {
    gaz.close();
  }
}
