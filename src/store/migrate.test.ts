import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { isSitrepError } from "../core/errors.ts";
import type { Db, Dialect } from "./db.ts";
import { appliedMigrations, loadMigrations, migrate } from "./migrate.ts";
import { openDb, openStore } from "./store.ts";
import { testDialects } from "./test-databases.ts";

const dir = mkdtempSync(join(tmpdir(), "sitrep-migrate-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const dialects = await testDialects("migrate");
after(() => Promise.all(dialects.map((d) => d.cleanup())));

/**
 * Released migrations are frozen: a database that ran one must never meet an edited copy.
 * If this fails, undo the edit and put the change in a new numbered migration.
 */
const FROZEN: Record<Dialect, Record<string, string>> = {
  sqlite: {
    "001-initial": "dd0eb2e0e1fdd7a1a3481c522ed513a5f4fb3edb975e26905e43f3b1fc3cd381",
    "002-feeds-and-stories": "26803cb93f804204ceabd8fe209d49035506d65b80e5b87bd13e09fdb78c3283",
    "003-revised-claims": "4eeabf3a506861d8cd0cc2b7faf645bab9dc3324e14c818dcfd33b3c79b00062",
  },
  postgres: {
    "001-initial": "9166fa531a1f645242c465be531182418d6a011a3f677eb754adddb11f7ae18b",
    "002-feeds-and-stories": "a97df7300ca0a6d0818f3bcfc0083a80afeb70ca0ff77139df217b686ea55894",
    "003-revised-claims": "4eeabf3a506861d8cd0cc2b7faf645bab9dc3324e14c818dcfd33b3c79b00062",
  },
};

for (const dialect of ["sqlite", "postgres"] as const) {
  test(`shipped ${dialect} migrations are unchanged since release`, () => {
    for (const m of loadMigrations(dialect)) {
      const key = `${String(m.version).padStart(3, "0")}-${m.name}`;
      // Line ends normalised, so a checkout that converts them does not count as an edit.
      const sha = createHash("sha256").update(m.sql.replace(/\r\n/g, "\n")).digest("hex");
      assert.equal(
        sha,
        FROZEN[dialect][key],
        `${m.path} changed (or is new: record its checksum here)`,
      );
    }
  });
}

test("both dialects have the same migrations, by number and name", () => {
  const names = (d: Dialect) =>
    loadMigrations(d).map((m) => `${String(m.version).padStart(3, "0")}-${m.name}`);
  assert.deepEqual(
    names("postgres"),
    names("sqlite"),
    "every migrations/sqlite/NNN-name.sql needs its migrations/postgres/NNN-name.sql twin, and back",
  );
});

function migrationsDir(files: Record<string, string>): string {
  const d = join(dir, `migrations-${++n}`);
  mkdirSync(d);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(d, name), sql);
  return d;
}

/** The tables in the database's own schema; introspection is the one place the dialects differ. */
async function tableNames(db: Db): Promise<string[]> {
  const rows = await db.all<{ name: string }>(
    db.dialect === "sqlite"
      ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
      : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name",
  );
  return rows.map((r) => r.name);
}

for (const dialect of dialects) {
  describe(dialect.name, { skip: dialect.skip }, () => {
    const freshDb = () => openDb(dialect.fresh());

    test("migrate applies the migrations once and records them", async () => {
      const db = await freshDb();
      try {
        const shipped = loadMigrations(db.dialect);
        const first = await migrate(db);
        assert.deepEqual(
          first.applied.map((m) => [m.version, m.name]),
          shipped.map((m) => [m.version, m.name]),
        );
        assert.equal(first.version, shipped.length);
        for (const t of [
          "claims",
          "documents",
          "events",
          "evidence",
          "schema_migrations",
          "tallies",
        ]) {
          assert.ok((await tableNames(db)).includes(t), `table ${t} is missing`);
        }
        const recorded = await appliedMigrations(db);
        assert.equal(recorded.length, shipped.length);
        assert.equal(recorded[0].version, 1);
        assert.equal(recorded[0].name, "initial");
        assert.ok(!Number.isNaN(Date.parse(recorded[0].applied_at)), recorded[0].applied_at);

        // Running it again changes nothing, not even the recorded time.
        const second = await migrate(db);
        assert.deepEqual(second.applied, []);
        assert.equal(second.version, shipped.length);
        assert.deepEqual(
          (await appliedMigrations(db)).map((r) => ({ ...r })),
          recorded.map((r) => ({ ...r })),
        );
      } finally {
        await db.close();
      }
    });

    test("openStore migrates a new database and reopening it is a no-op", async () => {
      const target = dialect.fresh();
      const a = await openStore(target);
      await a.close();
      const b = await openStore(target);
      try {
        assert.equal((await appliedMigrations(b.db)).length, loadMigrations(b.db.dialect).length);
      } finally {
        await b.close();
      }
    });

    // In one process SQLite's busy wait blocks the thread the lock holder needs, so for SQLite
    // this race is run with real processes, in durability.test.ts.
    const oneProcess =
      dialect.name === "sqlite" && "SQLite: raced by two processes in durability.test.ts";
    test("connections that open a new database at once apply each migration once", {
      skip: oneProcess,
    }, async () => {
      const target = dialect.fresh();
      const stores = await Promise.all([1, 2, 3, 4].map(() => openStore(target)));
      try {
        const recorded = await appliedMigrations(stores[0].db);
        assert.deepEqual(
          recorded.map((m) => m.version),
          loadMigrations(stores[0].db.dialect).map((m) => m.version),
        );
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    test("a failing migration is rolled back whole and not recorded; earlier ones stay", async () => {
      const ms = loadMigrations(
        dialect.name,
        migrationsDir({
          "001-first.sql": "CREATE TABLE one (a INTEGER);",
          "002-broken.sql": "CREATE TABLE two (a INTEGER);\nINSERT INTO nowhere VALUES (1);",
        }),
      );
      const db = await freshDb();
      try {
        await assert.rejects(
          migrate(db, ms),
          (e: unknown) =>
            isSitrepError(e) &&
            e.code === "DB_ERROR" &&
            e.input === db.target &&
            /migration 2 \(broken\) failed and was rolled back: (no such table: nowhere|relation "nowhere" does not exist)/.test(
              e.message,
            ),
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
      const db = await freshDb();
      try {
        await migrate(
          db,
          loadMigrations(
            dialect.name,
            migrationsDir({ "001-a.sql": "SELECT 1;", "002-b.sql": "SELECT 1;" }),
          ),
        );
        await assert.rejects(
          migrate(db, loadMigrations(dialect.name, migrationsDir({ "001-a.sql": "SELECT 1;" }))),
          /schema is at version 2 \(b\), newer than this sitrep knows \(1\); upgrade sitrep/,
        );
        await assert.rejects(
          migrate(
            db,
            loadMigrations(
              dialect.name,
              migrationsDir({ "001-renamed.sql": "SELECT 1;", "002-b.sql": "SELECT 1;" }),
            ),
          ),
          /migration 1 was applied as "a" but this sitrep calls it "renamed"/,
        );
      } finally {
        await db.close();
      }
    });
  });
}

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
