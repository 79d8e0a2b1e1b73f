// MUC-4 DEV (../shared/data/news-dev/muc4-dev): FBIS wire texts of 1989-90 with the MUC-4
// answer-key templates. sitrep's events are matched to the key's incidents on type (the table
// eval/schemes/muc4-acled.tsv) and place; on the matched incidents the date, the number of
// deaths and the perpetrator organisation are compared. The rules are written out once, in
// eval/README.md ("MUC-4"); the comments here point at them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Gazetteer, openGazetteer } from "../src/annotate/places/gazetteer.ts";
import { fold } from "../src/core/text.ts";
import type { IsoDate, SitrepEvent } from "../src/core/types.ts";
import { loadText } from "../src/load/text-loader.ts";
import { roundFigure } from "./baseline.ts";
import { distanceKm, firstMeeting, foldName, namesMeet } from "./fuzzy.ts";
import { f3, section, table } from "./report.ts";
import {
  type Preset,
  ratio,
  readScheme,
  type SectionContext,
  type SectionOutcome,
  TARGET_HEAD,
  targetRow,
} from "./section.ts";
import { type Loaded, sharedPath, skipIfMissing } from "./shared-data.ts";

export const MUC4_DIR = "data/news-dev/muc4-dev";

/** The issue's targets (issue 3). */
export const MUC4_TARGETS = {
  recall: 0.75,
  precision: 0.7,
  date: 0.8,
  deaths: 0.8,
  perpetrator: 0.6,
  /** Irrelevant articles with no violent event, out of the 10. */
  irrelevantQuiet: 8,
} as const;

/** ACLED's violent event types: the events precision counts (README, MUC-4 "precision"). */
export const VIOLENT_TYPES = new Set<string>([
  "Battles",
  "Explosions/Remote violence",
  "Violence against civilians",
  "Riots",
]);

/** An event within this distance of the key's place (as GeoNames has it) is at that place. */
export const PLACE_KM = 25;

/** A date this many days either side of the key's date (or range) still agrees. */
export const DATE_SLACK_DAYS = 1;

/**
 * Kinds of place in slot 3 finer than a town: ACLED's location is the town they are in, so a
 * match on them is welcome but not required (README, MUC-4 "place").
 */
export const BELOW_TOWN_KINDS = new Set([
  "NEIGHBORHOOD",
  "NEIGHBOURHOOD",
  "SECTOR",
  "AIRPORT",
  "UNIVERSITY",
  "BUILDING",
  "STREET",
  "BARRIO",
  "FARM",
  "ESTATE",
  "HACIENDA",
  "BASE",
  "PORT",
]);

/** Kinds of place in slot 3 that are regions: matched by name only, never by distance. */
export const REGION_KINDS = new Set(["DEPARTMENT", "PROVINCE", "STATE", "REGION"]);

// ------------------------------------------------------------------ fills

/** One fill of a slot (one line of the key), as MUC-4 writes it. */
export interface Fill {
  /** Marked "?" by the annotators; scored like any other fill. */
  uncertain: boolean;
  /** A set fill's label before the colon: DEATH, 12, PLURAL, LEGAL OR JUDICIAL; else null. */
  label: string | null;
  /** The quoted strings, each an acceptable alternative ("/"); "-" strings left out. */
  strings: string[];
  /** The fill as written, without the "?". */
  text: string;
}

const QUOTED = /"((?:\\.|[^"\\])*)"/g;

/** A fill, or null for "-" (empty) and "*" (irrelevant document). */
export function parseFill(raw: string): Fill | null {
  let text = raw.trim();
  const uncertain = text.startsWith("?");
  if (uncertain) text = text.slice(1).trim();
  if (text === "" || text === "-" || text === "*") return null;
  const strings = [...text.matchAll(QUOTED)]
    .map((m) =>
      m[1]
        .replace(/\\"/g, '"')
        .replace(/^"+|"+$/g, "")
        .trim(),
    )
    .filter((s) => s && s !== "-");
  const labelled = /^([^":]+?)\s*:\s*"/.exec(text);
  return { uncertain, label: labelled ? labelled[1].trim() : null, strings, text };
}

/** The fills of a slot, "-" and "*" left out. */
export function parseFills(values: string[] | undefined): Fill[] {
  return (values ?? []).map(parseFill).filter((f): f is Fill => f !== null);
}

// ------------------------------------------------------------------ dates

const MONTHS: Record<string, number> = {
  JAN: 1,
  FEB: 2,
  MAR: 3,
  APR: 4,
  MAY: 5,
  JUN: 6,
  JUL: 7,
  AUG: 8,
  SEP: 9,
  OCT: 10,
  NOV: 11,
  DEC: 12,
};

function iso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * "17 JAN 89", "03 MARCH 90", "8 JAN 90" -> YYYY-MM-DD. Two-digit years are 19xx from 50 up;
 * a day past the month's end ("31 NOV 89" is in the key) becomes the month's last day.
 */
export function parseMucDay(s: string): IsoDate | null {
  const m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2}|\d{4})$/.exec(s.trim());
  if (!m) return null;
  const month = MONTHS[m[2].slice(0, 3).toUpperCase()];
  if (!month) return null;
  let year = Number(m[3]);
  if (m[3].length === 2) year += year >= 50 ? 1900 : 2000;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(m[1]), last);
  return day >= 1 ? iso(year, month, day) : null;
}

