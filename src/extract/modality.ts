// Is the trigger a reported event, or a threat, plan, denial, hypothetical or memory?
import type { Modality, Sentence } from "../core/types.ts";
import type { ExtractionLexicon } from "./lexicon.ts";
import type { TriggerHit } from "./trigger-matcher.ts";

/** Words of context before a trigger that a near cue ("not", "no") may stand in. */
const NEAR_WORDS = 5;
/** Words before a noun trigger in which a memory cue names it ("the victims of the bombing"). */
const NOUN_CUE_WORDS = 8;
/** Words after a noun trigger that may carry an expectation ("attacks expected"). */
const AFTER_WORDS = 5;

/**
 * Clause starts: a semicolon or colon, or a comma before a new clause's opening word or its
 * pronoun subject ("..., it will be the first time"). "while trying to raid", "while on patrol"
 * goes on with the same act: no new clause.
 */
const CLAUSE_BREAK =
  /[;:]\s*|,\s+(?=(?:but|while(?!\s+(?:\w+ing|on|in)\b)|whereas|although|though|as(?!\s+well\s+as)|and\s+(?:the|a|an|it|they|he|she)|which|who|after|before|when|since|because|(?:it|they|he|she|we|this|there)\s+(?:will|would|is|was|are|were|has|have|had|may|might|could|can)\b)\b)|\s+(?:but|while(?!\s+(?:\w+ing|on|in)\b)|whereas|although)\s+/giu;

/**
 * The clause breaks of the last sentence text asked about: clauseStart() and clauseEnd() are
 * asked many times for the triggers and actors of one sentence. `breaks` holds the matches of a
 * search from the sentence's start, as [index, end] pairs; `ends` what a search from a given
 * offset found first.
 */
let clauseCache: { text: string; breaks: number[]; ends: Map<number, number> } | null = null;

function clauseBreaks(s: string): { text: string; breaks: number[]; ends: Map<number, number> } {
  if (clauseCache && clauseCache.text === s) return clauseCache;
  const breaks: number[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(s); m; m = CLAUSE_BREAK.exec(s))
    breaks.push(m.index, m.index + m[0].length);
  clauseCache = { text: s, breaks, ends: new Map() };
  return clauseCache;
}

export function clauseStart(sentence: Sentence, at: number): number {
  const rel = at - sentence.start;
  const { breaks } = clauseBreaks(sentence.text);
  let start = 0;
  for (let i = 0; i < breaks.length && breaks[i] < rel; i += 2) start = breaks[i + 1];
  return sentence.start + start;
}

export function clauseEnd(sentence: Sentence, at: number): number {
  const s = sentence.text;
  const rel = at - sentence.start;
  const { ends } = clauseBreaks(s);
  let end = ends.get(rel);
  if (end === undefined) {
    CLAUSE_BREAK.lastIndex = rel;
    const m = CLAUSE_BREAK.exec(s);
    end = m ? m.index : s.length;
    ends.set(rel, end);
  }
  return sentence.start + end;
}

export interface ModalityFinding {
  modality: Modality | "history";
  reason: string | null;
}

/**
 * "vowed an inquiry after seven people were murdered": a vow, plan or condition governs its own
 * clause, not an event told after "after", "following", "since" or "because", which happened.
 */
const FACTUAL_SUBORDINATOR = /^.*\b(?:after|following|since|because)\s+/is;
/**
 * "When the gunmen could not find him, they burned the house": an opening clause of time or
 * cause closed by a comma holds its own modal words; the act of the main clause after it is
 * told as done ("When they come, they will burn it" keeps its "will").
 */
const OPENING_CLAUSE =
  /^\s*(?:when|whenever|after|as\s+soon\s+as|as|because|since|once|although|though|while|before)\b[^,;:]*,\s*/i;
function governed(before: string): string {
  return before.replace(FACTUAL_SUBORDINATOR, "").replace(OPENING_CLAUSE, "");
}

/** Triggers in past-tense form ("killed", "arrested") report an act rather than name a remembered one. */
const PAST_VERB_TRIGGER = /^(?:\S+ed|struck|hit|shot|fought)(?:\s|$)/i;

