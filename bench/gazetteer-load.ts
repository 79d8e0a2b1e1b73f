// Spawned by bench/places-bench.ts in a fresh process: the GeoNames index's cold load time and
// the memory it holds, as JSON on stdout. Keys to look up come as JSON on stdin.
//
//   node bench/gazetteer-load.ts < keys.json
import { readFileSync } from "node:fs";

const keys = JSON.parse(readFileSync(0, "utf8")) as string[];
const mb = (b: number) => b / 1024 / 1024;
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const { openGazetteer } = await import("../src/annotate/places/gazetteer.ts");
const imported = performance.now();
const gaz = openGazetteer();
const opened = performance.now();
gaz.lookup("baghdad");
const firstLookup = performance.now();
const rssOpen = process.memoryUsage().rss;
const t1 = performance.now();
let hits = 0;
for (const k of keys) if (gaz.lookup(k).length) hits++;
const coldLookups = performance.now() - t1;
const t2 = performance.now();
for (const k of keys) gaz.lookup(k);
const warmLookups = performance.now() - t2;
const rssAfter = process.memoryUsage().rss;
gaz.close();
process.stdout.write(
  `${JSON.stringify({
    importMs: imported - t0,
    openMs: opened - imported,
    firstLookupMs: firstLookup - opened,
    rssOpenMb: mb(rssOpen - rss0),
    rssAfterMb: mb(rssAfter - rss0),
    keys: keys.length,
    hits,
    coldLookupUs: keys.length ? (coldLookups * 1000) / keys.length : 0,
    warmLookupUs: keys.length ? (warmLookups * 1000) / keys.length : 0,
  })}\n`,
);