/** A date or a range of dates; an open end is null ("- 17 JAN 89": on or before 17 Jan 89). */
export interface DateRange {
  from: IsoDate | null;
  to: IsoDate | null;
}

/**
 * Slot 2 as ranges, one per alternative: "17 JAN 89", "- 17 JAN 89" (on or before),
 * "17 JAN 89 - 21 JAN 89", "(- 13 DEC 89) / (- 11 DEC 89)". [] for an empty or unreadable fill.
 */
export function parseMucDate(fill: string): DateRange[] {
  const out: DateRange[] = [];
  for (const alt of fill.split("/")) {
    const s = alt.replace(/[()?]/g, " ").replace(/\s+/g, " ").trim();
    if (!s || s === "-") continue;
    const parts = s.split(/\s*-\s*/);
    if (parts.length === 1) {
      const d = parseMucDay(parts[0]);
      if (d) out.push({ from: d, to: d });
    } else if (parts.length === 2) {
      const from = parts[0] ? parseMucDay(parts[0]) : null;
      const to = parts[1] ? parseMucDay(parts[1]) : null;
      if ((parts[0] && !from) || (parts[1] && !to) || (!from && !to)) continue;
      out.push({ from, to });
    }
  }
  return out;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The event's date lies in one of the ranges, widened by DATE_SLACK_DAYS each side. */
export function dateAgrees(ranges: DateRange[], date: IsoDate | null): boolean {
  if (!date) return false;
  return ranges.some(
    (r) =>
      (r.from === null || date >= addDays(r.from, -DATE_SLACK_DAYS)) &&
      (r.to === null || date <= addDays(r.to, DATE_SLACK_DAYS)),
  );
}

/**
 * The dateline's date, "BOGOTA, 21 JAN 89 (...) -- [TEXT]" -> 1989-01-21: what the wire's
 * reader knew, given to the pipeline as the publication date. Null when the dateline has no
 * year ("MEXICO CITY (MEXICO), 12 NOV (EFE)").
 */
export function datelineDate(text: string): IsoDate | null {
  const head = text.trimStart().split("--")[0].slice(0, 120);
  const m = /,\s*(\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{2,4})\b/.exec(head);
  return m ? parseMucDay(m[1]) : null;
}

// ------------------------------------------------------------------ places

export interface PlaceLevel {
  name: string;
  /** CITY, DEPARTMENT, NEIGHBORHOOD...; "" when the key gives none. */
  kind: string;
}

/** One alternative of slot 3: the country, then levels from widest to narrowest. */
export interface MucLocation {
  country: string;
  /** Each level's alternatives ("TIERRA BLANCA (CITY) - JIQUILISCO (JURISDICTION)" is one level). */
  levels: PlaceLevel[][];
}

/** "COLOMBIA: SANTANDER (DEPARTMENT): LA ROCHELA (CITY)"; "/" separates alternatives. */
export function parseLocation(fill: string): MucLocation[] {
  return fill
    .split(" / ")
    .map((alt) => alt.replace(/^\s*\?\s*/, "").trim())
    .filter((alt) => alt && alt !== "-" && alt !== "*")
    .map((alt) => {
      const [country, ...rest] = alt.split(":").map((s) => s.trim());
      const levels = rest.filter(Boolean).map((level) =>
        level.split(/\s+-\s+/).map((part) => {
          const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(part);
          return m
            ? { name: m[1].trim(), kind: m[2].trim().toUpperCase() }
            : { name: part, kind: "" };
        }),
      );
      return { country, levels };
    });
}

/** Where GeoNames has a name in a country: a town (with its point) or a region; null when it has none. */
export type Geocode = (
  name: string,
  country: string,
  /** The department or province the key puts the place in, when it names one. */
  region?: string,
) => { kind: "city" | "admin1" | "country"; lat: number; lon: number } | null;

/** What an event must meet to be at the template's place (README, MUC-4 "place"). */
export interface PlaceTarget {
  country: string;
  /** Names any of which the event's location, admin2, admin1 or country must meet. */
  names: string[];
  /** The town's point, when the target is a town GeoNames has. */
  point: { lat: number; lon: number } | null;
}

/**
 * From the narrowest level up: names finer than a town are accepted on the way; the first town
 * or region GeoNames has in the template's country ends the walk (a town gives its point, a
 * region only its name) (a place GeoNames lacks could
 * not be named by sitrep, so the level above it is the target too); with none, the country.
 */
export function placeTarget(loc: MucLocation, geocode: Geocode): PlaceTarget {
  const names: string[] = [];
  for (let i = loc.levels.length - 1; i >= 0; i--) {
    const level = loc.levels[i];
    names.push(...level.map((p) => p.name));
    for (const p of level) {
      if (BELOW_TOWN_KINDS.has(p.kind)) continue;
      const found = geocode(p.name, loc.country, regionAbove(loc, i));
      if (!found) continue;
      const town = found.kind === "city" && !REGION_KINDS.has(p.kind);
      const point = town ? { lat: found.lat, lon: found.lon } : null;
      return { country: loc.country, names, point };
    }
  }
  names.push(loc.country);
  return { country: loc.country, names, point: null };
}

/** The nearest DEPARTMENT, PROVINCE, STATE or REGION above level i, if the key names one. */
function regionAbove(loc: MucLocation, i: number): string | undefined {
  for (let k = i - 1; k >= 0; k--) {
    const region = loc.levels[k].find((p) => REGION_KINDS.has(p.kind));
    if (region) return region.name;
  }
  return undefined;
}

/** The event is in the target's country and names its place, or lies within PLACE_KM of it. */
export function placeAgrees(target: PlaceTarget, e: SitrepEvent): boolean {
  if (e.country && !namesMeet(e.country, target.country)) return false;
  const fields = [e.location, e.admin2, e.admin1, e.country].filter((f): f is string => !!f);
  if (fields.some((f) => target.names.some((n) => namesMeet(f, n)))) return true;
  if (target.point && e.latitude !== null && e.longitude !== null) {
    const km = distanceKm(target.point.lat, target.point.lon, e.latitude, e.longitude);
    return km <= PLACE_KM;
  }
  return false;
}

/** A Geocode over the project's GeoNames index: the name in the country, town before region. */
export function gazetteerGeocode(g: Gazetteer): Geocode {
  const isoOf = new Map<string, string | null>();
  const countryIso = (country: string): string | null => {
    const key = fold(country);
    if (!isoOf.has(key)) {
      isoOf.set(key, g.lookup(key).find((e) => e.kind === "country")?.iso ?? null);
    }
    return isoOf.get(key) ?? null;
  };
  return (name, country, region) => {
    const iso = countryIso(country);
    if (!iso) return null;
    // a namesake in another department is not the key's town: GeoNames lacks that one
    const regionCodes = new Set(
      region
        ? g
            .lookup(fold(region))
            .filter((e) => e.kind === "admin1" && e.iso === iso)
            .map((e) => e.admin1Code)
        : [],
    );
    // towns and admin1 divisions only: the gold's levels are towns, departments and countries
    const entries = g
      .lookup(fold(name))
      .filter(
        (e): e is typeof e & { kind: "city" | "admin1" } =>
          e.iso === iso &&
          (e.kind === "city" || e.kind === "admin1") &&
          (regionCodes.size === 0 || e.kind === "admin1" || regionCodes.has(e.admin1Code)),
      );
    const best = entries.find((e) => e.kind === "city") ?? entries[0];
    return best ? { kind: best.kind, lat: best.lat, lon: best.lon } : null;
  };
}

// ------------------------------------------------------------------ deaths

/** A set fill's label as a count: "12" -> 12; "PLURAL", "40-", "5 - 10" -> null. */
function exactCount(label: string | null): number | null {
  return label && /^\d+$/.test(label) ? Number(label) : null;
}

function sameTarget(a: Fill, b: Fill): boolean {
  const fa = new Set(a.strings.map(foldName));
  return b.strings.some((s) => fa.has(foldName(s)));
}

/**
 * The key's number of deaths, or null when it gives none (README, MUC-4 "deaths"): the sum of
 * slot 21's count for every target slot 23 marks DEATH (each count given as a plain number);
 * 0 when slot 23 marks targets NO DEATH or NO INJURY OR DEATH and none DEATH; slot 24's total
 * when every slot-23 fill is DEATH and a target lacks a count.
 */
export function goldDeaths(numbers: Fill[], effects: Fill[], total: Fill[]): number | null {
  const deaths = effects.filter((f) => f.label === "DEATH");
  if (!deaths.length) {
    const none = effects.some((f) => f.label === "NO DEATH" || f.label === "NO INJURY OR DEATH");
    return none ? 0 : null;
  }
  const counted = new Set<Fill>();
  let sum = 0;
  for (const d of deaths) {
    const n = numbers.find((f) => sameTarget(f, d));
    const count = n ? exactCount(n.label) : null;
    if (count === null) {
      const all = effects.every((f) => f.label === "DEATH");
      return all && total.length === 1 ? exactCount(total[0].text) : null;
    }
    if (n && !counted.has(n)) {
      counted.add(n);
      sum += count;
    }
  }
  return sum;
}

// ------------------------------------------------------------------ templates

export interface MucTemplate {
  article: string;
  /** Slot 1: "1", "2"... */
  number: string;
  /** "1 (OPTIONAL)": counted when found, not missed when not. */
  optional: boolean;
  type: string;
  stage: string;
  dates: DateRange[];
  locations: MucLocation[];
  /** Slot 10, every alternative of every fill. */
  orgs: string[];
  deaths: number | null;
}

export type Slots = Record<string, string[]>;

/** A slot's fills by its number: slot(t, 4) is "4. INCIDENT: TYPE". */
export function slot(slots: Slots, n: number): string[] {
  const key = Object.keys(slots).find((k) => k.startsWith(`${n}.`));
  return key ? slots[key] : [];
}

/** A template of the key, or null for the "*" template of an irrelevant article. */
export function readTemplate(article: string, slots: Slots): MucTemplate | null {
  const head = slot(slots, 1)[0]?.trim() ?? "*";
  if (head === "*") return null;
  const first = (n: number) => parseFills(slot(slots, n))[0]?.text.toUpperCase() ?? "";
  return {
    article,
    number: head.replace(/\s*\(OPTIONAL\)\s*/i, ""),
    optional: /\(OPTIONAL\)/i.test(head),
    type: first(4),
    stage: first(5),
    dates: parseFills(slot(slots, 2)).flatMap((f) => parseMucDate(f.text)),
    locations: parseFills(slot(slots, 3)).flatMap((f) => parseLocation(f.text)),
    orgs: parseFills(slot(slots, 10)).flatMap((f) => f.strings),
    deaths: goldDeaths(
      parseFills(slot(slots, 21)),
      parseFills(slot(slots, 23)),
      parseFills(slot(slots, 24)),
    ),
  };
}

// ------------------------------------------------------------------ the type table

export interface TypeRule {
  mucType: string;
  stage: string;
  eventType: string;
  subEventType: string;
}

export function readTypeRules(): TypeRule[] {
  return readScheme("muc4-acled.tsv", ["muc_type", "stage", "event_type", "sub_event_type"]).map(
    (r) => ({
      mucType: r.muc_type,
      stage: r.stage,
      eventType: r.event_type,
      subEventType: r.sub_event_type,
    }),
  );
}

export type GoldStatus = "gold" | "not an event" | "unmapped";

function rulesFor(rules: TypeRule[], t: MucTemplate): TypeRule[] {
  return rules.filter(
    (r) => (r.mucType === "*" || r.mucType === t.type) && (r.stage === "*" || r.stage === t.stage),
  );
}

/** Whether the template is an incident sitrep should find (README, MUC-4 "gold incidents"). */
export function goldStatus(rules: TypeRule[], t: MucTemplate): GoldStatus {
  const matching = rulesFor(rules, t);
  if (matching.some((r) => r.eventType === "none")) return "not an event";
  return matching.length ? "gold" : "unmapped";
}

export function typeAgrees(rules: TypeRule[], t: MucTemplate, e: SitrepEvent): boolean {
  return rulesFor(rules, t).some(
    (r) =>
      r.eventType === e.event_type &&
      (r.subEventType === "*" || r.subEventType === e.sub_event_type),
  );
}

// ------------------------------------------------------------------ perpetrators

export interface ForceRule {
  /** Folded. */
  word: string;
  /** Folded: "military forces of". */
  prefix: string;
}

export function readForceRules(): ForceRule[] {
  return readScheme("muc4-state-forces.tsv", ["muc_word", "acled_prefix"]).map((r) => ({
    word: foldName(r.muc_word),
    prefix: foldName(r.acled_prefix),
  }));
}

function hasWords(hay: string, needle: string): boolean {
  return ` ${hay} `.includes(` ${needle} `);
}

/**
 * The event's actor1 or assoc_actor_1 is the key's organisation: the names meet
 * (eval/fuzzy.ts), or the organisation is a state force (muc4-state-forces.tsv) and the actor
 * is ACLED's name for that force of the template's country.
 */
export function perpetratorAgrees(
  orgs: string[],
  country: string | null,
  e: SitrepEvent,
  forces: ForceRule[],
): boolean {
  const actors = [e.actor1, e.assoc_actor_1];
  if (firstMeeting(actors, orgs)) return true;
  if (!country) return false;
  const parts = actors
    .filter((a): a is string => !!a)
    .flatMap((a) => a.split(";"))
    .map((a) => foldName(a));
  for (const org of orgs.map(foldName)) {
    for (const rule of forces) {
      if (!hasWords(org, rule.word)) continue;
      if (parts.some((p) => p.startsWith(`${rule.prefix} `) && namesMeet(p, country))) return true;
    }
  }
  return false;
}

// ------------------------------------------------------------------ matching

export interface Env {
  rules: TypeRule[];
  forces: ForceRule[];
  geocode: Geocode;
}

export interface TemplateVerdict {
  template: MucTemplate;
  status: GoldStatus;
  /** Index into the article's events, or null when no event was matched. */
  event: number | null;
  /** null when the key gives nothing to compare (or no event was matched). */
  date: boolean | null;
  deaths: boolean | null;
  perpetrator: boolean | null;
  /** How many events had a compatible type, and how many of those the place too. */
  typed: number;
  placed: number;
}

export interface ArticleScore {
  id: string;
  relevant: boolean;
  published: IsoDate | null;
  verdicts: TemplateVerdict[];
  events: SitrepEvent[];
  /** Indices of violent events matched to no gold template. */
  unmatchedViolent: number[];
}

function templateCountry(t: MucTemplate): string | null {
  return t.locations[0]?.country ?? null;
}

function fieldVerdicts(t: MucTemplate, e: SitrepEvent, forces: ForceRule[]) {
  return {
    date: t.dates.length ? dateAgrees(t.dates, e.event_date) : null,
    deaths: t.deaths === null ? null : (e.fatalities ?? 0) === t.deaths,
    perpetrator: t.orgs.length ? perpetratorAgrees(t.orgs, templateCountry(t), e, forces) : null,
  };
}

/**
 * A maximum one-to-one matching of templates to events (Kuhn's augmenting paths): templates
 * that count as missed when unmatched go first, so an optional one never takes their event;
 * each template tries first the events that agree with it on most fields. Returns, for each
 * template, its event's index or null.
 */
export function matchOneToOne(order: number[], candidates: number[][]): (number | null)[] {
  const owner = new Map<number, number>();
  const augment = (t: number, seen: Set<number>): boolean => {
    for (const e of candidates[t]) {
      if (seen.has(e)) continue;
      seen.add(e);
      const o = owner.get(e);
      if (o === undefined || augment(o, seen)) {
        owner.set(e, t);
        return true;
      }
    }
    return false;
  };
  for (const t of order) augment(t, new Set());
  const out: (number | null)[] = candidates.map(() => null);
  for (const [e, t] of owner) out[t] = e;
  return out;
}

export function scoreArticle(
  id: string,
  relevant: boolean,
  published: IsoDate | null,
  templates: MucTemplate[],
  events: SitrepEvent[],
  env: Env,
): ArticleScore {
  const status = templates.map((t) => goldStatus(env.rules, t));
  const targets = templates.map((t) => t.locations.map((l) => placeTarget(l, env.geocode)));
  const typed: number[][] = [];
  const candidates = templates.map((t, i) => {
    const byType = events.map((_, j) => j).filter((j) => typeAgrees(env.rules, t, events[j]));
    typed.push(byType);
    if (status[i] !== "gold") return [];
    const placed = byType.filter((j) => targets[i].some((p) => placeAgrees(p, events[j])));
    const agreement = (j: number) =>
      Object.values(fieldVerdicts(t, events[j], env.forces)).filter((v) => v === true).length;
    return placed.sort((a, b) => agreement(b) - agreement(a) || a - b);
  });
  const order = templates
    .map((_, i) => i)
    .sort((a, b) => Number(templates[a].optional) - Number(templates[b].optional) || a - b);
  const matched = matchOneToOne(order, candidates);
  const verdicts = templates.map((t, i): TemplateVerdict => {
    const j = matched[i];
    const fields =
      j === null
        ? { date: null, deaths: null, perpetrator: null }
        : fieldVerdicts(t, events[j], env.forces);
    return {
      template: t,
      status: status[i],
      event: j,
      ...fields,
      typed: typed[i].length,
      placed: candidates[i].length,
    };
  });
  const taken = new Set(matched.filter((j): j is number => j !== null));
  const unmatchedViolent = events
    .map((e, j) => (VIOLENT_TYPES.has(e.event_type) && !taken.has(j) ? j : -1))
    .filter((j) => j >= 0);
  return { id, relevant, published, verdicts, events, unmatchedViolent };
}

// ------------------------------------------------------------------ figures

export interface Figure {
  n: number;
  of: number;
  value: number | null;
}

function figure(n: number, of: number): Figure {
  return { n, of, value: ratio(n, of) };
}

export interface MucFigures {
  recall: Figure;
  precision: Figure;
  date: Figure;
  deaths: Figure;
  perpetrator: Figure;
  irrelevantQuiet: Figure;
  /** Precision with Battles left out (MUC-4 keys no clashes between armed forces): for information. */
  precisionWithoutBattles: Figure;
  required: number;
  optional: number;
  notEvents: number;
  unmapped: string[];
}

/** The section's arithmetic over scored articles (README, MUC-4 "measures"). */
export function mucFigures(articles: ArticleScore[]): MucFigures {
  const relevant = articles.filter((a) => a.relevant);
  const gold = relevant.flatMap((a) => a.verdicts.filter((v) => v.status === "gold"));
  const required = gold.filter((v) => !v.template.optional);
  const optional = gold.filter((v) => v.template.optional);
  const found = gold.filter((v) => v.event !== null);
  const foundRequired = required.filter((v) => v.event !== null).length;
  const foundOptional = optional.filter((v) => v.event !== null).length;
  const violent = relevant.flatMap((a) => a.events.filter((e) => VIOLENT_TYPES.has(e.event_type)));
  const unmatched = relevant.flatMap((a) => a.unmatchedViolent.map((j) => a.events[j]));
  const nonBattle = (e: SitrepEvent) => e.event_type !== "Battles";
  const field = (k: "date" | "deaths" | "perpetrator") => {
    const judged = found.filter((v) => v[k] !== null);
    return figure(judged.filter((v) => v[k]).length, judged.length);
  };
  const irrelevant = articles.filter((a) => !a.relevant);
  const quiet = irrelevant.filter((a) => !a.events.some((e) => VIOLENT_TYPES.has(e.event_type)));
  return {
    recall: figure(foundRequired + foundOptional, required.length + foundOptional),
    precision: figure(violent.length - unmatched.length, violent.length),
    date: field("date"),
    deaths: field("deaths"),
    perpetrator: field("perpetrator"),
    irrelevantQuiet: figure(quiet.length, irrelevant.length),
    precisionWithoutBattles: figure(
      violent.filter(nonBattle).length - unmatched.filter(nonBattle).length,
      violent.filter(nonBattle).length,
    ),
    required: required.length,
    optional: optional.length,
    notEvents: relevant.flatMap((a) => a.verdicts.filter((v) => v.status === "not an event"))
      .length,
    unmapped: relevant.flatMap((a) =>
      a.verdicts
        .filter((v) => v.status === "unmapped")
        .map((v) => `${a.id}#${v.template.number} ${v.template.type}/${v.template.stage}`),
    ),
  };
}

// ------------------------------------------------------------------ reading ../shared

export interface MucArticle {
  id: string;
  raw: string;
  relevant: boolean;
  templates: MucTemplate[];
}

export function readMuc4(): MucArticle[] {
  const dir = sharedPath(MUC4_DIR);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const id = f.replace(/\.json$/, "");
      const key = JSON.parse(readFileSync(join(dir, f), "utf8")) as {
        relevant: boolean;
        templates_parsed: Slots[];
      };
      const templates = key.templates_parsed
        .map((slots) => readTemplate(id, slots))
        .filter((t): t is MucTemplate => t !== null);
      return {
        id,
        raw: readFileSync(join(dir, `${id}.txt`), "utf8"),
        relevant: key.relevant && templates.length > 0,
        templates,
      };
    });
}

