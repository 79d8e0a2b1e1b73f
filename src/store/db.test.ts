// The Db contract, on every dialect against a real database (CONVENTIONS 9): what the store's
// repositories rely on behaves the same on SQLite and PostgreSQL.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { isSitrepError } from "../core/errors.ts";
import type { Db, Queryable } from "./db.ts";
import { openDb } from "./store.ts";
import { testDialects } from "./test-databases.ts";

const dialects = await testDialects("db");
after(() => Promise.all(dialects.map((d) => d.cleanup())));

function isDbError(target: string, pattern: RegExp) {
  return (e: unknown) =>
    isSitrepError(e) && e.code === "DB_ERROR" && e.input === target && pattern.test(e.message);
}

for (const dialect of dialects) {
  describe(dialect.name, { skip: dialect.skip }, () => {
    async function withDb(fn: (db: Db) => Promise<void>): Promise<void> {
      const db = await openDb(dialect.fresh());
      try {
        await fn(db);
      } finally {
        await db.close();
      }
    }

    test("run, all and get bind $n parameters, repeats included", async () => {
      await withDb(async (db) => {
        await db.exec("CREATE TABLE t (a INTEGER, b TEXT)");
        assert.deepEqual(await db.run("INSERT INTO t VALUES ($1, $2), ($1, $3)", [1, "x", "y"]), {
          changes: 2,
        });
        const rows = await db.all<{ a: number; b: string }>(
          "SELECT a, b FROM t WHERE b <> $1 ORDER BY b",
          ["z"],
        );
        assert.deepEqual(
          rows.map((r) => ({ ...r })),
          [
            { a: 1, b: "x" },
            { a: 1, b: "y" },
          ],
        );
        assert.equal(await db.get("SELECT a FROM t WHERE b = $1", ["none"]), undefined);
        assert.deepEqual(await db.run("UPDATE t SET a = $1 WHERE b = $2", [2, "x"]), {
          changes: 1,
        });
      });
    });

    test("a wrong parameter count or an undefined parameter is a DB_ERROR", async () => {
      await withDb(async (db) => {
        await db.exec("CREATE TABLE t (a INTEGER, b TEXT)");
        await assert.rejects(
          db.run("INSERT INTO t VALUES ($1, $2)", [1]),
          isDbError(db.target, /parameter/),
        );
        await assert.rejects(
          db.run("INSERT INTO t VALUES ($1, $2)", [1, undefined as unknown as null]),
          isDbError(db.target, /parameter \$2 is undefined; pass null/),
        );
      });
    });

    test("numbers come back as numbers: integers, reals, COUNT, SUM and AVG", async () => {
      await withDb(async (db) => {
        await db.exec("CREATE TABLE t (i INTEGER, r DOUBLE PRECISION)");
        await db.run("INSERT INTO t VALUES ($1, $2), ($3, $4)", [2, 0.25, 4, -33.3406]);
        const row = await db.get<Record<string, unknown>>(
          "SELECT COUNT(*) AS n, SUM(i) AS s, AVG(i) AS a, MAX(r) AS r, MIN(i) AS i FROM t",
        );
        assert.deepEqual({ ...row }, { n: 2, s: 6, a: 3, r: 0.25, i: 2 });
      });
    });

    test("a transaction commits when its callback resolves and rolls back when it throws", async () => {
      await withDb(async (db) => {
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
      });
    });

    test("a nested transaction is a savepoint: its failure undoes only its own work", async () => {
      await withDb(async (db) => {
        await db.exec("CREATE TABLE t (a INTEGER)");
        await db.transaction(async (tx) => {
          await tx.run("INSERT INTO t VALUES ($1)", [1]);
          await assert.rejects(
            tx.transaction(async (inner) => {
              await inner.run("INSERT INTO t VALUES ($1)", [2]);
              // A failing statement: PostgreSQL then refuses everything until the savepoint is
              // rolled back, so this also checks the rollback to it.
              await inner.run("INSERT INTO missing VALUES ($1)", [3]);
            }),
          );
          await tx.transaction(async (inner) => {
            await inner.run("INSERT INTO t VALUES ($1)", [4]);
          });
          await tx.run("INSERT INTO t VALUES ($1)", [5]);
        });
        assert.deepEqual(
          (await db.all<{ a: number }>("SELECT a FROM t ORDER BY a")).map((r) => r.a),
          [1, 4, 5],
        );
      });
    });

    test("concurrent transactions on one handle do not lose updates", async () => {
      await withDb(async (db) => {
        await db.exec("CREATE TABLE counter (n INTEGER)");
        await db.run("INSERT INTO counter VALUES ($1)", [0]);
        // FOR UPDATE where transactions run side by side; SQLite runs them one after another.
        const lock = db.capabilities.parallelTransactions ? " FOR UPDATE" : "";
        const bump = () =>
          db.transaction(async (tx) => {
            const row = await tx.get<{ n: number }>(`SELECT n FROM counter${lock}`);
            await new Promise((r) => setTimeout(r, 5));
            await tx.run("UPDATE counter SET n = $1", [(row?.n ?? 0) + 1]);
          });
        await Promise.all([bump(), bump(), db.get("SELECT n FROM counter"), bump()]);
        assert.equal((await db.get<{ n: number }>("SELECT n FROM counter"))?.n, 3);
      });
    });

    test("a transaction handle cannot be used after its transaction ends", async () => {
      await withDb(async (db) => {
        let leaked: Queryable | undefined;
        await db.transaction(async (tx) => {
          leaked = tx;
        });
        await assert.rejects(
          leaked?.get("SELECT 1") ?? Promise.resolve(),
          /transaction already finished/,
        );
      });
    });

    test("exclusive runs its callback on a usable connection and returns its result", async () => {
      await withDb(async (db) => {
        await db.exec("CREATE TABLE t (a INTEGER)");
        const n = await db.exclusive("test-lock", async (conn) => {
          await conn.transaction(async (tx) => {
            await tx.run("INSERT INTO t VALUES ($1)", [7]);
          });
          return (await conn.get<{ n: number }>("SELECT COUNT(*) AS n FROM t"))?.n;
        });
        assert.equal(n, 1);
      });
    });

    test("SQL errors are DB_ERRORs that name the database; a closed handle says so", async () => {
      const db = await openDb(dialect.fresh());
      try {
        await assert.rejects(
          db.all("SELECT * FROM missing"),
          isDbError(db.target, /no such table: missing|relation "missing" does not exist/),
        );
      } finally {
        await db.close();
      }
      await assert.rejects(db.get("SELECT 1"), isDbError(db.target, /closed/));
    });
  });
}
