// Is the trigger a reported event, or a threat, plan, denial, hypothetical or memory?
import type { Modality, Sentence } from "../core/types.ts";
import type { ExtractionLexicon } from "./lexicon.ts";
import type { TriggerHit } from "./trigger-matcher.ts";

/** Words of context before a trigger that a near cue ("not", "no") may stand in. */
const NEAR_WORDS = 5;
/** Words after a noun trigger that may carry an expectation ("attacks expected"). */
const AFTER_WORDS = 5;

/** Clause starts: a semicolon or colon, or a comma before a new clause's opening word. */
const CLAUSE_BREAK =
  /[;:]\s*|,\s+(?=(?:but|while|whereas|although|though|as|and\s+(?:the|a|an|it|they|he|she)|which|who|after|before|when|since|because)\b)|\s+(?:but|while|whereas|although)\s+/giu;

export function clauseStart(sentence: Sentence, at: number): number {
  const s = sentence.text;
  const rel = at - sentence.start;
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(s); m && m.index < rel; m = CLAUSE_BREAK.exec(s))
    start = m.index + m[0].length;
  return sentence.start + start;
}

export function clauseEnd(sentence: Sentence, at: number): number {
  const s = sentence.text;
  const rel = at - sentence.start;
  CLAUSE_BREAK.lastIndex = rel;
  const m = CLAUSE_BREAK.exec(s);
  return sentence.start + (m ? m.index : s.length);
}

export interface ModalityFinding {
  modality: Modality | "history";
  reason: string | null;
}

export function modalityOf(
  sentence: Sentence,
  hit: TriggerHit,
  lex: ExtractionLexicon,
  text: string,
): ModalityFinding {
  const cStart = clauseStart(sentence, hit.start);
  const before = text.slice(cStart, hit.start);
  const near = before
    .split(/\s+/)
    .slice(-NEAR_WORDS - 1)
    .join(" ");
  const after = text
    .slice(hit.end, sentence.end)
    .split(/\s+/)
    .slice(0, AFTER_WORDS + 1)
    .join(" ");
  const clauseAfter = text.slice(hit.end, clauseEnd(sentence, hit.end));
  for (const cue of lex.modality) {
    let where: string;
    switch (cue.scope) {
      case "before":
        where = before;
        break;
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
