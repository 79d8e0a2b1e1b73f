// Workers as they run in production: real `sitrep worker` processes on a real PostgreSQL. A
// worker killed with SIGKILL in the middle of its jobs loses nothing and duplicates nothing.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { isSitrepError } from "../core/errors.ts";
import type { Document } from "../core/types.ts";
import { createPipeline, loadResources } from "../pipeline/pipeline.ts";
import { openStore } from "../store/store.ts";
import { postgresDialect } from "../store/test-databases.ts";
import { openQueue } from "./job-queue.ts";
import { startWorker } from "./worker.ts";

const MAIN = fileURLToPath(new URL("../cli/main.ts", import.meta.url));
const pg = await postgresDialect("worker");
if (pg.skip) process.stderr.write(`# ${pg.skip}\n`);
const dir = mkdtempSync(join(tmpdir(), "sitrep-worker-"));
/** Every worker started, so none outlives a failed test. */
const children = new Set<ChildProcess>();
after(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
  await pg.cleanup();
});

/** Documents in the run: enough that the kill lands with more work queued behind it. */
const N = 24;
/**
 * The worker is killed once it has stored this many: the first of a batch of two (see BATCH_SIZE
 * in worker.ts), so the kill lands after that document committed but before its job was marked
 * done (the job runs again: no duplicate allowed), while the second is being extracted (its job
 * runs again: no loss allowed).
 */
const KILL_AFTER = 5;
/**
 * A job still running this long after it started goes to another worker: short here so the
 * test does not wait out the production heartbeat (30 s) for the killed worker's jobs.
 */
const JOB_TIMEOUT_SECONDS = 2;

const PLACES = ["Mosul", "Kirkuk", "Aleppo", "Homs", "Kandahar", "Mogadishu"];

/** The n-th report as the JSONL loader reads it. */
function reportDoc(n: number, origin: string): Document {
  const r = report(n);
  return {
    id: r.id,
    url: r.url,
    outlet: null,
    title: null,
    published: r.published,
    origin,
    raw: r.text,
    text: r.text,
    dropped: [],
  };
}

/** The n-th report: a strike and an abduction, with figures that tell the reports apart. */
function report(n: number) {
  const place = PLACES[n % PLACES.length];
  return {
    id: `report-${n}`,
    published: "2024-03-07",
    url: `https://news.example/report-${n}`,
    text: `A drone strike hit a convoy near the city of ${place} on Tuesday, killing ${n + 2} militants, the officials said. Separately, gunmen abducted ${n} aid workers in Zamfara on Monday, and the police said that they were searching for them.`,
  };
}

