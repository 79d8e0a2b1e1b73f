// `npm run eval`: accuracy against the seed, the cases and CASE 2021 Task 2, read from
// ../shared at run time, printed as tables and written to eval/last-run.json; the headline
// figures are held to eval/baseline.json (CONVENTIONS 8).
//
//   node eval/run.ts                     measure, compare with the floors, exit 1 below one
//   node eval/run.ts --update-baseline   also raise the floors to this run's figures
//   node eval/run.ts --update-baseline --allow-lower   ... and lower them where this run is worse
//   node eval/run.ts --only ucdp,muc4    only the sections named (seed, cases, case2021, ucdp, muc4-places,
//                                       muc4, glocon, wikievents, extraction)
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ExtractionResult, SitrepEvent } from "../src/core/types.ts";
import { createPipeline, loadResources, type Pipeline } from "../src/pipeline/pipeline.ts";
import {
  brokenLine,
  compareToBaseline,
  type Headlines,
  readBaseline,
  roundFigure,
  updateBaseline,
  writeBaseline,
} from "./baseline.ts";
import {
  accuracy,
  calibration,
  perLabel,
  type Scored,
  topConfusions,
  weightedF1,
} from "./classification.ts";
import { type CheckResult, checkExpectation, totals } from "./expectation-check.ts";
import { evalExtraction } from "./extraction-bench.ts";
import { evalGlocon } from "./glocon.ts";
import { evalMuc4 } from "./muc4.ts";
import { evalMuc4Places } from "./muc4-places.ts";
import { f3, pct, section, table } from "./report.ts";
import type { SectionContext, SectionOutcome } from "./section.ts";
import {
  CASE2021_FILE,
  type Case2021Record,
  htmlLoader,
  type Loaded,
  loadCaseDocument,
  loadSeedDocument,
  loadSnippet,
  REPO_ROOT,
  readCase2021,
  readCases,
  readSeed,
  skipIfMissing,
} from "./shared-data.ts";
import { evalUcdp } from "./ucdp.ts";
import { evalWikiEvents } from "./wikievents.ts";

const EVAL_DIR = join(REPO_ROOT, "eval");
const BASELINE_FILE = join(EVAL_DIR, "baseline.json");
const LAST_RUN_FILE = join(EVAL_DIR, "last-run.json");

/** The event types that make a crime or disaster snippet look like armed conflict. */
const VIOLENT_TYPES = new Set<string>([
  "Battles",
  "Explosions/Remote violence",
  "Violence against civilians",
  "Riots",
]);

/** The share of subtask-2 snippets given a violent type that the project aims to stay under. */
const NON_CONFLICT_VIOLENT_TARGET = 0.1;

const CONFUSIONS_SHOWN = 15;

/** Best weighted F1 on subtask 1 in the shared task (Haneczok et al., CASE 2021, ACL Anthology 2021.case-1.23). */
const PUBLISHED_BEST_F1 = 0.839;

const argv = process.argv.slice(2);
const args = new Set(argv);
const onlyAt = argv.indexOf("--only");
const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? "").split(",")) : null;
/** Whether a section runs: all do unless --only names some. */
const runs = (name: string) => !only || only.has(name);
const lastRun: Record<string, unknown> = { date: new Date().toISOString() };
const headlines: Headlines = {};
const started = performance.now();

let pipelines: { precise: Pipeline; broad: Pipeline } | null = null;
function pipeline(preset: "precise" | "broad"): Pipeline {
  if (!pipelines) {
    const resources = loadResources();
    pipelines = {
      precise: createPipeline(resources, { preset: "precise" }),
      broad: createPipeline(resources, { preset: "broad" }),
    };
  }
  return pipelines[preset];
}

function print(s = ""): void {
  process.stdout.write(`${s}\n`);
}

function checksTable(checks: CheckResult[]): string {
  const rows = checks.map((c) => [
    c.documented ? "doc" : c.pass ? "pass" : "FAIL",
    c.required ? "req" : "opt",
    c.item,
    c.detail,
  ]);
  return table(["", "", "item", "detail"], rows, { widths: [6, 5, 42, 96] });
}

