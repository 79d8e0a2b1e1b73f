// WikiEvents dev (../shared/data/news-dev/wikievents-dev): 20 articles with every event
// mention annotated in the KAIROS ontology. An annotated attack, death, injury or arrest is
// found when sitrep's output covers the sentence of its trigger with what
// eval/schemes/wikievents-kairos.tsv asks for; the rules are in eval/README.md ("WikiEvents").
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ClaimField, IsoDate, SitrepEvent } from "../src/core/types.ts";
import { loadText } from "../src/load/text-loader.ts";
import { roundFigure } from "./baseline.ts";
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
import { locateSentences, overlaps, type Range } from "./text-spans.ts";

export const WIKIEVENTS_DIR = "data/news-dev/wikievents-dev";

/** The issue's target (issue 3). */
export const WIKIEVENTS_RECALL_TARGET = 0.75;

export interface KairosRule {
  /** A full type, or a prefix ending in ".*". */
  kairosType: string;
  /** ACLED event types, or "event type/sub-event type". */
  eventTypes: string[];
  claimFields: string[];
  counted: boolean;
}

export function readKairosRules(): KairosRule[] {
  return readScheme("wikievents-kairos.tsv", [
    "kairos_type",
    "event_types",
    "claim_fields",
    "counted",
  ]).map((r) => ({
    kairosType: r.kairos_type,
    eventTypes: r.event_types === "-" ? [] : r.event_types.split(";").map((s) => s.trim()),
    claimFields: r.claim_fields === "-" ? [] : r.claim_fields.split(";").map((s) => s.trim()),
    counted: r.counted === "yes",
  }));
}

/** The first rule naming the type or a prefix of it, or null when the type is not scored. */
export function ruleFor(rules: KairosRule[], kairosType: string): KairosRule | null {
  return (
    rules.find((r) =>
      r.kairosType.endsWith(".*")
        ? kairosType.startsWith(r.kairosType.slice(0, -1))
        : kairosType === r.kairosType,
    ) ?? null
  );
}

/** "Conflict.Attack.DetonateExplode" -> "Conflict.Attack": the row label of the tables. */
export function kairosFamily(kairosType: string): string {
  return kairosType.split(".").slice(0, 2).join(".");
}

function typeAccepted(rule: KairosRule, e: SitrepEvent): boolean {
  // "Explosions/Remote violence" is an event type, "Strategic developments/Arrests" a type and
  // sub-type: no event type is another's "type/sub-type", so both readings can be tried.
  const full = `${e.event_type}/${e.sub_event_type}`;
  return rule.eventTypes.some((t) => t === e.event_type || t === full);
}

/**
 * Found: an event of an accepted type whose evidence overlaps the sentence, or a claim of an
 * accepted field (on any event) whose sentence overlaps it.
 */
export function foundIn(rule: KairosRule, sentence: Range, events: SitrepEvent[]): boolean {
  for (const e of events) {
    if (typeAccepted(rule, e) && e.evidence.some((ev) => overlaps(ev, sentence))) return true;
    if (
      e.claims.some(
        (c) => rule.claimFields.includes(c.field as ClaimField) && overlaps(c, sentence),
      )
    ) {
      return true;
    }
  }
  return false;
}

// ------------------------------------------------------------------ reading ../shared

export interface KairosMention {
  type: string;
  trigger: string;
  sentence: number;
}

export interface WikiDoc {
  id: string;
  text: string;
  sentences: string[];
  mentions: KairosMention[];
}

export function readWikiEvents(): WikiDoc[] {
  const dir = sharedPath(WIKIEVENTS_DIR);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const j = JSON.parse(readFileSync(join(dir, f), "utf8")) as {
        doc_id: string;
        text: string;
        sentences: [unknown, string][];
        event_mentions: { event_type: string; trigger: { text: string; sent_idx: number } }[];
      };
      return {
        id: j.doc_id,
        text: j.text,
        sentences: j.sentences.map((s) => s[1]),
        mentions: j.event_mentions.map((m) => ({
          type: m.event_type,
          trigger: m.trigger.text,
          sentence: m.trigger.sent_idx,
        })),
      };
    });
}

