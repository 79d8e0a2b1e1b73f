// Storage and worker rows of `npm run bench`: how fast extraction results go into each database
// (a SQLite file, PostgreSQL), and how many documents/s `sitrep worker` processes get through
// the PostgreSQL job queue, one worker against two on the same corpus in the same run.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import Table from "cli-table3";
import { ms } from "../eval/report.ts";
import { REPO_ROOT } from "../eval/shared-data.ts";
import type { Document, ExtractionResult } from "../src/core/types.ts";
import { openQueue } from "../src/queue/job-queue.ts";
import { openStore } from "../src/store/store.ts";
import {
  dropSchemas,
  postgresUnavailable,
  TEST_POSTGRES_URL,
  withSchema,
} from "../src/store/test-databases.ts";

const MAIN = join(REPO_ROOT, "src", "cli", "main.ts");

/** The PostgreSQL the bench uses: $SITREP_BENCH_POSTGRES_URL, else the tests' server. */
export const BENCH_POSTGRES_URL = process.env.SITREP_BENCH_POSTGRES_URL ?? TEST_POSTGRES_URL;

/**
 * Times the corpus is queued for the worker runs (each copy under other ids, so each is stored):
 * news-dev's 155 articles take one worker under 2 s, too short to see past start-up jitter.
 */
export const WORKER_ROUNDS = 6;

/** How long a worker run may take before the bench gives up on it. */
const WORKER_RUN_TIMEOUT_MS = 300_000;

export interface IngestRate {
  database: string;
  documents: number;
  events: number;
  ms: number;
}

/** Whether PostgreSQL rows can run; the reason they are skipped otherwise. */
export async function postgresSkip(): Promise<string | null> {
  const why = await postgresUnavailable(BENCH_POSTGRES_URL);
  return why ? why.replace("these tests", "the bench") : null;
}

const prefix = `sitrep_bench_${randomBytes(4).toString("hex")}`;

/** Stores every result, one document per transaction as `sitrep ingest` does. */
async function timeIngest(
  target: string,
  label: string,
  pairs: { doc: Document; result: ExtractionResult }[],
): Promise<IngestRate> {
  const store = await openStore(target);
  try {
    const t = performance.now();
    for (const { doc, result } of pairs) await store.ingest(doc, result);
    const ms = performance.now() - t;
    const counts = await store.counts();
    return { database: label, documents: counts.documents, events: counts.events, ms };
  } finally {
    await store.close();
  }
}

export async function benchIngest(
  pairs: { doc: Document; result: ExtractionResult }[],
  pgSkip: string | null,
): Promise<(IngestRate | { database: string; skipped: string })[]> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-"));
  const out: (IngestRate | { database: string; skipped: string })[] = [];
  try {
    out.push(await timeIngest(join(dir, "bench.db"), "SQLite file", pairs));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (pgSkip) out.push({ database: "PostgreSQL", skipped: pgSkip });
  else {
    try {
      out.push(
        await timeIngest(withSchema(BENCH_POSTGRES_URL, `${prefix}_ingest`), "PostgreSQL", pairs),
      );
    } finally {
      await dropSchemas(BENCH_POSTGRES_URL, `${prefix}_ingest`);
    }
  }
  return out;
}

export interface WorkerRun {
  workers: number;
  documents: number;
  events: number;
  ms: number;
  /** Share of the machine's CPU time that was busy during the run (any process), or null. */
  busy: number | null;
}

/** Busy and total CPU time of the whole machine so far (Linux /proc/stat), or null elsewhere. */
function machineCpu(): { busy: number; total: number } | null {
  try {
    const f = readFileSync("/proc/stat", "utf8").split("\n")[0].split(/\s+/).slice(1).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: total - f[3] - f[4], total };
  } catch {
    return null;
  }
}

interface Spawned {
  ready: Promise<void>;
  stop: () => Promise<void>;
}

