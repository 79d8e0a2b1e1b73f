// Sentence by sentence: triggers → mentions with their type, modality, parties, place, date,
// casualty claims and source. Mentions that are not reported events (threats, plans, denials,
// memories) are dropped here, each with its reason in the document's log.
import { neighbourhood } from "../annotate/sentence-splitter.ts";
import { type DocumentContext, note } from "../core/context.ts";
import {
  type ActorMention,
  type Annotations,
  ARMED_VIOLENCE_TYPES,
  CASUALTY_FIELDS,
  type Claim,
  type DateMention,
  type EventType,
  type Mention,
  type NumberMention,
  type PlaceMention,
  type Sentence,
  type Span,
} from "../core/types.ts";
import { type Attribution, attributionOf } from "./attribution.ts";
import { extractCasualties } from "./casualty-extractor.ts";
import { type ExtractionLexicon, isBeaten } from "./lexicon.ts";
import { clauseEnd, clauseStart, modalityOf } from "./modality.ts";
import { assignRoles, QUALIFIER_AFTER } from "./role-assigner.ts";
import { findTriggers, type TriggerHit } from "./trigger-matcher.ts";

const STAGE = "mentions";
const ARMED = new Set([1, 2, 3, 4, 8]);
const UNARMED_VICTIMS =
  /\b(?:people|persons|civilians|civillians|villagers|residents|worshippers|worshipers|students|children|women|men|passengers|tourists|pilgrims|farmers|shoppers|journalists|workers|employees|jesuits|priests|nuns|monks|famil(?:y|ies)|pastor|priest|imam|teachers|patients|bystanders|pedestrians|man|woman|boy|girl|child|baby|elderly|population)\b/i;
/** A day's toll split by side, with no act: see Mention.summary. */
const DAY_SUMMARY =
  /^(?:about\s+|more\s+than\s+|at\s+least\s+)?\d[\d,]*\s+(?:[\p{L}]+\s+)?(?:were\s+killed|died|killed|lost\s+their\s+lives)\s+(?:yesterday|today|on\s+\p{L}+)\b[^.;]*?\bincluding\b[^.;]*?\d[^.;]*?\band\s+(?:about\s+|at\s+least\s+)?\d/iu;
/** Killings of people already in someone's power. */
export const DEFENCELESS_KILLING = /^(?:execut|behead|decapitat|tortured)/i;
const CAPTIVE_AFTER =
  /^\s+(?:\S+\s+){0,3}?(?:detainees|prisoners|captives|hostages|abductees|kidnapped)\b/i;
const ARMED_VICTIMS =
  /\b(?:soldiers?|troops|police(?:men)?|officers?|fighters?|militants?|gunmen|attackers|assailants|rebels?|insurgents?|terrorists?|guards?|militiamen|personnel|commanders?|servicemen|service\s+members|security|army|militia|both\s+sides|each\s+side|the\s+two\s+sides)\b/i;
/** A place of unarmed people: opening fire there is an attack on civilians, whoever dies. */
const CIVILIAN_TARGET =
  /^\s*(?:\w+\s+){0,4}?(?:hospitals?|clinics?|schools?|universit(?:y|ies)|colleges?|markets?|marketplaces?|shops?|stores?|cafes?|caf\u00e9s?|teahouses?|restaurants?|hotels?|churche?s?|mosques?|temples?|shrines?|synagogues?|villages?|homes?|houses?|buses|bus|trains?|weddings?|funerals?|stock\s+exchange|(?:local\s+|civilian\s+)?population|civilians|worshippers|pilgrims|passengers)\b/i;
/** A target that fights back: attacking it is a clash, not violence against civilians. */
const ARMED_TARGET =
  /^\s*(?:\w+\s+){0,4}?(?:checkpoints?|(?:military|army|police)\s+(?:bases?|posts?|stations?|positions?|convoys?|camps?|vehicles?|patrols?|battalions?|brigades?|regiments?|units?)|battalions?|brigades?|regiments?|bases?|barracks|convoys?|outposts?|positions|patrols?|police\s+stations?|security\s+(?:forces|posts?|personnel)|militias?|militiamen|(?:armed|rebel|militia)\s+groups?|(?:military\s+|army\s+|air\s+force\s+)?(?:helicopters?|gunships?|warplanes?|fighter\s+jets?|tanks?|armou?red\s+vehicles?))\b/i;
/** Who destroys from the air: property they destroy was struck, not looted. */
const AIR_DESTRUCTION =
  /\b(?:air\s+force|warplanes?|jets|aircraft|helicopters?|drones?|airstrikes?|air\s+strikes?|air\s+raids?)\b/i;
/** State forces named in words the actor dictionary leaves generic ("joint units of the army"). */
const STATE_WORDS =
  /\b(?:army|military|troops|soldiers|government\s+forces|security\s+forces|armed\s+forces|national\s+guard)\b/i;
