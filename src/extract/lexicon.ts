// The extraction lexicon: trigger, weapon-cue, modality and blocker tables from data/events,
// compiled once and handed to the extractors (DESIGN: stages are handed what they need).

import { caseRegExp, hasCaseGroups } from "../core/case-groups.ts";
import { readTable } from "../core/data-files.ts";
import type { EventType, Modality } from "../core/types.ts";

export type TriggerKind = "verb" | "noun" | "generic" | "halt";

export interface TriggerRule {
  id: string;
  kind: TriggerKind;
  event_type: EventType | null;
  sub_event_type: string | null;
  strength: number;
  reason: string;
}

export interface WeaponCue {
  /** Global: where in the sentence each cue stands. */
  re: RegExp;
  event_type: EventType;
  sub_event_type: string;
  weapon: string;
}

export type ModalityScope =
  | "before"
  | "before_near"
  | "sentence"
  | "sentence_noun"
  | "clause_after"
  | "progressive"
  | "subject"
  | "before_noun"
  | "noun_object"
  | "year_before"
  | "month_before"
  | "just_before";

export interface ModalityCue {
  re: RegExp;
  /** For scope "subject": the cue right after the trigger's noun phrase (up to 3 words, no "and"). */
  afterSubject: RegExp;
  /** For scope "just_before": the cue right before the trigger, one adjective allowed between. */
  justBefore: RegExp;
  modality: Modality | "history";
  scope: ModalityScope;
  reason: string;
}

export interface Blocker {
  re: RegExp;
  /** "sentence", or "paragraph" when the context reaches the sentences around it. */
  scope: "sentence" | "paragraph";
  /** Event types whose triggers the blocker leaves alone. */
  keepTypes: Set<string>;
  /** Where this also matches, the blocker does not apply ("derailed by a dynamite charge"). */
  unless: RegExp | null;
  /** Where this matches anywhere in the report, the blocker does not apply ("shot down"). */
  unlessReport: RegExp | null;
  reason: string;
}

/**
 * V8 stops optimising a regular expression whose source passes 20 KB (kRegExpTooLargeToOptimize):
 * one alternation of every trigger then runs at half the speed, so the table is cut into parts
 * below that.
 */
const TRIGGER_PART_CHARS = 8_000;

export interface ExtractionLexicon {
  /** Context that makes a bare "strike" a labour strike (labor-context.tsv). */
  laborContext: RegExp;
  /** sub-event type → the sub-event types that win over it when both are told (subtype-precedence.tsv). */
  beatenBy: Map<string, Set<string>>;
  /** Pairs of sub-event types that may tell one act, the closer one first ("Suicide bomb|Remote explosive/landmine/IED"). */
  refinements: Set<string>;
  rules: TriggerRule[];
  /**
   * The trigger patterns as alternations, one capture group per rule, in table order, cut into
   * parts V8 still optimises (see TRIGGER_PART_CHARS); `first` is the part's first rule.
   */
  triggerParts: { re: RegExp; first: number }[];
  weaponCues: WeaponCue[];
  modality: ModalityCue[];
  blockers: Blocker[];
}

/** True when one of two sub-event types is a closer telling of the other's act (a suicide bombing is a bombing). */
export function isRefinement(lex: ExtractionLexicon, a: string, b: string): boolean {
  return lex.refinements.has(`${a}|${b}`) || lex.refinements.has(`${b}|${a}`);
}

/** True when `sub` loses to one of `others` (a chemical shelling is a Chemical weapon). */
export function isBeaten(lex: ExtractionLexicon, sub: string, others: Iterable<string>): boolean {
  const winners = lex.beatenBy.get(sub);
  if (!winners) return false;
  for (const o of others) if (winners.has(o)) return true;
  return false;
}

