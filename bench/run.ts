// `npm run bench`: speed of extraction over ../shared/data/news-dev (full articles) and the
// CASE 2021 snippets (short texts), the resource load time, peak memory, per-stage time, and
// the cold start of the CLI. Timing lives here, never in tests (DESIGN.md, Testing).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import Table from "cli-table3";
import { AEB_DIR } from "../eval/extraction-bench.ts";
import { ms } from "../eval/report.ts";
import {
  CASE2021_FILE,
  type Loaded,
  loadArticle,
  loadSnippet,
  NEWS_DEV_DIR,
  REPO_ROOT,
  readCase2021,
  readJson,
  readNewsDev,
  skipIfMissing,
} from "../eval/shared-data.ts";
import type { Document } from "../src/core/types.ts";
import { loadText } from "../src/load/text-loader.ts";
import { createPipeline, loadResources, type Resources, STAGES } from "../src/pipeline/pipeline.ts";
import { printHtmlBench } from "./html-bench.ts";
import { printPlacesBench } from "./places-bench.ts";
import { printStorageBench } from "./store-bench.ts";

/**
 * Documents extracted before timing starts when no other texts are at hand, so the JIT has
 * compiled the hot paths. With them, the warm-up is every CASE snippet and every article body of
 * the scrapinghub extraction benchmark: a running worker has read other documents before this
 * one, ten are too few for V8 to optimize the regex-heavy stages, and snippets of a sentence or
 * two leave the paths only whole articles take cold. Other documents, not the timed ones, so
 * that the gazetteer's lookup cache is not warmed for them.
 */
const WARMUP_DOCS = 10;
/** The warm-up articles' date: the benchmark's pages are from November 2019. */
const WARMUP_PUBLISHED = "2019-11-20";
/** Cold starts of the CLI; the median is reported. */
const COLD_RUNS = 3;
const COLD_FIXTURE = join(REPO_ROOT, "bench", "fixtures", "short-report.txt");
const COLD_PUBLISHED = "2024-02-08";

interface Corpus {
  name: string;
  docs: Document[];
  /** UTF-8 bytes of the inputs as read (before cleaning). */
  bytes: number;
  notLoaded: number;
}

function print(s = ""): void {
  process.stdout.write(`${s}\n`);
}

function corpusOf(name: string, items: { loaded: Loaded; bytes: number }[]): Corpus {
  const docs: Document[] = [];
  let bytes = 0;
  for (const { loaded, bytes: b } of items) {
    if ("doc" in loaded) {
      docs.push(loaded.doc);
      bytes += b;
    }
  }
  return { name, docs, bytes, notLoaded: items.length - docs.length };
}

function readCorpora(): Corpus[] {
  const corpora: Corpus[] = [];
  const newsSkip = skipIfMissing(`${NEWS_DEV_DIR}/MANIFEST.tsv`);
  if (newsSkip) print(newsSkip);
  else {
    const items = readNewsDev()
      .filter((a) => a.path.endsWith(".txt"))
      .map((a) => ({ loaded: loadArticle(a), bytes: Buffer.byteLength(a.raw) }));
    corpora.push(corpusOf("news-dev", items));
  }
  const caseSkip = skipIfMissing(CASE2021_FILE);
  if (caseSkip) print(caseSkip);
  else {
    const items = readCase2021().map((r) => ({
      loaded: loadSnippet(r.id, r.notes),
      bytes: Buffer.byteLength(r.notes),
    }));
    corpora.push(corpusOf("CASE snippets", items));
  }
  return corpora;
}

