// The one query layer the store talks to (CONVENTIONS 9). Repositories write portable SQL with
// PostgreSQL's `$1` placeholders; each adapter translates what its engine needs. The API is
// async even though node:sqlite is synchronous, so the PostgreSQL adapter slots in unchanged.
// Where the engines differ in what they can do, code asks `capabilities`, never `dialect`.

export type Dialect = "sqlite" | "postgres";

/** What a placeholder can bind. No booleans or undefined: PostgreSQL and SQLite disagree on both. */
export type SqlValue = string | number | bigint | null;

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

/** What an engine can do that the other cannot; code that cares branches on these. */
export interface Capabilities {
  /**
   * Transactions started on one handle run at the same time, each on its own connection
   * (PostgreSQL's pool). Without it they run one after another on the one connection (SQLite).
   */
  parallelTransactions: boolean;
  /**
   * The database is a server that processes on other machines can share, so it can hold the job
   * queue that `sitrep worker` processes take work from. A SQLite file is one machine's.
   */
  sharedServer: boolean;
}

/** What both a connection and an open transaction can do. */
export interface Queryable {
  readonly dialect: Dialect;
  readonly capabilities: Capabilities;
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
  /**
   * Runs `fn` while this process holds the database-wide lock `name`, which other processes
   * (on any machine) asking for the same name wait for: PostgreSQL takes a session advisory lock
   * on one connection and hands `fn` that connection. SQLite's file lock already lets one writer
   * at a time in, so there `fn` simply gets this handle. Use `conn`, not the outer handle, inside.
   */
  exclusive<T>(name: string, fn: (conn: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
