// The PostgreSQL adapter of the Db interface, over node-postgres (`pg`): a pool of connections,
// one pooled connection per transaction, savepoints for nested transactions, a session advisory
// lock for `exclusive`, and numbers that come back as numbers. Repositories' `$1` placeholders
// are PostgreSQL's own, so SQL passes through unchanged.
import { createHash } from "node:crypto";
import type { PoolClient, PoolConfig, QueryResult, QueryResultRow } from "pg";
import pg from "pg";
import { errors, isSitrepError, type SitrepError } from "../core/errors.ts";
import type { Capabilities, Db, Queryable, RunResult, SqlValue } from "./db.ts";

/** A server that processes on many machines share; each transaction has its own connection. */
export const POSTGRES_CAPABILITIES: Capabilities = Object.freeze({
  parallelTransactions: true,
  sharedServer: true,
});

/**
 * Connections one process may open. A worker uses one per document in flight plus one for the
 * odd query; 10 (pg's own default) covers --concurrency up to 8 and keeps ten worker processes
 * under PostgreSQL's default max_connections of 100.
 */
export const POOL_MAX = 10;

/**
 * How long to wait for a connection before reporting the server unreachable. pg's default is to
 * wait forever, which would hang a command line on a firewalled host.
 */
export const CONNECT_TIMEOUT_MS = 10_000;

export interface PostgresOptions {
  /** Most connections this process opens (default POOL_MAX). */
  max?: number;
  connectTimeoutMs?: number;
}

export interface PostgresTarget {
  /** The URL for the driver, without sitrep's own `schema` parameter. */
  connectionString: string;
  /** The schema the tables live in (`?schema=name`), or null for the server's default (public). */
  schema: string | null;
  /** The URL with its password masked, for messages. */
  redacted: string;
}

export const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/** A schema name sitrep can put in SQL unquoted-safe: lower case, digits, underscores. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Masks the password of a URL that may not even parse, for an error message. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    if (u.searchParams.has("password")) u.searchParams.set("password", "***");
    return u.toString();
  } catch {
    return url
      .replace(/^([a-z]+:\/\/[^:/@]*):[^@/]*@/i, "$1:***@")
      .replace(/([?&]password=)[^&]*/i, "$1***");
  }
}

/** Splits sitrep's `?schema=` off a postgres:// URL and checks it. */
export function parsePostgresUrl(url: string): PostgresTarget {
  const redacted = redactUrl(url);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw errors.db(
      redacted,
      "is not a valid PostgreSQL URL; write postgres://user:password@host:5432/database",
    );
  }
  const schema = u.searchParams.get("schema");
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw errors.db(
      redacted,
      `schema "${schema}" must be lower-case letters, digits and _ (at most 63), starting with a letter or _`,
    );
  }
  u.searchParams.delete("schema");
  return { connectionString: u.toString(), schema, redacted };
}

// Type OIDs whose default parser returns a string. COUNT(*) and SUM() give bigint, AVG()
// numeric; SQLite gives numbers for both, so PostgreSQL must too (one test suite, two dialects).
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** A bigint as a number when it fits exactly, else as a BigInt (never silently rounded). */
function parseInt8(value: string): number | bigint {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : BigInt(value);
}

/** Per-pool parsers, so the process-wide pg.types (which pg-boss also uses) stay untouched. */
const TYPES = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8_OID) return parseInt8;
    if (oid === NUMERIC_OID) return Number;
    return pg.types.getTypeParser(oid, format);
  },
} as unknown as PoolConfig["types"];

/** Named prepared statements: parsed once per connection, then only bound and run. */
function statementName(sql: string): string {
  return `sitrep_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}`;
}

function checkParams(params: readonly SqlValue[]): SqlValue[] {
  return params.map((v, i) => {
    // pg would send undefined as NULL; node:sqlite refuses it; so do we, to catch it here.
    if (v === undefined)
      throw new Error(`parameter $${i + 1} is undefined; pass null for SQL NULL`);
    return v;
  });
}

interface PgError {
  message?: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  detail?: string;
}

