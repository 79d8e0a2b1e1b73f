// Finds event triggers in one sentence and drops those its context rules out (sports, captions,
// disasters) or that a halt swallows ("announced a halt to their attacks").
import type { Sentence } from "../core/types.ts";
import type { ExtractionLexicon, TriggerRule } from "./lexicon.ts";

export interface TriggerHit {
  rule: TriggerRule;
  /** Offsets into the document text. */
  start: number;
  end: number;
  text: string;
  /** "the strike", "this attack": may refer to an event told before. */
  definite: boolean;
  /**
   * A clash the sentence tells of this demonstration ("clashes erupted between supporters and
   * security forces"): the demonstration's parties when its own words name none.
   */
  partiesFrom?: TriggerHit;
  /**
   * A generic act told after a development with its own day or toll, an event of its own: one
   * before it ("following the attack on 3 June") or one the development was made in ("arrested
   * three in a raid in which two were killed").
   */
  besideDevelopment?: "earlier" | "during";
}

/** Words that cannot sit between a determiner and its noun: "the US responded with airstrikes" is not "the airstrikes". */
const NOT_MODIFIER =
  /^(?:with|in|on|of|by|to|for|at|from|into|and|or|but|that|which|who|was|were|is|are|has|had|have|been|be|said|says|responded|reported|announced|conducted|carried|launched|after|before|as|than)$/i;
/** Words that make a following noun trigger indefinite again ("the recent drone attack" is a new telling only with a place). */
const INDEFINITE_BEFORE =
  /\b(?:a|an|another|new|fresh|separate|second|further)\s+(?:[\p{L}-]+\s+){0,2}$/iu;

const DETERMINER = /^(?:the|this|that|these|those|its|their|his|her|our|such)$/i;
/** Triggers in verb form ("struck", "killed") are never a definite noun phrase. */
const VERB_FORM =
  /^(?:\S+ed|struck|hit|shot|fought|withdrew|withdrawn|took|taken|fell|overran|overrun|threw|blew|broke|drove|set|stole|stolen|began|held|won|sent|brought|beat|beaten|kills|shoots|executes|abducts|kidnaps|bombards|targets|storms|stones?|\S+ing)(?:\s|$)/i;

