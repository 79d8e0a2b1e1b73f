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

// Binding, transactions, savepoints and errors are tested on both dialects in db.test.ts.

test("a file that is not a SQLite database is reported as such", () => {
  const file = join(dir, "not-a-db.db");
  writeFileSync(
    file,
    "this is a plain text file, long enough to have a header of sorts........\n".repeat(10),
  );
  assert.throws(() => new SqliteDb(file), isDbError(file, /not a SQLite database/));
});