/** A sentence for the user: what went wrong and, where there is one, the fix. */
function describe(e: unknown, connectTimeoutMs: number): string {
  const err = (e ?? {}) as PgError;
  // A refused connection to a name with IPv4 and IPv6 addresses is an AggregateError with no message.
  const message = err.message || err.code || String(e);
  switch (err.code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "ETIMEDOUT":
    case "EAI_AGAIN":
      return `cannot reach the PostgreSQL server (${message}); check that it is running and that the URL's host and port are right`;
    case "28P01":
    case "28000":
      return `PostgreSQL refused the login (${message}); check the user and password in the URL`;
    case "3D000":
      return `${message}: create it (createdb NAME) or fix the database name in the URL`;
    case "53300":
      return `the server has no free connections (${message}); run fewer workers or lower --concurrency, or raise max_connections`;
    case "57P01":
    case "57P03":
      return `the server is shutting down or starting up (${message}); retry when it is back`;
    // Constraint failures read as SQLite's do, so one message (and one test) serves both.
    case "23514":
      return `CHECK constraint failed: ${err.constraint ?? "?"} on ${err.table ?? "?"}`;
    case "23502":
      return `NOT NULL constraint failed: ${err.table ?? "?"}.${err.column ?? "?"}`;
    case "23505":
      return `UNIQUE constraint failed: ${err.constraint ?? "?"}${err.detail ? ` (${err.detail})` : ""}`;
    case "23503":
      return `FOREIGN KEY constraint failed: ${err.constraint ?? "?"}${err.detail ? ` (${err.detail})` : ""}`;
  }
  if (
    /timeout exceeded when trying to connect|Connection terminated due to connection timeout/i.test(
      message,
    )
  ) {
    return `cannot reach the PostgreSQL server (no answer in ${connectTimeoutMs} ms); check that it is running and that the URL's host and port are right`;
  }
  return message;
}

type Runner = Pick<PoolClient, "query">;

/** Whether the transaction a handle belongs to is still open; shared by the handle and its owner. */
interface HandleState {
  active: boolean;
}

export class PostgresDb implements Db {
  readonly dialect = "postgres" as const;
  readonly capabilities = POSTGRES_CAPABILITIES;
  /** The URL with its password masked: errors name it, so they never leak the password. */
  readonly target: string;
  readonly schema: string | null;
  readonly #pool: pg.Pool;
  readonly #connectTimeoutMs: number;
  #closed = false;

