import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { isSitrepError } from "../core/errors.ts";
import { SqliteDb, toSqlitePlaceholders } from "./sqlite-db.ts";

const dir = mkdtempSync(join(tmpdir(), "sitrep-sqlite-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshDb = () => new SqliteDb(join(dir, `db-${++n}.db`));

function isDbError(file: string, pattern: RegExp) {
  return (e: unknown) =>
    isSitrepError(e) && e.code === "DB_ERROR" && e.input === file && pattern.test(e.message);
}

test("$n placeholders become ? in binding order, repeats included", () => {
  assert.deepEqual(toSqlitePlaceholders("SELECT $2, $1, $2"), {
    sql: "SELECT ?, ?, ?",
    order: [1, 0, 1],
    arity: 2,
  });
});

test("placeholders inside strings, quoted names and comments are left alone", () => {
  const sql = `SELECT '$1 it''s', "$2" -- $3\n, $1 /* $4 ? */`;
  assert.deepEqual(toSqlitePlaceholders(sql), {
    sql: `SELECT '$1 it''s', "$2" -- $3\n, ? /* $4 ? */`,
    order: [0],
    arity: 1,
  });
});

test("a bare ? placeholder is refused: PostgreSQL would not understand it", () => {
  assert.throws(() => toSqlitePlaceholders("SELECT ?"), /write \$1/);
});

test("opens in WAL mode with foreign keys on and a busy timeout", async () => {
  const db = freshDb();
  try {
    assert.equal(
      (await db.get<{ journal_mode: string }>("PRAGMA journal_mode"))?.journal_mode,
      "wal",
    );
    assert.equal((await db.get<{ foreign_keys: number }>("PRAGMA foreign_keys"))?.foreign_keys, 1);
    assert.equal((await db.get<{ timeout: number }>("PRAGMA busy_timeout"))?.timeout, 5000);
    assert.equal(db.dialect, "sqlite");
  } finally {
    await db.close();
  }
});

test("run, all and get bind $n parameters; a wrong parameter count is an error", async () => {
  const db = freshDb();
  try {
    await db.exec("CREATE TABLE t (a INTEGER, b TEXT)");
    assert.deepEqual(await db.run("INSERT INTO t VALUES ($1, $2), ($1, $3)", [1, "x", "y"]), {
      changes: 2,
    });
    assert.deepEqual(
      (
        await db.all<{ a: number; b: string }>("SELECT a, b FROM t WHERE b <> $1 ORDER BY b", ["z"])
      ).map((r) => [r.a, r.b]),
      [
        [1, "x"],
        [1, "y"],
      ],
    );
    assert.equal(await db.get("SELECT a FROM t WHERE b = $1", ["none"]), undefined);
    await assert.rejects(
      db.run("INSERT INTO t VALUES ($1, $2)", [1]),
      isDbError(db.target, /2 parameter/),
    );
  } finally {
    await db.close();
  }
});

test("a transaction commits when its callback resolves and rolls back when it throws", async () => {
  const db = freshDb();
  try {
    await db.exec("CREATE TABLE t (a INTEGER)");
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO t VALUES ($1)", [1]);
    });
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.run("INSERT INTO t VALUES ($1)", [2]);
        throw new Error("boom");
      }),
      /boom/,
    );
    assert.deepEqual(
      (await db.all<{ a: number }>("SELECT a FROM t")).map((r) => r.a),
      [1],
    );
  } finally {
    await db.close();
  }
});

test("a nested transaction is a savepoint: its failure undoes only its own work", async () => {
  const db = freshDb();
  try {
    await db.exec("CREATE TABLE t (a INTEGER)");
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO t VALUES ($1)", [1]);
      await assert.rejects(
        tx.transaction(async (inner) => {
          await inner.run("INSERT INTO t VALUES ($1)", [2]);
          throw new Error("inner");
        }),
      );
      await tx.run("INSERT INTO t VALUES ($1)", [3]);
    });
    assert.deepEqual(
      (await db.all<{ a: number }>("SELECT a FROM t ORDER BY a")).map((r) => r.a),
      [1, 3],
    );
  } finally {
    await db.close();
  }
});

test("concurrent transactions on one connection run one after the other", async () => {
  const db = freshDb();
  try {
    await db.exec("CREATE TABLE counter (n INTEGER)");
    await db.run("INSERT INTO counter VALUES ($1)", [0]);
    const bump = () =>
      db.transaction(async (tx) => {
        const row = await tx.get<{ n: number }>("SELECT n FROM counter");
        await new Promise((r) => setTimeout(r, 5));
        await tx.run("UPDATE counter SET n = $1", [(row?.n ?? 0) + 1]);
      });
    // Reads outside the transactions wait for them rather than joining one half-way.
    await Promise.all([bump(), bump(), db.get("SELECT n FROM counter"), bump()]);
    assert.equal((await db.get<{ n: number }>("SELECT n FROM counter"))?.n, 3);
  } finally {
    await db.close();
  }
});

test("a transaction handle cannot be used after its transaction ends", async () => {
  const db = freshDb();
  try {
    let leaked: Parameters<Parameters<typeof db.transaction>[0]>[0] | undefined;
    await db.transaction(async (tx) => {
      leaked = tx;
    });
    await assert.rejects(
      leaked?.get("SELECT 1") ?? Promise.resolve(),
      /transaction already finished/,
    );
  } finally {
    await db.close();
  }
});

test("SQL errors are DB_ERRORs that name the database file", async () => {
  const db = freshDb();
  try {
    await assert.rejects(
      db.all("SELECT * FROM missing"),
      isDbError(db.target, /no such table: missing/),
    );
  } finally {
    await db.close();
  }
  await assert.rejects(db.get("SELECT 1"), isDbError(db.target, /closed/));
});

test("a file that is not a SQLite database is reported as such", () => {
  const file = join(dir, "not-a-db.db");
  writeFileSync(
    file,
    "this is a plain text file, long enough to have a header of sorts........\n".repeat(10),
  );
  assert.throws(() => new SqliteDb(file), isDbError(file, /not a SQLite database/));
});
