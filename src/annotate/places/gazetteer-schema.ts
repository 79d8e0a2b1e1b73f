// Where the GeoNames index lives and what its tables are. Written by scripts/build-gazetteer.ts,
// read by gazetteer.ts; a change here bumps SCHEMA_VERSION so a stale index is rebuilt.
import { join } from "node:path";
import { PROJECT_ROOT } from "../../core/data-files.ts";

export const DEFAULT_GAZETTEER_PATH = join(PROJECT_ROOT, "data", "build", "gazetteer.sqlite");

export const SCHEMA_VERSION = "9";

/**
 * Countries and admin1 divisions are not GeoNames features in the packages the index is built
 * from, so they get ids of sitrep's own, negative so they never meet a GeoNames id:
 * a country -(1 + 26·letter1 + letter2) (-1..-676), an admin1 -(ADMIN1_ID_BASE + its rank
 * among admin1 codes in sorted order).
 */
export const ADMIN1_ID_BASE = 1000;
/** An admin2 division: -(ADMIN2_ID_BASE + its rank among admin2 codes in sorted order). */
export const ADMIN2_ID_BASE = 10_000;

export function countryId(iso: string): number {
  const a = iso.charCodeAt(0) - 65;
  const b = iso.charCodeAt(1) - 65;
  return -(1 + a * 26 + b);
}

export const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- One row per GeoNames populated place, admin1 and admin2 division and country.
-- kind: city | admin1 | admin2 | country.
-- lat/lon of an admin1 is its capital (PPLA) or most populous place; of a country its capital.
-- population of an admin1 or country is the sum over its places in cities500 (for ranking only).
CREATE TABLE place (
  geonameid INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  iso TEXT NOT NULL,
  admin1 TEXT NOT NULL,
  admin2 TEXT NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  fclass TEXT NOT NULL,
  fcode TEXT NOT NULL,
  population INTEGER NOT NULL,
  kind TEXT NOT NULL
);
-- Every key a place is known by (place-keys.ts); how: index into NAME_HOWS.
CREATE TABLE name (key TEXT NOT NULL, geonameid INTEGER NOT NULL, how INTEGER NOT NULL,
  PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
-- Names of admin1 (admin2 = '') and admin2 divisions by GeoNames code.
CREATE TABLE admin (iso TEXT NOT NULL, admin1 TEXT NOT NULL, admin2 TEXT NOT NULL, name TEXT NOT NULL,
  PRIMARY KEY (iso, admin1, admin2)) WITHOUT ROWID;
-- A Bloom filter over every key of name (place-keys.ts): most lookups miss, and miss in memory.
CREATE TABLE bloom (bits BLOB NOT NULL);
CREATE TABLE country (iso TEXT PRIMARY KEY, name TEXT NOT NULL, official TEXT NOT NULL,
  capital TEXT, geonameid INTEGER NOT NULL) WITHOUT ROWID;
`;
