// Small helpers for building portable SQL with `$n` placeholders.
import type { SqlValue } from "./db.ts";

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
