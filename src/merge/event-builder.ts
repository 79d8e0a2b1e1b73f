// Turns each merged group of mentions into ACLED-style events: one per country (ACLED codes an
// event that spans countries once in each), with the single best figures, every claim kept
// beside them, evidence spans, and a confidence score.

import type { CountryLexicon } from "../annotate/countries.ts";
import { COUNTED_SINCE_RULE } from "../annotate/date-annotator.ts";
import { type DocumentContext, note } from "../core/context.ts";
import {
  type Actor,
  type ActorMention,
  ARMED_VIOLENCE_TYPES,
  CASUALTY_FIELDS,
  type Claim,
  type DateMention,
  type EventType,
  type IsoDate,
  type Mention,
  type Place,
  type PlaceMention,
  type SitrepEvent,
} from "../core/types.ts";
import { statesCasualties } from "../extract/casualty-extractor.ts";
import type { EventGroup } from "./event-merger.ts";

const STAGE = "events";
const TIME_PRECISION = { day: 1, week: 2, month: 3, year: 3 } as const;
/** Confidence added to an event told in the first sentence: swept 0-0.15 on CASE 2021 dev, best at 0.1. */
const LEAD_BONUS = 0.1;
/** Confidence added when a telling states deaths: swept 0-0.15 on CASE 2021, MUC-4 and UCDP dev; 0.1 lifts MUC-4 and UCDP recall and leaves CASE within 0.003. */
const CASUALTY_BONUS = 0.1;
/** Confidence taken from an event told only as what came before the report's news. */
const ANTECEDENT_PENALTY = 0.05;
/** Confidence taken from a day's summary toll (Mention.summary): kept for review, ranked low. */
const SUMMARY_PENALTY = 0.14;
/** An event dated only to a year this long before the report is history, not news. */
const HISTORY_DAYS = 365;

export interface BuildContext {
  ctx: DocumentContext;
  countries: CountryLexicon;
  /** A representative point for a country, for events known only at country level. */
  countryPlace: (iso: string) => Place | null;
  /** The country the report's places are mostly in, or null. */
  documentCountry: string | null;
  /** The country the report names most, in any words. */
  namedCountry: string | null;
  /**
   * The country of the state forces the report names ("regime forces" are Syria's), else of
   * the armed groups of one country, when it names no country in words: the last resort for an
   * event's country.
   */
  actorCountry: string | null;
  /** The armed groups the report names from the actor dictionary, once each. */
  namedGroups: Actor[];
  /** Whether a sub-event type loses to one of the others told of the same event. */
  beaten: (sub: string, others: string[]) => boolean;
}

interface Built {
  group: EventGroup;
  event: SitrepEvent;
  /** The text named where (or when) this event happened, rather than a fallback. */
  placeStated: boolean;
  dateStated: boolean;
  /** Every telling is of what came before another event ("following the bombardment"). */
  background: boolean;
}

/** An event with no place of its own takes that of an event told this many paragraphs before at most. */
const CONTEXT_PARAGRAPHS = 2;

export function buildEvents(b: BuildContext, groups: EventGroup[]): SitrepEvent[] {
  const built: Built[] = [];
  // The lead is the first sentence, or the first that tells an act after title lines (lines
  // standing alone as paragraphs: "Casualty Report: December 2019") that tell none.
  let first: Mention["sentence"] | null = null;
  for (const g of groups)
    for (const m of g.mentions) if (!first || m.sentence.index < first.index) first = m.sentence;
  const lead =
    first && (first.index === first.paragraph || afterFragment(b, first)) ? first.index : 0;
  for (const g of groups) {
    for (const [iso, mentions] of splitByCountry(g)) {
      const event = buildOne(b, mentions, iso, lead);
      if (event) {
        built.push({
          group: g,
          event,
          placeStated: mentions.some((m) => m.places.length > 0),
          dateStated: mentions.some((m) => m.date !== null),
          background: mentions.every((m) => m.antecedent),
        });
      }
    }
  }
  // Beside the report's own news, an event told only as what came before it ("withdrew following
  // heavy bombardment") is background, and ranks below.
  if (built.some((x) => !x.background))
    for (const x of built)
      if (x.background)
        x.event.confidence = roundedConfidence(x.event.confidence - ANTECEDENT_PENALTY);
  inheritContext(b, built);
  dateAntecedents(b, built);
  for (const x of built) {
    nameUnknownPerpetrator(x.event, x.group.mentions);
    nameUnnamedCrowd(x.event);
  }
  built.push(...built.flatMap((x) => otherListedTowns(b, x)));
  return built
    .filter(({ event }) => {
      if (isHistory(b.ctx.reference, event)) {
        note(
          b.ctx,
          STAGE,
          `"${event.sub_event_type}" dated ${event.event_date} is history, not news: dropped`,
        );
        return false;
      }
      return true;
    })
    .map((x) => x.event);
}