/** As `sitrep extract --published <dateline date> ID.txt` reads it. */
export function loadMucArticle(a: MucArticle): { loaded: Loaded; published: IsoDate | null } {
  const published = datelineDate(a.raw);
  const item = loadText(a.raw, {
    id: a.id,
    origin: sharedPath(`${MUC4_DIR}/${a.id}.txt`),
    published,
  });
  return { loaded: "doc" in item ? { doc: item.doc } : { error: item.error.message }, published };
}

// ------------------------------------------------------------------ the section

function scoreAll(
  ctx: SectionContext,
  articles: MucArticle[],
  env: Env,
  preset: Preset,
): { scores: ArticleScore[]; errors: string[] } {
  const errors: string[] = [];
  const scores = articles.map((a) => {
    const { loaded, published } = loadMucArticle(a);
    const result = ctx.extract(loaded, preset);
    if ("error" in result) errors.push(`${a.id}: ${result.error}`);
    const events = "error" in result ? [] : result.events;
    return scoreArticle(a.id, a.relevant, published, a.templates, events, env);
  });
  return { scores, errors };
}

function shortType(e: SitrepEvent): string {
  const t = e.event_type
    .replace("Explosions/Remote violence", "ERV")
    .replace("Violence against civilians", "VAC")
    .replace("Strategic developments", "SD");
  return `${t}/${e.sub_event_type}`;
}

