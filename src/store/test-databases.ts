// The databases the store's tests run on (CONVENTIONS 9: one test suite, two dialects, real
// databases): a fresh SQLite file in a temporary folder, and a fresh schema on the PostgreSQL
// server at $SITREP_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test). Each
// test run names its schemas after a random suffix and drops them when it ends. When the server
// cannot be reached, the PostgreSQL half is skipped with a message that says so.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Dialect } from "./db.ts";
import { redactUrl } from "./postgres-db.ts";

export const TEST_POSTGRES_URL =
  process.env.SITREP_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Long enough for a loaded CI machine, short enough that a missing server does not stall the suite. */
const PROBE_TIMEOUT_MS = 3000;

export interface TestDialect {
  name: Dialect;
  /** Why this dialect's tests are skipped; undefined when they run. */
  skip?: string;
  /** A new, empty database: a file path (SQLite) or a URL with its own ?schema= (PostgreSQL). */
  fresh(): string;
  /** Removes every database `fresh` made. */
  cleanup(): Promise<void>;
}

export function sqliteDialect(label: string): TestDialect {
  const dir = mkdtempSync(join(tmpdir(), `sitrep-${label}-`));
  let n = 0;
  return {
    name: "sqlite",
    fresh: () => join(dir, `db-${++n}.db`),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Why the test server cannot be used, or null when it answers. */
export async function postgresUnavailable(url = TEST_POSTGRES_URL): Promise<string | null> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (e) {
    const err = e as { message?: string; code?: string };
    return `PostgreSQL at ${redactUrl(url)} is unreachable (${err.message || err.code}): the PostgreSQL half of these tests is skipped; start it (.ci/run does) or set SITREP_TEST_POSTGRES_URL`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Appends `?schema=` (or `&schema=`) to a server URL. */
export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set("schema", schema);
  return u.toString();
}

export async function postgresDialect(
  label: string,
  url = TEST_POSTGRES_URL,
): Promise<TestDialect> {
  const skip = (await postgresUnavailable(url)) ?? undefined;
  // Schema names: lower case, so the label is folded; the suffix keeps concurrent runs apart.
  const prefix = `sitrep_t_${label.toLowerCase().replace(/[^a-z0-9]+/g, "_")}_${randomBytes(4).toString("hex")}`;
  let n = 0;
  return {
    name: "postgres",
    skip,
    fresh: () => withSchema(url, `${prefix}_${++n}`),
    cleanup: async () => {
      if (skip) return;
      await dropSchemas(url, prefix);
    },
  };
}

/** Drops every schema whose name starts with `prefix` (a test run's stores and job queues). */
export async function dropSchemas(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)",
      [prefix],
    );
    for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS ${nspname} CASCADE`);
  } finally {
    await client.end();
  }
}

/** SQLite and PostgreSQL, for `for (const d of await testDialects(...)) describe(d.name, ...)`. */
export async function testDialects(label: string): Promise<TestDialect[]> {
  const postgres = await postgresDialect(label);
  if (postgres.skip) process.stderr.write(`# ${postgres.skip}\n`);
  return [sqliteDialect(label), postgres];
}