function splitByCountry(g: EventGroup): [string | null, Mention[]][] {
  const order: string[] = [];
  for (const m of g.mentions)
    for (const p of m.places) if (!order.includes(p.place.iso)) order.push(p.place.iso);
  if (order.length <= 1) return [[order[0] ?? null, g.mentions]];
  return order.map((iso, i) => [
    iso,
    g.mentions.filter((m) =>
      m.places.length ? m.places.some((p) => p.place.iso === iso) : i === 0,
    ),
  ]);
}

function buildOne(
  b: BuildContext,
  mentions: Mention[],
  iso: string | null,
  lead: number,
): SitrepEvent | null {
  const { ctx, countries } = b;
  const subs = mentions.filter((m) => !m.generic).map((m) => m.sub_event_type);
  const beaten = (m: Mention) => Number(b.beaten(m.sub_event_type, subs));
  const typed = [...mentions].sort(
    (x, y) =>
      Number(x.generic) - Number(y.generic) || beaten(x) - beaten(y) || y.strength - x.strength,
  )[0];
  const eventType: EventType = typed.event_type;
  const places = mentions.flatMap((m) => m.places).filter((p) => !iso || p.place.iso === iso);
  const pick = bestPlace(places);
  const a1 = pickActor(mentions.map((m) => m.actor1));
  // The party acted upon is never the one acting: choose it among the others.
  const a2 = pickActor(
    mentions.map((m) => (m.actor2 && a1 && sameSide(m.actor2.actor, a1.actor) ? null : m.actor2)),
  );
  // With no place of its own, the event is where the report is ("Turkish forces shelled..." in a
  // report about Syria happened in Syria), then in a party's country, and last in the country
  // the report names most.
  // A state's forces acting on another country's party act abroad: "Turkish forces shelled the
  // YPG" happened where the YPG is, not in Turkey.
  const abroad =
    a1 && a2 && (a1.actor.inter === 1 || a1.actor.inter === 8) && a2.actor.iso !== a1.actor.iso
      ? a2.actor.iso
      : null;
  // Civilians named by nationality are often foreigners where it happened ("the murder of two
  // American citizens" in a Bolivian police report): the country the report names comes first.
  const victims = a2?.actor.inter === 7 ? a2.actor.iso : null;
  const countryIso =
    pick?.place.iso ??
    iso ??
    b.documentCountry ??
    abroad ??
    a1?.actor.iso ??
    (victims ? null : a2?.actor.iso) ??
    b.namedCountry ??
    b.actorCountry ??
    victims ??
    null;
  let place: Place | null = pick?.place ?? null;
  let precision: 1 | 2 | 3 | null = pick?.precision ?? null;
  if (!place && countryIso) {
    place = b.countryPlace(countryIso);
    precision = place ? 3 : null;
    if (place)
      note(
        ctx,
        STAGE,
        `no place stated for "${typed.trigger.text}": country of its parties, precision 3`,
      );
  }
  if (pick && pick.kind !== "city" && precision === 1) precision = 3;
  const date = bestDate(mentions.map((m) => m.date));
  const claims = dedupeClaims(mentions.flatMap((m) => m.claims));
  const violent = eventType !== "Strategic developments" && eventType !== "Protests";
  const name = (a: ActorMention | null) =>
    a ? actorName(namedRebels(b, a, countryIso), countryIso, violent, countries) : null;
  const actor1 = name(a1);
  let actor2 = name(a2);
  if (actor2 === actor1) actor2 = null;
  const assoc = (list: ActorMention[]) => {
    const names = [
      ...new Set(list.map((a) => actorName(a.actor, countryIso, violent, countries))),
    ].filter((n): n is string => n !== null && n !== actor1 && n !== actor2);
    return names.length ? names.join("; ") : null;
  };
  const sources = [...new Set(mentions.map((m) => m.source).filter((s): s is string => !!s))];
  const evidence = dedupeEvidence(mentions);
  const event: SitrepEvent = {
    event_date: date?.date ?? null,
    time_precision: date ? TIME_PRECISION[date.precision] : 3,
    event_type: eventType,
    sub_event_type: typed.sub_event_type,
    actor1,
    assoc_actor_1: assoc(mentions.flatMap((m) => m.assoc_actor_1)),
    actor2,
    assoc_actor_2: assoc(mentions.flatMap((m) => m.assoc_actor_2)),
    inter1: a1 ? a1.actor.inter : null,
    inter2: a2 && actor2 ? a2.actor.inter : null,
    country: countryIso ? countries.name(countryIso) : null,
    iso: countryIso,
    admin1:
      place && precision !== 3 ? place.admin1 : pick?.kind === "admin1" ? pick.place.admin1 : null,
    admin2: place && precision !== 3 ? place.admin2 : null,
    location: pick
      ? pick.kind === "country"
        ? countries.name(pick.place.iso)
        : pick.place.name
      : place
        ? countries.name(place.iso)
        : null,
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    geo_precision: precision,
    geonameid: place?.geonameid ?? null,
    fatalities: bestFigure(claims, "fatalities") ?? 0,
    injuries: bestFigure(claims, "injuries"),
    civilian_fatalities: bestFigure(claims, "civilian_fatalities"),
    notes: notes(mentions, claims, pick),
    source: [ctx.doc.outlet, ...sources].filter(Boolean).join("; ") || null,
    weapon: mentions.find((m) => m.weapon)?.weapon ?? null,
    claims,
    evidence,
    confidence: 0,
  };
  event.confidence = confidence(event, mentions, pick, lead);
  return event;
}

