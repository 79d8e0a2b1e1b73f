// The process durability.test.ts kills. Usage:
//   node durability-child.ts <db> <count> run          ingest doc-1..doc-count
//   node durability-child.ts <db> <count> die-in:<k>   SIGKILL itself half-way through doc-k,
//                                                      after doc-k's document and event rows are
//                                                      written, before its claims
// Prints "committed doc-n" once each document's transaction has committed.
import { writeSync } from "node:fs";
import type { Db, Queryable } from "./db.ts";
import { openStore, Store } from "./store.ts";
import { numbered } from "./test-fixtures.ts";

const [dbPath, countArg, mode = "run"] = process.argv.slice(2);
const count = Number(countArg);
const dieIn = mode.startsWith("die-in:") ? Number(mode.slice("die-in:".length)) : null;

let current = 0;

/** Passes every call through, but dies on the claims insert of document `dieIn`. */
function dyingTx(tx: Queryable): Queryable {
  return {
    dialect: tx.dialect,
    capabilities: tx.capabilities,
    target: tx.target,
    exec: (sql) => tx.exec(sql),
    run: async (sql, params) => {
      if (current === dieIn && /^\s*INSERT INTO claims/.test(sql)) {
        process.kill(process.pid, "SIGKILL");
      }
      return tx.run(sql, params);
    },
    all: (sql, params) => tx.all(sql, params),
    get: (sql, params) => tx.get(sql, params),
    transaction: (fn) => tx.transaction((inner) => fn(dyingTx(inner))),
  };
}

function dyingDb(db: Db): Db {
  return {
    dialect: db.dialect,
    capabilities: db.capabilities,
    target: db.target,
    exec: (sql) => db.exec(sql),
    run: (sql, params) => db.run(sql, params),
    all: (sql, params) => db.all(sql, params),
    get: (sql, params) => db.get(sql, params),
    transaction: (fn) => db.transaction((tx) => fn(dyingTx(tx))),
    exclusive: (name, fn) => db.exclusive(name, fn),
    close: () => db.close(),
  };
}

const opened = await openStore(dbPath);
const store = new Store(dyingDb(opened.db));
for (let n = 1; n <= count; n++) {
  current = n;
  const { doc, result } = numbered(n);
  await store.ingest(doc, result);
  // writeSync: the line must be out before a SIGKILL that may come at any moment.
  writeSync(1, `committed ${doc.id}\n`);
}
await store.close();
