// Small helpers for building portable SQL with `$n` placeholders.
import type { Queryable, SqlValue } from "./db.ts";

/** `$start, $start+1, ...` for `count` values. */
export function placeholders(count: number, start = 1): string {
  return Array.from({ length: count }, (_, i) => `$${start + i}`).join(", ");
}

/** Collects parameters while a WHERE clause is built; `add` returns the placeholder to write. */
export class Params {
  readonly values: SqlValue[] = [];

  add(value: SqlValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Escapes LIKE's wildcards so user text matches literally; pair with `ESCAPE '\'`. */
export function likeContains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;
}

/**
 * Splits a list for `IN (...)`: SQLite allows 32766 parameters a statement and PostgreSQL
 * 65535; 500 stays far under both and keeps statements small enough to cache.
 */
export const IN_LIST_CHUNK = 500;

export function chunks<T>(items: readonly T[], size = IN_LIST_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Parameters per multi-row INSERT. A document's events, claims or evidence go in one statement
 * (a round trip each, instead of one a row: PostgreSQL is across a network); past this many
 * values they are split, keeping statements far under both engines' limits.
 */
export const MAX_PARAMS_PER_INSERT = 1000;

/** Inserts `rows` (each one value per column) with as few statements as fit the limit. */
export async function insertRows(
  q: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS_PER_INSERT / columns.length));
  for (const chunk of chunks(rows, perStatement)) {
    const values = chunk.map((_, r) => `(${placeholders(columns.length, 1 + r * columns.length)})`);
    await q.run(
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values.join(", ")}`,
      chunk.flat(),
    );
  }
}
