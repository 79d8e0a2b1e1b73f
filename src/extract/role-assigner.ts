// Who did what to whom: actor1 acts, actor2 is acted upon, associated actors stand beside them.
// Reads word order around the trigger: subject before, object after, "by X" for the passive,
// "claimed responsibility", "blamed on", "attributed to".
import type { ActorMention, Sentence } from "../core/types.ts";
import { clauseEnd, clauseStart } from "./modality.ts";
import type { TriggerHit } from "./trigger-matcher.ts";

export interface Roles {
  actor1: ActorMention | null;
  actor2: ActorMention | null;
  assoc1: ActorMention[];
  assoc2: ActorMention[];
  rule: string;
}

const PASSIVE_BY =
  /^(?:\s+(?:\S+\s+){0,3}?)?(?:by|from)\s+(?:the\s+|an?\s+)?(?:(?:alleged|suspected|presumed|purported)\s+)?(?:(?:guerrillas|members|fighters|militants|rebels|gunmen|commandos|elements|units?)\s+(?:of|from)\s+(?:the\s+)?)?$/i;
/** "kidnapped in Medellin today, presumably by guerrillas": an agent told after place and time. */
const LATE_AGENT_BY =
  /^\s+(?:\S+\s+){0,6}?(?:presumably|allegedly|apparently|reportedly|probably|possibly|suspected\s+to\s+be)\s+by\s+(?:the\s+|an?\s+)?(?:(?:guerrillas|members|fighters|militants|rebels|gunmen|commandos|elements|units?)\s+(?:of|from)\s+(?:the\s+)?)?$/i;
/**
 * "the killing of a displaced person under torture by the military police": a noun trigger's
 * object comes first, its agent after it. The object is a short phrase of its own: no clause
 * break, no relative pronoun, no verb of its own.
 */
