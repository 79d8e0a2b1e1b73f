// Lexicons, trigger tables and dictionaries live under data/ as TSV or JSON (CONVENTIONS 5).
// This is the one reader for them.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DATA_DIR = join(PROJECT_ROOT, "data");

export type Row = Record<string, string>;

/**
 * Reads a TSV table: the first non-comment line names the columns; lines starting with `#`
 * and blank lines are skipped. A row with fewer cells than columns gets "" for the rest.
 */
export function readTable(file: string): Row[] {
  const path = file.startsWith("/") ? file : join(DATA_DIR, file);
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  let header: string[] | null = null;
  const rows: Row[] = [];
  for (const line of lines) {
    if (!line.trim() || line.startsWith("#")) continue;
    const cells = line.split("\t");
    if (!header) {
      header = cells.map((c) => c.trim());
      continue;
    }
    const row: Row = {};
    header.forEach((h, i) => {
      row[h] = (cells[i] ?? "").trim();
    });
    rows.push(row);
  }
  return rows;
}

export function readJson<T>(file: string): T {
  const path = file.startsWith("/") ? file : join(DATA_DIR, file);
  return JSON.parse(readFileSync(path, "utf8")) as T;
}
