import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { isSitrepError } from "../core/errors.ts";
import { appliedMigrations, loadMigrations, migrate } from "./migrate.ts";
import { SqliteDb } from "./sqlite-db.ts";
import { openStore } from "./store.ts";

const dir = mkdtempSync(join(tmpdir(), "sitrep-migrate-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = () => join(dir, `db-${++n}.db`);

/**
 * Released migrations are frozen: a database that ran one must never meet an edited copy.
 * If this fails, undo the edit and put the change in a new numbered migration.
 */
const FROZEN: Record<string, string> = {
  "001-initial": "dd0eb2e0e1fdd7a1a3481c522ed513a5f4fb3edb975e26905e43f3b1fc3cd381",
};

test("shipped migrations are unchanged since release", () => {
  for (const m of loadMigrations("sqlite")) {
    const key = `${String(m.version).padStart(3, "0")}-${m.name}`;
    // Line ends normalised, so a checkout that converts them does not count as an edit.
    const sha = createHash("sha256").update(m.sql.replace(/\r\n/g, "\n")).digest("hex");
    assert.equal(sha, FROZEN[key], `${m.path} changed (or is new: record its checksum here)`);
  }
});

async function tableNames(db: SqliteDb): Promise<string[]> {
  const rows = await db.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  );
  return rows.map((r) => r.name);
}

test("migrate applies the migrations once and records them", async () => {
  const db = new SqliteDb(freshPath());
  try {
    const first = await migrate(db);
    assert.deepEqual(
      first.applied.map((m) => [m.version, m.name]),
      [[1, "initial"]],
    );
    assert.equal(first.version, 1);
    assert.deepEqual(await tableNames(db), [
      "claims",
      "documents",
      "events",
      "evidence",
      "schema_migrations",
      "tallies",
    ]);
    const recorded = await appliedMigrations(db);
    assert.equal(recorded.length, 1);
    assert.equal(recorded[0].version, 1);
    assert.equal(recorded[0].name, "initial");
    assert.ok(!Number.isNaN(Date.parse(recorded[0].applied_at)), recorded[0].applied_at);

    // Running it again changes nothing, not even the recorded time.
    const second = await migrate(db);
    assert.deepEqual(second.applied, []);
    assert.equal(second.version, 1);
    assert.deepEqual(
      (await appliedMigrations(db)).map((r) => ({ ...r })),
      recorded.map((r) => ({ ...r })),
    );
  } finally {
    await db.close();
  }
});

test("openStore migrates a new file and reopening it is a no-op", async () => {
  const path = freshPath();
  const a = await openStore(path);
  await a.close();
  const b = await openStore(path);
  try {
    assert.equal((await appliedMigrations(b.db)).length, 1);
  } finally {
    await b.close();
  }
});

function migrationsDir(files: Record<string, string>): string {
  const d = join(dir, `migrations-${++n}`);
  mkdirSync(d);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(d, name), sql);
  return d;
}

test("a failing migration is rolled back whole and not recorded; earlier ones stay", async () => {
  const ms = loadMigrations(
    "sqlite",
    migrationsDir({
      "001-first.sql": "CREATE TABLE one (a INTEGER);",
      "002-broken.sql": "CREATE TABLE two (a INTEGER);\nINSERT INTO nowhere VALUES (1);",
    }),
  );
  const db = new SqliteDb(freshPath());
  try {
    await assert.rejects(
      migrate(db, ms),
      (e: unknown) =>
        isSitrepError(e) &&
        e.code === "DB_ERROR" &&
        e.input === db.target &&
        /migration 2 \(broken\) failed and was rolled back: no such table: nowhere/.test(e.message),
    );
    assert.deepEqual(
      (await appliedMigrations(db)).map((m) => m.version),
      [1],
    );
    assert.deepEqual(await tableNames(db), ["one", "schema_migrations"]);
  } finally {
    await db.close();
  }
});

test("a database migrated by a newer sitrep is refused", async () => {
  const path = freshPath();
  const db = new SqliteDb(path);
  try {
    await migrate(
      db,
      loadMigrations(
        "sqlite",
        migrationsDir({ "001-a.sql": "SELECT 1;", "002-b.sql": "SELECT 1;" }),
      ),
    );
    await assert.rejects(
      migrate(db, loadMigrations("sqlite", migrationsDir({ "001-a.sql": "SELECT 1;" }))),
      /schema is at version 2 \(b\), newer than this sitrep knows \(1\); upgrade sitrep/,
    );
    await assert.rejects(
      migrate(
        db,
        loadMigrations(
          "sqlite",
          migrationsDir({ "001-renamed.sql": "SELECT 1;", "002-b.sql": "SELECT 1;" }),
        ),
      ),
      /migration 1 was applied as "a" but this sitrep calls it "renamed"/,
    );
  } finally {
    await db.close();
  }
});

test("migration files must be numbered 1, 2, 3 ... and named NNN-kebab-name.sql", () => {
  assert.throws(
    () => loadMigrations("sqlite", migrationsDir({ "001-a.sql": "", "003-c.sql": "" })),
    /expected migration 2 here, found 3/,
  );
  assert.throws(
    () => loadMigrations("sqlite", migrationsDir({ "1_first.sql": "" })),
    /NNN-kebab-name\.sql/,
  );
  assert.throws(
    () => loadMigrations("postgres", join(dir, "nowhere")),
    /no postgres migrations found/,
  );
});