const TERRITORY_TAKEN = new Set([
  "Government regains territory",
  "Non-state actor overtakes territory",
]);
const UNOPPOSED =
  /\b(?:without\s+(?:any\s+|a\s+)?(?:resistance|fight|fighting|a\s+shot\s+(?:being\s+)?fired|clashes)|unopposed|no\s+resistance|(?:not|n't|never)\s+(?:\w+\s+)?encounter\w*\s+(?:any\s+)?resistance|(?:after|following)\s+(?:\w+\s+){0,4}(?:withdrew|withdrawal|pulled\s+out|retreated|left))\b/i;
/** How far outside its clause a date still dates a trigger: 60 characters, about ten words. */
const DATE_REACH_CHARS = 60;
/** A trigger in verb form: past, or a headline's present ("the group executes two men"). */
const VERB_HIT =
  /^(?:\S+ed|shot|struck|hit|fought|kills|executes|beheads|assassinates|slaughters|massacres|shoots|stabs)\b/i;

/**
 * A place counts as where an event happened only after a locative word ("in", "near", "the
 * capital") or as what an attack verb acts on ("shelling targets Daraa", "warplanes bomb al-Bab").
 */
const LOCATIVE_BEFORE =
  /\b(?:in|into|inside|across|throughout|near|at|on|outside|around|of|from|over|within|along|towards?|capital|targets?|targeted|targeting|hits?|rock(?:s|ed)?|shak(?:e|es)|shook|(?:rip(?:s|ped)?|tear(?:s)?|tore)\s+through|bomb(?:s|ed|ing)?|shell(?:s|ed|ing)?|attack(?:s|ed|ing)?|storm(?:s|ed|ing)?|raid(?:s|ed|ing)?|struck|strikes?|pound(?:s|ed|ing)?|enter(?:s|ed|ing)?|besieg(?:e|es|ed|ing)|captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing)|recaptur(?:e|es|ed|ing)|retak(?:e|es|ing)|retook|overr?an|ambush(?:es|ed)?|surround(?:s|ed|ing)?|occup(?:y|ies|ied|ying)|blockad(?:e|es|ed|ing))\s+(?:the\s+)?(?:(?:[NSEW]\.|northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western|(?:north|south)(?:-?(?:east|west))?|east|west|rural|besieged|occupied|restive|[\p{L}]+-(?:held|controlled|run))\s+)?$/iu;
/** "in Khan Tuman, rural south Aleppo": a name in a locative phrase, a comma, then its region. */
const CONTAINER_AFTER_NAME =
  /\b(?:in|at|near|on)\s+(?:\p{Lu}[\p{L}'’]*[\s-]+){0,3}\p{Lu}[\p{L}'’]*,\s+(?:the\s+)?(?:(?:rural|northern|southern|eastern|western|north|south|east|west|(?:north|south)-?(?:east|west)(?:ern)?)\s+){0,2}$/u;
/** "Iraq's government", "the Philippines' army"; not a closing quote ("in North Darfur' - AFP"). */
const POSSESSIVE_AFTER = /^['’]s?\s/u;
/** "Hama's countryside", "Aleppo's border": a possessive place before a noun of land is where. */
const POSSESSIVE_LAND_AFTER =
  /^['’]s?\s+(?:(?:northern|southern|eastern|western|rural|northeastern|northwestern|southeastern|southwestern)\s+)?(?:countryside|border|outskirts|suburbs?|desert|villages?|neighbou?rhoods?|old\s+city|city\s+cent(?:re|er))\b/iu;
/** "Libya's Misrata", "north Aleppo's Ghazal": a possessive place before a place is part of its locative phrase. */
const POSSESSIVE_PLACE_BEFORE =
  /(?:(?:north|south|east|west)(?:ern)?\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){0,2}\p{Lu}[\p{L}'’-]*['’]s?\s+(?:[\p{L}]+-(?:held|controlled|run)\s+)?$/u;
/**
 * "Afrin city", "Daraa countryside", "Ras al-Ayn (Sari Kani) city": a noun of place after the
 * name, or after its other name in brackets, makes it a place where.
 */
const PLACE_NOUN_AFTER =
  /^(?:\s+\([^()]{1,40}\))?\s+(?:city|town|village|countryside|province|governorate|area|district|outskirts|suburbs?|camp)\b/i;
/** "Eastern Chad hit by new attacks": what an act befell, told before it, is where. */
const STRUCK_BY_AFTER =
  /^\s+(?:(?:is|was|were|has\s+been|have\s+been)\s+)?(?:(?:hit|rocked|struck|shaken|pounded|targeted|attacked|shelled|bombed)\s+by|(?:left|plunged|thrown)\s+(?:in|into|without)\s+(?:\S+\s+){0,3}?(?:after|following|by)|blacked\s+out\s+(?:after|following|by))\b/i;
/** Where the wounded were taken: not where it happened ("flown by helicopter to Landstuhl"). */
const TAKEN_TO_BEFORE =
  /\b(?:evacuated|flown|taken|transferred|airlifted|rushed|moved|sent|returned|treated|hospitali[sz]ed|admitted)\s+(?:\S+\s+){0,6}?(?:to|in|at)\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,4}$/iu;
/**
 * Where a statement was made: "said in Tehran", "told reporters at the Pentagon". The place
 * must follow the verb closely: "Police said the strike hit an SUV in Baghdad" is where it happened.
 */
const SAID_AT_BEFORE =
  /\b(?:told\s+reporters|said|says|speaking|spoke|statement|press\s+conference|visit(?:ing|ed)?|summit|talks|meeting|met)\s+(?:\S+\s+){0,2}?(?:in|at|from)\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,2}$/iu;
/**
 * Where the tellers are: "union members in Mexico have accused the Salvadoran armed forces",
 * "officials in Washington said".
 */
const TELLER_AT_AFTER =
  /^\s*,?\s*(?:have\s+|has\s+|had\s+)?(?:accused|said|say|says|denounced|claimed|condemned|told|reported|stated|announced|blamed|alleged)\b/i;
/**
 * Where the victim came from: "a shepherd from Homs province ... in Afrin". Set
 * aside when the act has another place.
 */
const ORIGIN_BEFORE =
  /\b(?:persons?|people|m[ae]n|wom[ae]n|child(?:ren)?|boys?|girls?|youths?|teens?|teenagers?|civilians?|displaced|refugees?|residents?|natives?|famil(?:y|ies)|citizens?|fighters?|workers?|students?|farmers?|shepherds?)\s+(?:originally\s+)?(?:from|of)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|rural)\s+)?$/iu;
/** Where a gathering is held: "the meeting scheduled between the government and the FMLN in Caracas". */
const GATHERING_AT_BEFORE =
  /\b(?:summit|talks|meeting|dialogue|negotiations|conference|session)\s+(?:\S+\s+){0,9}?(?:in|at)\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,2}$/iu;
/**
 * "Landstuhl Regional Medical Center": a hospital named for a town is where the wounded go. An
 * attack on "Hong Kong Polytechnic University" or "Baghdad Airport" happened in the town.
 */
const FACILITY_AFTER = /^\s+(?:Regional\s+)?(?:Medical\s+Cent(?:er|re)|Hospital)\b/i;
const PART_OF_BEFORE =
  /\b(?:northern|southern|eastern|western|central|(?:north|south)(?:-?(?:east|west))?|east|west|outskirts\s+of|near|outside|between|north\s+of|south\s+of|east\s+of|west\s+of|km\s+(?:\w+\s+)?of|kilometres\s+(?:\w+\s+)?of|kilometers\s+(?:\w+\s+)?of|miles\s+(?:\w+\s+)?of)\s+$/i;