/** The scrapinghub benchmark's article bodies as plain-text documents; none when absent. */
function warmupArticles(): Document[] {
  const truth = `${AEB_DIR}/ground-truth.json`;
  if (skipIfMissing(truth)) return [];
  // the bodies alone, not the pages' HTML: the peak RSS figure is the extraction's
  const bodies = readJson<Record<string, { articleBody?: string }>>(truth);
  return Object.entries(bodies).flatMap(([id, t]) => {
    const item = loadText(
      t.articleBody ?? "",
      { id, origin: id, override: WARMUP_PUBLISHED },
      { detectTitle: false },
    );
    return "doc" in item ? [item.doc] : [];
  });
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

interface Timing {
  totalMs: number;
  p50: number;
  p95: number;
  max: number;
}

function timeExtraction(extract: (d: Document) => unknown, docs: Document[]): Timing {
  const lat: number[] = [];
  for (const doc of docs) {
    const t = performance.now();
    extract(doc);
    lat.push(performance.now() - t);
  }
  const sorted = [...lat].sort((a, b) => a - b);
  return {
    totalMs: lat.reduce((a, b) => a + b, 0),
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

/** Time in each stage, from the pipeline's own onStage hook, over a second pass of the documents. */
function timeStages(resources: Resources, docs: Document[]): Map<string, number> | string {
  const totals = new Map<string, number>(STAGES.map((s) => [s.name, 0]));
  const pipeline = createPipeline(resources, {
    preset: "precise",
    onStage: (name, ms) => totals.set(name, (totals.get(name) ?? 0) + ms),
  });
  try {
    for (const doc of docs) pipeline.extract(doc);
  } catch (e) {
    return (e as Error).message.split("\n")[0];
  }
  return totals;
}

/** `node bin/sitrep.js extract --published ... <fixture>`, spawned: the median wall time, or why not. */
function coldStart(): string {
  const bin = join(REPO_ROOT, "bin", "sitrep.js");
  if (!existsSync(bin)) return "skipped (CLI not available: bin/sitrep.js missing)";
  const times: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(
      process.execPath,
      [bin, "extract", "--published", COLD_PUBLISHED, COLD_FIXTURE],
      { cwd: REPO_ROOT, encoding: "utf8", timeout: 60_000 },
    );
    const elapsed = performance.now() - t;
    if (r.error) return `skipped (CLI not available: ${r.error.message})`;
    if (r.status !== 0) {
      const why = (r.stderr || r.stdout || `exit ${r.status}`).trim().split("\n")[0];
      return `skipped (CLI not available: ${why.slice(0, 80)})`;
    }
    times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return `${ms(times[Math.floor(times.length / 2)])} (median of ${COLD_RUNS}; ${times.map((t) => Math.round(t)).join(", ")} ms)`;
}

// ------------------------------------------------------------------ main

print("sitrep bench (preset precise)");
const t0 = performance.now();
const resources = loadResources();
const loadMs = performance.now() - t0;
const pipeline = createPipeline(resources, { preset: "precise" });
const corpora = readCorpora();

const snippets = corpora.find((c) => c.name === "CASE snippets");
const articles = warmupArticles();
const warm =
  snippets || articles.length
    ? [...(snippets?.docs ?? []), ...articles]
    : corpora.flatMap((c) => c.docs).slice(0, WARMUP_DOCS);
for (const doc of warm) pipeline.extract(doc);

const timings = corpora.map((c) => timeExtraction((d) => pipeline.extract(d), c.docs));
const stages = corpora.map((c) => timeStages(resources, c.docs));
const maxRssMb = process.resourceUsage().maxRSS / 1024;
const cold = coldStart();

const width = corpora.length || 1;
const t = new Table({
  head: ["", ...(corpora.length ? corpora.map((c) => c.name) : ["value"])],
  style: { head: [], border: [], compact: true },
  colAligns: ["left", ...corpora.map(() => "right" as const)],
});
const row = (label: string, values: string[]) => t.push([label, ...values]);
const whole = (label: string, value: string) =>
  t.push([label, { content: value, colSpan: width, hAlign: "right" }]);

if (corpora.length) {
  row(
    "documents",
    corpora.map((c) => `${c.docs.length}${c.notLoaded ? ` (+${c.notLoaded} not loaded)` : ""}`),
  );
  row(
    "input",
    corpora.map((c) => `${(c.bytes / 1e6).toFixed(2)} MB`),
  );
  row(
    "docs/s",
    timings.map((tm, i) => (corpora[i].docs.length / (tm.totalMs / 1000)).toFixed(1)),
  );
  row(
    "MB/s",
    timings.map((tm, i) => (corpora[i].bytes / 1e6 / (tm.totalMs / 1000)).toFixed(3)),
  );
  row(
    "latency mean",
    timings.map((tm, i) => ms(tm.totalMs / corpora[i].docs.length)),
  );
  row(
    "latency p50",
    timings.map((tm) => ms(tm.p50)),
  );
  row(
    "latency p95",
    timings.map((tm) => ms(tm.p95)),
  );
  row(
    "latency max",
    timings.map((tm) => ms(tm.max)),
  );
  for (const stage of STAGES) {
    row(
      `stage ${stage.name} (per doc)`,
      stages.map((st, i) => {
        if (typeof st === "string") return "-";
        const total = [...st.values()].reduce((a, b) => a + b, 0);
        const v = st.get(stage.name) ?? 0;
        return `${(v / corpora[i].docs.length).toFixed(2)} ms (${((100 * v) / total).toFixed(0)} %)`;
      }),
    );
  }
  row(
    "stages total (per doc, own pass)",
    stages.map((st, i) =>
      typeof st === "string"
        ? "-"
        : `${([...st.values()].reduce((a, b) => a + b, 0) / corpora[i].docs.length).toFixed(2)} ms`,
    ),
  );
}
whole("resource load (loadResources)", ms(loadMs));
whole("peak RSS", `${maxRssMb.toFixed(0)} MB`);
whole("cold start (CLI, 1 small file)", cold);
print(t.toString());
for (const [i, st] of stages.entries()) {
  if (typeof st === "string") print(`per-stage (${corpora[i].name}): skipped (${st})`);
}
if (corpora.length) {
  print(
    "per-stage times come from a second pass over the same documents (a warmer JIT), so their total runs below the extract mean",
  );
}

// Reading web pages: sitrep's HTML reader beside Readability.js alone on the same pages.
printHtmlBench(print);

// Geoparsing: the GeoNames index's load time, lookups and memory; the annotator per article.
printPlacesBench(
  corpora.find((c) => c.name === "news-dev")?.docs ?? [],
  resources.gazetteer,
  print,
);

// Storage and workers: ingest rate into each database, and documents/s through the job queue.
const news = corpora.find((c) => c.name === "news-dev");
if (news) await printStorageBench(news.docs, (d) => pipeline.extract(d), print);
else print("storage and workers: skipped (../shared/data/news-dev is absent)");
print(
  `warm-up: ${warm.length} documents (${snippets ? `${snippets.docs.length} CASE snippets` : "no CASE snippets"}, ${articles.length} article bodies of scrapinghub-aeb), read once before any timed pass; bench took ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