export function modalityOf(
  sentence: Sentence,
  hit: TriggerHit,
  lex: ExtractionLexicon,
  text: string,
  /** The document's reference date: a trigger named by an earlier year is history. */
  reference: string | null = null,
): ModalityFinding {
  const cStart = clauseStart(sentence, hit.start);
  const before = text.slice(cStart, hit.start);
  // "When they could not find him, they burned": the opening clause's "not" negates no act after it
  const near = before
    .replace(OPENING_CLAUSE, "")
    .split(/\s+/)
    .slice(-NEAR_WORDS - 1)
    .join(" ");
  const after = text
    .slice(hit.end, sentence.end)
    .split(/\s+/)
    .slice(0, AFTER_WORDS + 1)
    .join(" ");
  const clauseAfter = text.slice(hit.end, clauseEnd(sentence, hit.end));
  // the same for every cue of a scope: worked out once, when a cue first asks
  const pastVerb = PAST_VERB_TRIGGER.test(hit.text);
  let triggerHead: string | undefined;
  let governedBefore: string | undefined;
  let nounCueWords: string | undefined;
  for (const cue of lex.modality) {
    let where: string;
    switch (cue.scope) {
      case "before":
        // A long trigger ("police rejected claims that officers beat protesters") can hold its own cue.
        triggerHead ??= hit.text.split(/\s+/).slice(0, -2).join(" ");
        if (cue.modality === "history") where = `${before}${triggerHead}`;
        else {
          governedBefore ??= governed(before);
          where = `${governedBefore}${triggerHead}`;
        }
        break;
      case "before_noun":
        // "condolences to the families of the victims of the bombing": the memory names the
        // event within a few words; "days before the anniversary, police continue to arrest" does not
        if (!pastVerb)
          nounCueWords ??= before
            .split(/\s+/)
            .slice(-NOUN_CUE_WORDS - 1)
            .join(" ");
        where = pastVerb ? "" : (nounCueWords as string);
        break;
      case "noun_object":
        // "protesting the killing of the priests and the bombings": the cue governs a noun
        // phrase that runs up to the trigger, however long; a verb trigger is an act told
        where = pastVerb ? "" : before;
        break;
      case "year_before": {
        // "the 2015 bombing", "killed in the 1991 war": an event placed by its year alone, earlier
        // than the report's year, is one recalled.
        // "the same scheme they used in 1979 and 1980, when they murdered ...": a year the
        // sentence sets the act in, earlier than the report's
        const named =
          /\b((?:19|20)\d\d)\s*$/.exec(before) ??
          /\b(?:in|since)\s+((?:19|20)\d\d)(?:\s+and\s+(?:19|20)\d\d)?\s*,?\s+when\b[^.;]*$/i.exec(
            text.slice(sentence.start, hit.start),
          ) ??
          /^\s+(?:\S+\s+){0,2}?in\s+(?:the\s+)?((?:19|20)\d\d)\b(?!\s*[-,]?\s*\d)/.exec(
            clauseAfter,
          );
        const ref = Number((reference ?? "").slice(0, 4));
        if (named && (!ref || Number(named[1]) < ref))
          return { modality: cue.modality, reason: cue.reason };
        continue;
      }
      case "month_before": {
        // "the March terrorist attack" in a May report: an event named by another month is one
        // already known, told as background
        const named = /\bthe\s+(\p{L}+)\s+(?:[\p{L}-]+\s+){0,2}$/iu.exec(before);
        if (!named || !cue.re.test(named[1]) || !reference) continue;
        const month = new Date(`${named[1]} 1, 2000`).getUTCMonth() + 1;
        if (month && month !== Number(reference.slice(5, 7)))
          return { modality: cue.modality, reason: cue.reason };
        continue;
      }
      case "before_near":
        where = near;
        break;
      case "sentence_noun":
        where = after;
        break;
      case "clause_after":
        where = clauseAfter;
        break;
      case "progressive":
        // Only an -ing trigger right after "have been" is ongoing; "have been killed" is a report.
        where = /ing$/i.test(hit.text)
          ? near.replace(/^.*?((?:have|has|had)\s+been\s*)$/is, "$1")
          : "";
        if (!/(?:have|has|had)\s+been\s*$/i.test(where)) where = "";
        break;
      case "just_before":
        if (cue.justBefore.test(before)) return { modality: cue.modality, reason: cue.reason };
        continue;
      case "subject":
        if (cue.afterSubject.test(text.slice(hit.end, sentence.end)))
          return { modality: cue.modality, reason: cue.reason };
        continue;
      default:
        where = sentence.text;
    }
    if (where && cue.re.test(where)) return { modality: cue.modality, reason: cue.reason };
  }
  return { modality: "asserted", reason: null };
}