const NOMINAL_AGENT_BY =
  /^\s+of\s+(?!(?:\S+\s+)*?(?:who|whom|whose|which|that|was|were|is|are|has|had|have|been|being)\s)(?:[\p{L}\p{N}'’“”"-]+\s+){1,8}?by\s+(?:the\s+|an?\s+)?[“"]?$/iu;
/**
 * Right before a noun trigger: a preposition that sets another act in time or cause ("put on
 * alert following the murder", "fled after the bombing", "amid the shelling").
 */
const TIME_PREPOSITION_BEFORE =
  /\b(?:following|after|before|amid|amidst|since|because\s+of|in\s+(?:the\s+)?(?:wake|aftermath)\s+of|in\s+response\s+to|in\s+retaliation\s+for)\s+(?:(?:the|a|an|this|that|these|those|last|recent|latest|yesterday['’]s|today['’]s)\s+)*(?:[\p{L}-]+\s+){0,2}$/iu;
/** Trigger words that are verbs, never a noun with "of" after it. */
const VERB_TRIGGER = /^(?:\S+ed|struck|hit|shot|fought|kills|shoots|bombs|attacks)$/i;
/** "areas controlled by the YPG": a "by" that qualifies the object names no agent of the event. */
const OBJECT_QUALIFIED_BY =
  /\b(?:controlled|held|run|backed|led|supported|besieged|occupied|dominated|owned|used|manned|protected|guarded|loyal\s+to)\s+(?:by|to)\s+(?:the\s+|an?\s+)?$/i;
/** Territory changing hands "from X": X loses it, it does not act. */
const TERRITORY_RULES = new Set(["regains-territory", "overtakes-territory", "transfer-territory"]);
/** "Police found the bodies": who finds the dead did not kill them. */
const FINDER_RULES = new Set(["bodies-found"]);
/** "three service members killed", "civilians were shot": the party before a participle is its patient. */
const PATIENT_GAP = /^\s*(?:(?:were|was|have\s+been|had\s+been|are|is|being|reportedly|all)\s+)*$/i;
const PARTICIPLE =
  /^(?:killed|wounded|injured|shot|hurt|abducted|kidnapped|arrested|detained|targeted|hit|struck|attacked|executed|beheaded|massacred|murdered|slain)$/i;
const PASSIVE_AUX_BEFORE = /\b(?:was|were|been|being)\s+(?:[\p{L}]+ly\s+)?$/iu;
const AGENT_AFTER =
  /\b(?:conducted|carried\s+out|launched|claimed|staged|perpetrated|committed|executed|fired|mounted|blamed\s+on|attributed\s+to)\s+(?:\w+\s+){0,2}(?:by|to|on)\s*$/i;
/**
 * "The massacre of the priests A, B, ... and C was perpetrated by X": a long subject puts the
 * agent past the clause's end; the passive verb right before X still names it.
 */
const LATE_PASSIVE_AGENT =
  /\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:perpetrated|committed|carried\s+out|staged|ordered|masterminded)\s+by\s+(?:the\s+)?$/i;
const ATTRIBUTED =
  /\b(?:attributed|blamed|pinned)\s+(?:\S+\s+){0,5}?(?:to|on)\s+(?:(?:an?|the)\s+)?(?:[\p{L}-]+\s+){0,6}$/iu;
const RESPONSIBILITY = /\bclaimed\s+responsibility\b|\bresponsibility\s+was\s+claimed\s+by\b/i;
/** "Members of the ELN kidnapped": the group the members belong to acts, though after "of". */
const MEMBERS_OF =
  /\b(?:members|fighters|guerrillas|militants|units|elements|commandos|cells|supporters)\s+of\s+(?:the\s+)?$/i;
// not across a subordinate clause: "Nine people were killed when rebels detonated" names the doers
const OBJECT_BEFORE =
  /\b(?:on|against|at|targeting|targeted|hit|struck|killing|killed|wounding|injuring|attacking|attacked|kidnapping|abducting|of)\s+(?:(?:an?|the|two|three|several|\d+)\s+)?(?:(?!(?:when|as|after|while|because|before|since|until)\s)[\p{L}-]+\s+){0,3}$/iu;
/** "Iran-backed", "US-led", "Yemen's": the country qualifies another party, it does not act. */
export const QUALIFIER_AFTER =
  /^(?:-|\s)(?:backed|led|based|allied|supported|aligned|sponsored)\b|^['’]s?\s/u;
const ASSOC_LINK =
  /^\s*(?:,\s*)?(?:and|along\s+with|together\s+with|alongside|with\s+the\s+help\s+of|and\s+(?:its|their)\s+(?:affiliated|allied)|and\s+affiliated|backed\s+by)\s+(?:[\p{L}-]+\s+){0,2}$/iu;
/**
 * "a police spokesman raises the toll", "Iraqi army statement": a party named only as
 * whose voice speaks is the teller of the act, not one of its parties.
 */
const SPEAKER_AFTER =
  /^\s*(?:(?:chief|top|senior|deputy|official|provincial|district|regional|local)\s+)?(?:spokes(?:man|woman|person|men|women|people|persons)|press\s+(?:officers?|office|service|secretary|department)|media\s+(?:office|officers?|cent(?:er|re)|wing|department)|statement|communiqu[eé]|officials?\s+(?:\S+\s+){0,2}?(?:said|says|say|told|stated|announced|reported|confirmed))\b/i;
/** "a spokesman for the Afghan police", "a statement from the army": the same, named after. */
const SPEAKER_BEFORE =
  /\b(?:spokes(?:man|woman|person)|press\s+(?:officer|office|service|secretary)|media\s+(?:office|officer|cent(?:er|re))|statement|communiqu[eé])\s+(?:for|of|from|by|issued\s+by)\s+(?:the\s+)?$/i;
/** "Taliban spokesman claims attack": the teller owns the act it claims. */
const CLAIM_BETWEEN = /\bclaim(?:s|ed|ing)?\b/i;
/** "investigate the murder with the aid of U.S. experts": who helps is no party acted upon. */
const HELPER_BEFORE =
  /\b(?:with\s+the\s+(?:aid|help|support|assistance|backing|cooperation|collaboration)\s+of|(?:aided|assisted|helped)\s+by)\s+(?:the\s+)?$/i;
/** "Police said they shot two gunmen": a teller whose pronoun is the act's subject did it. */
const SAYS_IT_DID =
  /^\s+(?:(?:also|later|then)\s+)?(?:said|says|announced|stated|confirmed|reported)\s+(?:that\s+)?(?:it|they)\s+(?:(?:had|have|has)\s+)?$/i;
/** A reporting verb between an actor and the trigger makes the actor the teller, not the doer. */
const REPORTING_BETWEEN =
  /\b(?:said|says|reported|stated|claimed|confirmed|announced|told|denounced|condemned|accused|blamed|attributed|investigat\w*|denied|warned)\b/i;

export function assignRoles(
  text: string,
  sentence: Sentence,
  hit: TriggerHit,
  actors: ActorMention[],
  /** The teller's words ("according to two US officials"): parties named there are not roles. */
  sourceSpan: { start: number; end: number; rule?: string } | null = null,
  /** The casualties' noun phrases ("three soldiers were killed"): those parties were acted upon. */
  victimSpans: { start: number; end: number }[] = [],
): Roles {
  const inSentence = actors.filter(
    (a) =>
      a.start >= sentence.start &&
      a.end <= sentence.end &&
      !QUALIFIER_AFTER.test(text.slice(a.end, a.end + 12)) &&
      // A teller after the trigger ("..., according to two US officials") or named "according
      // to" is not a party; one before it is judged below by the verb between.
      !(
        sourceSpan &&
        (sourceSpan.start >= hit.end || sourceSpan.rule === "source:according-to") &&
        a.start >= sourceSpan.start &&
        a.end <= sourceSpan.end
      ),
  );
  const isVictim = (a: ActorMention) => victimSpans.some((v) => a.start < v.end && a.end > v.start);
  // The voice the act is told in: no party of it, unless it claims the act or is its victim.
  const speaker = (a: ActorMention) =>
    (SPEAKER_AFTER.test(text.slice(a.end, a.end + 80)) ||
      SPEAKER_BEFORE.test(text.slice(Math.max(sentence.start, a.start - 40), a.start))) &&
    !isVictim(a) &&
    !(a.end <= hit.start && CLAIM_BETWEEN.test(text.slice(a.end, hit.start)));
  for (let i = inSentence.length - 1; i >= 0; i--)
    if (speaker(inSentence[i])) inSentence.splice(i, 1);
  // "guerrillas of the ELN", "members of Hamas": the named group is the party, not the generic word.
  const named = inSentence.filter((a, i) => {
    const next = inSentence[i + 1];
    return !(
      a.actor.id.startsWith("generic:") &&
      next &&
      !next.actor.id.startsWith("generic:") &&
      /^\s+(?:of|from)\s+(?:the\s+)?$/i.test(text.slice(a.end, next.start))
    );
  });
  inSentence.splice(0, inSentence.length, ...named);
  let cStart = clauseStart(sentence, hit.start);
  // "The Movement, which on 25 January claimed responsibility for killing ...": a relative
  // clause's subject is the noun before it.
  if (/^(?:which|who)\b/i.test(text.slice(cStart, cStart + 6)) && cStart > sentence.start + 2) {
    cStart = clauseStart(sentence, cStart - 2);
  }
  const cEnd = clauseEnd(sentence, hit.end);
  const roles: Roles = { actor1: null, actor2: null, assoc1: [], assoc2: [], rule: "roles:none" };
  // A party inside a long trigger ("police fired tear gas at protesters") sits where it starts.
  const after = inSentence.filter(
    (a) => a.start > hit.start && a.start < Math.max(cEnd, hit.end + 60),
  );
  const before = inSentence.filter((a) => a.start < hit.start && a.start >= cStart);

  // "clashes between X and Y": both sides named after the trigger ("violence ... between" holds
  // the word itself); a headline joins them with a comma ("between the Taliban, ISIS").
  const between = /\bbetween$/i.test(hit.text)
    ? [""]
    : /^\s+(?:\S+\s+){0,3}?between\s+/i.exec(text.slice(hit.end, hit.end + 60));
  if (between) {
    const sides = after.filter((a) => a.start >= hit.end + between[0].length);
    if (
      sides.length >= 2 &&
      /^\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$/i.test(
        text.slice(sides[0].end, sides[1].start),
      )
    ) {
      return { actor1: sides[0], actor2: sides[1], assoc1: [], assoc2: [], rule: "roles:between" };
    }
  }
  // "Advances for SDF in Aleppo countryside": a party the territory trigger holds after "for",
  // "of" or "by" is who advanced
  const held = TERRITORY_RULES.has(hit.rule.id)
    ? after.find(
        (a) =>
          a.end <= hit.end &&
          /\b(?:for|of|by)\s+(?:the\s+)?$/i.test(text.slice(hit.start, a.start)),
      )
    : undefined;
  if (held) {
    roles.actor1 = held;
    roles.rule = "roles:held-agent";
  }
  // Passive or agent phrase after the trigger: "conducted by X", "killed by X".
  for (const a of roles.actor1 ? [] : after) {
    const gap = text.slice(hit.end, a.start);
    if (OBJECT_QUALIFIED_BY.test(gap)) continue;
    if (TERRITORY_RULES.has(hit.rule.id) && /\bfrom\s+(?:the\s+|an?\s+)?$/i.test(gap)) continue;
    if (
      PASSIVE_BY.test(gap) ||
      LATE_AGENT_BY.test(gap) ||
      (!VERB_TRIGGER.test(hit.text) && NOMINAL_AGENT_BY.test(gap)) ||
      AGENT_AFTER.test(gap) ||
      ATTRIBUTED.test(text.slice(sentence.start, a.start))
    ) {
      roles.actor1 = a;
      roles.rule = "roles:passive-agent";
      // "Palestinians killed by Israeli forces": right before the participle stands who it was done to
      const patient = before.at(-1);
      if (
        patient &&
        PARTICIPLE.test(hit.text) &&
        PATIENT_GAP.test(text.slice(patient.end, hit.start))
      )
        roles.actor2 = patient;
      break;
    }
  }
  if (!roles.actor1) {
    const late = inSentence.find(
      (a) => a.start >= cEnd && LATE_PASSIVE_AGENT.test(text.slice(hit.end, a.start)),
    );
    if (late) {
      roles.actor1 = late;
      roles.rule = "roles:late-passive-agent";
    }
  }
  if (!roles.actor1) {
    const attributed = inSentence.find((a) => ATTRIBUTED.test(text.slice(sentence.start, a.start)));
    if (attributed) {
      roles.actor1 = attributed;
      roles.rule = "roles:attributed-to";
    }
  }
  if (!roles.actor1 && !FINDER_RULES.has(hit.rule.id)) {
    // The nearest party before the trigger, unless a reporting verb stands between (then it is the teller).
    for (let i = before.length - 1; i >= 0; i--) {
      const a = before[i];
      const gap = text.slice(a.end, hit.start);
      const lead = text.slice(cStart, a.start);
      const passive =
        PARTICIPLE.test(hit.text) && PASSIVE_AUX_BEFORE.test(text.slice(cStart, hit.start));
      if (OBJECT_BEFORE.test(lead) && (passive || !MEMBERS_OF.test(lead))) continue;
      // "Police were put on alert following the murder of four candidates": the main clause's
      // subject did not do an act named as a noun after "following", "after" or "amid"
      if (!VERB_TRIGGER.test(hit.text) && TIME_PREPOSITION_BEFORE.test(gap)) continue;
      if (isVictim(a)) {
        roles.actor2 ??= a;
        continue;
      }
      // "Engineers who work for the Mexican consortium were kidnapped": before a passive verb
      // every party is acted upon
      if (passive) {
        roles.actor2 ??= a;
        continue;
      }
      // Passive only when no object follows: "killed in action", not "struck more than 80 targets".
      const next = text.slice(hit.end, hit.end + 12);
      if (
        PARTICIPLE.test(hit.text) &&
        PATIENT_GAP.test(gap) &&
        (/^\s*(?:in|by|at|on|during|when|while|near|after|as|and|[,.;]|$)/i.test(next) ||
          /\b(?:were|was|been)\b/i.test(gap))
      ) {
        roles.actor2 = a;
        continue;
      }
      if (REPORTING_BETWEEN.test(gap) && !RESPONSIBILITY.test(gap) && !SAYS_IT_DID.test(gap))
        continue;
      // "the regime forces and militiamen loyal to them enter": the first of joined subjects
      // leads, the others stand beside it
      let k = i;
      while (k > 0 && JOINED_SUBJECT_GAP.test(text.slice(before[k - 1].end, before[k].start))) k--;
      roles.actor1 = before[k];
      roles.rule = "roles:subject";
      break;
    }
  }
  if (!roles.actor1 && RESPONSIBILITY.test(sentence.text)) {
    roles.actor1 = before[0] ?? null;
    roles.rule = "roles:claimed-responsibility";
  }
  const helper = (a: ActorMention) =>
    HELPER_BEFORE.test(text.slice(Math.max(sentence.start, a.start - 40), a.start));
  // The object: the first party after the trigger that is not the agent.
  roles.actor2 ??=
    after.find(
      (a) =>
        a !== roles.actor1 &&
        !helper(a) &&
        (!PASSIVE_BY.test(text.slice(hit.end, a.start)) ||
          OBJECT_QUALIFIED_BY.test(text.slice(hit.end, a.start)) ||
          TERRITORY_RULES.has(hit.rule.id)),
    ) ??
    before.find((a) => a !== roles.actor1 && OBJECT_BEFORE.test(text.slice(cStart, a.start))) ??
    null;
  // Civilians are acted upon, never the actor (ACLED's inter 7 stands only as actor2):
  // "15 children are the victims of a massacre by regime helicopters"
  if (roles.actor1?.actor.inter === 7) {
    roles.actor2 ??= roles.actor1;
    roles.actor1 = null;
  }
  if (roles.actor1 && roles.actor2 && roles.actor1.actor.id === roles.actor2.actor.id)
    roles.actor2 = null;
  roles.assoc1 = associated(text, roles.actor1, inSentence, roles);
  roles.assoc2 = associated(text, roles.actor2, inSentence, roles);
  return roles;
}

/** Between two parties joined as one subject: "and", "along with". */
const JOINED_SUBJECT_GAP = /^\s*,?\s*(?:and|along\s+with|together\s+with)\s+(?:the\s+|their\s+)?$/i;

function associated(
  text: string,
  main: ActorMention | null,
  all: ActorMention[],
  roles: Roles,
): ActorMention[] {
  if (!main) return [];
  const out: ActorMention[] = [];
  let last = main;
  for (const a of all) {
    if (a.start < last.end || a === roles.actor1 || a === roles.actor2) continue;
    if (!ASSOC_LINK.test(text.slice(last.end, a.start))) break;
    out.push(a);
    last = a;
  }
  return out;
}