/**
 * The event's place: the one told nearest its trigger (mentions list their places nearest
 * first), refined by a more specific place inside it ("in Anbar ... Al-Qa'im", "in Syria ...
 * al-Bab"). A place elsewhere does not outrank it for being a town: "17 rebels killed in
 * Daraa and IS kills a commander in Raqqa countryside" happened in Daraa.
 */
function bestPlace(places: PlaceMention[]): PlaceMention | null {
  let best: PlaceMention | null = places[0] ?? null;
  for (const p of places) if (best && refines(p, best)) best = p;
  return best;
}

const KIND_RANK = { city: 0, admin2: 1, admin1: 2, country: 3 } as const;

/** Whether p names a place inside q, more specifically: a town of q's division or country. */
function refines(p: PlaceMention, q: PlaceMention): boolean {
  if (p.place.iso !== q.place.iso) return false;
  if (KIND_RANK[p.kind] < KIND_RANK[q.kind]) {
    return q.kind === "country" || p.place.admin1 === q.place.admin1;
  }
  // the same town told again more precisely: "in Baghdad ... in the Al-Mashtal neighborhood"
  // is Baghdad at precision 2, with the neighbourhood kept in the notes
  return p.place.geonameid === q.place.geonameid && !!p.subPlace && !q.subPlace;
}

/** The party most often named in the role; a named actor beats a generic or a bare country. */
function pickActor(list: (ActorMention | null)[]): ActorMention | null {
  const score = new Map<string, { a: ActorMention; n: number }>();
  for (const a of list) {
    if (!a) continue;
    // A generic party with no country ("troops") is the weakest evidence of who it was.
    const weight =
      a.rule === "actor:dictionary" || a.rule === "actor:claimant"
        ? 3
        : a.rule === "actor:country"
          ? 2
          : a.actor.name.includes("{country}")
            ? 0.5
            : a.stated
              ? 1.5
              : 1;
    const cur = score.get(a.actor.id);
    score.set(a.actor.id, { a: cur?.a ?? a, n: (cur?.n ?? 0) + weight });
  }
  let best: { a: ActorMention; n: number } | null = null;
  for (const v of score.values()) if (!best || v.n > best.n) best = v;
  return best?.a ?? null;
}

function sameSide(a: Actor, b: Actor): boolean {
  if (a.id === b.id) return true;
  const countryOf = (x: Actor) => (x.id.startsWith("country:") ? x.iso : null);
  return (
    (countryOf(a) !== null && countryOf(a) === b.iso && b.inter === 1) ||
    (countryOf(b) !== null && countryOf(b) === a.iso && a.inter === 1)
  );
}

