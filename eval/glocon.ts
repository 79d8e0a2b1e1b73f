// GLOCON Gold sample (../shared/data/news-dev/glocon-sabinet): South African newswire with a
// document label (1 reports a protest or other contentious event, 0 does not, 2 undocumented)
// and, for most documents, sentence labels. Label 1 is any contentious event (GLOCON's manual
// counts armed militancy and political violence besides protests), so sitrep calls an article a
// contentious-event article when it extracts at least one event of any ACLED type; the rules are
// in eval/README.md ("GLOCON").
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ExtractionResult, IsoDate, SitrepEvent } from "../src/core/types.ts";
import { loadText } from "../src/load/text-loader.ts";
import { roundFigure } from "./baseline.ts";
import { VIOLENT_TYPES } from "./muc4.ts";
import { f3, section, table } from "./report.ts";
import {
  type Counts,
  type PRF,
  prf,
  ratio,
  type SectionContext,
  type SectionOutcome,
  TARGET_HEAD,
  targetRow,
} from "./section.ts";
import { type Loaded, sharedPath, skipIfMissing } from "./shared-data.ts";
import { locateSentences, overlaps } from "./text-spans.ts";

export const GLOCON_DIR = "data/news-dev/glocon-sabinet";

/** The issue's target (issue 3); CASE 2021 Task 1's best document-level F1 was 0.866. */
export const GLOCON_F1_TARGET = 0.87;

/** The event types that make an article a protest article. */
export const PROTEST_TYPES = new Set<string>(["Protests", "Riots"]);

/** Confidence thresholds printed for information, over the broad preset's events. */
export const THRESHOLDS = [0, 0.3, 0.35, 0.45, 0.6, 0.75, 0.9];

export interface GloconDoc {
  name: string;
  /** 1 protest, 0 not, 2 undocumented (left out of the score). */
  label: number;
  sentences: { text: string; label: number }[] | null;
  raw: string;
}

/**
 * The date the wire's file name carries: SAP140202S8785 (yymmdd), SAP20090122140 and
 * SAPXIN_20151114161049000_188471 (yyyymmdd); null when there is none (SAPAI-...).
 */
export function fileDate(name: string): IsoDate | null {
  const long = /^SAP(?:[A-Z]+_)?((?:19|20)\d{2})(\d{2})(\d{2})/.exec(name);
  const short = /^SAP(\d{2})(\d{2})(\d{2})S/.exec(name);
  const m = long ?? (short ? [short[0], `20${short[1]}`, short[2], short[3]] : null);
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date ? null : date;
}

export function readGlocon(): GloconDoc[] {
  const dir = sharedPath(GLOCON_DIR);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const name = f.replace(/\.json$/, "");
      const j = JSON.parse(readFileSync(join(dir, f), "utf8")) as {
        doc_label: number;
        sentence_labels: { sentence: string; label: number }[] | null;
      };
      return {
        name,
        label: j.doc_label,
        sentences: j.sentence_labels?.map((s) => ({ text: s.sentence, label: s.label })) ?? null,
        raw: readFileSync(join(dir, `${name}.txt`), "utf8"),
      };
    });
}

/** As `sitrep extract --published <the file name's date> NAME.txt` reads it. */
export function loadGloconDoc(d: GloconDoc): Loaded {
  const item = loadText(d.raw, {
    id: d.name,
    origin: sharedPath(`${GLOCON_DIR}/${d.name}.txt`),
    published: fileDate(d.name),
  });
  return "doc" in item ? { doc: item.doc } : { error: item.error.message };
}

/** The rule: a contentious-event article has an event (any ACLED type) at or above `minConfidence`. */
export function isContentiousArticle(events: SitrepEvent[], minConfidence = 0): boolean {
  return events.some((e) => e.confidence >= minConfidence);
}

/** The narrower reading, printed for information: a Protests or Riots event. */
export function isProtestArticle(events: SitrepEvent[], minConfidence = 0): boolean {
  return events.some((e) => PROTEST_TYPES.has(e.event_type) && e.confidence >= minConfidence);
}