function where(e: SitrepEvent): string {
  return [e.location, e.admin1, e.country].filter(Boolean).join(", ") || "no place";
}

function eventLine(e: SitrepEvent): string {
  const actor = e.actor1 ?? "-";
  return `${shortType(e)} @ ${where(e)}; ${e.event_date ?? "no date"}; deaths ${e.fatalities ?? "-"}; ${actor}`;
}

function eventList(events: SitrepEvent[]): string {
  if (!events.length) return "; no events";
  return `; events: ${events.map((e) => `${shortType(e)} @ ${e.location ?? e.country ?? "-"}`).join(" | ")}`;
}

function placeText(t: MucTemplate): string {
  const l = t.locations[0];
  if (!l) return "-";
  const last = l.levels.at(-1);
  return last ? `${last.map((p) => p.name).join(" - ")}, ${l.country}` : l.country;
}

function dateText(t: MucTemplate): string {
  return (
    t.dates.map((r) => (r.from === r.to ? r.from : `${r.from ?? ""}..${r.to ?? ""}`)).join(" / ") ||
    "-"
  );
}

function fig(f: Figure): string {
  return `${f.n}/${f.of}`;
}

export function evalMuc4(ctx: SectionContext): SectionOutcome | null {
  const { print } = ctx;
  print(section(`MUC-4 DEV incidents (../shared/${MUC4_DIR}, dateline as published, precise)`));
  const skip = skipIfMissing(MUC4_DIR);
  if (skip) {
    print(skip);
    return null;
  }
  const t0 = performance.now();
  const articles = readMuc4();
  const gazetteer = openGazetteer();
  try {
    const env: Env = {
      rules: readTypeRules(),
      forces: readForceRules(),
      geocode: gazetteerGeocode(gazetteer),
    };
    const { scores, errors } = scoreAll(ctx, articles, env, "precise");
    const broad = mucFigures(scoreAll(ctx, articles, env, "broad").scores);
    const f = mucFigures(scores);
    const seconds = (performance.now() - t0) / 1000;
    const relevantCount = articles.filter((a) => a.relevant).length;

    print(
      table(
        TARGET_HEAD,
        [
          targetRow({
            measure: "incidents found (recall)",
            value: f.recall.value,
            target: MUC4_TARGETS.recall,
            note: `${fig(f.recall)} templates; broad preset ${f3(broad.recall.value ?? 0)}`,
          }),
          targetRow({
            measure: "violent events that are key incidents (precision)",
            value: f.precision.value,
            target: MUC4_TARGETS.precision,
            note: `${fig(f.precision)} events; without Battles ${fig(f.precisionWithoutBattles)}; broad preset ${f3(broad.precision.value ?? 0)}`,
          }),
          targetRow({
            measure: "date, on matched incidents",
            value: f.date.value,
            target: MUC4_TARGETS.date,
            note: `${fig(f.date)}; within ${DATE_SLACK_DAYS} day of the key's date or range`,
          }),
          targetRow({
            measure: "deaths, where the key gives a number",
            value: f.deaths.value,
            target: MUC4_TARGETS.deaths,
            note: `${fig(f.deaths)}; fatalities equal to the key's count`,
          }),
          targetRow({
            measure: "perpetrator organisation",
            value: f.perpetrator.value,
            target: MUC4_TARGETS.perpetrator,
            note: `${fig(f.perpetrator)}; actor1 or assoc_actor_1`,
          }),
          targetRow({
            measure: "irrelevant articles with no violent event",
            value: f.irrelevantQuiet.n,
            target: MUC4_TARGETS.irrelevantQuiet,
            count: { of: f.irrelevantQuiet.of },
            note: "",
          }),
        ],
        { widths: [42, 12, 12, 8, 58], right: [1, 2] },
      ),
    );
    const unmapped = f.unmapped.length ? `; unmapped: ${f.unmapped.join(", ")}` : "";
    print(
      `${articles.length} articles (${relevantCount} relevant); gold templates ${f.required} + ${f.optional} optional; ${f.notEvents} THREATENED templates not counted${unmapped}; ${errors.length} not read${errors.length ? ` (${errors.join("; ")})` : ""}; ${seconds.toFixed(1)} s`,
    );

    // Templates missed or matched with a field that disagrees.
    const rows: string[][] = [];
    // An article's events are listed on its first row only.
    const listed = new Set<string>();
    for (const a of scores.filter((s) => s.relevant)) {
      for (const v of a.verdicts) {
        if (v.status !== "gold") continue;
        const t = v.template;
        const wrong = [
          v.date === false ? "date" : "",
          v.deaths === false ? "deaths" : "",
          v.perpetrator === false ? "perp" : "",
        ].filter(Boolean);
        if (v.event !== null && !wrong.length) continue;
        const key = [
          `${t.type}${t.stage === "ACCOMPLISHED" ? "" : ` ${t.stage}`}${t.optional ? " (opt)" : ""}`,
          placeText(t),
          dateText(t),
          `deaths ${t.deaths ?? "-"}`,
          t.orgs[0] ?? "-",
        ].join("; ");
        const got =
          v.event !== null
            ? `${wrong.join(", ")} wrong: ${eventLine(a.events[v.event])}`
            : `missed: ${v.typed} events of a compatible type, ${v.placed} of them at the place${listed.has(a.id) ? "" : eventList(a.events)}`;
        listed.add(a.id);
        rows.push([`${a.id.replace("DEV-MUC3-", "")}#${t.number}`, key, got]);
      }
    }
    print("\ntemplates missed, or matched with a field that disagrees");
    print(table(["article", "key", "sitrep"], rows, { widths: [10, 56, 84] }));

    const fpRows = scores
      .filter((s) => s.relevant)
      .flatMap((a) =>
        a.unmatchedViolent.map((j) => [a.id.replace("DEV-MUC3-", ""), eventLine(a.events[j])]),
      );
    const quietRows = scores
      .filter((s) => !s.relevant)
      .flatMap((a) =>
        a.events
          .filter((e) => VIOLENT_TYPES.has(e.event_type))
          .map((e) => [`${a.id.replace("DEV-MUC3-", "")} (irrelevant)`, eventLine(e)]),
      );
    print("\nviolent events matched to no key incident");
    print(table(["article", "sitrep event"], [...fpRows, ...quietRows], { widths: [18, 132] }));

    return {
      headlines: {
        muc4_incident_recall: f.recall.value ?? 0,
        muc4_incident_precision: f.precision.value ?? 0,
        muc4_date_accuracy: f.date.value ?? 0,
        muc4_deaths_accuracy: f.deaths.value ?? 0,
        muc4_perpetrator_accuracy: f.perpetrator.value ?? 0,
        muc4_irrelevant_quiet: f.irrelevantQuiet.n,
      },
      record: {
        seconds: roundFigure(seconds),
        figures: f,
        broad: { recall: broad.recall, precision: broad.precision },
        errors,
        articles: scores.map((a) => ({
          id: a.id,
          relevant: a.relevant,
          published: a.published,
          events: a.events.map(eventLine),
          templates: a.verdicts.map((v) => ({
            number: v.template.number,
            status: v.status,
            event: v.event,
            date: v.date,
            deaths: v.deaths,
            perpetrator: v.perpetrator,
          })),
          unmatched_violent: a.unmatchedViolent,
        })),
      },
    };
  } finally {
    gazetteer.close();
  }
}
