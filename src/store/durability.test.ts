// A killed process loses nothing it committed and leaves no half document behind.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { openStore } from "./store.ts";
import { testDialects } from "./test-databases.ts";
import { CLAIMS_PER_NUMBERED_EVENT, EVENTS_PER_NUMBERED, numbered } from "./test-fixtures.ts";

const CHILD = fileURLToPath(new URL("./durability-child.ts", import.meta.url));
const dialects = await testDialects("durability");
after(() => Promise.all(dialects.map((d) => d.cleanup())));

interface ChildRun {
  signal: NodeJS.Signals | null;
  code: number | null;
  committed: string[];
  stderr: string;
}

/** Runs the child; `killAfter` makes the parent SIGKILL it once that many commits are reported. */
function runChild(dbPath: string, args: string[], killAfter?: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dbPath, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const committed: string[] = [];
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      let nl = stdout.indexOf("\n");
      while (nl !== -1) {
        const line = stdout.slice(0, nl);
        stdout = stdout.slice(nl + 1);
        if (line.startsWith("committed ")) committed.push(line.slice("committed ".length));
        if (killAfter !== undefined && committed.length === killAfter) child.kill("SIGKILL");
        nl = stdout.indexOf("\n");
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, committed, stderr }));
  });
}

/** Every stored document has all its rows, and no row belongs to a document that is absent. */
async function assertWholeDocuments(dbPath: string): Promise<string[]> {
  const store = await openStore(dbPath);
  try {
    const docs = await store.db.all<{ id: string; external_id: string }>(
      "SELECT id, external_id FROM documents ORDER BY external_id",
    );
    for (const d of docs) {
      const row = await store.db.get<{
        events: number;
        claims: number;
        evidence: number;
        tallies: number;
      }>(
        `SELECT (SELECT COUNT(*) FROM events WHERE document_id = $1) AS events,
                (SELECT COUNT(*) FROM claims c JOIN events e ON e.id = c.event_id WHERE e.document_id = $1) AS claims,
                (SELECT COUNT(*) FROM evidence v JOIN events e ON e.id = v.event_id WHERE e.document_id = $1) AS evidence,
                (SELECT COUNT(*) FROM tallies WHERE document_id = $1) AS tallies`,
        [d.id],
      );
      assert.deepEqual(
        { ...row },
        {
          events: EVENTS_PER_NUMBERED,
          claims: EVENTS_PER_NUMBERED * CLAIMS_PER_NUMBERED_EVENT,
          evidence: EVENTS_PER_NUMBERED,
          tallies: 1,
        },
        `document ${d.external_id} is incomplete`,
      );
    }
    const counts = await store.counts();
    assert.deepEqual(counts, {
      documents: docs.length,
      events: docs.length * EVENTS_PER_NUMBERED,
      claims: docs.length * EVENTS_PER_NUMBERED * CLAIMS_PER_NUMBERED_EVENT,
      evidence: docs.length * EVENTS_PER_NUMBERED,
      tallies: docs.length,
    });
    return docs.map((d) => d.external_id);
  } finally {
    await store.close();
  }
}

for (const dialect of dialects) {
  describe(dialect.name, { skip: dialect.skip }, () => {
    test("a process killed half-way through its 4th document keeps exactly the first 3", async () => {
      const dbPath = dialect.fresh();
      const run = await runChild(dbPath, ["6", "die-in:4"]);
      assert.equal(run.signal, "SIGKILL", `child was not killed: exit ${run.code}\n${run.stderr}`);
      assert.deepEqual(run.committed, ["doc-1", "doc-2", "doc-3"]);

      const stored = await assertWholeDocuments(dbPath);
      assert.deepEqual(stored, ["doc-1", "doc-2", "doc-3"]);

      // The database is usable after the crash: the lost document goes in on a retry, once.
      const store = await openStore(dbPath);
      try {
        const { doc, result } = numbered(4);
        assert.equal((await store.ingest(doc, result)).added, true);
        assert.equal((await store.ingest(doc, result)).added, false);
        assert.equal((await store.counts()).documents, 4);
      } finally {
        await store.close();
      }
      await assertWholeDocuments(dbPath);
    });

    test("a process killed by its parent at an arbitrary moment leaves only whole documents", async () => {
      const dbPath = dialect.fresh();
      const total = 400;
      const run = await runChild(dbPath, [String(total), "run"], 3);
      assert.equal(run.signal, "SIGKILL", `child was not killed: exit ${run.code}\n${run.stderr}`);
      assert.ok(run.committed.length >= 3);

      const stored = await assertWholeDocuments(dbPath);
      for (const id of run.committed)
        assert.ok(stored.includes(id), `${id} was reported committed but is missing`);
      // At most one document can have committed without its line being read before the kill.
      assert.ok(
        stored.length <= run.committed.length + 1,
        `${stored.length} stored but ${run.committed.length} reported`,
      );
    });

    test("two processes ingesting the same documents at once store each exactly once", async () => {
      const dbPath = dialect.fresh();
      const total = 40;
      // Both start on a database that does not exist yet, so they also race to create and migrate it.
      const runs = await Promise.all([
        runChild(dbPath, [String(total), "run"]),
        runChild(dbPath, [String(total), "run"]),
      ]);
      for (const run of runs) {
        assert.equal(run.code, 0, run.stderr);
        assert.equal(run.committed.length, total);
      }
      const stored = await assertWholeDocuments(dbPath);
      assert.equal(stored.length, total);
    });
  });
}