/** Detection counts over labelled documents; label 2 is left out. */
export function detectionCounts(pairs: { label: number; predicted: boolean }[]): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const p of pairs) {
    if (p.label === 1 && p.predicted) c.tp++;
    else if (p.label === 0 && p.predicted) c.fp++;
    else if (p.label === 1 && !p.predicted) c.fn++;
  }
  return c;
}

/**
 * Label-1 sentences found again in the clean text, and those that some event's evidence
 * overlaps (any event; and Protests or Riots events).
 */
export function sentenceRecall(
  text: string,
  sentences: { text: string; label: number }[],
  events: SitrepEvent[],
): { positive: number; located: number; anyEvent: number; protestEvent: number } {
  const spans = locateSentences(
    text,
    sentences.map((s) => s.text),
  );
  let positive = 0;
  let located = 0;
  let anyEvent = 0;
  let protestEvent = 0;
  sentences.forEach((s, i) => {
    if (s.label !== 1) return;
    positive++;
    const span = spans[i];
    if (!span) return;
    located++;
    const covering = events.filter((e) => e.evidence.some((ev) => overlaps(ev, span)));
    if (covering.length) anyEvent++;
    if (covering.some((e) => PROTEST_TYPES.has(e.event_type))) protestEvent++;
  });
  return { positive, located, anyEvent, protestEvent };
}

