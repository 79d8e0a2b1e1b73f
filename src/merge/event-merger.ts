// The same event told several times in one article becomes one event: references ("the
// strike") join the event they point back to, and mentions that agree on type, place, date
// and parties join each other. Two attacks on one day in one city stay two when the text says
// "another" (not "another 30 people": more victims of the same) or they disagree on a party or
// a figure.
import { COUNTED_SINCE_RULE } from "../annotate/date-annotator.ts";
import { type DocumentContext, note } from "../core/context.ts";
import { distanceKm } from "../core/geo.ts";
import { ARMED_VIOLENCE_TYPES, type Mention, type PlaceMention } from "../core/types.ts";
import { DEFENCELESS_KILLING } from "../extract/mention-extractor.ts";

const STAGE = "merge";
/** Cities this close are one place for merging (a town and its suburb): 25 km, ACLED's "near". */
const SAME_PLACE_KM = 25;
const ANOTHER =
  /\b(?:another(?!\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|few)\b))|separate|second|third|a\s+further|in\s+a\s+separate|elsewhere|meanwhile|also\s+in)\b/i;

/**
 * "the controversy regarding the kidnapping", "in the case of the killing": an event named as
 * the topic of something else, whose parties the sentence around it does not tell.
 */
const TOPIC_BEFORE =
  /\b(?:case|controversy|investigation|inquiry|probe|trial|aftermath|wake|memory|issue|question|regarding|concerning|about)\s+(?:of\s+|into\s+|over\s+)?the\s+(?:\w+\s+)?$/i;

/** "the ambushes took place on the highway": a definite noun tells again an act already named. */
const DEFINITE_BEFORE = /\b(?:the|these|those)\s+(?:[\p{L}-]+\s+)?$/iu;

function textBefore(m: Mention): string {
  return m.sentence.text.slice(0, m.trigger.start - m.sentence.start);
}

export interface EventGroup {
  mentions: Mention[];
  /** Groups this one was told as coming before ("follows the recent drone attack"). */
  precedes: EventGroup[];
  /** Where the text had set the scene for a group whose tellings name no place. */
  setting?: PlaceMention[];
}

/** Whether two sub-event types may tell one act: one is a closer telling of the other. */
export type SameAct = (a: string, b: string) => boolean;

export function mergeMentions(
  ctx: DocumentContext,
  mentions: Mention[],
  sameAct: SameAct = () => false,
): EventGroup[] {
  const groups: EventGroup[] = [];
  let placed: Mention | null = null;
  for (const m of mentions) {
    // "Last week in Huancayo a candidate was murdered. Yesterday a car bomb exploded": an act
    // told with no place of its own, right after a sentence that set one, happened there
    const setting =
      !m.places.length && !m.reference && placed && m.sentence.index - placed.sentence.index <= 1
        ? placed.places
        : null;
    if (m.places.length) placed = m;
    // a day's summary is kept apart: its toll is no one act's, and no act joins it
    const target = m.summary ? null : bestGroup(groups, m, sameAct, setting);
    if (target) {
      target.mentions.push(m);
      const prev = groups[groups.length - 1];
      if (m.antecedent && prev && prev !== target && !target.precedes.includes(prev))
        target.precedes.push(prev);
      note(
        ctx,
        STAGE,
        `"${m.trigger.text}" (sentence ${m.sentence.index}) joins the event of "${target.mentions[0].trigger.text}"`,
      );
    } else if (
      m.reference &&
      !m.places.length &&
      !m.date &&
      // a party named as the doer is a claim too, but no figure (a development's dead beside a
      // violent act are already the act's: mention-extractor's leaveDeadToViolence)
      !m.claims.some((c) => c.field !== "actor1") &&
      ((!m.actor1 && !m.actor2) || TOPIC_BEFORE.test(textBefore(m)))
    ) {
      // "The attack drew condemnation": points back to an event this text does not tell.
      note(ctx, STAGE, `"${m.trigger.text}" refers to an event not told here: dropped`);
    } else {
      const g: EventGroup = { mentions: [m], precedes: [], ...(setting ? { setting } : {}) };
      // What came just before in the text is what this one is said to precede.
      if (m.antecedent && groups.length) g.precedes.push(groups[groups.length - 1]);
      groups.push(g);
    }
  }
  return groups;
}