/** Between a place and a town that only says where it lies: "(province) 50 km south of the capital". */
const REFERENCE_POINT_GAP =
  /^\s*(?:province|governorate|district|region|area|countryside)?\s*,?\s*(?:(?:some|about|around)\s+)?(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?(?:capital\s+|city\s+of\s+|town\s+of\s+)?$/i;
/** Verbs with which a military tells of its own operation; "denounced" or "is investigating" are not. */
const SELF_REPORT_VERB = /^(?:reported|announced|said|stated|confirmed|says)$/i;
/** "Iraqi army spokesman says suicide bomber kills 12": acts no military tells as its own. */
const NOT_A_MILITARY_OPERATION = new Set(["Suicide bomb", "Remote explosive/landmine/IED"]);
const ANTECEDENT_BEFORE =
  /\b(?:follows?|followed|following|after|in\s+(?:response|retaliation|reprisal)\s+(?:to|for)|retaliat\w*\s+for|response\s+to|avenge)\s+(?:\S+\s+){0,5}$/i;

export interface MentionInput {
  ctx: DocumentContext;
  annotations: Annotations;
  lex: ExtractionLexicon;
  /** Spans a tally claims ("168 attacks"): counted events, not one event. */
  tallySpans: Span[];
}

/** Between a noun trigger and a relative clause on it: "... of a bar in Panama City that ". */
const RELATIVE_TO_HELD = /^[^.;,]{0,80}?\s(?:that|which)\s+(?:had\s+|has\s+)?$/i;

export function extractMentions(input: MentionInput): Mention[] {
  const { ctx, annotations, lex, tallySpans } = input;
  const text = ctx.doc.text;
  const out: Mention[] = [];
  /** The last act told as background (history), while no reported act has followed it. */
  let background: { sentence: number; told: number } | null = null;
  for (const sentence of annotations.sentences) {
    const around = neighbourhood(annotations.sentences, sentence)
      .map((x) => x.text)
      .join(" ");
    const hits = findTriggers(sentence, lex, (r) => note(ctx, STAGE, r), around, text).filter(
      (h) => !tallySpans.some((t) => h.start >= t.start && h.end <= t.end),
    );
    if (!hits.length) {
      addTrailingCasualties(ctx, sentence, annotations, out, tallySpans);
      continue;
    }
    const attribution = attributionOf(sentence);
    const source = attribution?.source ?? null;
    const numbers = annotations.numbers.filter(
      (n) => n.start >= sentence.start && n.end <= sentence.end,
    );
    const casualties = extractCasualties(sentence, numbers, source);
    const asserted: { hit: TriggerHit; reason: string | null }[] = [];
    let held: TriggerHit | null = null;
    for (const hit of hits) {
      const m = modalityOf(sentence, hit, lex, text, ctx.reference);
      if (m.modality !== "asserted") {
        note(ctx, STAGE, `"${hit.text}" is ${m.modality}: ${m.reason}`);
        held = hit;
        if (m.modality === "history") background = { sentence: sentence.index, told: out.length };
        continue;
      }
      // "the March bombing of a bar that killed one soldier": the relative clause tells the
      // act its noun names, and is what that noun is
      if (held && RELATIVE_TO_HELD.test(text.slice(held.end, hit.start))) {
        note(ctx, STAGE, `"${hit.text}" tells "${held.text}", which is no event here`);
        continue;
      }
      held = null;
      asserted.push({ hit, reason: null });
    }
    const actorsHere = annotations.actors.filter(
      (a) => a.start >= sentence.start && a.end <= sentence.end,
    );
    const placesHere = annotations.places.filter(
      (p) => p.start >= sentence.start && p.end <= sentence.end && p.kind !== "country",
    );
    const grouped = groupHits(
      asserted.map((a) => a.hit),
      ctx.doc.text,
      actorsHere,
      lex,
      {
        places: placesHere,
        dates: annotations.dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end),
      },
    );
    const windows = placeWindows(grouped, sentence);
    const told = out.length;
    for (const hit of grouped) {
      const others = grouped.filter((h) => h !== hit);
      const window = windows.get(hit) ?? null;
      // two acts in two places: each counts only the dead told in its own part of the sentence
      const counted = window
        ? extractCasualties(
            { ...sentence, ...window, text: text.slice(window.start, window.end) },
            numbers,
            source,
          )
        : casualties;
      const mention = buildMention(
        ctx,
        annotations,
        lex,
        sentence,
        hit,
        counted,
        attribution,
        around,
        { others, window },
      );
      // "claim responsibility for the March attack on the bar. One soldier was killed in the
      // attack": "the attack" with no place or date of its own is the background act told just before
      if (
        background &&
        background.told === out.length &&
        sentence.index - background.sentence <= BACKGROUND_REACH &&
        mention.reference &&
        !mention.places.length &&
        !mention.date
      ) {
        note(ctx, STAGE, `"${hit.text}" refers to the background act told just before it`);
        continue;
      }
      out.push(mention);
    }
    leaveDeadToViolence(ctx, out.slice(told));
  }
  return out;
}

/**
 * "Three people were killed in clashes and arrests were made": a development told in one
 * sentence with a violent act does not share the act's dead. ACLED's developments count none;
 * the dead are the act's.
 */
function leaveDeadToViolence(ctx: DocumentContext, mentions: Mention[]): void {
  if (!mentions.some((m) => ARMED_VIOLENCE_TYPES.has(m.event_type))) return;
  for (const m of mentions) {
    if (m.event_type !== "Strategic developments") continue;
    const kept = m.claims.filter((c) => !CASUALTY_FIELDS.has(c.field));
    if (kept.length === m.claims.length) continue;
    m.claims = kept;
    m.deadElsewhere = true;
    note(ctx, STAGE, `"${m.trigger.text}" leaves the dead and hurt to the violent act beside it`);
  }
}

/** Sentences after an act told as background within which "the attack" still points back to it. */
const BACKGROUND_REACH = 1;

/** A count over a period is a tally, not the toll of the event just told. */
const CUMULATIVE =
  /\b(?:so\s+far|since|this\s+year|to\s+date|in\s+total|altogether|in\s+recent\s+(?:days|weeks|months))\b/i;
/** Sentences after an event's telling whose bare counts still belong to it. */
const TRAILING_SENTENCES = 2;

/**
 * "A bomb exploded in the market. One person has died in hospital." A sentence with no trigger
 * but a count of dead or hurt adds that count to the violent event told just before it.
 */