function totalsLine(checks: CheckResult[]): string {
  const t = totals(checks);
  const doc = t.documented ? `; ${t.documented} documented only` : "";
  return `required passed ${t.requiredPassed}/${t.required}; optional passed ${t.optionalPassed}/${t.optional}${doc}`;
}

/** Extract, or the error as a string: one bad document never stops the run. */
function extractOrError(
  loaded: Loaded,
  preset: "precise" | "broad",
): ExtractionResult | { error: string } {
  if ("error" in loaded) return { error: `load: ${loaded.error}` };
  try {
    return pipeline(preset).extract(loaded.doc);
  } catch (e) {
    return { error: `extract: ${(e as Error).message}` };
  }
}

// ------------------------------------------------------------------ seed

function evalSeed(): void {
  print(section("seed (../shared/seed/article.txt, published 2024-02-08, preset precise)"));
  const skip = skipIfMissing("seed/expected.json") ?? skipIfMissing("seed/article.txt");
  if (skip) {
    print(skip);
    return;
  }
  const seed = readSeed();
  const result = extractOrError(loadSeedDocument(seed), "precise");
  if ("error" in result) {
    lastRun.seed = { error: result.error };
    headlines.seed_required_passed = 0;
    print(`error: ${result.error}`);
    return;
  }
  const checks = checkExpectation(seed.expected, result);
  print(checksTable(checks));
  print(totalsLine(checks));
  const t = totals(checks);
  headlines.seed_required_passed = t.requiredPassed;
  lastRun.seed = { totals: t, checks, events: result.events.length };
}

// ------------------------------------------------------------------ cases

async function evalCases(): Promise<void> {
  print(section("cases (../shared/cases/*/expected.json, HTML pages, preset precise)"));
  const skip = skipIfMissing("cases");
  if (skip) {
    print(skip);
    return;
  }
  const loader = await htmlLoader();
  if (typeof loader === "string") {
    print(`skipped: HTML loader not available (${loader})`);
    return;
  }
  const summary: (string | number)[][] = [];
  const out: Record<string, unknown> = {};
  for (const c of readCases()) {
    print(`\n-- ${c.slug} (published ${c.expected.published ?? "unknown"})`);
    const result = extractOrError(await loadCaseDocument(c, loader), "precise");
    if ("error" in result) {
      print(`error: ${result.error}`);
      summary.push([c.slug, "error", "error", result.error]);
      out[c.slug] = { error: result.error };
      continue;
    }
    const checks = checkExpectation(c.expected, result);
    print(checksTable(checks));
    print(totalsLine(checks));
    const t = totals(checks);
    summary.push([
      c.slug,
      `${t.requiredPassed}/${t.required}`,
      `${t.optionalPassed}/${t.optional}`,
      result.events.length,
    ]);
    out[c.slug] = { totals: t, checks, events: result.events.length };
  }
  print("\ncases summary");
  print(table(["case", "required", "optional", "events"], summary, { right: [1, 2, 3] }));
  lastRun.cases = out;
}

// ------------------------------------------------------------------ CASE 2021 Task 2

interface Prediction {
  id: string;
  subtask: number;
  gold: string;
  goldType: string | null;
  predicted: string;
  predictedType: string;
  confidence: number | null;
  error?: string;
}

function topEvent(events: SitrepEvent[]): SitrepEvent | null {
  let best: SitrepEvent | null = null;
  for (const e of events) if (!best || e.confidence > best.confidence) best = e;
  return best;
}

function predict(r: Case2021Record): Prediction {
  const base = {
    id: r.id,
    subtask: r.case_subtask,
    gold: r.sub_event_type,
    goldType: r.event_type,
  };
  const result = extractOrError(loadSnippet(r.id, r.notes), "broad");
  if ("error" in result) {
    return {
      ...base,
      predicted: "none",
      predictedType: "none",
      confidence: null,
      error: result.error,
    };
  }
  const top = topEvent(result.events);
  return {
    ...base,
    predicted: top?.sub_event_type ?? "none",
    predictedType: top?.event_type ?? "none",
    confidence: top?.confidence ?? null,
  };
}

