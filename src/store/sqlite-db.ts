// The SQLite adapter of the Db interface, over Node's built-in node:sqlite (no native module).
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { errors, isSitrepError } from "../core/errors.ts";
import type { Capabilities, Db, Queryable, RunResult, SqlValue } from "./db.ts";

/**
 * How long a writer waits for another process's lock before giving up. A document commits in
 * milliseconds, so 5 s covers a queue of concurrent ingesters and a WAL checkpoint, yet a
 * stuck process is still reported instead of hanging the command line.
 */
export const BUSY_TIMEOUT_MS = 5000;

/** Prepared statements kept per connection; ingest and query use a few dozen distinct SQL texts. */
const STATEMENT_CACHE_SIZE = 200;

/** One file on one machine, one writer at a time. */
export const SQLITE_CAPABILITIES: Capabilities = Object.freeze({
  parallelTransactions: false,
  sharedServer: false,
});

export interface SqliteOptions {
  busyTimeoutMs?: number;
}

interface Prepared {
  statement: StatementSync;
  /** For each `?` in the translated SQL, which `$n` parameter (0-based) it binds. */
  order: number[];
  arity: number;
}

/**
 * Rewrites PostgreSQL-style `$1` placeholders to SQLite's anonymous `?`, with the parameter
 * order to bind. node:sqlite binds a positional array only to anonymous `?` slots, so `$n`
 * cannot be passed through. Quoted strings, identifiers and comments are left alone; a bare
 * `?` is refused so no query creeps in that PostgreSQL would not understand.
 */
export function toSqlitePlaceholders(sql: string): { sql: string; order: number[]; arity: number } {
  let out = "";
  const order: number[] = [];
  let arity = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const close = skipQuoted(sql, i, c);
      out += sql.slice(i, close);
      i = close;
    } else if (c === "-" && sql[i + 1] === "-") {
      const nl = sql.indexOf("\n", i);
      const stop = nl === -1 ? sql.length : nl;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === "/" && sql[i + 1] === "*") {
      const endComment = sql.indexOf("*/", i + 2);
      const stop = endComment === -1 ? sql.length : endComment + 2;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === "$" && /[0-9]/.test(sql[i + 1] ?? "")) {
      let j = i + 1;
      while (j < sql.length && /[0-9]/.test(sql[j])) j++;
      const n = Number(sql.slice(i + 1, j));
      if (n < 1) throw new Error(`placeholder $${n} in SQL: placeholders start at $1`);
      order.push(n - 1);
      arity = Math.max(arity, n);
      out += "?";
      i = j;
    } else if (c === "?") {
      throw new Error("bare ? placeholder in SQL: write $1, $2 ... so PostgreSQL can run it too");
    } else {
      out += c;
      i++;
    }
  }
  return { sql: out, order, arity };
}

/** Index just past the closing quote; a doubled quote inside is an escaped quote. */
function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}

// SQLite primary result codes (the low byte of an extended code) that deserve their own advice.
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;

/** A sentence for the user: what went wrong and, where there is one, the fix. */
function describe(e: unknown, busyTimeoutMs: number): string {
  const err = e as { message?: string; errcode?: number; errstr?: string };
  const message = err.message ?? String(e);
  switch (typeof err.errcode === "number" ? err.errcode & 0xff : -1) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return `database is locked by another process (waited ${busyTimeoutMs} ms); retry when it is done, or raise the busy timeout`;
    case SQLITE_READONLY:
      return `database is read-only (${message}); check the file's permissions`;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return `is not a SQLite database or is damaged (${message}); point sitrep at a new file to start afresh`;
    case SQLITE_FULL:
      return "disk is full: free some space and ingest again (documents committed so far are kept)";
    case SQLITE_CANTOPEN:
      return `cannot open the database file (${message}); check that the path is a writable file`;
    default:
      return message;
  }
}

export class SqliteDb implements Db {
  readonly dialect = "sqlite" as const;
  readonly capabilities = SQLITE_CAPABILITIES;
  readonly target: string;
  readonly #db: DatabaseSync;
  readonly #busyTimeoutMs: number;
  readonly #statements = new Map<string, Prepared>();
  /** Settles when the transaction in progress ends; other callers wait on it. */
  #inTransaction: Promise<void> | null = null;
  #closed = false;