  /** Prefer `openPostgres`, which also creates the schema and checks the server answers. */
  constructor(url: string, options: PostgresOptions = {}) {
    const t = parsePostgresUrl(url);
    this.target = t.redacted;
    this.schema = t.schema;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
    this.#pool = new pg.Pool({
      connectionString: t.connectionString,
      max: options.max ?? POOL_MAX,
      connectionTimeoutMillis: this.#connectTimeoutMs,
      application_name: "sitrep",
      // A startup parameter, so every pooled connection has it without an extra round trip.
      options: t.schema ? `-c search_path=${t.schema}` : undefined,
      types: TYPES,
    });
    // An idle connection the server dropped (a restart, an idle timeout): the pool discards it
    // and the next query opens a new one, which reports the problem if it persists.
    this.#pool.on("error", () => {});
  }

  /** Creates the `?schema=` schema if it is missing; two processes may race to do it. */
  async ensureSchema(): Promise<void> {
    if (!this.schema) {
      await this.exec("SELECT 1");
      return;
    }
    try {
      await this.exec(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
    } catch (e) {
      // 23505/42P06: another process created it between the check and the create; it exists.
      const code = ((e as SitrepError).cause as PgError | undefined)?.code;
      if (code !== "23505" && code !== "42P06") throw e;
    }
  }

  async exec(sql: string): Promise<void> {
    await this.#query(this.#pool, sql);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    const r = await this.#query(this.#pool, sql, params);
    return { changes: r.rowCount ?? 0 };
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.#query(this.#pool, sql, params)).rows as T[];
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.#query(this.#pool, sql, params)).rows[0] as T | undefined;
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#withClient((client, broken) => this.#transact(client, 0, fn, broken));
  }

  async exclusive<T>(name: string, fn: (conn: Queryable) => Promise<T>): Promise<T> {
    // Keyed by schema too, so stores in different schemas of one database do not wait on each other.
    const key = "hashtextextended(coalesce(current_schema(), '') || ':' || $1, 0)";
    return this.#withClient(async (client, broken) => {
      await this.#query(client, `SELECT pg_advisory_lock(${key})`, [name]);
      const state: HandleState = { active: true };
      try {
        return await fn(this.#handle(client, 0, state, broken));
      } finally {
        state.active = false;
        try {
          await client.query(`SELECT pg_advisory_unlock(${key})`, [name]);
        } catch {
          // The lock goes with the session: a connection that cannot unlock is dropped below.
          broken.value = true;
        }
      }
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.#pool.end();
    } catch (e) {
      throw this.#wrap(e);
    }
  }

  /** Checks out a connection for `work` and gives it back, dropping it if it may be unusable. */
  async #withClient<T>(work: (client: PoolClient, broken: { value: boolean }) => Promise<T>) {
    this.#assertOpen();
    let client: PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (e) {
      throw this.#wrap(e);
    }
    const broken = { value: false };
    try {
      return await work(client, broken);
    } finally {
      client.release(broken.value);
    }
  }

  async #transact<T>(
    client: PoolClient,
    depth: number,
    fn: (tx: Queryable) => Promise<T>,
    broken: { value: boolean },
  ): Promise<T> {
    const savepoint = `sitrep_savepoint_${depth}`;
    await this.#query(client, depth === 0 ? "BEGIN" : `SAVEPOINT ${savepoint}`);
    const state: HandleState = { active: true };
    try {
      const result = await fn(this.#handle(client, depth + 1, state, broken));
      state.active = false;
      await this.#query(client, depth === 0 ? "COMMIT" : `RELEASE SAVEPOINT ${savepoint}`);
      return result;
    } catch (e) {
      state.active = false;
      try {
        await client.query(
          depth === 0
            ? "ROLLBACK"
            : `ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}`,
        );
      } catch {
        // Keep the error that got us here; a connection that cannot roll back is not reused.
        broken.value = true;
      }
      throw e;
    }
  }

  /** A handle on one pinned connection; `depth` is how many transaction levels are open on it. */
  #handle(
    client: PoolClient,
    depth: number,
    state: HandleState,
    broken: { value: boolean },
  ): Queryable {
    const guard = () => {
      if (!state.active)
        throw errors.db(
          this.target,
          depth > 0
            ? "transaction already finished: use it inside its callback only"
            : "connection already given back: use it inside its callback only",
        );
    };
    return {
      dialect: this.dialect,
      capabilities: this.capabilities,
      target: this.target,
      exec: async (sql) => {
        guard();
        await this.#query(client, sql);
      },
      run: async (sql, params = []) => {
        guard();
        return { changes: (await this.#query(client, sql, params)).rowCount ?? 0 };
      },
      all: async <R>(sql: string, params: readonly SqlValue[] = []) => {
        guard();
        return (await this.#query(client, sql, params)).rows as R[];
      },
      get: async <R>(sql: string, params: readonly SqlValue[] = []) => {
        guard();
        return (await this.#query(client, sql, params)).rows[0] as R | undefined;
      },
      transaction: async (inner) => {
        guard();
        return this.#transact(client, depth, inner, broken);
      },
    };
  }

  async #query(
    runner: Runner,
    sql: string,
    params?: readonly SqlValue[],
  ): Promise<QueryResult<QueryResultRow>> {
    this.#assertOpen();
    try {
      // Without parameters: the simple protocol, which also runs several statements (migrations).
      if (params === undefined) return await runner.query(sql);
      return await runner.query({
        name: statementName(sql),
        text: sql,
        values: checkParams(params),
      });
    } catch (e) {
      throw this.#wrap(e);
    }
  }

  #wrap(e: unknown): SitrepError {
    if (isSitrepError(e)) return e;
    const wrapped = errors.db(this.target, describe(e, this.#connectTimeoutMs));
    wrapped.cause = e;
    return wrapped;
  }

  #assertOpen(): void {
    if (this.#closed) throw errors.db(this.target, "database is closed");
  }
}

/** Connects to the server at `url`, creating the `?schema=` schema if it is missing. */
export async function openPostgres(url: string, options?: PostgresOptions): Promise<PostgresDb> {
  const db = new PostgresDb(url, options);
  try {
    await db.ensureSchema();
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
  return db;
}
