// The GeoNames gazetteer: a read-only view of data/build/gazetteer.sqlite (built by
// scripts/build-gazetteer.ts). Lookups go through prepared statements and a bounded cache, so
// opening costs a file open and each repeated lookup a Map hit.
import { existsSync } from "node:fs";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { errors } from "../../core/errors.ts";
import type { Place, PlaceKind } from "../../core/types.ts";
import { DEFAULT_GAZETTEER_PATH, SCHEMA_VERSION } from "./gazetteer-schema.ts";
import { bloomMayHave, NAME_HOWS, type NameHow } from "./place-keys.ts";

/** One candidate a key resolves to. Countries and admin1 divisions have negative ids (gazetteer-schema.ts). */
export interface GazetteerEntry {
  geonameid: number;
  name: string;
  /** ISO 3166-1 alpha-2. */
  iso: string;
  /** GeoNames admin1 code ("07" for Baghdad), "" for a country. */
  admin1Code: string;
  admin2Code: string;
  lat: number;
  lon: number;
  /** GeoNames feature class and code: P/PPLC, P/PPLA2...; A/ADM1 for admin1, A/PCLI for countries. */
  fclass: string;
  fcode: string;
  /** As GeoNames gives it (0 when unknown); for admin1 and countries the sum over their places. */
  population: number;
  kind: PlaceKind;
  /** How the looked-up key was derived from this entry's names. */
  how: NameHow;
}

export interface Gazetteer {
  readonly path: string;
  /** Every entry stored under a fold()ed key, best-matched first; [] when none. */
  lookup(key: string): GazetteerEntry[];
  /**
   * The Bloom filter over every key (place-keys.ts), or null when the index has none: a caller
   * trying many keys can hash each as it reads it and skip those surely absent (lookup() does
   * the same test first, so skipping changes nothing).
   */
  keyFilter(): Uint8Array | null;
  /** The country entry (kind 'country') for an ISO alpha-2 code. */
  country(iso: string): GazetteerEntry | null;
  /** The admin1 entry for an ISO code and GeoNames admin1 code. */
  admin1(iso: string, code: string): GazetteerEntry | null;
  countryName(iso: string): string | null;
  admin1Name(iso: string, code: string): string | null;
  admin2Name(iso: string, admin1: string, admin2: string): string | null;
  /** The index's build metadata: built, schema, counts. */
  meta(): Record<string, string>;
  toPlace(entry: GazetteerEntry): Place;
  close(): void;
}

/** Lookup results kept in memory; cleared when full, which a long batch run reaches rarely. */
const CACHE_LIMIT = 50_000;

const COLUMNS =
  "p.geonameid, p.name, p.iso, p.admin1, p.admin2, p.lat, p.lon, p.fclass, p.fcode, p.population, p.kind";

const NONE: GazetteerEntry[] = Object.freeze([]) as unknown as GazetteerEntry[];

interface PlaceRow {
  geonameid: number;
  name: string;
  iso: string;
  admin1: string;
  admin2: string;
  lat: number;
  lon: number;
  fclass: string;
  fcode: string;
  population: number;
  kind: string;
}

/** A row of byKey as an array, in COLUMNS order, then how. */
type RowArray = [
  number,
  string,
  string,
  string,
  string,
  number,
  number,
  string,
  string,
  number,
  string,
  number,
];

function fromArray(r: RowArray): PlaceRow {
  return {
    geonameid: r[0],
    name: r[1],
    iso: r[2],
    admin1: r[3],
    admin2: r[4],
    lat: r[5],
    lon: r[6],
    fclass: r[7],
    fcode: r[8],
    population: r[9],
    kind: r[10],
  };
}

function toEntry(r: PlaceRow, how: NameHow): GazetteerEntry {
  return Object.freeze({
    geonameid: r.geonameid,
    name: r.name,
    iso: r.iso,
    admin1Code: r.admin1,
    admin2Code: r.admin2,
    lat: r.lat,
    lon: r.lon,
    fclass: r.fclass,
    fcode: r.fcode,
    population: r.population,
    kind: r.kind as PlaceKind,
    how,
  });
}