function addTrailingCasualties(
  ctx: DocumentContext,
  sentence: Sentence,
  ann: Annotations,
  out: Mention[],
  tallySpans: { start: number; end: number }[],
): void {
  const last = out[out.length - 1];
  if (
    !last ||
    !ARMED_VIOLENCE_TYPES.has(last.event_type) ||
    sentence.index - last.sentence.index > TRAILING_SENTENCES ||
    sentence.paragraph - last.sentence.paragraph > 1 ||
    CUMULATIVE.test(sentence.text) ||
    tallySpans.some((t) => t.start < sentence.end && t.end > sentence.start)
  )
    return;
  const numbers = ann.numbers.filter((n) => n.start >= sentence.start && n.end <= sentence.end);
  const source = attributionOf(sentence)?.source ?? null;
  const more = alsoDied(sentence, numbers, last);
  if (more) {
    last.claims.push({ ...more, source });
    note(ctx, STAGE, `"also died" in sentence ${sentence.index} adds to "${last.trigger.text}"`);
    return;
  }
  const found = extractCasualties(sentence, numbers, source);
  const counts = found.claims.filter((c) => CASUALTY_FIELDS.has(c.field));
  if (!counts.length) return;
  last.claims.push(...counts);
  note(ctx, STAGE, `counts of sentence ${sentence.index} join "${last.trigger.text}"`);
}

/** "His wife and comrades Sotelo and Sotomayor also died": more dead, after those just told. */
const ALSO_DIED =
  /^\s*(.{3,120}?)\s+(?:also|too)\s+(?:died|perished|lost\s+their\s+lives|(?:were|was)\s+killed)\b/iu;

/**
 * The event's toll raised by those a following sentence says "also died": each person of its
 * subject counts one ("two bodyguards" count two), added to the dead already told.
 */
function alsoDied(
  sentence: Sentence,
  numbers: NumberMention[],
  last: Mention,
): Omit<Claim, "source"> | null {
  const m = ALSO_DIED.exec(sentence.text);
  if (!m) return null;
  const told = last.claims
    .filter((c) => c.field === "fatalities" && typeof c.value === "number")
    .map((c) => c.value as number);
  if (!told.length) return null;
  let added = 0;
  let at = 0;
  for (const part of m[1].split(/\s*,\s*(?:and\s+)?|\s+and\s+/i)) {
    at = m[1].indexOf(part, at);
    const words = part.trim().split(/\s+/);
    if (!part.trim() || words.length > 4) return null;
    const n = numbers.find((x) => x.start === sentence.start + m.index + m[0].indexOf(m[1]) + at);
    added += n ? n.value : 1;
  }
  return {
    field: "fatalities",
    value: Math.max(...told) + added,
    qualifier: "exact",
    text: sentence.text,
    start: sentence.start,
    end: sentence.end,
    revised: true,
  };
}

/** How far after a trigger its place may stand: "attack on the city of Marea". */
const OWN_PLACE_CHARS = 40;

/**
 * "His attack on the city of Marea ... and intense air strikes on the city of Aleppo": a generic
 * act told with a place of its own, before a specific act told with another place, is another
 * event, not the specific one told twice.
 */
function actsElsewhere(
  hits: TriggerHit[],
  winners: TriggerHit[],
  { places, dates }: SentenceSettings,
): TriggerHit[] {
  const placeAfter = (h: TriggerHit) =>
    places.find((p) => p.start >= h.end && p.start - h.end <= OWN_PLACE_CHARS);
  const dateBefore = (h: TriggerHit, from: number) =>
    dates.findLast((d) => d.end <= h.start && d.start >= from && h.start - d.end <= OWN_DATE_CHARS);
  const out: TriggerHit[] = [];
  for (const g of hits) {
    if (g.rule.kind !== "generic") continue;
    const next = winners.find((w) => w.start > g.end);
    if (!next) continue;
    const own = placeAfter(g);
    const theirs = placeAfter(next);
    const elsewhere =
      own && own.start < next.start && theirs && theirs.place.geonameid !== own.place.geonameid;
    // "which on 25 January claimed responsibility for killing X, claimed responsibility today
    // for detonating a bomb": two acts, each with its own day
    const ownDay = dateBefore(g, 0);
    const theirDay = dateBefore(next, g.end);
    const otherDay = ownDay && theirDay && ownDay.date !== theirDay.date;
    if (elsewhere || otherDay) out.push(g);
  }
  return out;
}

/**
 * After a generic act, what makes it an act told in its own right: its own day ("the attack on
 * 3 June") or its own toll in a clause on it ("the attack in which 7 soldiers were killed",
 * "the raid that killed five").
 */
const OWN_DAY_GAP = /^\s*(?:on|of)?\s*$/i;
const OWN_TOLL_AFTER =
  /^(?:\s+[^\s.;,]+){0,5}?\s*,?\s+(?:in\s+which|during\s+which|that|which)\s+(?:[^.;]{0,80}?\s)?(?:killed|kills|died|dead|left|claimed)\b|^(?:\s+[^\s.;,]+){0,5}?\s*,\s+(?:killing|leaving)\b/i;

/**
 * "Police arrested 5,000 people following the attack on 3 June in which 7 soldiers were killed":
 * a development (arrests, an agreement) told with a violent act that has its own day or its own
 * toll is two events; the act is not the development's, nor its dead.
 */
function actsBesideDevelopment(
  hits: TriggerHit[],
  winners: TriggerHit[],
  text: string,
  { dates }: SentenceSettings,
): TriggerHit[] {
  if (winners.some((w) => w.rule.event_type !== "Strategic developments")) return [];
  const out: TriggerHit[] = [];
  for (const g of hits) {
    if (g.rule.kind !== "generic") continue;
    if (!winners.some((w) => w.end <= g.start)) continue;
    // "following the attack on 3 June": an earlier act with its own day; not "arrested five
    // militants in a raid on Tuesday", where the raid is how the arrests were made
    const earlier = ANTECEDENT_BEFORE.test(text.slice(Math.max(0, g.start - 40), g.start));
    const ownDay =
      earlier &&
      dates.some(
        (d) =>
          d.start >= g.end && d.start - g.end <= 8 && OWN_DAY_GAP.test(text.slice(g.end, d.start)),
      );
    const ownToll = OWN_TOLL_AFTER.test(text.slice(g.end, g.end + 160));
    if (ownDay || ownToll) {
      g.besideDevelopment = earlier ? "earlier" : "during";
      out.push(g);
    }
  }
  return out;
}

/** What a sentence sets its acts in: its places and its dates. */
interface SentenceSettings {
  places: PlaceMention[];
  dates: DateMention[];
}

/** How far before a trigger its date may stand: "on 25 January claimed responsibility for killing". */
const OWN_DATE_CHARS = 50;