  constructor(path: string, options: SqliteOptions = {}) {
    this.target = path;
    this.#busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
    try {
      if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
      this.#db = new DatabaseSync(path);
      this.#db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(this.#busyTimeoutMs))}`);
      // WAL lets readers run while one process writes, and a killed writer loses only its
      // uncommitted transaction. synchronous=FULL makes each commit reach the disk, so a
      // committed document survives a power cut too; one fsync per document is cheap next to
      // extraction.
      this.#db.exec("PRAGMA journal_mode = WAL");
      this.#db.exec("PRAGMA synchronous = FULL");
      this.#db.exec("PRAGMA foreign_keys = ON");
    } catch (e) {
      throw errors.db(path, describe(e, this.#busyTimeoutMs));
    }
  }

  async exec(sql: string): Promise<void> {
    await this.#whenIdle();
    this.#execNow(sql);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    await this.#whenIdle();
    return this.#runNow(sql, params);
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    await this.#whenIdle();
    return this.#allNow<T>(sql, params);
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    await this.#whenIdle();
    return this.#getNow<T>(sql, params);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    // Check and claim in one synchronous step after the wait, so two waiters woken together
    // cannot both start a transaction on the one connection.
    while (this.#inTransaction) await this.#inTransaction;
    this.#assertOpen();
    let release = () => {};
    this.#inTransaction = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      return await this.#transact(fn, 0);
    } finally {
      this.#inTransaction = null;
      release();
    }
  }

  /** SQLite lets one writer at a time in (BEGIN IMMEDIATE waits for the file lock), so no extra lock. */
  async exclusive<T>(_name: string, fn: (conn: Queryable) => Promise<T>): Promise<T> {
    this.#assertOpen();
    return fn(this);
  }

  async close(): Promise<void> {
    while (this.#inTransaction) await this.#inTransaction;
    if (this.#closed) return;
    this.#closed = true;
    this.#statements.clear();
    try {
      this.#db.close();
    } catch (e) {
      throw errors.db(this.target, describe(e, this.#busyTimeoutMs));
    }
  }

  async #transact<T>(fn: (tx: Queryable) => Promise<T>, depth: number): Promise<T> {
    const savepoint = `sitrep_savepoint_${depth}`;
    // IMMEDIATE takes the write lock up front, where busy_timeout applies; a deferred
    // transaction that later upgrades to writing fails at once with SQLITE_BUSY instead.
    this.#execNow(depth === 0 ? "BEGIN IMMEDIATE" : `SAVEPOINT ${savepoint}`);
    let active = true;
    const guard = () => {
      if (!active)
        throw errors.db(
          this.target,
          "transaction already finished: use it inside its callback only",
        );
    };
    const tx: Queryable = {
      dialect: this.dialect,
      capabilities: this.capabilities,
      target: this.target,
      exec: async (sql) => {
        guard();
        this.#execNow(sql);
      },
      run: async (sql, params = []) => {
        guard();
        return this.#runNow(sql, params);
      },
      all: async <R>(sql: string, params: readonly SqlValue[] = []) => {
        guard();
        return this.#allNow<R>(sql, params);
      },
      get: async <R>(sql: string, params: readonly SqlValue[] = []) => {
        guard();
        return this.#getNow<R>(sql, params);
      },
      transaction: async (inner) => {
        guard();
        return this.#transact(inner, depth + 1);
      },
    };
    try {
      const result = await fn(tx);
      active = false;
      this.#execNow(depth === 0 ? "COMMIT" : `RELEASE ${savepoint}`);
      return result;
    } catch (e) {
      active = false;
      try {
        if (this.#db.isOpen && this.#db.isTransaction) {
          this.#db.exec(
            depth === 0 ? "ROLLBACK" : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`,
          );
        }
      } catch {
        // Keep the error that got us here: it says what went wrong, a failed ROLLBACK does not.
      }
      throw e;
    }
  }

  async #whenIdle(): Promise<void> {
    while (this.#inTransaction) await this.#inTransaction;
    this.#assertOpen();
  }

  #assertOpen(): void {
    if (this.#closed) throw errors.db(this.target, "database is closed");
  }

  #prepare(sql: string): Prepared {
    const cached = this.#statements.get(sql);
    if (cached) return cached;
    const translated = toSqlitePlaceholders(sql);
    const prepared: Prepared = {
      statement: this.#db.prepare(translated.sql),
      order: translated.order,
      arity: translated.arity,
    };
    if (this.#statements.size >= STATEMENT_CACHE_SIZE) {
      const oldest = this.#statements.keys().next().value;
      if (oldest !== undefined) this.#statements.delete(oldest);
    }
    this.#statements.set(sql, prepared);
    return prepared;
  }

  #bind(prepared: Prepared, params: readonly SqlValue[]): SqlValue[] {
    // PostgreSQL refuses a parameter count that does not match; so do we, to catch it here.
    if (params.length !== prepared.arity) {
      throw new Error(`SQL takes ${prepared.arity} parameter(s) but was given ${params.length}`);
    }
    return prepared.order.map((i) => {
      const v = params[i];
      if (v === undefined)
        throw new Error(`parameter $${i + 1} is undefined; pass null for SQL NULL`);
      return v;
    });
  }

  #execNow(sql: string): void {
    this.#attempt(() => this.#db.exec(sql));
  }

  #runNow(sql: string, params: readonly SqlValue[]): RunResult {
    return this.#attempt(() => {
      const p = this.#prepare(sql);
      const r = p.statement.run(...this.#bind(p, params));
      return { changes: Number(r.changes) };
    });
  }

  #allNow<T>(sql: string, params: readonly SqlValue[]): T[] {
    return this.#attempt(() => {
      const p = this.#prepare(sql);
      return p.statement.all(...this.#bind(p, params)) as T[];
    });
  }

  #getNow<T>(sql: string, params: readonly SqlValue[]): T | undefined {
    return this.#attempt(() => {
      const p = this.#prepare(sql);
      return p.statement.get(...this.#bind(p, params)) as T | undefined;
    });
  }

  #attempt<T>(work: () => T): T {
    this.#assertOpen();
    try {
      return work();
    } catch (e) {
      if (isSitrepError(e)) throw e;
      const wrapped = errors.db(this.target, describe(e, this.#busyTimeoutMs));
      wrapped.cause = e;
      throw wrapped;
    }
  }
}

export function openSqlite(path: string, options?: SqliteOptions): SqliteDb {
  return new SqliteDb(path, options);
}
