// What only the PostgreSQL adapter does: URLs with a schema and a password, a pool that gives
// each transaction its own connection, and an advisory lock other processes wait for.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { isSitrepError } from "../core/errors.ts";
import { openPostgres, parsePostgresUrl, redactUrl } from "./postgres-db.ts";
import { openStore } from "./store.ts";
import { postgresDialect, TEST_POSTGRES_URL } from "./test-databases.ts";

const pg = await postgresDialect("pgdb");
if (pg.skip) process.stderr.write(`# ${pg.skip}\n`);
after(() => pg.cleanup());

test("the URL's schema parameter is sitrep's; the password never shows", () => {
  assert.deepEqual(parsePostgresUrl("postgres://u:p%40ss@db.example:6432/news?schema=team_a"), {
    connectionString: "postgres://u:p%40ss@db.example:6432/news",
    schema: "team_a",
    redacted: "postgres://u:***@db.example:6432/news?schema=team_a",
  });
  assert.equal(parsePostgresUrl("postgresql://db.example/news").schema, null);
  assert.equal(
    redactUrl("postgres://u@h/db?sslmode=require&password=hunter2"),
    "postgres://u@h/db?sslmode=require&password=***",
  );
  assert.equal(redactUrl("postgres://u:hunter2@[bad"), "postgres://u:***@[bad");
  assert.throws(
    () => parsePostgresUrl("postgres://u:hunter2@h/db?schema=Drop;Table"),
    (e: unknown) =>
      isSitrepError(e) &&
      e.code === "DB_ERROR" &&
      /schema "Drop;Table" must be lower-case/.test(e.message) &&
      !/hunter2/.test(e.message),
  );
});

test("an unreachable server is a DB_ERROR that names the URL without its password", async () => {
  // Port 1 on loopback: nothing listens, so the connection is refused at once.
  await assert.rejects(openStore("postgres://sitrep:s3cret@127.0.0.1:1/sitrep"), (e: unknown) => {
    assert.ok(isSitrepError(e));
    assert.equal(e.code, "DB_ERROR");
    assert.equal(e.input, "postgres://sitrep:***@127.0.0.1:1/sitrep");
    assert.doesNotMatch(e.message, /s3cret/);
    assert.match(e.message, /cannot reach the PostgreSQL server .*check that it is running/);
    return true;
  });
});

describe("on the server", { skip: pg.skip }, () => {
  test("a missing database is named, with the fix", async () => {
    const u = new URL(TEST_POSTGRES_URL);
    u.pathname = "/sitrep_no_such_database";
    await assert.rejects(
      openStore(u.toString()),
      /database "sitrep_no_such_database" does not exist: create it \(createdb NAME\)/,
    );
  });

  test("?schema= creates the schema and keeps the tables in it", async () => {
    const target = pg.fresh();
    const schema = new URL(target).searchParams.get("schema");
    const store = await openStore(target);
    try {
      const row = await store.db.get<{ schema: string; tables: number }>(
        `SELECT current_schema() AS schema,
                (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()) AS tables`,
      );
      assert.equal(row?.schema, schema);
      // schema_migrations, 001's five tables and 002's four (feeds and stories).
      assert.equal(row?.tables, 10);
    } finally {
      await store.close();
    }
  });

  test("transactions on one handle run side by side, each on its own connection", async () => {
    const db = await openPostgres(pg.fresh());
    try {
      let arrived = 0;
      let release = () => {};
      const bothIn = new Promise<void>((r) => {
        release = r;
      });
      // Each transaction waits inside until both are in: on one connection this would hang.
      const pids = await Promise.all(
        [1, 2].map(() =>
          db.transaction(async (tx) => {
            const row = await tx.get<{ pid: number }>("SELECT pg_backend_pid() AS pid");
            if (++arrived === 2) release();
            await bothIn;
            return row?.pid;
          }),
        ),
      );
      assert.notEqual(pids[0], pids[1]);
    } finally {
      await db.close();
    }
  });

  test("exclusive makes another handle asking for the same lock wait", async () => {
    const target = pg.fresh();
    const a = await openPostgres(target);
    const b = await openPostgres(target);
    try {
      const order: string[] = [];
      let entered = () => {};
      const aIn = new Promise<void>((r) => {
        entered = r;
      });
      const first = a.exclusive("test", async () => {
        order.push("a in");
        entered();
        await new Promise((r) => setTimeout(r, 150));
        order.push("a out");
      });
      await aIn;
      const second = b.exclusive("test", async () => {
        order.push("b in");
      });
      // Another name is not held up.
      await b.exclusive("other", async () => {
        order.push("other");
      });
      await Promise.all([first, second]);
      assert.deepEqual(order, ["a in", "other", "a out", "b in"]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