/** Offsets in the document text. */
interface Window {
  start: number;
  end: number;
  /**
   * A development and an act told beside it (actsBesideDevelopment): the window bounds each
   * one's date too, and one with no place in its part takes the sentence's.
   */
  own?: boolean;
  /** Whether the window bounds the act's parties as well. */
  parties?: boolean;
}

/**
 * A generic act kept beside a specific one (actsElsewhere) owns the places up to the specific
 * act; the specific one owns those from its trigger on.
 */
function placeWindows(grouped: TriggerHit[], sentence: Sentence): Map<TriggerHit, Window> {
  const windows = new Map<TriggerHit, Window>();
  for (const g of grouped) {
    if (g.rule.kind !== "generic") continue;
    const next = grouped.find((w) => w.rule.kind !== "generic" && w.start > g.end);
    if (!next) continue;
    windows.set(g, { start: sentence.start, end: next.start });
    windows.set(next, { start: next.start, end: sentence.end });
  }
  // a development told before an act of its own: each has its own part of the sentence
  for (const g of grouped) {
    if (!g.besideDevelopment) continue;
    const dev = grouped.findLast((w) => w.rule.kind !== "generic" && w.end <= g.start);
    if (!dev) continue;
    // an earlier act has parties of its own; an act during the development (the raid in which
    // suspects were killed) shares the development's doers
    const parties = g.besideDevelopment === "earlier";
    windows.set(dev, { start: sentence.start, end: g.start, own: true, parties: true });
    windows.set(g, { start: g.start, end: sentence.end, own: true, parties });
  }
  return windows;
}

/** Specific triggers of one sentence absorb its generic ones; one mention per sub-event type. */
function groupHits(
  hits: TriggerHit[],
  text: string,
  actors: ActorMention[],
  lex: ExtractionLexicon,
  settings: SentenceSettings,
): TriggerHit[] {
  let specific = hits.filter((h) => h.rule.kind !== "generic");
  // "Rioters clashed with police": the clash is the demonstration's, not a battle of its own.
  const demonstration = specific.find(
    (h) => h.rule.event_type === "Protests" || h.rule.event_type === "Riots",
  );
  if (demonstration) {
    const clash = specific.find((h) => h.rule.event_type === "Battles");
    if (clash) demonstration.partiesFrom = clash;
    specific = specific.filter((h) => h.rule.event_type !== "Battles");
  }
  const kept: TriggerHit[] = [];
  for (const h of specific)
    if (!kept.some((k) => k.rule.sub_event_type === h.rule.sub_event_type)) kept.push(h);
  const subs = kept.map((k) => k.rule.sub_event_type ?? "");
  const winners = kept.filter((k) => !isBeaten(lex, k.rule.sub_event_type ?? "", subs));
  if (winners.length)
    return [
      ...winners,
      ...actsElsewhere(hits, winners, settings),
      ...actsBesideDevelopment(hits, winners, text, settings),
    ];
  // "the strikes killed 16": the definite noun names which event the sentence is about.
  // Otherwise a verb with its subject right before it carries the parties ("In a separate
  // attack, gunmen shot dead two policemen"); else the first trigger.
  const withSubject = hits.find(
    (h) =>
      VERB_HIT.test(h.text) &&
      actors.some((a) => a.end <= h.start && /^\s+(?:\w+\s+)?$/.test(text.slice(a.end, h.start))),
  );
  // "About 48 hours after the last attack, jihadists attack ...": a definite noun that dates
  // the act points back; the sentence is about the act
  const dating = (h: TriggerHit) =>
    h.definite && TIME_ANCHOR_BEFORE.test(text.slice(Math.max(0, h.start - 40), h.start));
  // "the group executes two men ... and films the execution": a definite noun that names again
  // the act of a verb before it points back to that verb's act ("killed in the attack" does not)
  const namesVerbAgain = (h: TriggerHit) =>
    withSubject !== undefined &&
    withSubject.start < h.start &&
    withSubject.text.slice(0, 6).toLowerCase() === h.text.slice(0, 6).toLowerCase();
  const pointer = hits.find((h) => h.definite && !dating(h) && !namesVerbAgain(h));
  return hits.length ? [pointer ?? withSubject ?? hits.find((h) => !dating(h)) ?? hits[0]] : [];
}

/** "after the last attack", "since the strike": a definite noun used to date something else. */
const TIME_ANCHOR_BEFORE =
  /\b(?:after|since|following|before|ahead\s+of)\s+(?:the|this|that|its|their)\s+(?:[\p{L}-]+\s+){0,2}$/iu;

