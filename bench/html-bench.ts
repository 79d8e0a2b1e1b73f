// `npm run bench`, HTML reading: pages/s of sitrep's page reader (metadata, pruning,
// Readability, the prose check, boilerplate filters) beside Readability.js run alone on the
// same pages in the same run, over ../shared/data/extraction-bench (both benchmarks' pages,
// already decoded, so only the reading is timed).
import Table from "cli-table3";
import {
  AEB_DIR,
  readAeb,
  readabilityAlone,
  readTrafilatura,
  sitrepReads,
  TRAFILATURA_DIR,
} from "../eval/extraction-bench.ts";
import { ms } from "../eval/report.ts";
import { skipIfMissing } from "../eval/shared-data.ts";

/** Pages read before timing, so the JIT has compiled the hot paths of both readers. */
const WARMUP_PAGES = 10;

interface Timed {
  pages: number;
  totalMs: number;
  p50: number;
  p95: number;
}

function time(
  pages: { html: string; url: string }[],
  read: (html: string, url: string) => unknown,
): Timed {
  for (const p of pages.slice(0, WARMUP_PAGES)) read(p.html, p.url);
  const lat: number[] = [];
  for (const p of pages) {
    const t = performance.now();
    read(p.html, p.url);
    lat.push(performance.now() - t);
  }
  const sorted = [...lat].sort((a, b) => a - b);
  const q = (x: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(x * sorted.length) - 1)] ?? 0;
  return {
    pages: pages.length,
    totalMs: lat.reduce((a, b) => a + b, 0),
    p50: q(0.5),
    p95: q(0.95),
  };
}

export function printHtmlBench(print: (s?: string) => void): void {
  print("\nHTML pages: sitrep's reader beside Readability.js alone, same pages, same run");
  const skip = skipIfMissing(`${AEB_DIR}/ground-truth.json`) ?? skipIfMissing(TRAFILATURA_DIR);
  if (skip) {
    print(skip);
    return;
  }
  const pages = [
    ...readAeb().map((p) => ({ html: p.html, url: p.url })),
    ...readTrafilatura().map((r) => ({ html: r.html, url: r.url })),
  ];
  const mb = pages.reduce((n, p) => n + Buffer.byteLength(p.html), 0) / 1e6;
  // Alternate the order between two rounds so neither reader always runs on a warmer machine.
  const alone1 = time(pages, (html) => readabilityAlone(html));
  const ours1 = time(pages, (html, url) => sitrepReads(html, url));
  const ours2 = time(pages, (html, url) => sitrepReads(html, url));
  const alone2 = time(pages, (html) => readabilityAlone(html));
  const best = (a: Timed, b: Timed) => (a.totalMs <= b.totalMs ? a : b);
  const ours = best(ours1, ours2);
  const alone = best(alone1, alone2);
  const t = new Table({
    head: ["", "sitrep reader", "Readability.js alone"],
    style: { head: [], border: [], compact: true },
    colAligns: ["left", "right", "right"],
  });
  const row = (label: string, f: (x: Timed) => string) => t.push([label, f(ours), f(alone)]);
  row("pages", (x) => String(x.pages));
  row("pages/s", (x) => (x.pages / (x.totalMs / 1000)).toFixed(1));
  row("MB/s of HTML", (x) => (mb / (x.totalMs / 1000)).toFixed(2));
  row("latency mean", (x) => ms(x.totalMs / x.pages));
  row("latency p50", (x) => ms(x.p50));
  row("latency p95", (x) => ms(x.p95));
  print(t.toString());
  print(
    `${pages.length} pages (${mb.toFixed(1)} MB of HTML: scrapinghub-aeb and trafilatura-eval-en), the faster of two rounds each; sitrep's reader also reads the metadata, prunes page furniture, checks Readability's choice against the page's prose and filters boilerplate`,
  );
}