/** ACLED's names: a country acting in violence is its military; generic parties take the event's country. */
function actorName(
  actor: Actor,
  iso: string | null,
  violent: boolean,
  countries: CountryLexicon,
): string | null {
  if (actor.id.startsWith("country:") && actor.iso) {
    return `${violent ? "Military Forces" : "Government"} of ${countries.nameAfterOf(actor.iso)}`;
  }
  if (actor.name.includes("{country}")) {
    // "Military Forces" of no known country says nothing an analyst can use.
    if (!iso)
      return actor.name.includes("of {country}")
        ? null
        : actor.name.replace(/\s*\(\{country\}\)/, "");
    return actor.name.includes("of {country}")
      ? actor.name.replace("{country}", countries.nameAfterOf(iso))
      : actor.name.replace("{country}", countries.name(iso));
  }
  return actor.name;
}

/** Words for rebels that point back to the one rebel group a report names. */
const REBEL_WORDS = /^(?:the\s+)?(?:rebels?|guerrillas?|guerrilla\s+forces|insurgents?)$/i;
/** "the clandestine group": the one armed group (not rebels) the report names. */
const GROUP_WORDS = /^(?:the\s+)?(?:clandestine|armed|terrorist)\s+group$/i;

/**
 * "The FMLN attacked ... the guerrillas then withdrew": in a report that names one rebel group
 * of the event's country, "the guerrillas" are that group (a coreference of words, not a guess
 * about gunmen nobody named).
 */
function namedRebels(b: BuildContext, a: ActorMention, iso: string | null): Actor {
  const words = a.text.trim();
  const inter = REBEL_WORDS.test(words) ? 2 : GROUP_WORDS.test(words) ? 3 : null;
  if (inter === null) return a.actor;
  const groups = b.namedGroups.filter((g) => g.inter === inter && (!iso || g.iso === iso));
  return groups.length === 1 ? groups[0] : a.actor;
}

/**
 * The most precise date told; among equals, a day counted for the act by name ("4 days since the
 * killing") over one a telling took from a word near it ("the killings ... was threatened today").
 */
function bestDate(dates: (DateMention | null)[]): DateMention | null {
  const order = { day: 0, week: 1, month: 2, year: 3 };
  const rank = (d: DateMention) => order[d.precision] * 2 + (d.rule === COUNTED_SINCE_RULE ? 0 : 1);
  let best: DateMention | null = null;
  for (const d of dates) if (d && (!best || rank(d) < rank(best))) best = d;
  return best;
}

/**
 * ACLED's single best figure: the most conservative of the reports that conflict (a stated zero
 * counts only alone), but a revised toll ("rose to 14") replaces the counts it revises, so the
 * highest revision stands. One victim told by who they were ("kills the group's leader") is at
 * least one dead and conflicts with no count of the whole toll.
 */
function bestFigure(claims: Claim[], field: Claim["field"]): number | null {
  const all = claims.filter((c) => c.field === field && typeof c.value === "number");
  const revisions = all.filter((c) => c.revised).map((c) => c.value as number);
  if (revisions.length) return Math.max(...revisions);
  const counted = all.filter((c) => !(c.value === 1 && c.qualifier === "at least"));
  const numeric = counted.some((c) => (c.value as number) > 1) ? counted : all;
  const values = numeric.map((c) => c.value as number);
  if (!values.length) return null;
  const positive = values.filter((v) => v > 0);
  return positive.length ? Math.min(...positive) : 0;
}

