// The one query layer the store talks to (CONVENTIONS 9). Repositories write portable SQL with
// PostgreSQL's `$1` placeholders; each adapter translates what its engine needs. The API is
// async even though node:sqlite is synchronous, so a PostgreSQL adapter can slot in unchanged.

export type Dialect = "sqlite" | "postgres";

/** What a placeholder can bind. No booleans or undefined: PostgreSQL and SQLite disagree on both. */
export type SqlValue = string | number | bigint | null;

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

/** What both a connection and an open transaction can do. */
export interface Queryable {
  readonly dialect: Dialect;
  /** The database file or (password-free) URL, named in every error. */
  readonly target: string;
  /** Runs one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /**
   * Runs `fn` in a transaction: committed when `fn` resolves, rolled back when it throws.
   * Inside `fn`, use `tx`, not the outer handle: the outer handle waits for the transaction
   * to finish, so using it inside `fn` would wait forever. Nested calls use savepoints.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

export interface Db extends Queryable {
  close(): Promise<void>;
}