function buildMention(
  ctx: DocumentContext,
  ann: Annotations,
  lex: ExtractionLexicon,
  sentence: Sentence,
  hit: TriggerHit,
  casualties: ReturnType<typeof extractCasualties>,
  attribution: Attribution | null,
  around: string,
  split: {
    /** The sentence's other acts: their weapons are not this one's. */
    others: TriggerHit[];
    /** Where this act's places may stand, when the sentence tells two acts in two places. */
    window: Window | null;
  } = { others: [], window: null },
): Mention {
  const { others, window } = split;
  const source = attribution?.source ?? null;
  const text = ctx.doc.text;
  const actors = ann.actors.filter(
    (a) =>
      a.start >= sentence.start &&
      a.end <= sentence.end &&
      (!window?.parties || (a.start >= window.start && a.end <= window.end)),
  );
  let roles = assignRoles(text, sentence, hit, actors, attribution, casualties.victimSpans);
  if (!roles.actor1 && !roles.actor2 && hit.partiesFrom) {
    roles = assignRoles(
      text,
      sentence,
      hit.partiesFrom,
      actors,
      attribution,
      casualties.victimSpans,
    );
  }
  let actor2 = roles.actor2;
  if (!actor2) {
    // "the killing of six priests by soldiers": a victim phrase that runs on over the agent
    // does not make the agent its own victim
    actor2 =
      actors.find(
        (a) =>
          a !== roles.actor1 &&
          casualties.victimSpans.some((v) => a.start < v.end && a.end > v.start),
      ) ?? null;
  }
  let actor1 = roles.actor1;
  if (
    !actor1 &&
    attribution &&
    !hit.definite &&
    SELF_REPORT_VERB.test(attribution.verb ?? "") &&
    !NOT_A_MILITARY_OPERATION.has(hit.rule.sub_event_type ?? "")
  ) {
    // A military telling of its own operation ("US Central Command reported a strike"): the teller
    // is the likely doer. Implied, not stated, and scored lower.
    const teller = actors.find(
      (a) =>
        a.start >= attribution.start &&
        a.end <= attribution.end &&
        a !== actor2 &&
        (a.actor.inter === 1 || a.actor.inter === 8) &&
        !a.actor.id.startsWith("country:") &&
        a.actor.name.startsWith("Military"),
    );
    if (teller) actor1 = { ...teller, stated: false, rule: "actor1:reporting-military" };
  }
  const victims = casualties.victimSpans.map((v) => text.slice(v.start, v.end)).join(" ");
  const after = text.slice(hit.end, clauseEnd(sentence, hit.end));
  const cStart = clauseStart(sentence, hit.start);
  const takers = actors.filter(
    (a) =>
      a.start >= cStart &&
      a.end <= hit.start &&
      !QUALIFIER_AFTER.test(text.slice(a.end, a.end + 12)),
  );
  const typed = resolveType({
    hit,
    sentence,
    lex,
    actor1,
    actor2,
    takers,
    claims: casualties.claims,
    victims,
    after,
    around,
    others,
  });
  const allPlaces = selectPlaces(text, sentence, hit, ann.places, actors);
  let places = allPlaces.filter((p) => !window || (p.start >= window.start && p.end <= window.end));
  if (window?.own && !places.length) places = allPlaces;
  const date = nearestDate(
    window?.own
      ? ann.dates.filter((d) => d.start >= window.start && d.end <= window.end)
      : ann.dates,
    sentence,
    hit,
    others.length === 0,
  );
  const claims: Claim[] = [...casualties.claims];
  if (actor1 && (source || roles.rule === "roles:attributed-to")) {
    claims.push({
      field: "actor1",
      value: actor1.actor.name,
      qualifier: null,
      source,
      text: sentence.text,
      start: sentence.start,
      end: sentence.end,
    });
  }
  const before = text.slice(clauseStart(sentence, hit.start), hit.start);
  const mention: Mention = {
    sentence,
    trigger: {
      start: hit.start,
      end: hit.end,
      text: hit.text,
      rule: hit.rule.id,
      reason: hit.rule.reason,
    },
    event_type: typed.event_type,
    sub_event_type: typed.sub_event_type,
    modality: "asserted",
    actor1,
    actor2,
    assoc_actor_1: roles.assoc1,
    assoc_actor_2: roles.assoc2.filter((a) => a !== actor2),
    places,
    date,
    claims,
    source,
    weapon: typed.weapon,
    // "the strike" with no place or date of its own tells again an event already told; so does
    // "4 days since the killing", whose date says when the act told before took place.
    reference: hit.definite && !places.length && (!date || date.reach !== undefined),
    generic: typed.generic && !namedKiller(hit, actor1, roles.rule),
    strength: hit.rule.strength,
    antecedent: ANTECEDENT_BEFORE.test(before),
    summary: !places.length && DAY_SUMMARY.test(sentence.text),
  };
  note(
    ctx,
    STAGE,
    `mention "${hit.text}" → ${typed.sub_event_type}${mention.reference ? " (reference)" : ""} by ${hit.rule.id}/${roles.rule}`,
  );
  return mention;
}

/** A killing verb in a headline's present ("executes", "behead"): the word alone says what was done. */
const HEADLINE_KILLING =
  /^(?:execute|executes|behead|beheads|decapitates|assassinate|assassinates|massacres|slaughters)$/i;

/**
 * "IS executes two shepherds near Palmyra": a named armed group told, in a headline's present, as
 * the subject of a verb that only names killing types the act itself, whatever the weapon: an
 * attack, no guess from the parties. Not a past "executed" (old reports tell background killings
 * so), nor an unnamed party ("gunmen") or a state (whose executions may be judicial).
 */
function namedKiller(hit: TriggerHit, actor1: ActorMention | null, rule: string): boolean {
  return (
    HEADLINE_KILLING.test(hit.text) &&
    rule === "roles:subject" &&
    actor1 !== null &&
    (actor1.actor.inter === 2 || actor1.actor.inter === 3) &&
    !actor1.actor.id.startsWith("generic:") &&
    !actor1.actor.id.startsWith("country:")
  );
}

interface Typed {
  event_type: EventType;
  sub_event_type: string;
  weapon: string | null;
  generic: boolean;
}

/** What the type of a trigger is read from. */
interface TypeEvidence {
  hit: TriggerHit;
  sentence: Sentence;
  lex: ExtractionLexicon;
  actor1: ActorMention | null;
  actor2: ActorMention | null;
  /** Every party named before the trigger in its clause: "the army and allied militias". */
  takers: ActorMention[];
  claims: Claim[];
  /** The casualties' noun phrases ("24 people", "two police officers"). */
  victims: string;
  /** The trigger's clause after it: what was attacked. */
  after: string;
  /** The sentence and its neighbours: "without resistance" may come a sentence later. */
  around: string;
  others: TriggerHit[];
}

/** Words between an act and its direct object: "hit and damaged the", "struck a". */
const TARGET_GAP =
  /^\s+(?:and\s+[\p{L}-]+\s+)?(?:(?!(?:by|from|with|in|using)\b)[\p{L}-]+\s+){0,3}$/iu;

/**
 * The weapon a sentence names for a generic act. "The fire hit and damaged the helicopter": an
 * aircraft the act lands on is its target, not its weapon.
 */
function weaponCueOf(
  lex: ExtractionLexicon,
  sentence: Sentence,
  hit: TriggerHit,
  others: TriggerHit[],
) {
  const s = sentence.text;
  const hitEnd = hit.end - sentence.start;
  const inOther = (at: number) =>
    others.some((o) => at >= o.start - sentence.start && at < o.end - sentence.start);
  return lex.weaponCues.find((c) => {
    for (const m of s.matchAll(c.re)) {
      if (inOther(m.index)) continue;
      if (c.weapon === "air" && m.index >= hitEnd && TARGET_GAP.test(s.slice(hitEnd, m.index)))
        continue;
      // "killed in a helicopter crash": the craft that crashed, not a weapon
      if (c.weapon === "air" && /^\s+crash(?:ed|es)?\b/i.test(s.slice(m.index + m[0].length)))
        continue;
      return true;
    }
    return false;
  });
}