function dedupeClaims(claims: Claim[]): Claim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const k = `${c.field}|${c.value}|${c.source}|${c.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function dedupeEvidence(mentions: Mention[]) {
  const seen = new Set<number>();
  const out = [];
  for (const m of mentions) {
    if (seen.has(m.sentence.start)) continue;
    seen.add(m.sentence.start);
    out.push({ text: m.sentence.text, start: m.sentence.start, end: m.sentence.end });
  }
  return out;
}

function notes(mentions: Mention[], claims: Claim[], place: PlaceMention | null): string {
  const lead = (mentions.find((m) => !m.reference) ?? mentions[0]).sentence.text;
  const figures = claims
    .filter(
      (c) =>
        c.field === "fatalities" || c.field === "civilian_fatalities" || c.field === "injuries",
    )
    .map(
      (c) =>
        `${c.source ?? "the report"}: ${c.qualifier && c.qualifier !== "exact" ? `${c.qualifier} ` : ""}${c.value} ${c.field.replace("_", " ")}`,
    );
  const where = place?.subPlace ? ` Place: ${place.subPlace}, ${place.place.name}.` : "";
  return `${lead}${where}${figures.length > 1 ? ` Claims: ${[...new Set(figures)].join("; ")}.` : ""}`;
}

/**
 * Confidence (0..1) that the event is real and coded right, for sorting a review queue. Terms:
 * the trigger's strength, a stated place and date, named parties, and agreement of several tellings.
 */
function confidence(
  e: SitrepEvent,
  mentions: Mention[],
  place: PlaceMention | null,
  lead: number,
): number {
  let c = Math.max(...mentions.map((m) => m.strength)) * 0.55;
  if (place) c += place.precision === 1 ? 0.12 : 0.07;
  if (e.time_precision === 1 && mentions.some((m) => m.date)) c += 0.1;
  else if (mentions.some((m) => m.date)) c += 0.05;
  if (e.actor1) c += 0.08;
  // Stated casualties, dead or wounded, are the surest sign that something happened, whatever
  // word told it.
  if (
    e.claims.some(
      (x) => (x.field === "fatalities" || x.field === "injuries") && Number(x.value) > 0,
    )
  )
    c += CASUALTY_BONUS;
  // uncounted ("leaving casualties and wounded"), told by a word other than the trigger, and
  // not the dead of a violent act told beside a development
  else if (
    mentions.some((m) => !m.reference && !m.deadElsewhere && statesCasualties(withoutTrigger(m)))
  )
    c += CASUALTY_BONUS / 2;
  if (e.actor2) c += 0.04;
  c += Math.min(0.1, 0.04 * (new Set(mentions.map((m) => m.sentence.index)).size - 1));
  if (mentions.every((m) => m.generic)) c -= 0.12;
  // The lead states the report's main event; later sentences add background.
  if (mentions.some((m) => m.sentence.index === lead)) c += LEAD_BONUS;
  if (mentions.every((m) => m.summary)) c -= SUMMARY_PENALTY;
  return roundedConfidence(c);
}

/** The mention's sentence with its trigger blanked out. */
function withoutTrigger(m: Mention): string {
  const s = m.sentence;
  const from = m.trigger.start - s.start;
  const to = m.trigger.end - s.start;
  return `${s.text.slice(0, Math.max(0, from))} ${s.text.slice(Math.max(0, to))}`;
}

/** Words of a headline's fragment before its act ("By Turkish shooters | Civilian killed in ..."). */
const FRAGMENT_WORDS = 6;

/** Whether all that stands before a sentence in its paragraph is a short kicker telling no act. */
function afterFragment(b: BuildContext, s: Mention["sentence"]): boolean {
  const text = b.ctx.doc.text;
  const from = text.lastIndexOf("\n\n", s.start) + 1;
  const before = text.slice(from, s.start).trim();
  // a kicker set off by a bar or a colon ("Syria: ..."); a wire dateline ("LIMA, 4 JUN 89 (EFE)
  // --") is no headline of the act
  return (
    /[|:]$/.test(before) &&
    before.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length <= FRAGMENT_WORDS
  );
}

/** A confidence kept within 0.05..0.99, to two decimals. */
function roundedConfidence(c: number): number {
  return Math.round(Math.max(0.05, Math.min(0.99, c)) * 100) / 100;
}

const STATE_AIRCRAFT = /\b(?:helicopters?|gunships?|choppers?|barrel\s+bombs?)\b/i;

/**
 * An attack, or a clash with a state's forces, with no named perpetrator gets ACLED's generic
 * actor. Air strikes are left open:
 * only states and a few groups fly them, and "unidentified" would hide that.
 */
function nameUnknownPerpetrator(e: SitrepEvent, mentions: Mention[]): void {
  if (e.actor1 || !e.country) return;
  // Helicopter gunships and barrel bombs are a state's: armed groups almost never fly them.
  if (
    e.sub_event_type === "Air/drone strike" &&
    mentions.some((m) => STATE_AIRCRAFT.test(m.sentence.text))
  ) {
    e.actor1 = `Military Forces of ${e.country}`;
    e.inter1 = 1;
    return;
  }
  const attack =
    e.event_type === "Violence against civilians" ||
    (e.event_type === "Explosions/Remote violence" && e.sub_event_type !== "Air/drone strike") ||
    // "the attack in which 7 soldiers were killed": a battle against a state's forces by no one named
    (e.sub_event_type === "Armed clash" && e.inter2 === 1);
  if (!attack) return;
  e.actor1 = `Unidentified Armed Group (${e.country})`;
  e.inter1 = 3;
}

/** Between two towns of one list: "A, B and C", "A and B". */
const LIST_GAP = /^(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+(?:town|city|village)\s+of\s+)?$/i;
/** Confidence an event at a list's later town is given below the first's: the first stays the lead. */
const LISTED_TOWN_STEP = 0.01;

/**
 * "Shelling targets Al-Lataminah, Kafr Zita and Daraa city": ACLED codes one event per
 * location. The event stands at the first town; each other town of the list the trigger's own
 * telling names gets an event of its own, with the same type, date and parties. The figures told
 * for the whole list stay with the first (no split is told).
 */
function otherListedTowns(b: BuildContext, x: Built): Built[] {
  const e = x.event;
  if (!ARMED_VIOLENCE_TYPES.has(e.event_type) || e.geo_precision !== 1 || e.geonameid === null)
    return [];
  const m = x.group.mentions.find((y) => !y.reference);
  if (!m) return [];
  const towns = m.places
    .filter((p) => p.kind === "city" && p.precision === 1 && p.place.iso === e.iso)
    .sort((p, q) => p.start - q.start);
  const at = towns.findIndex((p) => p.place.geonameid === e.geonameid);
  if (at < 0) return [];
  // the run of towns joined as one list around the event's own
  let first = at;
  let last = at;
  const text = b.ctx.doc.text;
  while (first > 0 && LIST_GAP.test(text.slice(towns[first - 1].end, towns[first].start))) first--;
  while (
    last + 1 < towns.length &&
    LIST_GAP.test(text.slice(towns[last].end, towns[last + 1].start))
  )
    last++;
  const out: Built[] = [];
  const seen = new Set([e.geonameid]);
  for (let k = first; k <= last; k++) {
    const p = towns[k];
    if (seen.has(p.place.geonameid)) continue;
    seen.add(p.place.geonameid);
    note(
      b.ctx,
      STAGE,
      `"${p.text}" listed with "${e.location}": an event of its own (one per place)`,
    );
    out.push({
      ...x,
      event: {
        ...e,
        admin1: p.place.admin1,
        admin2: p.place.admin2,
        location: p.place.name,
        latitude: p.place.latitude,
        longitude: p.place.longitude,
        geonameid: p.place.geonameid,
        fatalities: 0,
        injuries: null,
        civilian_fatalities: null,
        claims: e.claims.filter((c) => !CASUALTY_FIELDS.has(c.field)),
        confidence: roundedConfidence(e.confidence - LISTED_TOWN_STEP * (out.length + 1)),
      },
    });
  }
  return out;
}

/**
 * A demonstration with no named party is ACLED's generic crowd of the event's country:
 * "Protesters (United States)" for a protest, "Rioters (Bolivia)" for a riot. Against lethal or
 * excessive force the crowd is the one acted upon.
 */
function nameUnnamedCrowd(e: SitrepEvent): void {
  if (!e.country) return;
  if (e.event_type === "Protests") {
    const protesters = `Protesters (${e.country})`;
    if (e.sub_event_type === "Excessive force against protesters") {
      // the state the crowd protested against is who used the force ("Teen killed as Iran
      // town protests"): ACLED's actor1 of excessive force is a state's
      if (!e.actor1 && e.inter2 === 1 && e.actor2 !== protesters) {
        e.actor1 = e.actor2;
        e.inter1 = 1;
        e.actor2 = null;
        e.inter2 = null;
      }
      if (!e.actor2 && e.actor1 !== protesters) {
        e.actor2 = protesters;
        e.inter2 = 6;
      }
    } else if (!e.actor1 && e.actor2 !== protesters) {
      e.actor1 = protesters;
      e.inter1 = 6;
    }
  } else if (e.event_type === "Riots" && !e.actor1) {
    e.actor1 = `Rioters (${e.country})`;
    e.inter1 = 5;
  }
}

/**
 * News sets the scene once: "Residents said shells landed in the camp, killing five" happened
 * where and when the lead's event did. A violent event with no place (or date) of its own takes
 * those of the nearest earlier event told at most CONTEXT_PARAGRAPHS before, at lower precision.
 */
function inheritContext(b: BuildContext, built: Built[]): void {
  built.forEach((x, i) => {
    if (x.event.event_type === "Strategic developments") return;
    const para = x.group.mentions[0].sentence.paragraph;
    const earlier = built.slice(0, i).reverse();
    // the event whose telling set the scene the group's tellings follow (event-merger)
    const setting = x.group.setting ?? [];
    const prev =
      earlier.find(
        (y) =>
          y.placeStated &&
          y.group.mentions.some((m) =>
            m.places.some((p) => setting.some((q) => q.place.geonameid === p.place.geonameid)),
          ),
      ) ??
      earlier.find(
        (y) =>
          y.placeStated &&
          para - y.group.mentions[0].sentence.paragraph <= CONTEXT_PARAGRAPHS &&
          (!x.event.iso || x.event.iso === y.event.iso),
      );
    if (!prev) return;
    const e = x.event;
    const p = prev.event;
    if (!x.placeStated) {
      Object.assign(e, {
        country: p.country,
        iso: p.iso,
        admin1: p.admin1,
        admin2: p.admin2,
        location: p.location,
        latitude: p.latitude,
        longitude: p.longitude,
        geonameid: p.geonameid,
        geo_precision: Math.max(2, p.geo_precision ?? 2) as 2 | 3,
      });
      for (const field of ["actor1", "actor2", "assoc_actor_1", "assoc_actor_2"] as const) {
        const v = e[field];
        if (
          v?.includes("{country}") ||
          (v && /^(?:Civilians|Protesters|Rioters|Unidentified Armed Group)$/.test(v))
        ) {
          e[field] = v.replace(/\s*\(\{country\}\)$/, "").concat(` (${p.country})`);
        }
      }
      note(
        b.ctx,
        STAGE,
        `"${e.sub_event_type}" names no place: placed at ${p.location} from the event told before it, precision ${e.geo_precision}`,
      );
    }
    if (!x.dateStated && !x.group.precedes.length && prev.dateStated && p.event_date) {
      e.event_date = p.event_date;
      e.time_precision = Math.max(2, p.time_precision) as 2 | 3;
    }
  });
}

/** An event told only as what came before another is dated just before the earliest of those. */
function dateAntecedents(b: BuildContext, built: Built[]): void {
  for (const x of built) {
    if (x.event.event_date || !x.group.precedes.length) continue;
    const after = built
      .filter((y) => x.group.precedes.includes(y.group) && y.event.event_date)
      .map((y) => y.event.event_date as IsoDate)
      .sort();
    if (!after.length) continue;
    const d = new Date(`${after[0]}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    x.event.event_date = d.toISOString().slice(0, 10);
    x.event.time_precision = 3;
    x.event.claims.push({
      field: "event_date",
      value: x.event.event_date,
      qualifier: "up to",
      source: null,
      text: x.event.evidence[0]?.text ?? "",
      start: x.event.evidence[0]?.start ?? 0,
      end: x.event.evidence[0]?.end ?? 0,
    });
    note(
      b.ctx,
      STAGE,
      `"${x.event.sub_event_type}" told as preceding an event of ${after[0]}: dated before it, precision 3`,
    );
  }
  for (const x of built) {
    if (x.event.event_date || !b.ctx.reference) continue;
    // Undated news is about the days before the report: ACLED's week-level precision.
    x.event.event_date = b.ctx.reference;
    x.event.time_precision = 2;
  }
}

function isHistory(reference: IsoDate | null, e: SitrepEvent): boolean {
  if (!reference || !e.event_date) return false;
  const days = (Date.parse(reference) - Date.parse(e.event_date)) / 86_400_000;
  return (
    days > HISTORY_DAYS &&
    e.time_precision === 3 &&
    e.evidence.every((x) => !/\b(?:on|in)\s+\d/.test(x.text))
  );
}