/** "11 not English (id, id, ...)": the snippets that failed, counted by reason. */
function errorSummary(errors: Prediction[]): string {
  const byReason = new Map<string, string[]>();
  for (const e of errors) {
    const message = e.error ?? "";
    const reason = /not look like English/.test(message)
      ? "not English"
      : clipReason(message.replace(/^(load|extract): \S+: /, "$1: "));
    byReason.set(reason, [...(byReason.get(reason) ?? []), e.id]);
  }
  return [...byReason.entries()]
    .map(
      ([reason, ids]) =>
        `${ids.length} ${reason} (${ids.slice(0, 2).join(", ")}${ids.length > 2 ? ", ..." : ""})`,
    )
    .join("; ");
}

function clipReason(s: string): string {
  return s.length > 50 ? `${s.slice(0, 49)}…` : s;
}

function evalCase2021(): void {
  print(
    section("CASE 2021 Task 2 (../shared/data/case2021-task2-dev.jsonl, no date, preset broad)"),
  );
  const skip = skipIfMissing(CASE2021_FILE);
  if (skip) {
    print(skip);
    print(section("confidence calibration"));
    print(skip);
    return;
  }
  const t0 = performance.now();
  const predictions = readCase2021().map(predict);
  const seconds = (performance.now() - t0) / 1000;
  const errors = predictions.filter((p) => p.error);
  const st1 = predictions.filter((p) => p.subtask === 1);
  const f1 = weightedF1(st1);
  const acc = accuracy(st1);
  const typeAcc = accuracy(
    st1.map((p) => ({ gold: p.goldType ?? "none", predicted: p.predictedType })),
  );
  const none = st1.filter((p) => p.predicted === "none").length;

  // Subtask-2 types: crime and disasters, which should not come out as armed conflict.
  const st2 = predictions.filter((p) => p.subtask === 2);
  const violent = (p: Prediction) => VIOLENT_TYPES.has(p.predictedType);
  const st2Share = st2.length ? st2.filter(violent).length / st2.length : 0;

  print(
    table(
      ["figure", "value", "note"],
      [
        ["subtask 1 records", st1.length, `${none} with no event predicted`],
        ["sub_event_type accuracy", f3(acc), ""],
        ["sub_event_type weighted F1", f3(f1), `best published: ${PUBLISHED_BEST_F1}`],
        ["event_type accuracy", f3(typeAcc), ""],
        [
          "subtask-2 types given a violent type",
          pct(st2Share),
          `${st2.filter(violent).length}/${st2.length}; target <= ${pct(NON_CONFLICT_VIOLENT_TARGET)}${st2Share > NON_CONFLICT_VIOLENT_TARGET ? " (MISSED)" : ""}`,
        ],
        ["snippets not loaded or failed", errors.length, errorSummary(errors)],
        ["time", `${seconds.toFixed(1)} s`, `${predictions.length} snippets`],
      ],
      { widths: [40, 10, 60], right: [1] },
    ),
  );

  print("\nsubtask 1 per label (sorted by support)");
  const labels = perLabel(st1);
  print(
    table(
      ["sub_event_type", "support", "predicted", "precision", "recall", "F1"],
      labels.map((s) => [s.label, s.support, s.predicted, f3(s.precision), f3(s.recall), f3(s.f1)]),
      { right: [1, 2, 3, 4, 5] },
    ),
  );

  print(`\nsubtask 1: the ${CONFUSIONS_SHOWN} most frequent errors (gold -> predicted)`);
  const confusions = topConfusions(st1, CONFUSIONS_SHOWN);
  print(
    table(
      ["gold", "predicted", "count"],
      confusions.map((c) => [c.gold, c.predicted, c.count]),
      { right: [2] },
    ),
  );

  print("\nnon-ACLED types (subtask 2 counted in the target; subtask 3 for information)");
  const byLabel = new Map<string, Prediction[]>();
  for (const p of predictions.filter((p) => p.subtask >= 2)) {
    byLabel.set(p.gold, [...(byLabel.get(p.gold) ?? []), p]);
  }
  const nonAcledRows = [...byLabel.entries()]
    .sort((a, b) => a[1][0].subtask - b[1][0].subtask || a[0].localeCompare(b[0]))
    .map(([label, ps]) => {
      const v = ps.filter(violent).length;
      const anyEvent = ps.filter((p) => p.predicted !== "none").length;
      return [ps[0].subtask, label, ps.length, anyEvent, v, pct(v / ps.length)];
    });
  print(
    table(
      ["subtask", "label", "records", "any event", "violent type", "violent share"],
      nonAcledRows,
      {
        right: [0, 2, 3, 4, 5],
      },
    ),
  );

  print(section("confidence calibration (CASE subtask 1, top event's sub_event_type)"));
  const scored: Scored[] = st1.map((p) => ({
    gold: p.gold,
    predicted: p.predicted,
    confidence: p.confidence,
  }));
  const bands = calibration(scored);
  print(
    table(
      ["confidence", "events", "correct", "precision"],
      [
        ...bands.map((b) => [b.label, b.n, b.correct, b.n ? f3(b.precision) : "-"]),
        ["no event", none, "-", "-"],
      ],
      { right: [1, 2, 3] },
    ),
  );

  headlines.case2021_weighted_f1 = f1;
  headlines.case2021_event_type_accuracy = typeAcc;
  headlines.case2021_non_conflict_violent_share = st2Share;
  lastRun.case2021 = {
    seconds: roundFigure(seconds),
    subtask1: {
      records: st1.length,
      none,
      accuracy: acc,
      weighted_f1: f1,
      event_type_accuracy: typeAcc,
    },
    subtask2_violent_share: st2Share,
    per_label: labels,
    confusions,
    calibration: bands,
    errors: errors.map((e) => ({ id: e.id, error: e.error })),
    predictions: predictions.map((p) => [p.id, p.gold, p.predicted, p.confidence]),
  };
}

