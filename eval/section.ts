// What a data-set section of `npm run eval` is handed by eval/run.ts and hands back, and the
// pieces the sections share: a mapping table from eval/schemes/, target rows, and the plain
// precision/recall/F1 arithmetic.
import { join } from "node:path";
import { readTable } from "../src/core/data-files.ts";
import type { ExtractionResult } from "../src/core/types.ts";
import type { Headlines } from "./baseline.ts";
import { f3 } from "./report.ts";
import { type Loaded, REPO_ROOT } from "./shared-data.ts";

export type Preset = "precise" | "broad";

/** Extract one loaded document, or the error as a string: one bad document never stops the run. */
export type Extract = (loaded: Loaded, preset: Preset) => ExtractionResult | { error: string };

export interface SectionContext {
  print(s?: string): void;
  extract: Extract;
}

export interface SectionOutcome {
  /** The headline figures the section measured (none when its data was absent). */
  headlines: Headlines;
  /** What eval/last-run.json keeps for the section. */
  record: Record<string, unknown>;
}

// ------------------------------------------------------------------ mapping tables

export const SCHEMES_DIR = join(REPO_ROOT, "eval", "schemes");

export type SchemeRow = Record<string, string>;

/**
 * A table of eval/schemes/ (TSV, `#` comments, a header line). Every row needs the `columns`
 * and a non-empty `reason`: a mapping nobody can explain is not kept.
 */
export function readScheme(file: string, columns: string[]): SchemeRow[] {
  const rows = readTable(join(SCHEMES_DIR, file));
  rows.forEach((row, i) => {
    for (const c of [...columns, "reason"]) {
      if (!row[c]) throw new Error(`eval/schemes/${file}: row ${i + 1} has no ${c}`);
    }
  });
  return rows;
}

// ------------------------------------------------------------------ scores

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface PRF extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 from counts; a ratio with nothing to divide by is 0. */
export function prf(c: Counts): PRF {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

/** `part / whole`, or null when there is nothing to measure on. */
export function ratio(part: number, whole: number): number | null {
  return whole ? part / whole : null;
}

// ------------------------------------------------------------------ target rows

/** One row of a section's target table: value, target, and pass or MISSED. */
export interface Target {
  measure: string;
  /** A ratio, or a count when `count` is set; null when nothing was there to measure. */
  value: number | null;
  /** The value to reach (at least). */
  target: number;
  /** `value` is a count ("8 of 10"), out of `of`. */
  count?: { of: number };
  /** "12/16" and the like. */
  note: string;
}

export function targetRow(t: Target): string[] {
  const shown = t.value === null ? "-" : t.count ? `${t.value} of ${t.count.of}` : f3(t.value);
  const target = t.count ? `>= ${t.target} of ${t.count.of}` : `>= ${t.target.toFixed(2)}`;
  const verdict = t.value === null ? "not measured" : t.value >= t.target ? "pass" : "MISSED";
  return [t.measure, shown, target, verdict, t.note];
}

export const TARGET_HEAD = ["measure", "value", "target", "", "note"];