function spawnWorker(target: string): Spawned {
  const child = spawn(process.execPath, [MAIN, "worker", "--db", target], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  const exited = new Promise<void>((r) => child.on("close", () => r()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      // Keep only the start-up lines: one line per job follows, read and dropped.
      if (err.length < 4000) err += chunk;
      if (err.includes("worker ready")) resolve();
    });
    exited.then(() => reject(new Error(`worker exited before it was ready: ${err.trim()}`)));
  });
  return {
    ready,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** `workers` processes drain the queued corpus; the clock runs from queueing to an empty queue. */
async function timeWorkers(docs: Document[], workers: number): Promise<WorkerRun> {
  const schema = `${prefix}_w${workers}`;
  const target = withSchema(BENCH_POSTGRES_URL, schema);
  // Schema, tables and queues made first, so the workers do not race to create them.
  await (await openStore(target)).close();
  const queue = await openQueue(target);
  const spawned = Array.from({ length: workers }, () => spawnWorker(target));
  try {
    await Promise.all(spawned.map((s) => s.ready));
    const cpu0 = machineCpu();
    const t = performance.now();
    await queue.enqueueDocuments(docs.map((doc) => ({ doc, preset: "precise" })));
    const until = Date.now() + WORKER_RUN_TIMEOUT_MS;
    for (;;) {
      const p = await queue.pending();
      if (p.document === 0 && p.fetch === 0) break;
      if (Date.now() > until) throw new Error(`queue not drained in ${WORKER_RUN_TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const ms = performance.now() - t;
    const cpu1 = machineCpu();
    const busy = cpu0 && cpu1 ? (cpu1.busy - cpu0.busy) / (cpu1.total - cpu0.total) : null;
    const store = await openStore(target);
    try {
      const c = await store.counts();
      return { workers, documents: c.documents, events: c.events, ms, busy };
    } finally {
      await store.close();
    }
  } finally {
    await Promise.all(spawned.map((s) => s.stop()));
    await queue.close();
    await dropSchemas(BENCH_POSTGRES_URL, schema);
  }
}

/** The corpus `rounds` times over, each copy under its own ids so that each is stored. */
export function repeated(docs: Document[], rounds: number): Document[] {
  return Array.from({ length: rounds }, (_, r) =>
    docs.map((d) => ({ ...d, id: `${d.id}#${r + 1}`, url: d.url ? `${d.url}#${r + 1}` : null })),
  ).flat();
}

export async function benchWorkers(docs: Document[], counts = [1, 2]): Promise<WorkerRun[]> {
  const corpus = repeated(docs, WORKER_ROUNDS);
  const runs: WorkerRun[] = [];
  for (const n of counts) runs.push(await timeWorkers(corpus, n));
  return runs;
}

/** Prints the storage and worker table; `pipeline` extracts the results the ingest rows store. */
export async function printStorageBench(
  docs: Document[],
  extract: (d: Document) => ExtractionResult,
  print: (s?: string) => void,
): Promise<void> {
  const pgSkip = await postgresSkip();
  const pairs: { doc: Document; result: ExtractionResult }[] = [];
  let failed = 0;
  for (const doc of docs) {
    try {
      pairs.push({ doc, result: extract(doc) });
    } catch {
      failed++;
    }
  }
  if (failed) print(`storage and workers: ${failed} document(s) left out, their extraction failed`);
  const ingest = await benchIngest(pairs, pgSkip);
  const runs = pgSkip ? [] : await benchWorkers(docs);

  const t = new Table({
    head: ["storage and workers (news-dev)", "documents", "time", "docs/s", "events/s", "CPU busy"],
    style: { head: [], border: [], compact: true },
    colAligns: ["left", "right", "right", "right", "right", "right"],
  });
  const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(1);
  for (const r of ingest) {
    if ("skipped" in r) t.push([`ingest → ${r.database}`, { content: "skipped", colSpan: 5 }]);
    else
      t.push([
        `ingest → ${r.database} (1 transaction/doc)`,
        String(r.documents),
        ms(r.ms),
        rate(r.documents, r.ms),
        rate(r.events, r.ms),
        "",
      ]);
  }
  const one = runs.find((r) => r.workers === 1);
  for (const r of runs) {
    const speedup = one && r !== one ? ` (${(one.ms / r.ms).toFixed(2)}× one)` : "";
    t.push([
      `${r.workers} worker${r.workers > 1 ? "s" : ""} (queue → extract → PostgreSQL)`,
      String(r.documents),
      ms(r.ms),
      `${rate(r.documents, r.ms)}${speedup}`,
      rate(r.events, r.ms),
      r.busy === null ? "-" : `${(100 * r.busy).toFixed(0)} %`,
    ]);
  }
  print(t.toString());
  if (pgSkip) print(`PostgreSQL rows: skipped (${pgSkip})`);
  else {
    print(
      `workers: \`sitrep worker\` processes (concurrency 1) on ${WORKER_ROUNDS}× the corpus under distinct ids, timed from queueing to an empty queue; ${cpus().length} CPU(s), PostgreSQL on the same machine; CPU busy counts every process on the machine, so a run near 100 % had no core to spare and says nothing about scaling`,
    );
  }
}