// ------------------------------------------------------------------ sections in files of their own

const sectionContext: SectionContext = { print, extract: extractOrError };

/** A section's figures join the headlines, its record eval/last-run.json. */
function record(key: string, outcome: SectionOutcome | null): void {
  if (!outcome) return;
  Object.assign(headlines, outcome.headlines);
  lastRun[key] = outcome.record;
}

// ------------------------------------------------------------------ baseline

function checkBaseline(): boolean {
  print(section("baseline (eval/baseline.json)"));
  let baseline = readBaseline(BASELINE_FILE);
  if (args.has("--update-baseline")) {
    const u = updateBaseline(headlines, baseline, args.has("--allow-lower"));
    for (const line of u.changed) print(`updated: ${line}`);
    for (const line of u.refused) print(line);
    if (u.changed.length) writeBaseline(BASELINE_FILE, u.baseline);
    else print("baseline unchanged");
    baseline = u.baseline;
  }
  const verdicts = compareToBaseline(headlines, baseline);
  print(
    table(
      ["figure", "kind", "limit", "this run", ""],
      verdicts.map((v) => [
        v.name,
        v.kind,
        v.limit ?? "-",
        v.value ?? "not measured",
        v.broken ? "BROKEN" : v.limit === null || v.value === null ? "" : "ok",
      ]),
      { right: [2, 3] },
    ),
  );
  const broken = verdicts.filter((v) => v.broken);
  for (const v of broken) print(brokenLine(v));
  lastRun.headlines = headlines;
  lastRun.baseline = verdicts;
  return broken.length === 0;
}

// ------------------------------------------------------------------ main

if (runs("seed")) evalSeed();
if (runs("cases")) await evalCases();
if (runs("case2021")) evalCase2021();
if (runs("ucdp")) record("ucdp", evalUcdp(sectionContext));
if (runs("muc4-places")) record("muc4_places", evalMuc4Places(sectionContext));
if (runs("muc4")) record("muc4", evalMuc4(sectionContext));
if (runs("glocon")) record("glocon", evalGlocon(sectionContext));
if (runs("wikievents")) record("wikievents", evalWikiEvents(sectionContext));
if (runs("extraction")) record("extraction", evalExtraction(sectionContext));
const ok = checkBaseline();
const seconds = (performance.now() - started) / 1000;
lastRun.seconds = roundFigure(seconds);
writeFileSync(LAST_RUN_FILE, `${JSON.stringify(lastRun, null, 1)}\n`);
print(`\neval took ${seconds.toFixed(1)} s; numbers in eval/last-run.json`);
process.exitCode = ok ? 0 : 1;