export function loadExtractionLexicon(): ExtractionLexicon {
  const rows = readTable("events/triggers.tsv");
  const rules: TriggerRule[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind as TriggerKind,
    event_type: r.event_type === "*" ? null : (r.event_type as EventType),
    sub_event_type: r.sub_event_type === "*" ? null : r.sub_event_type,
    strength: Number(r.strength),
    reason: r.reason,
  }));
  for (const r of rows) {
    try {
      caseRegExp(r.pattern, "iu");
    } catch (e) {
      throw new Error(
        `data/events/triggers.tsv: rule ${r.id} has a bad pattern: ${(e as Error).message}`,
      );
    }
  }
  // One word-boundary check around each alternation, not one per rule: the regexes are tried
  // at every position of every sentence, so this is the extraction's hottest loop.
  const triggerParts: { re: RegExp; first: number }[] = [];
  let part: string[] = [];
  let partChars = 0;
  let first = 0;
  /** Closes the part in hand, if any; the next starts at rule `next`. */
  const close = (next: number) => {
    if (part.length)
      triggerParts.push({
        re: caseRegExp(`(?<![\\p{L}\\p{N}])(?:${part.join("|")})(?![\\p{L}\\p{N}])`, "giu"),
        first,
      });
    part = [];
    partChars = 0;
    first = next;
  };
  rows.forEach((r, i) => {
    const group = `(${r.pattern.replace(/(?<!\\)\((?!\?)/g, "(?:")})`;
    // a rule with case-sensitive parts is spelled out letter by letter (core/case-groups.ts),
    // which is slower: it stands in a part of its own, so the others keep the `i` flag
    const alone = hasCaseGroups(r.pattern);
    if (alone || partChars + 1 + group.length > TRIGGER_PART_CHARS) close(i);
    partChars += (part.length ? 1 : 0) + group.length;
    part.push(group);
    if (alone) close(i + 1);
  });
  close(rows.length);
  const weaponCues = readTable("events/weapon-cues.tsv").map((r) => ({
    re: caseRegExp(`(?<![\\p{L}])(?:${r.pattern})(?![\\p{L}])`, "giu"),
    event_type: r.event_type as EventType,
    sub_event_type: r.sub_event_type,
    weapon: r.weapon,
  }));
  const modality = readTable("events/modality.tsv").map((r) => ({
    re: caseRegExp(`(?<![\\p{L}])(?:${r.pattern})(?![\\p{L}])`, "iu"),
    // "a wave of kidnappings and murders": the cue reaches over a list to the trigger
    justBefore: caseRegExp(
      `(?<![\\p{L}])(?:${r.pattern})(?:\\s+[\\p{L}-]+)?(?:(?:\\s*,|\\s+and|\\s+or)\\s+(?!(?:by|in|on|at|of|to|for|with|from|after|before|as|while|when)\\b)[\\p{L}-]+){0,2}(?:\\s*,|\\s+and|\\s+or)?\\s*$`,
      "iu",
    ),
    afterSubject: caseRegExp(
      `^(?:\\s+(?!and\\b|but\\b|or\\b)[\\p{L}'’-]+){0,3}?\\s+(?:${r.pattern})(?![\\p{L}])`,
      "iu",
    ),
    modality: r.modality as Modality | "history",
    scope: r.scope as ModalityScope,
    reason: r.reason,
  }));
  const blockers = readTable("events/context-blockers.tsv").map((r) => ({
    re: caseRegExp(r.pattern, "iu"),
    scope: r.scope === "paragraph" ? ("paragraph" as const) : ("sentence" as const),
    keepTypes: new Set(r.keep_types.split(",").filter(Boolean)),
    unless: r.unless ? caseRegExp(r.unless, "iu") : null,
    unlessReport: r.unless_report ? caseRegExp(r.unless_report, "iu") : null,
    reason: r.reason,
  }));
  const beatenBy = new Map<string, Set<string>>();
  const refinements = new Set<string>();
  for (const r of readTable("events/subtype-precedence.tsv")) {
    beatenBy.set(r.loser, (beatenBy.get(r.loser) ?? new Set()).add(r.winner));
    if (r.refines === "yes") refinements.add(`${r.winner}|${r.loser}`);
  }
  const laborContext = caseRegExp(
    readTable("events/labor-context.tsv")
      .map((r) => `(?:${r.pattern})`)
      .join("|"),
    // case-blind, so wire text in capitals reads too; the table marks its case-bound words
    "iu",
  );
  return {
    rules,
    triggerParts,
    weaponCues,
    modality,
    blockers,
    beatenBy,
    refinements,
    laborContext,
  };
}
