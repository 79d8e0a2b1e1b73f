// Geoparsing rows of `npm run bench`: the GeoNames index's cold load time, lookup time and
// memory (measured in a fresh process, bench/gazetteer-load.ts), and the place annotator's
// time per article. Issue 4's limits: load <= 500 ms, lookups in microseconds, memory <= 150 MB.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import Table from "cli-table3";
import { ms } from "../eval/report.ts";
import { REPO_ROOT } from "../eval/shared-data.ts";
import type { Gazetteer } from "../src/annotate/places/gazetteer.ts";
import { annotatePlaces } from "../src/annotate/places/place-annotator.ts";
import { splitSentences } from "../src/annotate/sentence-splitter.ts";
import { fold } from "../src/core/text.ts";
import type { Document } from "../src/core/types.ts";

/** The limits issue 4 sets. */
const LOAD_LIMIT_MS = 500;
const MEMORY_LIMIT_MB = 150;

/** Keys the annotator would look up in a text: every word and pair of words, folded. */
function keysOf(docs: Document[]): string[] {
  const keys = new Set<string>();
  for (const d of docs) {
    const words = fold(d.text).split(" ").filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      keys.add(words[i]);
      if (i + 1 < words.length) keys.add(`${words[i]} ${words[i + 1]}`);
    }
  }
  return [...keys];
}

interface LoadFigures {
  importMs: number;
  openMs: number;
  firstLookupMs: number;
  rssOpenMb: number;
  rssAfterMb: number;
  keys: number;
  hits: number;
  coldLookupUs: number;
  warmLookupUs: number;
}

function coldLoad(keys: string[]): LoadFigures | string {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, "bench", "gazetteer-load.ts")], {
    cwd: REPO_ROOT,
    input: JSON.stringify(keys),
    encoding: "utf8",
    timeout: 120_000,
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) return (r.stderr || r.error?.message || `exit ${r.status}`).split("\n")[0];
  return JSON.parse(r.stdout) as LoadFigures;
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** Prints the geoparsing rows; `docs` are full articles (news-dev). */
export function printPlacesBench(
  docs: Document[],
  gazetteer: Gazetteer,
  print: (s?: string) => void,
): void {
  print("\ngeoparsing (GeoNames index and place annotator)");
  const t = new Table({
    head: ["", "value", "note"],
    style: { head: [], border: [], compact: true },
    colAligns: ["left", "right", "left"],
  });
  const load = coldLoad(keysOf(docs));
  if (typeof load === "string") {
    t.push(["index cold load", "-", `skipped: ${load}`]);
  } else {
    const loadMs = load.openMs + load.firstLookupMs;
    t.push([
      "index cold load (open + first lookup)",
      ms(loadMs),
      `limit ${LOAD_LIMIT_MS} ms${loadMs > LOAD_LIMIT_MS ? " (OVER)" : ""}; importing the modules ${ms(load.importMs)} more`,
    ]);
    t.push([
      "index memory after open",
      `${load.rssOpenMb.toFixed(1)} MB`,
      `RSS growth of a fresh process; limit ${MEMORY_LIMIT_MB} MB`,
    ]);
    t.push([
      "index memory after the lookups",
      `${load.rssAfterMb.toFixed(1)} MB`,
      `limit ${MEMORY_LIMIT_MB} MB${load.rssAfterMb > MEMORY_LIMIT_MB ? " (OVER)" : ""}; page cache and lookup cache full`,
    ]);
    t.push([
      "lookup, first time per key",
      `${load.coldLookupUs.toFixed(1)} µs`,
      `${load.keys} keys (every word and word pair of news-dev), ${load.hits} found`,
    ]);
    t.push(["lookup, cached", `${load.warmLookupUs.toFixed(2)} µs`, "the same keys again"]);
  }
  if (docs.length) {
    // warm the JIT on a few articles first, as the extraction rows do
    for (const d of docs.slice(0, 10)) annotatePlaces(d.text, splitSentences(d.text), gazetteer);
    const times: number[] = [];
    let mentions = 0;
    for (const d of docs) {
      const sentences = splitSentences(d.text);
      const t0 = performance.now();
      mentions += annotatePlaces(d.text, sentences, gazetteer).length;
      times.push(performance.now() - t0);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    t.push([
      "geoparsing per article (annotatePlaces)",
      ms(mean),
      `mean of ${docs.length} news-dev articles; p50 ${ms(quantile(sorted, 0.5))}, p95 ${ms(quantile(sorted, 0.95))}, max ${ms(sorted[sorted.length - 1])}; ${mentions} place mentions`,
    ]);
  } else {
    t.push(["geoparsing per article", "-", "skipped: ../shared/data/news-dev is absent"]);
  }
  print(t.toString());
}