function typesOf(events: SitrepEvent[]): string {
  const counts = new Map<string, number>();
  for (const e of events) {
    const k = `${e.event_type}/${e.sub_event_type}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => (n > 1 ? `${k} x${n}` : k)).join("; ") || "no event";
}

export function evalGlocon(ctx: SectionContext): SectionOutcome | null {
  const { print } = ctx;
  print(section(`GLOCON protest articles (../shared/${GLOCON_DIR}, file-name date, precise)`));
  const skip = skipIfMissing(GLOCON_DIR);
  if (skip) {
    print(skip);
    return null;
  }
  const t0 = performance.now();
  const docs = readGlocon();
  const errors: string[] = [];
  const run = docs.map((d) => {
    const loaded = loadGloconDoc(d);
    const precise = ctx.extract(loaded, "precise");
    const broad = ctx.extract(loaded, "broad");
    if ("error" in precise) errors.push(`${d.name}: ${precise.error}`);
    const events = (r: ExtractionResult | { error: string }) => ("error" in r ? [] : r.events);
    return {
      doc: d,
      text: "error" in precise ? "" : precise.text,
      precise: events(precise),
      broad: events(broad),
    };
  });
  const seconds = (performance.now() - t0) / 1000;

  const scored = run.filter((r) => r.doc.label !== 2);
  const headline = prf(
    detectionCounts(
      scored.map((r) => ({ label: r.doc.label, predicted: isContentiousArticle(r.precise) })),
    ),
  );
  const undocumented = run.filter((r) => r.doc.label === 2);
  const positives = scored.filter((r) => r.doc.label === 1).length;
  const negatives = scored.length - positives;

  print(
    table(
      TARGET_HEAD,
      [
        targetRow({
          measure: "protest (contentious-event) article detection F1",
          value: headline.f1,
          target: GLOCON_F1_TARGET,
          note: `P ${f3(headline.precision)} (${headline.tp}/${headline.tp + headline.fp}), R ${f3(headline.recall)} (${headline.tp}/${headline.tp + headline.fn}); ${positives} label 1, ${negatives} label 0`,
        }),
      ],
      { widths: [42, 12, 12, 8, 58], right: [1, 2] },
    ),
  );
  print(
    `label 2 (undocumented, left out): ${undocumented.filter((r) => isContentiousArticle(r.precise)).length} of ${undocumented.length} called contentious-event articles; ${errors.length} not read${errors.length ? ` (${errors.join("; ")})` : ""}; ${seconds.toFixed(1)} s`,
  );

  print("\nfor information: an event at or above a confidence (broad preset)");
  const byThreshold: (PRF & { threshold: number })[] = THRESHOLDS.map((x) => ({
    threshold: x,
    ...prf(
      detectionCounts(
        scored.map((r) => ({ label: r.doc.label, predicted: isContentiousArticle(r.broad, x) })),
      ),
    ),
  }));
  print(
    table(
      ["confidence >=", "precision", "recall", "F1", "tp", "fp", "fn"],
      byThreshold.map((t) => [
        t.threshold.toFixed(2),
        f3(t.precision),
        f3(t.recall),
        f3(t.f1),
        t.tp,
        t.fp,
        t.fn,
      ]),
      { right: [0, 1, 2, 3, 4, 5, 6] },
    ),
  );

  // GLOCON's label 1 is any contentious event (its manual counts armed militancy and political
  // violence besides protests), so the wider readings are printed beside the rule.
  print("\nfor information: other rules (precise preset)");
  const rules: [string, (e: SitrepEvent) => boolean][] = [
    ["Protests or Riots", (e) => PROTEST_TYPES.has(e.event_type)],
    [
      "Protests, Riots or a violent type",
      (e) => PROTEST_TYPES.has(e.event_type) || VIOLENT_TYPES.has(e.event_type),
    ],
    ["any event (the rule)", () => true],
  ];
  const otherRules = rules.map(([name, keep]) => ({
    rule: name,
    ...prf(
      detectionCounts(scored.map((r) => ({ label: r.doc.label, predicted: r.precise.some(keep) }))),
    ),
  }));
  print(
    table(
      ["rule", "precision", "recall", "F1", "tp", "fp", "fn"],
      otherRules.map((t) => [t.rule, f3(t.precision), f3(t.recall), f3(t.f1), t.tp, t.fp, t.fn]),
      { right: [1, 2, 3, 4, 5, 6] },
    ),
  );

  // Sentence level, for information: label-1 sentences that events' evidence covers.
  const sent = { positive: 0, located: 0, anyEvent: 0, protestEvent: 0 };
  for (const r of run) {
    if (!r.doc.sentences || !r.text) continue;
    const s = sentenceRecall(r.text, r.doc.sentences, r.precise);
    sent.positive += s.positive;
    sent.located += s.located;
    sent.anyEvent += s.anyEvent;
    sent.protestEvent += s.protestEvent;
  }
  const anyRecall = ratio(sent.anyEvent, sent.positive) ?? 0;
  const protestRecall = ratio(sent.protestEvent, sent.positive) ?? 0;
  print(
    `\nfor information: label-1 sentences in some event's evidence ${f3(anyRecall)} (${sent.anyEvent}/${sent.positive}), in a Protests/Riots event's ${f3(protestRecall)} (${sent.protestEvent}/${sent.positive}); ${sent.positive - sent.located} not found in the clean text`,
  );

  const wrong = scored
    .map((r) => ({ r, predicted: isContentiousArticle(r.precise) }))
    .filter(({ r, predicted }) => predicted !== (r.doc.label === 1));
  print("\narticles called wrongly (label 1 missed, label 0 called protest)");
  print(
    table(
      ["article", "label", "sitrep events (precise)"],
      wrong.map(({ r }) => [r.doc.name, r.doc.label, typesOf(r.precise)]),
      { widths: [40, 7, 100] },
    ),
  );

  return {
    headlines: { glocon_protest_f1: headline.f1 },
    record: {
      seconds: roundFigure(seconds),
      detection: headline,
      thresholds: byThreshold,
      other_rules: otherRules,
      label2: undocumented.map((r) => ({
        name: r.doc.name,
        called: isContentiousArticle(r.precise),
      })),
      sentences: { ...sent, any_recall: anyRecall, protest_recall: protestRecall },
      errors,
      documents: run.map((r) => ({
        name: r.doc.name,
        label: r.doc.label,
        called: isContentiousArticle(r.precise),
        events: typesOf(r.precise),
      })),
    },
  };
}
