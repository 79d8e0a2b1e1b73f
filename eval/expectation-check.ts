// Scores one ExtractionResult against an expected.json (the schema of ../shared/seed and
// ../shared/cases): one CheckResult per item, each failure worded like
// "fatalities: expected 1..2, got 30" (CONVENTIONS 7). Used by `npm run eval` and by tests.
//
// How events are paired: every expected event is scored against every produced event by the
// share of its field checks that pass. Required events take produced events one-to-one, best
// pairs first; an optional event may take any produced event (one it shares with a required
// event is how "or merged into the main event" is honoured), preferring one no one took.
import { emptyEvent } from "../src/core/empty-event.ts";
import type { ExtractionResult, SitrepEvent, Tally } from "../src/core/types.ts";
import {
  distanceKm,
  firstMeeting,
  firstStatedNumber,
  foldName,
  namesMeet,
  normalizeProse,
} from "./fuzzy.ts";

// ------------------------------------------------------------------ the expected.json schema

export interface Range {
  min: number;
  max: number;
}

export interface Near {
  lat: number;
  lon: number;
  km: number;
}

export interface ExpectedFatalityClaim {
  source_any?: string[];
  value: number;
  qualifier?: string;
  includes_civilians?: boolean;
}

export interface ExpectedEvent {
  key: string;
  required?: boolean;
  event_type?: string;
  event_type_any?: string[];
  sub_event_type?: string;
  sub_event_type_any?: string[];
  date?: string;
  date_before?: string;
  date_between?: [string, string];
  country?: string;
  country_any?: string[];
  countries_all?: string[];
  location_any?: string[];
  near?: Near;
  actor1_any?: string[];
  actor2_any?: string[];
  actors_either_order?: boolean;
  actor2_any_if_battle?: string[];
  fatalities?: Range;
  civilian_fatalities?: number | Range;
  injuries?: string | number | Range;
  fatality_claims?: ExpectedFatalityClaim[];
  quotes?: string[];
  /** `location_any_iq` and the like: accepted locations for the events in that country. */
  [key: string]: unknown;
}

export interface ExpectedTally {
  key: string;
  required?: boolean;
  count: number;
  qualifier?: string;
  as_of?: string;
  what?: string;
  countries?: string[];
  source?: string;
}

export interface MustNot {
  why?: string;
  [key: string]: unknown;
}

export interface AtMostNear extends Near {
  max: number;
  why?: string;
}

export interface ExpectedFile {
  key?: string;
  about?: string;
  published?: string;
  title?: string;
  boilerplate_dropped?: string[];
  title_repeated_once_only?: boolean;
  events?: ExpectedEvent[];
  tallies?: ExpectedTally[];
  must_not?: MustNot[];
  event_count?: Range;
  at_most_near?: AtMostNear[];
  html_file?: string;
  gold_file?: string;
  url?: string;
}

export interface CheckResult {
  item: string;
  required: boolean;
  pass: boolean;
  detail: string;
  /** A must_not key that documents a trap in words: reported, not scored. */
  documented?: boolean;
}

/** One field of one expected event against one produced event. */
export interface FieldCheck {
  field: string;
  pass: boolean;
  detail: string;
}

// ------------------------------------------------------------------ wording

function list(values: readonly string[], max = 4): string {
  const shown = values.slice(0, max).join(" | ");
  return values.length > max ? `${shown} (+${values.length - max})` : shown;
}

function oneOf(values: readonly string[]): string {
  return values.length === 1 ? values[0] : `one of ${list(values)}`;
}

function rangeText(r: Range): string {
  if (r.min === r.max) return String(r.min);
  if (!Number.isFinite(r.max)) return `>= ${r.min}`;
  return `${r.min}..${r.max}`;
}