function resolveType({
  hit,
  sentence,
  lex,
  actor1,
  actor2,
  takers,
  claims,
  victims,
  after,
  around,
  others,
}: TypeEvidence): Typed {
  const rule = hit.rule;
  const state1 = actor1 ? actor1.actor.inter === 1 || actor1.actor.inter === 8 : false;
  // "ten killed in the attack on the union offices": people died, so more than property was hit
  const deadlyForProperty =
    rule.sub_event_type === "Looting/property destruction" &&
    claims.some((c) => c.field === "fatalities" && Number(c.value) > 0);
  if (rule.event_type && rule.sub_event_type && !deadlyForProperty) {
    let sub = rule.sub_event_type;
    // Who took the ground decides the type: any state force among the takers makes it the
    // government's ("the army and allied militias took control").
    if (TERRITORY_TAKEN.has(sub)) {
      const stateTaker = state1 || takers.some((a) => a.actor.inter === 1 || a.actor.inter === 8);
      const nonStateTaker = actor1 !== null && !stateTaker;
      if (stateTaker) sub = "Government regains territory";
      else if (nonStateTaker) sub = "Non-state actor overtakes territory";
      else if (STATE_WORDS.test(sentence.text.slice(0, hit.start - sentence.start)))
        sub = "Government regains territory";
    }
    // Territory taken without a fight changed hands without violence (ACLED's own distinction).
    if (TERRITORY_TAKEN.has(sub) && UNOPPOSED.test(around)) {
      return {
        event_type: "Strategic developments",
        sub_event_type: "Non-violent transfer of territory",
        weapon: null,
        generic: false,
      };
    }
    // "The Air Force destroyed a number of vehicles": destruction from the air is an air strike.
    if (sub === "Looting/property destruction" && AIR_DESTRUCTION.test(sentence.text))
      return {
        event_type: "Explosions/Remote violence",
        sub_event_type: "Air/drone strike",
        weapon: "air",
        generic: false,
      };
    return { event_type: rule.event_type, sub_event_type: sub, weapon: null, generic: false };
  }
  // "The strike at the mine will continue": a bare strike among workers and unions is a labour one.
  if (rule.id === "generic-strike" && lex.laborContext.test(around)) {
    return {
      event_type: "Protests",
      sub_event_type: "Peaceful protest",
      weapon: null,
      generic: false,
    };
  }
  const cue = weaponCueOf(lex, sentence, hit, others);
  if (cue)
    return {
      event_type: cue.event_type,
      sub_event_type: cue.sub_event_type,
      weapon: cue.weapon,
      generic: false,
    };
  // A military "strike" with no weapon named is, in news usage, an air or drone strike.
  if (rule.id === "generic-strike" && (!actor1 || state1)) {
    return {
      event_type: "Explosions/Remote violence",
      sub_event_type: "Air/drone strike",
      weapon: null,
      generic: true,
    };
  }
  // ACLED's line between an Attack and a clash is whether the victims could fight back: armed
  // victims, an armed target ("a checkpoint") or an armed party acted upon make it a clash.
  const unarmedVictims = UNARMED_VICTIMS.test(victims) && !ARMED_VICTIMS.test(victims);
  const civilians =
    actor2?.actor.inter === 7 ||
    unarmedVictims ||
    claims.some((c) => c.field === "civilian_fatalities" && c.value !== 0);
  const armedSide =
    ARMED_TARGET.test(after) || ARMED_VICTIMS.test(victims) || ARMED.has(actor2?.actor.inter ?? 0);
  const clash: Typed = {
    event_type: "Battles",
    sub_event_type: "Armed clash",
    weapon: null,
    generic: true,
  };
  const attack: Typed = {
    event_type: "Violence against civilians",
    sub_event_type: "Attack",
    weapon: null,
    generic: true,
  };
  if (CIVILIAN_TARGET.test(after)) return attack;
  // an execution, or captives killed: whoever they fought for, they could not fight back
  if (DEFENCELESS_KILLING.test(hit.text) || CAPTIVE_AFTER.test(after)) return attack;
  return armedSide && !civilians ? clash : attack;
}