function bestGroup(
  groups: EventGroup[],
  m: Mention,
  sameAct: SameAct,
  setting: PlaceMention[] | null = null,
): EventGroup | null {
  let best: EventGroup | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  const floating = !m.places.length && !m.date;
  groups.forEach((g, rank) => {
    if (!compatible(g, m, sameAct)) return;
    if (setting && !placesCompatible(g, { ...m, places: setting })) return;
    let score = rank * 0.1; // later groups are nearer in the text
    if (headWord(m) && g.mentions.some((x) => headWord(x) === headWord(m))) score += 1;
    // "the strikes" points back to strikes told in the plural.
    if (m.reference && isPlural(m) && g.mentions.some((x) => !x.reference && isPlural(x)))
      score += 0.5;
    const values = new Set(
      g.mentions.flatMap((x) =>
        x.claims.filter((c) => c.field === "fatalities").map((c) => c.value),
      ),
    );
    if (m.claims.some((c) => c.field === "fatalities" && values.has(c.value))) score += 2;
    if (
      m.places.length &&
      g.mentions.some((x) => x.places.some((p) => m.places.some((q) => samePlace(p, q))))
    )
      score += 2;
    if (m.actor2 && g.mentions.some((x) => x.actor2?.actor.id === m.actor2?.actor.id)) score += 0.5;
    if (score > bestScore) {
      best = g;
      bestScore = score;
    }
  });
  // A new telling with its own place must share that place (or the group has none) to join.
  if (
    best &&
    !m.reference &&
    !floating &&
    ANOTHER.test(m.sentence.text.slice(0, m.trigger.start - m.sentence.start))
  )
    return null;
  return best;
}

const DEMONSTRATION_TYPES = new Set(["Protests", "Riots"]);
const CLASH_WORDS = /\b(?:clash(?:ed|es)?|skirmish(?:es)?|scuffles?|fighting|fought)\b/i;

function compatible(g: EventGroup, m: Mention, sameAct: SameAct): boolean {
  if (g.mentions.some((x) => x.summary)) return false;
  const first = g.mentions.find((x) => !x.generic) ?? g.mentions[0];
  // A demonstration told as peaceful in one sentence and violent in the next is one event; the
  // protest refiner decides its sub-event type afterwards.
  const demonstrations =
    DEMONSTRATION_TYPES.has(first.event_type) &&
    DEMONSTRATION_TYPES.has(m.event_type) &&
    first.sub_event_type !== "Mob violence" &&
    m.sub_event_type !== "Mob violence";
  if (demonstrations) {
    if (!placesCompatible(g, m) || !datesCompatible(g, m)) return false;
    return true;
  }
  // "clashes erupted between supporters and security forces ... 30 were injured in the
  // skirmishes": the clashes were the demonstration's (its sentence told them), and so is this.
  if (
    (m.reference ||
      /\b(?:the|these|those)\s+(?:\w+\s+)?$/i.test(
        m.sentence.text.slice(0, m.trigger.start - m.sentence.start),
      )) &&
    m.event_type === "Battles" &&
    DEMONSTRATION_TYPES.has(first.event_type) &&
    g.mentions.some((x) => CLASH_WORDS.test(x.sentence.text))
  )
    return placesCompatible(g, m);
  // an execution is its own act, not a moment of a battle told beside it
  const execution = (x: Mention) => DEFENCELESS_KILLING.test(x.trigger.text);
  if (
    (execution(m) && first.event_type === "Battles") ||
    (m.event_type === "Battles" && g.mentions.some(execution))
  )
    return false;
  if (first.event_type !== m.event_type) {
    const bothViolent =
      ARMED_VIOLENCE_TYPES.has(first.event_type) && ARMED_VIOLENCE_TYPES.has(m.event_type);
    if (!(bothViolent && (m.generic || g.mentions.every((x) => x.generic)))) return false;
  } else if (
    !m.generic &&
    !first.generic &&
    first.sub_event_type !== m.sub_event_type &&
    m.event_type !== "Protests" &&
    !sameAct(first.sub_event_type, m.sub_event_type)
  ) {
    return false;
  }
  if (!placesCompatible(g, m)) return false;
  if (!datesCompatible(g, m)) return false;
  return actorsCompatible(g, m);
}