/** The date in a VOA document id ("32_VOA_EN_NW_2014.06.04.1929720" -> 2014-06-04), else null. */
export function idDate(id: string): IsoDate | null {
  const m = /_((?:19|20)\d{2})\.(\d{2})\.(\d{2})\./.exec(id);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** As `sitrep extract [--published <the id's date>] ID.txt` reads it. */
export function loadWikiDoc(d: WikiDoc): Loaded {
  const item = loadText(d.text, {
    id: d.id,
    origin: sharedPath(`${WIKIEVENTS_DIR}/${d.id}.txt`),
    published: idDate(d.id),
  });
  return "doc" in item ? { doc: item.doc } : { error: item.error.message };
}

// ------------------------------------------------------------------ scoring

export interface MentionVerdict {
  doc: string;
  type: string;
  counted: boolean;
  trigger: string;
  /** The trigger's sentence was not found in the clean text (dropped by the loader). */
  unlocated: boolean;
  found: boolean;
}

export function scoreDoc(
  d: WikiDoc,
  text: string,
  events: SitrepEvent[],
  rules: KairosRule[],
): MentionVerdict[] {
  const spans = locateSentences(text, d.sentences);
  const out: MentionVerdict[] = [];
  for (const m of d.mentions) {
    const rule = ruleFor(rules, m.type);
    if (!rule) continue;
    const span = spans[m.sentence] ?? null;
    out.push({
      doc: d.id,
      type: m.type,
      counted: rule.counted,
      trigger: m.trigger,
      unlocated: span === null,
      found: span !== null && foundIn(rule, span, events),
    });
  }
  return out;
}

export interface FamilyRow {
  family: string;
  counted: boolean;
  mentions: number;
  found: number;
  recall: number;
}

export function byFamily(verdicts: MentionVerdict[]): FamilyRow[] {
  const rows = new Map<string, FamilyRow>();
  for (const v of verdicts) {
    const family = kairosFamily(v.type);
    const row = rows.get(family) ?? {
      family,
      counted: v.counted,
      mentions: 0,
      found: 0,
      recall: 0,
    };
    row.mentions++;
    if (v.found) row.found++;
    rows.set(family, row);
  }
  return [...rows.values()]
    .map((r) => ({ ...r, recall: r.mentions ? r.found / r.mentions : 0 }))
    .sort((a, b) => Number(b.counted) - Number(a.counted) || b.mentions - a.mentions);
}

/** Recall over the counted mentions (attack, death, injury, arrest), micro-averaged. */
export function countedRecall(verdicts: MentionVerdict[]): { found: number; of: number } {
  const counted = verdicts.filter((v) => v.counted);
  return { found: counted.filter((v) => v.found).length, of: counted.length };
}

function runPreset(
  ctx: SectionContext,
  docs: WikiDoc[],
  rules: KairosRule[],
  preset: Preset,
): { verdicts: MentionVerdict[]; errors: string[]; events: Map<string, SitrepEvent[]> } {
  const errors: string[] = [];
  const events = new Map<string, SitrepEvent[]>();
  const verdicts = docs.flatMap((d) => {
    const result = ctx.extract(loadWikiDoc(d), preset);
    if ("error" in result) {
      errors.push(`${d.id}: ${result.error}`);
      return scoreDoc(d, "", [], rules);
    }
    events.set(d.id, result.events);
    return scoreDoc(d, result.text, result.events, rules);
  });
  return { verdicts, errors, events };
}

export function evalWikiEvents(ctx: SectionContext): SectionOutcome | null {
  const { print } = ctx;
  print(section(`WikiEvents dev (../shared/${WIKIEVENTS_DIR}, id date if any, precise)`));
  const skip = skipIfMissing(WIKIEVENTS_DIR);
  if (skip) {
    print(skip);
    return null;
  }
  const t0 = performance.now();
  const docs = readWikiEvents();
  const rules = readKairosRules();
  const precise = runPreset(ctx, docs, rules, "precise");
  const broad = runPreset(ctx, docs, rules, "broad");
  const seconds = (performance.now() - t0) / 1000;
  const headline = countedRecall(precise.verdicts);
  const recall = ratio(headline.found, headline.of);
  const broadCounted = countedRecall(broad.verdicts);

  print(
    table(
      TARGET_HEAD,
      [
        targetRow({
          measure: "attack, death, injury, arrest mentions found",
          value: recall,
          target: WIKIEVENTS_RECALL_TARGET,
          note: `${headline.found}/${headline.of} mentions; broad preset ${f3(ratio(broadCounted.found, broadCounted.of) ?? 0)}`,
        }),
      ],
      { widths: [42, 12, 12, 8, 58], right: [1, 2] },
    ),
  );
  const unlocated = precise.verdicts.filter((v) => v.unlocated).length;
  const errors = precise.errors;
  print(
    `${docs.length} articles; ${unlocated} trigger sentences not found in the clean text; ${errors.length} not read${errors.length ? ` (${errors.join("; ")})` : ""}; ${seconds.toFixed(1)} s`,
  );

  print("\nby KAIROS type (info rows are not in the headline)");
  const families = byFamily(precise.verdicts);
  const broadFamilies = new Map(byFamily(broad.verdicts).map((r) => [r.family, r]));
  print(
    table(
      ["KAIROS type", "counted", "mentions", "found", "recall", "broad recall"],
      families.map((r) => [
        r.family,
        r.counted ? "yes" : "info",
        r.mentions,
        r.found,
        f3(r.recall),
        f3(broadFamilies.get(r.family)?.recall ?? 0),
      ]),
      { right: [2, 3, 4, 5] },
    ),
  );

  print("\nby article (counted mentions; sitrep's precise events)");
  print(
    table(
      ["article", "found", "missed triggers", "sitrep events"],
      docs.map((d) => {
        const v = precise.verdicts.filter((x) => x.doc === d.id && x.counted);
        const missed = v
          .filter((x) => !x.found)
          .map((x) => `${x.trigger}${x.unlocated ? "?" : ""}`);
        const ev = precise.events.get(d.id) ?? [];
        const types = new Map<string, number>();
        for (const e of ev) types.set(e.event_type, (types.get(e.event_type) ?? 0) + 1);
        return [
          d.id,
          `${v.filter((x) => x.found).length}/${v.length}`,
          missed.join(", ") || "-",
          [...types].map(([t, n]) => `${t} x${n}`).join("; ") || "no event",
        ];
      }),
      { widths: [36, 7, 50, 56], right: [1] },
    ),
  );

  return {
    headlines: { wikievents_recall: recall ?? 0 },
    record: {
      seconds: roundFigure(seconds),
      recall: { ...headline, value: recall },
      broad: broadCounted,
      families,
      errors,
      mentions: precise.verdicts,
    },
  };
}
