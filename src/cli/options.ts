// Validation of command-line values: each bad value is a one-line SitrepError naming it.
import { errors } from "../core/errors.ts";
import type { IsoDate } from "../core/types.ts";
import { PRESETS, type PresetName } from "../pipeline/pipeline.ts";

export function parseIsoDate(value: string | undefined, option: string): IsoDate | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== value) throw errors.badDate(value, option);
  return value;
}

export function parseChoice<T extends string>(
  value: string | undefined,
  option: string,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw errors.badOption(`${option} "${value}" is not one of: ${choices.join(", ")}`);
}

export function parsePreset(value: string | undefined): PresetName {
  return parseChoice(value, "--preset", Object.keys(PRESETS) as PresetName[], "precise");
}

export function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw errors.badOption(`--limit "${value}" is not a positive whole number`);
  return n;
}

/** The database: --db, else SITREP_DATABASE_URL, else sitrep.db in the working folder. */
export function databaseTarget(value: string | undefined): string {
  return value ?? process.env.SITREP_DATABASE_URL ?? "sitrep.db";
}

/** --delay: seconds between two requests to one host, as milliseconds (default 1 s). */
export function delayMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    throw errors.badOption(`--delay "${value}" is not a number of seconds, 0 or more`);
  }
  return n * 1000;
}