export function openGazetteer(path: string = DEFAULT_GAZETTEER_PATH): Gazetteer {
  if (!existsSync(path)) throw errors.gazetteerMissing(path);
  const db = new DatabaseSync(path, { readOnly: true });
  // Keep the shared lock between statements: SQLite then skips re-validating its page cache
  // (a lock round trip and a read) on every lookup. The index is never written in place.
  db.exec("PRAGMA locking_mode = EXCLUSIVE");
  // an index from an older build has other tables or keys: the fix is the same rebuild
  const schema = db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as
    | { value: string }
    | undefined;
  if (schema?.value !== SCHEMA_VERSION) {
    db.close();
    throw errors.gazetteerMissing(path);
  }
  const byKey = db.prepare(
    `SELECT ${COLUMNS}, n.how AS how FROM name n JOIN place p ON p.geonameid = n.geonameid WHERE n.key = ? ORDER BY n.how, p.population DESC`,
  );
  // rows as arrays: half the cost of row objects for keys with many places ("santa maria")
  byKey.setReturnArrays(true);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM place p WHERE p.geonameid = ?`);
  const countryRow = db.prepare("SELECT geonameid FROM country WHERE iso = ?");
  const admin1Row = db.prepare(
    `SELECT ${COLUMNS} FROM place p WHERE p.iso = ? AND p.admin1 = ? AND p.kind = 'admin1'`,
  );
  const adminName = db.prepare(
    "SELECT name FROM admin WHERE iso = ? AND admin1 = ? AND admin2 = ?",
  );
  const bloomRow = db.prepare("SELECT bits FROM bloom").get() as { bits: Uint8Array } | undefined;
  const filter = bloomRow?.bits ?? null;
  const cache = new Map<string, GazetteerEntry[]>();
  const names = new Map<string, string | null>();
  const entries = new Map<string, GazetteerEntry | null>();

  function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
    const hit = map.get(key);
    if (hit !== undefined || map.has(key)) return hit as T;
    if (map.size >= CACHE_LIMIT) map.clear();
    const value = make();
    map.set(key, value);
    return value;
  }

  function one(stmt: StatementSync, ...args: string[]): PlaceRow | undefined {
    return stmt.get(...args) as PlaceRow | undefined;
  }

  const gaz: Gazetteer = {
    path,
    lookup(key) {
      if (filter && !bloomMayHave(filter, key)) return NONE;
      return cached(
        cache,
        key,
        () =>
          Object.freeze(
            (byKey.all(key) as unknown as RowArray[]).map((r) =>
              toEntry(fromArray(r), NAME_HOWS[r[11]]),
            ),
          ) as GazetteerEntry[],
      );
    },
    keyFilter() {
      return filter;
    },
    country(iso) {
      return cached(entries, `c:${iso}`, () => {
        const c = countryRow.get(iso) as { geonameid: number } | undefined;
        const r = c && (byId.get(c.geonameid) as PlaceRow | undefined);
        return r ? toEntry(r, "name") : null;
      });
    },
    admin1(iso, code) {
      return cached(entries, `a:${iso}.${code}`, () => {
        const r = one(admin1Row, iso, code);
        return r ? toEntry(r, "name") : null;
      });
    },
    countryName(iso) {
      return gaz.country(iso)?.name ?? null;
    },
    admin1Name(iso, code) {
      if (!code) return null;
      return cached(names, `${iso}.${code}`, () => {
        const r = adminName.get(iso, code, "") as { name: string } | undefined;
        return r?.name ?? null;
      });
    },
    admin2Name(iso, admin1, admin2) {
      if (!admin1 || !admin2) return null;
      return cached(names, `${iso}.${admin1}.${admin2}`, () => {
        const r = adminName.get(iso, admin1, admin2) as { name: string } | undefined;
        return r?.name ?? null;
      });
    },
    meta() {
      const rows = db.prepare("SELECT key, value FROM meta").all() as Array<{
        key: string;
        value: string;
      }>;
      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
    toPlace(e) {
      return {
        geonameid: e.geonameid,
        name: e.name,
        iso: e.iso,
        country: gaz.countryName(e.iso) ?? e.iso,
        admin1: e.kind === "country" ? null : gaz.admin1Name(e.iso, e.admin1Code),
        admin2:
          e.kind === "city" || e.kind === "admin2"
            ? gaz.admin2Name(e.iso, e.admin1Code, e.admin2Code)
            : null,
        latitude: e.lat,
        longitude: e.lon,
        featureClass: e.fclass,
        featureCode: e.fcode,
        population: e.population,
      };
    },
    close() {
      cache.clear();
      db.close();
    },
  };
  return gaz;
}