/** "the strike", "this attack", "the recent drone attack", "Iran's attack": walks back over modifiers to a determiner. */
function isDefinite(before: string, trigger: string): boolean {
  // "the packages were intercepted" holds its own verb: a report, not a pointer back.
  // "the two factions clashed": a trigger ending on its verb tells the act itself
  const last = trigger.trim().split(/\s+/).pop() ?? "";
  // "the kidnapping", "its shelling": an -ing word right after a determiner is a noun
  const gerundNoun =
    /^\S+ing(?:\s|$)/i.test(trigger) && DETERMINER.test(before.trimEnd().split(/\s+/).pop() ?? "");
  if (
    (VERB_FORM.test(trigger) && !gerundNoun) ||
    (trigger.includes(" ") && /^(?:\S+ed|struck|fought|broke|threw|beat)$/i.test(last)) ||
    /\b(?:were|was|been|is|are)\b/i.test(trigger) ||
    INDEFINITE_BEFORE.test(before)
  )
    return false;
  const words = before.trimEnd().split(/\s+/).slice(-4);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    if (DETERMINER.test(w) || /['’]s$/.test(w)) return true;
    if (NOT_MODIFIER.test(w) || /[,.;:]$/.test(w)) return false;
  }
  return false;
}

/**
 * The matches one alternation of every trigger would give: leftmost first, at one position the
 * earlier rule, the search going on after each match. The parts are searched side by side, and a
 * part's next match is kept while it still lies ahead.
 */
function* triggerMatches(
  s: string,
  lex: ExtractionLexicon,
): Generator<{ m: RegExpExecArray; rule: TriggerRule }> {
  const parts = lex.triggerParts;
  const ahead: (RegExpExecArray | null | undefined)[] = parts.map(() => undefined);
  let pos = 0;
  while (pos <= s.length) {
    let best = -1;
    for (let k = 0; k < parts.length; k++) {
      let m = ahead[k];
      if (m === undefined || (m && m.index < pos)) {
        parts[k].re.lastIndex = pos;
        m = parts[k].re.exec(s);
        ahead[k] = m;
      }
      if (m && (best < 0 || m.index < (ahead[best] as RegExpExecArray).index)) best = k;
    }
    if (best < 0) return;
    const m = ahead[best] as RegExpExecArray;
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    yield { m, rule: lex.rules[parts[best].first + group - 1] };
    pos = m.index + Math.max(1, m[0].length);
  }
}

export function findTriggers(
  sentence: Sentence,
  lex: ExtractionLexicon,
  log?: (reason: string) => void,
  /** The text of the sentence's paragraph, for blockers whose scope is the paragraph. */
  paragraph: string = sentence.text,
  /** The whole report, for blockers an exception anywhere in it lifts. */
  report: string = paragraph,
): TriggerHit[] {
  const hits: TriggerHit[] = [];
  const s = sentence.text;
  for (const { m, rule } of triggerMatches(s, lex)) {
    const before = s.slice(Math.max(0, m.index - 60), m.index);
    hits.push({
      rule,
      start: sentence.start + m.index,
      end: sentence.start + m.index + m[0].length,
      text: m[0],
      definite: isDefinite(before, m[0]),
    });
  }
  if (!hits.length) return hits;
  for (const b of lex.blockers) {
    if (!b.re.test(b.scope === "paragraph" ? paragraph : s)) continue;
    // the exception reads as far as the blocker did: "derailed ... after hitting a dynamite charge"
    if (b.unless?.test(b.scope === "paragraph" ? paragraph : s)) continue;
    // the report explains the context ("a helicopter crash" it says was shot down): no later,
    // broader blocker ("crash" as an accident) takes the sentence back
    if (b.unlessReport?.test(report)) {
      log?.(`not blocked: ${b.reason}`);
      return applyHalts(hits, sentence, log);
    }
    // kept by event type ("Protests") or by sub-event type ("Agreement")
    const kept = hits.filter(
      (h) =>
        (h.rule.event_type !== null && b.keepTypes.has(h.rule.event_type)) ||
        (h.rule.sub_event_type !== null && b.keepTypes.has(h.rule.sub_event_type)),
    );
    if (kept.length < hits.length)
      log?.(`blocked ${hits.length - kept.length} trigger(s): ${b.reason}`);
    return applyHalts(kept, sentence, log);
  }
  return applyHalts(hits, sentence, log);
}

/** Agreements told as broken: the violence beside them is what broke them. */
const BROKEN_AGREEMENT = new Set(["ceasefire-collapsed"]);
/** Between a halt and violence: a new sentence part or clause, not the halt's object. */
const OWN_CLAUSE_BETWEEN =
  /[.;]|\band\s+(?:then|later)\b|\b(?:when|after|while|but|following|since|because|although|though)\b/;

/**
 * Violence named as the object of a halt or agreement is not happening: drop it. Not violence
 * told in a clause of its own ("the ceasefire was violated when rebels shelled the town"), nor
 * what broke a ceasefire told as collapsed.
 */
function applyHalts(
  hits: TriggerHit[],
  sentence: Sentence,
  log?: (r: string) => void,
): TriggerHit[] {
  const halts = hits.filter((h) => h.rule.kind === "halt" && !BROKEN_AGREEMENT.has(h.rule.id));
  if (!halts.length) return hits;
  return hits.filter((h) => {
    if (h.rule.kind === "halt") return true;
    const swallowed = halts.some((x) => {
      if (h.start >= x.start && h.end <= x.end) return true;
      if (h.start < x.end) return false;
      const between = sentence.text.slice(x.end - sentence.start, h.start - sentence.start);
      return !OWN_CLAUSE_BETWEEN.test(between) && between.length < 80;
    });
    if (swallowed) log?.(`"${h.text}" is the object of "${halts[0].text}": not an event`);
    return !swallowed;
  });
}