function placesCompatible(g: EventGroup, m: Mention): boolean {
  const told = g.mentions.flatMap((x) => x.places);
  // a scene set by the text yields to a later telling that says where "the ambushes" took place
  const gp = told.length || DEFINITE_BEFORE.test(textBefore(m)) ? told : (g.setting ?? []);
  if (!gp.length || !m.places.length) return true;
  const gIsos = new Set(gp.map((p) => p.place.iso));
  const mIsos = new Set(m.places.map((p) => p.place.iso));
  // One event told across countries matches only the same set of countries.
  if (mIsos.size > 1 || gIsos.size > 1) {
    return (
      [...mIsos].every((i) => gIsos.has(i)) ||
      ([...gIsos].every((i) => mIsos.has(i)) && m.reference)
    );
  }
  const gCities = gp.filter((p) => p.kind === "city");
  const mCities = m.places.filter((p) => p.kind === "city");
  if (![...mIsos].some((i) => gIsos.has(i))) return false;
  // Two towns told exactly are compared as told: "Marea in the countryside of Aleppo" is not
  // "the city of Aleppo", though the countryside is Aleppo's.
  const gTowns = gCities.filter((p) => p.precision === 1);
  const mTowns = mCities.filter((p) => p.precision === 1);
  if (gTowns.length && mTowns.length)
    return mTowns.some((q) => gTowns.some((p) => samePlace(p, q)));
  if (gCities.length && mCities.length)
    return mCities.some((q) => gCities.some((p) => samePlace(p, q)));
  // A country- or region-level telling and a town-level one: the same event only when one
  // refers back, or the group has only the country (the town sharpens it).
  if (gCities.length && !mCities.length) return m.reference;
  // A town sharpens a division only when it lies in it: "killed in Homs" is not the advance
  // "in Reef Dimashq"
  const gDivisions = gp.filter((p) => p.kind === "admin1");
  if (gDivisions.length && mCities.length)
    return mCities.some((q) =>
      gDivisions.some((p) => p.place.iso === q.place.iso && p.place.admin1 === q.place.admin1),
    );
  return true;
}

export function samePlace(a: PlaceMention, b: PlaceMention): boolean {
  if (a.place.geonameid === b.place.geonameid) return true;
  if (a.kind !== "city" || b.kind !== "city")
    return a.place.iso === b.place.iso && a.kind === b.kind && a.place.admin1 === b.place.admin1;
  return (
    distanceKm(a.place.latitude, a.place.longitude, b.place.latitude, b.place.longitude) <=
    SAME_PLACE_KM
  );
}

function datesCompatible(g: EventGroup, m: Mention): boolean {
  if (!m.date) return true;
  // "it has been 4 days since the killing": a day counted for an act told before, which the
  // group may have dated by a nearby word ("the killings ... was threatened today")
  if (m.reference && m.date.rule === COUNTED_SINCE_RULE) return true;
  const dated = g.mentions.filter((x) => x.date);
  if (!dated.length) return true;
  return dated.some(
    (x) =>
      x.date && x.date.date <= (m.date?.endDate ?? "") && (m.date?.date ?? "") <= x.date.endDate,
  );
}

function actorsCompatible(g: EventGroup, m: Mention): boolean {
  if (!m.actor1) return true;
  const ids = g.mentions.map((x) => x.actor1).filter((a) => a !== null);
  if (!ids.length) return true;
  return ids.some((a) => sameParty(a.actor, m.actor1?.actor));
}

function sameParty(
  a: { id: string; iso: string | null; affiliations: string[] },
  b?: { id: string; iso: string | null; affiliations: string[] },
): boolean {
  if (!b) return true;
  if (a.id === b.id || a.affiliations.includes(b.id) || b.affiliations.includes(a.id)) return true;
  // "the US" and "US Central Command" are one party; so are a country and its own forces.
  const country = (x: { id: string; iso: string | null }) =>
    x.id.startsWith("country:") || x.id.startsWith("generic:") ? x.iso : null;
  return (
    (country(a) !== null && country(a) === b.iso) || (country(b) !== null && country(b) === a.iso)
  );
}

/** The trigger's head, so "strikes", "struck" and "airstrike" meet as "strike". */
const HEAD_FAMILIES: [RegExp, string][] = [
  [/strike|struck/, "strike"],
  [/attack/, "attack"],
  [/bomb|blast|explosion/, "bomb"],
  [/kill|dead|death/, "kill"],
  [/clash|fight|battle/, "clash"],
  [/protest|demonstrat|rall|march/, "protest"],
];

function headWord(m: Mention): string {
  const last = m.trigger.text.toLowerCase().split(/\s+/).pop() ?? "";
  return HEAD_FAMILIES.find(([re]) => re.test(last))?.[1] ?? last.replace(/(?:es|s|ed|ing)$/, "");
}

function isPlural(m: Mention): boolean {
  return /s$/i.test(m.trigger.text);
}
