// Versioned migrations (CONVENTIONS 9): frozen SQL files, one folder per dialect, applied in
// order, each in its own transaction, and recorded in schema_migrations. The files are plain
// SQL, so a migration can never come to depend on application code.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { errors } from "../core/errors.ts";
import type { Db, Dialect, Queryable } from "./db.ts";
import { failure } from "./failure.ts";

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "migrations");

/** `001-initial.sql`: three-digit version, kebab-case name. */
const FILE_NAME = /^(\d{3})-([a-z0-9]+(?:-[a-z0-9]+)*)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  path: string;
}

export interface AppliedMigration {
  version: number;
  name: string;
  applied_at: string;
}

export interface MigrateResult {
  /** The migrations this call applied, oldest first; empty when the schema was current. */
  applied: Migration[];
  /** The schema version the database is at now. */
  version: number;
}

// Portable DDL: the bookkeeping table must exist before any versioned file can be recorded.
const CREATE_BOOKKEEPING = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

/** Reads a dialect's migration files, checking they number 1, 2, 3 ... with no gap. */
export function loadMigrations(dialect: Dialect, dir = join(MIGRATIONS_DIR, dialect)): Migration[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".sql"));
  } catch {
    throw errors.db(dir, `no ${dialect} migrations found: the sitrep installation is incomplete`);
  }
  const migrations = files
    .map((file) => {
      const m = FILE_NAME.exec(file);
      if (!m) {
        throw errors.db(join(dir, file), "migration files are named NNN-kebab-name.sql");
      }
      const path = join(dir, file);
      return { version: Number(m[1]), name: m[2], sql: readFileSync(path, "utf8"), path };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw errors.db(
        m.path,
        `expected migration ${i + 1} here, found ${m.version}: versions run 1, 2, 3 ... with no gap or repeat`,
      );
    }
  });
  return migrations;
}

export async function appliedMigrations(db: Queryable): Promise<AppliedMigration[]> {
  await db.exec(CREATE_BOOKKEEPING);
  return db.all<AppliedMigration>(
    "SELECT version, name, applied_at FROM schema_migrations ORDER BY version",
  );
}

/** The name of the lock migrations run under (Db.exclusive). */
export const MIGRATE_LOCK = "sitrep-migrate";

/**
 * Brings the database to the newest schema. Safe to call on every start and from several
 * processes on several machines at once: the whole run holds the database's migrate lock
 * (PostgreSQL: an advisory lock; SQLite: its file lock, one writer at a time), and each migration
 * re-checks, inside its transaction, that no one else applied it meanwhile. Refuses a database
 * that is newer than this sitrep or whose history disagrees.
 */
export async function migrate(
  db: Db,
  migrations: Migration[] = loadMigrations(db.dialect),
): Promise<MigrateResult> {
  return db.exclusive(MIGRATE_LOCK, (conn) => migrateLocked(conn, migrations));
}

async function migrateLocked(db: Queryable, migrations: Migration[]): Promise<MigrateResult> {
  const before = await appliedMigrations(db);
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const a of before) {
    const m = known.get(a.version);
    if (!m) {
      throw errors.db(
        db.target,
        `database schema is at version ${a.version} (${a.name}), newer than this sitrep knows (${migrations.length}); upgrade sitrep`,
      );
    }
    if (m.name !== a.name) {
      throw errors.db(
        db.target,
        `migration ${a.version} was applied as "${a.name}" but this sitrep calls it "${m.name}": applied migrations are frozen, add a new one instead of renaming`,
      );
    }
  }

  const applied: Migration[] = [];
  const done = new Set(before.map((a) => a.version));
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    let ran: boolean;
    try {
      ran = await db.transaction(async (tx) => {
        const already = await tx.get<{ version: number }>(
          "SELECT version FROM schema_migrations WHERE version = $1",
          [m.version],
        );
        if (already) return false;
        await tx.exec(m.sql);
        await tx.run(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
          [m.version, m.name, new Date().toISOString()],
        );
        return true;
      });
    } catch (e) {
      throw failure(db.target, `migration ${m.version} (${m.name}) failed and was rolled back`, e);
    }
    if (ran) applied.push(m);
  }
  return { applied, version: migrations.length };
}