function selectPlaces(
  text: string,
  sentence: Sentence,
  hit: TriggerHit,
  places: PlaceMention[],
  actors: ActorMention[],
): PlaceMention[] {
  let out: PlaceMention[] = [];
  const origins = new Set<PlaceMention>();
  // Places of another clause ("..., as talks on the US presence in Iraq are imminent") are not this event's.
  const cStart = clauseStart(sentence, hit.start);
  const cEnd = clauseEnd(sentence, hit.end);
  for (const p of places) {
    if (p.start < cStart || p.end > cEnd) continue;
    // "Iraqi officials": a demonym says whose, not where.
    if (p.rule === "place:demonym") continue;
    if (
      actors.some(
        (a) =>
          p.start < a.end &&
          p.end > a.start &&
          !(a.rule === "actor:country" && a.start === p.start),
      )
    )
      continue;
    // a hashtag names the place as well as the bare name does: "shot dead in #Mbengwi"
    const before = text.slice(Math.max(sentence.start, p.start - 80), p.start).replace(/#$/, "");
    const after = text.slice(p.end, p.end + 40);
    // "Logar province south of the capital Kabul": Kabul only says where Logar is
    if (
      places.some(
        (q) =>
          q !== p &&
          q.end <= p.start &&
          p.start - q.end < 60 &&
          REFERENCE_POINT_GAP.test(text.slice(q.end, p.start)),
      )
    )
      continue;
    // "Turkey-backed", "Iraq's government": whose, not where; "Hama's countryside" is a place
    if (
      /^(?:-|\s)(?:backed|led|based|allied|supported|loyal)\b/u.test(after) ||
      (POSSESSIVE_AFTER.test(after) &&
        (/^['’]s/u.test(after) || /s$/i.test(p.text)) &&
        !POSSESSIVE_LAND_AFTER.test(after))
    )
      continue;
    // "clashes on Aleppo's border with Turkey": the country across the border is not where
    if (p.kind === "country" && /\bborder\s+with\s+(?:the\s+)?$/i.test(before)) continue;
    // "near the U.S. embassy in La Paz": a country before its embassy owns it, it is not where
    if (p.kind === "country" && /^\s+(?:embassy|consulate|mission|ambassador|envoy)\b/i.test(after))
      continue;
    if (
      FACILITY_AFTER.test(after) ||
      TAKEN_TO_BEFORE.test(before) ||
      SAID_AT_BEFORE.test(before) ||
      GATHERING_AT_BEFORE.test(before) ||
      // the tellers' place, when the sentence names another country for the event
      (TELLER_AT_AFTER.test(after) &&
        places.some(
          (q) => q.start >= sentence.start && q.end <= sentence.end && q.place.iso !== p.place.iso,
        ))
    )
      continue;
    // The annotator's own locative readings ("near Mosul", "eastern Baghdad", "the X neighborhood of Y") need no preposition.
    const locativeRule = p.rule !== "place:name" && p.rule !== "place:admin-suffix";
    // "in Syrian Afrin": a demonym right before the town stands in the locative phrase
    const demonymBefore = places.find(
      (q) =>
        q.rule === "place:demonym" && q.end < p.start && /^\s+$/.test(text.slice(q.end, p.start)),
    );
    const locative =
      locativeRule ||
      LOCATIVE_BEFORE.test(before) ||
      // "raids on the area between Zamalka and Ein Tarma"; not "talks between the US and Iraq"
      (p.kind === "city" && /\bbetween\s+$/i.test(before)) ||
      (demonymBefore !== undefined &&
        LOCATIVE_BEFORE.test(
          text.slice(Math.max(sentence.start, demonymBefore.start - 80), demonymBefore.start),
        )) ||
      LOCATIVE_BEFORE.test(before.replace(POSSESSIVE_PLACE_BEFORE, "")) ||
      // "in Khan Tuman, rural south Aleppo": the region after a place the gazetteer lacks
      CONTAINER_AFTER_NAME.test(before) ||
      PLACE_NOUN_AFTER.test(after) ||
      POSSESSIVE_LAND_AFTER.test(after) ||
      STRUCK_BY_AFTER.test(after) ||
      // "Mogadishu explosions", "Donetsk shelling": a town before the trigger names where; not
      // "the Jordan attack", which names an event told before
      (p.kind === "city" &&
        p.end <= hit.start &&
        /^\s+$/u.test(text.slice(p.end, hit.start)) &&
        !/\bthe\s+$/i.test(before));
    if (!locative) {
      // A list "in Iraq, Syria, and Jordan" continues an accepted place.
      if (
        !(
          out.length &&
          /^(?:,\s*|\s*,?\s*and\s+)$/i.test(text.slice(out[out.length - 1].end, p.start))
        )
      )
        continue;
    }
    const precision = PART_OF_BEFORE.test(before) && p.precision === 1 ? 2 : p.precision;
    const kept = precision === p.precision ? p : { ...p, precision };
    out.push(kept);
    if (ORIGIN_BEFORE.test(before)) origins.add(kept);
  }
  // where the victim came from counts only when the sentence says nowhere else
  if (origins.size && out.some((p) => !origins.has(p))) out = out.filter((p) => !origins.has(p));
  // Places in the trigger's own clause come first; a sentence naming many keeps those nearest.
  // A place before "and" + the trigger ("return to Jarabulus and airstrikes target areas in
  // Aleppo") is the other clause's: the trigger's own place after it comes first.
  const otherClause = new Map(
    out.map((p) => [
      p,
      (p.end <= hit.start && COORDINATE_GAP.test(text.slice(p.end, hit.start))) ||
      (p.start >= hit.end && NEXT_CLAUSE_GAP.test(text.slice(hit.end, p.start)))
        ? 1
        : 0,
    ]),
  );
  // With a place of its own, the trigger takes none of the other clause's: "Clashes in Daraa
  // countryside and shells target Salamiyah" is two acts in two places, not two in each.
  const own = out.some((p) => otherClause.get(p) === 0);
  return out
    .filter((p) => !own || otherClause.get(p) === 0)
    .sort(
      (a, b) =>
        (otherClause.get(a) ?? 0) - (otherClause.get(b) ?? 0) ||
        Math.abs(a.start - hit.start) - Math.abs(b.start - hit.start),
    );
}

/** Between a place and a trigger: "and" opening the trigger's own clause ("and airstrikes"). */
const COORDINATE_GAP = /(?:,\s*|\s)and\s+(?:the\s+)?(?:[\p{L}-]+\s+)?$/iu;
/**
 * Between a trigger and a place: "and" opening another clause ("... and raids on Saraqeb"); not
 * the hurt listed with the dead ("leave casualties and wounded in Al-Mayadin").
 */
const NEXT_CLAUSE_GAP =
  /(?:,\s*|\s)and\s+(?!(?:wounded|injured|injuries|dead|killed|casualties|hurt)\b)(?:the\s+)?[\p{L}-]+\s+\S+\s/iu;

/** Right after a date: the close of a wire dateline, "(AFP) --". */
const DATELINE_AFTER = /^\s*(?:\([^)]{1,40}\)\s*)?(?:--|—)/;
/** Right before a date: a statement, briefing or post, which the date then belongs to. */
const STATEMENT_BEFORE =
  /\b(?:statement|briefing|press\s+conference|news\s+conference|interview|tweet|post|communiqu[eé])\s+(?:[\p{L}-]+\s+){0,2}$/iu;

/**
 * `alone`: the sentence tells this act only, so a date anywhere in it is this act's ("Early on
 * 16 November, Father A, rector of the university; B, C ... were assassinated").
 */
function nearestDate(
  dates: DateMention[],
  sentence: Sentence,
  hit: TriggerHit,
  alone: boolean,
): DateMention | null {
  // A date in another clause dates another act ("... the budget approved in April"), unless it is
  // close by: sentences about one event often put its date after a comma.
  const cStart = clauseStart(sentence, hit.start);
  const cEnd = clauseEnd(sentence, hit.end);
  let best: DateMention | null = null;
  for (const d of dates) {
    if (d.start < sentence.start || d.end > sentence.end) continue;
    // "4 days since the killing": a date of one act only
    if (d.reach && (hit.start < d.reach.from || hit.start >= d.reach.to)) continue;
    // "said in a statement on Wednesday": the day of the telling, not of the act
    const at = d.start - sentence.start;
    if (STATEMENT_BEFORE.test(sentence.text.slice(Math.max(0, at - 40), at))) continue;
    // "SAN SALVADOR, 19 JAN 90 (ACAN-EFE) -- ...": the dateline's date is the report's
    if (
      DATELINE_AFTER.test(sentence.text.slice(d.end - sentence.start, d.end - sentence.start + 40))
    )
      continue;
    const inClause = d.start >= cStart && d.end <= cEnd;
    const distance = d.start >= hit.end ? d.start - hit.end : hit.start - d.end;
    if (!inClause && !alone && distance > DATE_REACH_CHARS) continue;
    if (!best || Math.abs(d.start - hit.start) < Math.abs(best.start - hit.start)) best = d;
  }
  return best;
}