function clip(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** "#2 Air/drone strike 2024-02-07 IQ Baghdad (0.77)": which produced event a line speaks of. */
export function describeEvent(ev: SitrepEvent, index: number): string {
  const where = [ev.iso ?? "no country", ev.location].filter(Boolean).join(" ");
  return `#${index + 1} ${ev.sub_event_type} ${ev.event_date ?? "undated"} ${where} (${ev.confidence})`;
}

function check(field: string, pass: boolean, expected: string, got: string): FieldCheck {
  return { field, pass, detail: `${field}: expected ${expected}, got ${got}` };
}

// ------------------------------------------------------------------ one function per field

export function checkEventType(exp: ExpectedEvent, ev: SitrepEvent): FieldCheck | null {
  const accepted = exp.event_type ? [exp.event_type] : exp.event_type_any;
  if (!accepted) return null;
  return check("event_type", accepted.includes(ev.event_type), oneOf(accepted), ev.event_type);
}

export function checkSubEventType(exp: ExpectedEvent, ev: SitrepEvent): FieldCheck | null {
  const accepted = exp.sub_event_type ? [exp.sub_event_type] : exp.sub_event_type_any;
  if (!accepted) return null;
  return check(
    "sub_event_type",
    accepted.includes(ev.sub_event_type),
    oneOf(accepted),
    ev.sub_event_type,
  );
}

export function checkDate(exp: ExpectedEvent, ev: SitrepEvent): FieldCheck | null {
  const got = ev.event_date ?? "no date";
  const d = ev.event_date;
  if (exp.date) return check("date", d === exp.date, exp.date, got);
  if (exp.date_before) {
    return check("date", d !== null && d < exp.date_before, `before ${exp.date_before}`, got);
  }
  if (exp.date_between) {
    const [from, to] = exp.date_between;
    return check("date", d !== null && d >= from && d <= to, `${from}..${to}`, got);
  }
  return null;
}

export function checkCountry(exp: ExpectedEvent, ev: SitrepEvent): FieldCheck | null {
  const accepted = exp.country ? [exp.country] : exp.country_any;
  if (!accepted) return null;
  return check(
    "country",
    ev.iso !== null && accepted.includes(ev.iso),
    oneOf(accepted),
    ev.iso ?? "none",
  );
}

export function checkLocation(exp: ExpectedEvent, ev: SitrepEvent): FieldCheck | null {
  if (!exp.location_any) return null;
  const pass =
    ev.location !== null && exp.location_any.some((l) => namesMeet(l, ev.location ?? ""));
  return check("location", pass, oneOf(exp.location_any), ev.location ?? "none");
}

/** `location_any_iq`: accepted locations for the event in Iraq; not applicable elsewhere. */
export function checkCountryLocations(exp: ExpectedEvent, ev: SitrepEvent): FieldCheck[] {
  const out: FieldCheck[] = [];
  for (const [key, value] of Object.entries(exp)) {
    const m = /^location_any_([a-z]{2})$/.exec(key);
    if (!m || !Array.isArray(value)) continue;
    const iso = m[1].toUpperCase();
    const accepted = value as string[];
    const field = `location (${iso})`;
    if (ev.iso !== iso) {
      out.push({
        field,
        pass: false,
        detail: `${field}: expected an event in ${iso}, got ${ev.iso ?? "none"}`,
      });
      continue;
    }
    const pass = ev.location !== null && accepted.some((l) => namesMeet(l, ev.location ?? ""));
    out.push(check(field, pass, oneOf(accepted), ev.location ?? "none"));
  }
  return out;
}

export function checkNear(exp: ExpectedEvent, ev: SitrepEvent): FieldCheck | null {
  const near = exp.near;
  if (!near) return null;
  const want = `within ${near.km} km of ${near.lat},${near.lon}`;
  if (ev.latitude === null || ev.longitude === null)
    return check("near", false, want, "no coordinates");
  const km = distanceKm(near.lat, near.lon, ev.latitude, ev.longitude);
  return check("near", km <= near.km, want, `${Math.round(km)} km (${ev.location ?? "?"})`);
}

/** actor1_any / actor2_any, in ACLED's order or, when `actors_either_order`, swapped. */
export function checkActors(exp: ExpectedEvent, ev: SitrepEvent): FieldCheck[] {
  const side1 = [ev.actor1, ev.assoc_actor_1];
  const side2 = [ev.actor2, ev.assoc_actor_2];
  const wants: [string, string[] | undefined][] = [
    ["actor1", exp.actor1_any],
    ["actor2", exp.actor2_any],
  ];
  const score = (sides: (string | null)[][]) =>
    wants.map(([, accepted], i) => (accepted ? firstMeeting(sides[i], accepted) : null));
  let sides = [side1, side2];
  let found = score(sides);
  let swapped = false;
  if (exp.actors_either_order) {
    const other = score([side2, side1]);
    if (other.filter(Boolean).length > found.filter(Boolean).length) {
      sides = [side2, side1];
      found = other;
      swapped = true;
    }
  }
  const out: FieldCheck[] = [];
  wants.forEach(([field, accepted], i) => {
    if (!accepted) return;
    const got = sides[i].filter(Boolean).join("; ") || "none";
    const c = check(field, found[i] !== null, oneOf(accepted), got);
    if (swapped) c.detail += " (sides swapped)";
    out.push(c);
  });
  return out;
}

/** actor2_any_if_battle: the other side, asked for only when the event is coded as Battles. */
export function checkActor2IfBattle(exp: ExpectedEvent, ev: SitrepEvent): FieldCheck | null {
  if (!exp.actor2_any_if_battle) return null;
  const field = "actor2 (if Battles)";
  if (ev.event_type !== "Battles") {
    return { field, pass: true, detail: `${field}: not asked, event is ${ev.event_type}` };
  }
  const got = [ev.actor2, ev.assoc_actor_2];
  const pass = firstMeeting(got, exp.actor2_any_if_battle) !== null;
  return check(
    field,
    pass,
    oneOf(exp.actor2_any_if_battle),
    got.filter(Boolean).join("; ") || "none",
  );
}

/** An expected figure as a range: 2, {min,max}, or prose stating a number ("at least 24"). */
export function figureRange(value: number | Range | string): Range | null {
  if (typeof value === "number") return { min: value, max: value };
  if (typeof value === "string") {
    const n = firstStatedNumber(value);
    return n === null ? null : { min: n, max: Number.POSITIVE_INFINITY };
  }
  return value;
}

/** A count in a range. No figure reads as 0: ACLED codes an unreported count as 0. */
function checkFigure(field: string, want: Range | null, got: number | null): FieldCheck | null {
  if (!want) return null;
  const n = got ?? 0;
  return check(
    field,
    n >= want.min && n <= want.max,
    rangeText(want),
    got === null ? "none" : String(got),
  );
}

export function checkFatalities(exp: ExpectedEvent, ev: SitrepEvent): FieldCheck | null {
  return checkFigure("fatalities", exp.fatalities ?? null, ev.fatalities);
}

export function checkCivilianFatalities(exp: ExpectedEvent, ev: SitrepEvent): FieldCheck | null {
  if (exp.civilian_fatalities === undefined) return null;
  return checkFigure(
    "civilian_fatalities",
    figureRange(exp.civilian_fatalities),
    ev.civilian_fatalities,
  );
}

export function checkInjuries(exp: ExpectedEvent, ev: SitrepEvent): FieldCheck | null {
  if (exp.injuries === undefined) return null;
  return checkFigure("injuries", figureRange(exp.injuries), ev.injuries);
}

function claimText(c: {
  source: string | null;
  qualifier: string | null;
  value: string | number;
}): string {
  const q = c.qualifier && c.qualifier !== "exact" ? `${c.qualifier} ` : "";
  return `${c.source ?? "the outlet"}: ${q}${c.value}`;
}

/** A fatalities claim with the value, qualifier and source stated (civilians too, when asked). */
export function checkFatalityClaims(exp: ExpectedEvent, ev: SitrepEvent): FieldCheck[] {
  return (exp.fatality_claims ?? []).map((want, i) => {
    const field = `fatality_claims[${i}]`;
    const wanted = `${want.source_any ? oneOf(want.source_any) : "any source"}: ${want.qualifier ? `${want.qualifier} ` : ""}${want.value}${want.includes_civilians ? " incl. civilians" : ""}`;
    const fits = ev.claims.filter(
      (c) =>
        c.field === "fatalities" &&
        Number(c.value) === want.value &&
        (!want.qualifier || c.qualifier === want.qualifier) &&
        (!want.source_any ||
          (c.source !== null && want.source_any.some((s) => namesMeet(s, c.source ?? "")))),
    );
    const civilians = (text: string) =>
      ev.claims.some((c) => c.field === "civilian_fatalities" && c.text === text) ||
      /\bcivilian/i.test(text);
    const pass = fits.some((c) => !want.includes_civilians || civilians(c.text));
    const stated = ev.claims.filter((c) => c.field === "fatalities");
    const got = stated.length ? stated.map(claimText).join("; ") : "no fatalities claim";
    return check(field, pass, wanted, got);
  });
}

/** Each quote inside the event's evidence, whitespace and typographic quotes normalised. */
export function checkQuotes(exp: ExpectedEvent, ev: SitrepEvent): FieldCheck | null {
  if (!exp.quotes?.length) return null;
  const evidence = normalizeProse(ev.evidence.map((e) => e.text).join(" "));
  const missing = exp.quotes.filter((q) => !evidence.includes(normalizeProse(q)));
  const found = exp.quotes.length - missing.length;
  const detail = missing.length
    ? `quotes: expected all ${exp.quotes.length} in the evidence, got ${found}; missing ${missing.map((q) => `"${clip(q, 50)}"`).join(", ")}`
    : `quotes: all ${exp.quotes.length} in the evidence`;
  return { field: "quotes", pass: missing.length === 0, detail };
}

/** Every field check of one expected event against one produced event, in a fixed order. */
export function eventFieldChecks(exp: ExpectedEvent, ev: SitrepEvent): FieldCheck[] {
  const out: (FieldCheck | null)[] = [
    checkEventType(exp, ev),
    checkSubEventType(exp, ev),
    checkDate(exp, ev),
    checkCountry(exp, ev),
    checkLocation(exp, ev),
    ...checkCountryLocations(exp, ev),
    checkNear(exp, ev),
    ...checkActors(exp, ev),
    checkActor2IfBattle(exp, ev),
    checkFatalities(exp, ev),
    checkCivilianFatalities(exp, ev),
    checkInjuries(exp, ev),
    ...checkFatalityClaims(exp, ev),
    checkQuotes(exp, ev),
  ];
  return out.filter((c): c is FieldCheck => c !== null);
}

/** Share of the field checks that pass: how well a produced event fits an expected one. */
export function fitScore(exp: ExpectedEvent, ev: SitrepEvent): number {
  const checks = eventFieldChecks(exp, ev);
  return checks.length ? checks.filter((c) => c.pass).length / checks.length : 1;
}

// ------------------------------------------------------------------ pairing events

interface Pairing {
  /** Indices into result.events: the best fit first, then (countries_all) one more per country. */
  events: number[];
}

/**
 * For `countries_all`, ACLED codes one event per country: the best fit, plus for every other
 * listed country the best-fitting free event there of the accepted type and date.
 */
function countryGroup(
  exp: ExpectedEvent,
  events: SitrepEvent[],
  first: number,
  taken: Set<number>,
): number[] {
  const group = [first];
  if (!exp.countries_all) return group;
  const core = (ev: SitrepEvent) =>
    [checkEventType(exp, ev), checkSubEventType(exp, ev), checkDate(exp, ev)].every(
      (c) => !c || c.pass,
    );
  for (const iso of exp.countries_all) {
    if (group.some((i) => events[i].iso === iso)) continue;
    let best = -1;
    events.forEach((ev, i) => {
      if (taken.has(i) || group.includes(i) || ev.iso !== iso || !core(ev)) return;
      if (best < 0 || fitScore(exp, ev) > fitScore(exp, events[best])) best = i;
    });
    if (best >= 0) group.push(best);
  }
  return group;
}

function pairEvents(expected: ExpectedEvent[], events: SitrepEvent[]): Map<string, Pairing> {
  const pairs = new Map<string, Pairing>();
  const taken = new Set<number>();
  const required = expected.filter((e) => e.required !== false);
  const scores = required.map((exp) => events.map((ev) => fitScore(exp, ev)));
  const open = new Set(required.map((_, i) => i));
  while (open.size) {
    let r = -1;
    let e = -1;
    for (const ri of open) {
      for (let ei = 0; ei < events.length; ei++) {
        if (taken.has(ei)) continue;
        if (r < 0 || scores[ri][ei] > scores[r][e]) {
          r = ri;
          e = ei;
        }
      }
    }
    if (r < 0) break;
    open.delete(r);
    taken.add(e);
    const group = countryGroup(required[r], events, e, taken);
    for (const i of group) taken.add(i);
    pairs.set(required[r].key, { events: group });
  }
  for (const exp of expected) {
    if (exp.required !== false || !events.length) continue;
    // A free event wins a tie: an optional event is only "merged" when nothing else fits as well.
    let best = 0;
    let bestScore = -1;
    events.forEach((ev, i) => {
      const s = fitScore(exp, ev) + (taken.has(i) ? 0 : 1e-6);
      if (s > bestScore) {
        best = i;
        bestScore = s;
      }
    });
    pairs.set(exp.key, { events: countryGroup(exp, events, best, new Set()) });
  }
  return pairs;
}

/** countries_all: the group's countries together cover every listed one. */
export function checkCountriesAll(exp: ExpectedEvent, group: SitrepEvent[]): FieldCheck | null {
  if (!exp.countries_all) return null;
  const got = [...new Set(group.map((e) => e.iso).filter((c): c is string => c !== null))];
  const pass = exp.countries_all.every((c) => got.includes(c));
  return check(
    "countries",
    pass,
    `${exp.countries_all.join(" + ")} (one event each or one for all)`,
    got.join(" + ") || "none",
  );
}

/** Stands in for a missing event, only to list the fields an expected event asks about. */
const NO_EVENT: SitrepEvent = emptyEvent();

/** The checks of one expected event over its group: a field passes when any event of the group passes it. */
function groupChecks(exp: ExpectedEvent, group: SitrepEvent[]): FieldCheck[] {
  const per = group.map((ev) => eventFieldChecks(exp, ev));
  const out = per[0].map((first, f) => per.find((checks) => checks[f]?.pass)?.[f] ?? first);
  const all = checkCountriesAll(exp, group);
  if (all) {
    // The country of one event says nothing when the expectation is "all of these".
    return [all, ...out.filter((c) => c.field !== "country")];
  }
  return out;
}

export function checkEvents(expected: ExpectedEvent[], result: ExtractionResult): CheckResult[] {
  const out: CheckResult[] = [];
  const pairs = pairEvents(expected, result.events);
  for (const exp of expected) {
    const required = exp.required !== false;
    const pairing = pairs.get(exp.key);
    const name = `event ${exp.key}`;
    if (!pairing) {
      // Every field fails too, so that "required passed" keeps its denominator.
      out.push({
        item: name,
        required,
        pass: false,
        detail: `${name}: expected a matching event, got none left to match`,
      });
      for (const c of groupChecks(exp, [NO_EVENT])) {
        out.push({
          item: `${name}: ${c.field}`,
          required,
          pass: false,
          detail: `${c.field}: no event to check`,
        });
      }
      continue;
    }
    const group = pairing.events.map((i) => result.events[i]);
    const shown = pairing.events.map((i) => describeEvent(result.events[i], i)).join(" + ");
    out.push({ item: name, required, pass: true, detail: `matched ${shown}` });
    for (const c of groupChecks(exp, group)) {
      out.push({ item: `${name}: ${c.field}`, required, pass: c.pass, detail: c.detail });
    }
  }
  return out;
}

// ------------------------------------------------------------------ document-level items

export function checkTitle(expected: string, result: ExtractionResult): CheckResult {
  const got = result.title ?? "";
  const pass = normalizeProse(got) === normalizeProse(expected);
  return {
    item: "title",
    required: true,
    pass,
    detail: `title: expected "${clip(expected, 80)}", got "${clip(got, 80) || "none"}"`,
  };
}

export function checkBoilerplateDropped(expected: string[], result: ExtractionResult): CheckResult {
  const dropped = result.dropped.map((d) => normalizeProse(d).toLowerCase());
  const missing = expected.filter((want) => {
    const w = normalizeProse(want).toLowerCase();
    return !dropped.some((d) => d.includes(w));
  });
  const detail = missing.length
    ? `boilerplate_dropped: expected all ${expected.length} dropped, got ${expected.length - missing.length}; missing ${missing.map((m) => `"${clip(m, 40)}"`).join(", ")}`
    : `boilerplate_dropped: all ${expected.length} dropped`;
  return { item: "boilerplate_dropped", required: true, pass: missing.length === 0, detail };
}

function occurrences(hay: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

export function checkTitleOnce(title: string, result: ExtractionResult): CheckResult {
  const n = occurrences(normalizeProse(result.text), normalizeProse(title));
  return {
    item: "title_repeated_once_only",
    required: true,
    pass: n <= 1,
    detail: `title_repeated_once_only: expected the title at most once in the text, got ${n}`,
  };
}

function tallyText(t: {
  count: number;
  qualifier?: string | null;
  as_of?: string | null;
  countries?: string[];
  source?: string | null;
}): string {
  const q = t.qualifier && t.qualifier !== "exact" ? `${t.qualifier} ` : "";
  const asOf = t.as_of ? ` as of ${t.as_of}` : "";
  const where = t.countries?.length ? ` in ${t.countries.join(", ")}` : "";
  const source = t.source ? ` (${t.source})` : "";
  return `${q}${t.count}${asOf}${where}${source}`;
}

/** The parts of an expected tally one produced tally gets right. */
function tallyParts(want: ExpectedTally, t: Tally): boolean[] {
  return [
    t.count === want.count,
    !want.qualifier || t.qualifier === want.qualifier,
    !want.as_of || t.as_of === want.as_of,
    !want.countries || want.countries.every((c) => t.countries.includes(c)),
    !want.source || (t.source !== null && namesMeet(want.source, t.source)),
  ];
}

export function checkTally(want: ExpectedTally, result: ExtractionResult): CheckResult {
  const item = `tally ${want.key}`;
  const required = want.required !== false;
  let best: Tally | null = null;
  let bestScore = -1;
  for (const t of result.tallies) {
    const parts = tallyParts(want, t);
    // The count is what a tally is; a wrong count with the right date is a different tally.
    const score = parts[0] ? parts.filter(Boolean).length : 0;
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  const pass = best !== null && tallyParts(want, best).every(Boolean);
  const got = best ? tallyText(best) : "no tally";
  return { item, required, pass, detail: `tally: expected ${tallyText(want)}, got ${got}` };
}

export function checkEventCount(want: Range, result: ExtractionResult): CheckResult {
  const n = result.events.length;
  return {
    item: "event_count",
    required: true,
    pass: n >= want.min && n <= want.max,
    detail: `event_count: expected ${rangeText(want)}, got ${n}`,
  };
}

/**
 * At most `max` events within `km` of a point: one incident told several times stays one.
 * An event placed only at the region or country (geo_precision 3) sits at that area's
 * representative point, often the capital; its coordinates say nothing about being near, so
 * it is listed but not counted.
 */
export function checkAtMostNear(want: AtMostNear, result: ExtractionResult): CheckResult {
  const within = result.events
    .map((ev, i) => ({ ev, i }))
    .filter(
      ({ ev }) =>
        ev.latitude !== null &&
        ev.longitude !== null &&
        distanceKm(want.lat, want.lon, ev.latitude, ev.longitude) <= want.km,
    );
  const near = within.filter(({ ev }) => ev.geo_precision !== 3);
  const areaOnly = within.length - near.length;
  const shown = near.map(({ ev, i }) => describeEvent(ev, i)).join("; ");
  return {
    item: `at_most_near ${want.lat},${want.lon}`,
    required: true,
    pass: near.length <= want.max,
    detail:
      `at_most_near: expected at most ${want.max} within ${want.km} km of ${want.lat},${want.lon}, got ${near.length}` +
      (shown ? `: ${shown}` : "") +
      (areaOnly ? ` (${areaOnly} placed only at region/country level not counted)` : ""),
  };
}

// ------------------------------------------------------------------ must_not

/**
 * Phrases of threat and promise that are not events: an event told only by sentences holding
 * one of these is a modality error. An approximation of `modality_future_as_event`; the
 * phrases are the ones DESIGN.md names as its example of modality.
 */
export const FUTURE_MARKERS = ["will not hesitate", "further responses", "would be taken"];

/** must_not keys checked against the events; any other key documents a trap in words. */
const CHECKABLE = new Set(["country", "fatalities", "location_any", "modality_future_as_event"]);

function offenders(key: string, value: unknown, events: SitrepEvent[]): number[] {
  const hits: number[] = [];
  events.forEach((ev, i) => {
    let hit = false;
    if (key === "country") hit = ev.iso === value;
    else if (key === "fatalities") hit = ev.fatalities === value;
    else if (key === "location_any") {
      hit =
        ev.location !== null && (value as string[]).some((l) => namesMeet(l, ev.location ?? ""));
    } else if (key === "modality_future_as_event" && value === true) {
      hit =
        ev.evidence.length > 0 &&
        ev.evidence.every((e) =>
          FUTURE_MARKERS.some((m) => foldName(e.text).includes(foldName(m))),
        );
    }
    if (hit) hits.push(i);
  });
  return hits;
}

function mustNotLabel(key: string, value: unknown): string {
  if (value === true) return key;
  if (Array.isArray(value)) return `${key}=${list(value as string[], 3)}`;
  return `${key}=${String(value)}`;
}

export function checkMustNot(entry: MustNot, result: ExtractionResult): CheckResult[] {
  const out: CheckResult[] = [];
  const why = entry.why ? ` (${clip(entry.why, 70)})` : "";
  for (const [key, value] of Object.entries(entry)) {
    if (key === "why") continue;
    const item = `must_not ${mustNotLabel(key, value)}`;
    if (!CHECKABLE.has(key)) {
      out.push({ item, required: false, pass: true, documented: true, detail: `documented${why}` });
      continue;
    }
    const hits = offenders(key, value, result.events);
    const detail = hits.length
      ? `must_not ${key}: expected no such event${why}, got ${hits.map((i) => describeEvent(result.events[i], i)).join("; ")}`
      : `must_not ${key}: none`;
    out.push({ item, required: true, pass: hits.length === 0, detail });
  }
  return out;
}

// ------------------------------------------------------------------ the whole file

export function checkExpectation(expected: ExpectedFile, result: ExtractionResult): CheckResult[] {
  const out: CheckResult[] = [];
  if (expected.title !== undefined) out.push(checkTitle(expected.title, result));
  if (expected.boilerplate_dropped?.length) {
    out.push(checkBoilerplateDropped(expected.boilerplate_dropped, result));
  }
  if (expected.title_repeated_once_only) {
    const title = expected.title ?? result.title;
    if (title) out.push(checkTitleOnce(title, result));
  }
  out.push(...checkEvents(expected.events ?? [], result));
  for (const t of expected.tallies ?? []) out.push(checkTally(t, result));
  for (const m of expected.must_not ?? []) out.push(...checkMustNot(m, result));
  if (expected.event_count) out.push(checkEventCount(expected.event_count, result));
  for (const a of expected.at_most_near ?? []) out.push(checkAtMostNear(a, result));
  return out;
}

export interface CheckTotals {
  requiredPassed: number;
  required: number;
  optionalPassed: number;
  optional: number;
  documented: number;
}

export function totals(checks: CheckResult[]): CheckTotals {
  const scored = checks.filter((c) => !c.documented);
  const req = scored.filter((c) => c.required);
  const opt = scored.filter((c) => !c.required);
  return {
    requiredPassed: req.filter((c) => c.pass).length,
    required: req.length,
    optionalPassed: opt.filter((c) => c.pass).length,
    optional: opt.length,
    documented: checks.length - scored.length,
  };
}