interface Proc {
  child: ChildProcess;
  stored: () => number;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function spawnWorker(target: string, onStored?: (count: number, child: ChildProcess) => void) {
  const child = spawn(process.execPath, [MAIN, "worker", "--db", target, "--recover-every", "1"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.add(child);
  let err = "";
  let stored = 0;
  let ready = () => {};
  const isReady = new Promise<void>((r) => {
    ready = r;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
    if (err.includes("worker ready")) ready();
    const count = (err.match(/: stored, /g) ?? []).length;
    if (count !== stored) {
      stored = count;
      onStored?.(count, child);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.on("close", (code, signal) => r({ code, signal })),
  );
  const proc: Proc = { child, stored: () => stored, stderr: () => err, exited };
  return { proc, isReady: Promise.race([isReady, exited.then(() => {})]) };
}

/** Runs a process to its end. */
function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    children.add(child);
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (c: string) => {
      stderr += c;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("sitrep worker", { skip: pg.skip, concurrency: true }, () => {
  test("a worker killed with SIGKILL mid-job loses nothing and duplicates nothing", async () => {
    const target = pg.fresh();
    const reports = Array.from({ length: N }, (_, i) => report(i + 1));
    const file = join(dir, "reports.jsonl");
    writeFileSync(file, `${reports.map((r) => JSON.stringify(r)).join("\n")}\n`);

    // What each report should give, extracted here the way a worker extracts it.
    const pipeline = createPipeline(loadResources());
    const expected = new Map(
      reports.map((r, i) => [r.id, pipeline.extract(reportDoc(i + 1, file)).events.length]),
    );
    assert.ok(
      [...expected.values()].every((n) => n > 0),
      "every report should yield events",
    );

    // The first worker starts on an empty database: it creates the store and the queue, while
    // `sitrep ingest --queue` (another process) queues the reports.
    const first = spawnWorker(target, (count, child) => {
      if (count === KILL_AFTER) child.kill("SIGKILL");
    });
    const args = ["ingest", "--queue", "--db", target, "--job-timeout", `${JOB_TIMEOUT_SECONDS}`];
    const queued = await run([MAIN, ...args, file]);
    assert.equal(queued.code, 0, queued.stderr);
    assert.match(queued.stderr, new RegExp(`queued ${N} document\\(s\\)`));

    const killed = await first.proc.exited;
    assert.equal(killed.signal, "SIGKILL", `worker was not killed:\n${first.proc.stderr()}`);

    const queue = await openQueue(target);
    try {
      // Killed mid-job: it had claimed jobs it never marked done.
      const { rows } = await queue.boss
        .getDb()
        .executeSql(`SELECT COUNT(*)::int AS n FROM ${queue.schema}.job WHERE state = 'active'`);
      assert.ok(rows[0].n > 0, "the worker was killed between jobs, not in one");

      const second = spawnWorker(target);
      try {
        await second.isReady;
        await waitFor(
          "the queue to drain",
          async () => {
            const p = await queue.pending();
            return p.document === 0 && p.fetch === 0;
          },
          30_000,
        );
        assert.deepEqual(await queue.failures(), []);
      } finally {
        second.proc.child.kill("SIGTERM");
        const end = await second.proc.exited;
        assert.equal(end.code, 0, second.proc.stderr());
      }
      assert.ok(second.proc.stored() > 0);
    } finally {
      await queue.close();
    }

    // Every document once, each with all its events.
    const store = await openStore(target);
    try {
      const docs = await store.db.all<{ external_id: string; n: number }>(
        "SELECT external_id, COUNT(*) AS n FROM documents GROUP BY external_id ORDER BY external_id",
      );
      assert.deepEqual(
        docs.map((d) => d.external_id),
        [...expected.keys()].sort(),
      );
      assert.ok(docs.every((d) => d.n === 1));
      const events = await store.db.all<{ external_id: string; n: number }>(
        `SELECT d.external_id, COUNT(e.id) AS n FROM documents d
           LEFT JOIN events e ON e.document_id = d.id GROUP BY d.external_id`,
      );
      for (const e of events) {
        assert.equal(e.n, expected.get(e.external_id), `events of ${e.external_id}`);
      }
      const total = [...expected.values()].reduce((a, b) => a + b, 0);
      assert.equal((await store.counts()).events, total);
    } finally {
      await store.close();
    }
  });

  test("--concurrency 2: fetch and document jobs, each document stored once, bad input not retried", async () => {
    // Pages served on loopback: an article, and a page that is not there.
    const server = createServer((req, res) => {
      if (req.url === "/story") {
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
        res.end(report(99).text);
      } else {
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not found");
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const target = pg.fresh();
    const docs = [1, 2, 3, 4, 5, 6].map((n) => reportDoc(n, "test"));
    const pipeline = createPipeline(loadResources());
    const events = docs.reduce((sum, d) => sum + pipeline.extract(d).events.length, 0);
    const lines: string[] = [];
    const worker = await startWorker({ target, concurrency: 2, log: (l) => lines.push(l) });
    try {
      // Each document twice: the second of each adds nothing.
      const jobs = [...docs, ...docs].map((doc) => ({ doc, preset: "precise" as const }));
      assert.equal(await worker.queue.enqueueDocuments(jobs), 12);
      const url = (path: string) => ({
        url: `http://127.0.0.1:${port}${path}`,
        published: "2024-03-07",
        preset: "precise" as const,
      });
      assert.equal(await worker.queue.enqueueUrls([url("/story"), url("/missing")]), 2);
      await waitFor(
        "the queue to drain",
        async () => {
          const p = await worker.queue.pending();
          return p.document === 0 && p.fetch === 0;
        },
        20_000,
      );
      const counts = await worker.store.counts();
      const story = await worker.store.db.get<{ events: number }>(
        "SELECT COUNT(*) AS events FROM events e JOIN documents d ON d.id = e.document_id WHERE d.url = $1",
        [url("/story").url],
      );
      assert.ok(story && story.events > 0, lines.join("\n"));
      assert.deepEqual([counts.documents, counts.events], [7, events + story.events]);
      assert.equal(lines.filter((l) => /: stored, /.test(l)).length, 7, lines.join("\n"));
      assert.equal(lines.filter((l) => /: already stored$/.test(l)).length, 6, lines.join("\n"));
      // The 404 failed once, for good, and says why.
      const failures = await worker.queue.failures();
      assert.equal(failures.length, 1);
      assert.match(JSON.stringify(failures[0].error), /HTTP 404/);
      assert.equal(lines.filter((l) => /missing: .*HTTP 404.*\(not retried\)/.test(l)).length, 1);
    } finally {
      await worker.stop();
      server.close();
    }
  });
});

test("a worker refuses a SQLite file, and does not create it", async () => {
  const path = join(dir, "local.db");
  await assert.rejects(
    startWorker({ target: path }),
    (e: unknown) => isSitrepError(e) && /the job queue lives in PostgreSQL/.test(e.message),
  );
  assert.equal(existsSync(path), false);
});
