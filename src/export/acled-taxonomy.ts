// The ACLED columns sitrep's events do not carry, derived from tables under data/taxonomy/
// (CONVENTIONS 5): disorder type by event type, and region and alpha-3 code by country.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Row, readTable } from "../core/data-files.ts";

export interface CountryInfo {
  iso3: string;
  region: string | null;
}

export interface AcledTaxonomy {
  /** ACLED's disorder_type for an event type and sub-event type, or null for an unknown type. */
  disorderType(eventType: string, subEventType: string): string | null;
  /** By ISO alpha-2 code, else by country name (any case). */
  country(iso: string | null, name: string | null): CountryInfo | null;
}

/** The fields of a world-countries entry used here. */
export interface WorldCountry {
  cca2: string;
  cca3: string;
  region: string;
  subregion: string;
  name: { common: string; official: string };
}

const ANY_SUB_EVENT = "*";

export function buildAcledTaxonomy(
  disorderRows: Row[],
  regionRows: Row[],
  countries: WorldCountry[],
): AcledTaxonomy {
  const disorder = new Map<string, string>();
  for (const r of disorderRows)
    disorder.set(`${r.event_type}\t${r.sub_event_type}`, r.disorder_type);

  const bySubregion = new Map<string, string>();
  const byRegion = new Map<string, string>();
  const byCountry = new Map<string, string>();
  for (const r of regionRows) {
    if (r.kind === "subregion") bySubregion.set(r.key, r.acled_region);
    else if (r.kind === "region") byRegion.set(r.key, r.acled_region);
    else if (r.kind === "country") byCountry.set(r.key, r.acled_region);
  }

  const byIso = new Map<string, CountryInfo>();
  const byName = new Map<string, CountryInfo>();
  for (const c of countries) {
    const info: CountryInfo = {
      iso3: c.cca3,
      region:
        byCountry.get(c.cca2) ?? bySubregion.get(c.subregion) ?? byRegion.get(c.region) ?? null,
    };
    byIso.set(c.cca2, info);
    byName.set(c.name.common.toLowerCase(), info);
    byName.set(c.name.official.toLowerCase(), info);
  }

  return {
    disorderType: (eventType, subEventType) =>
      disorder.get(`${eventType}\t${subEventType}`) ??
      disorder.get(`${eventType}\t${ANY_SUB_EVENT}`) ??
      null,
    country: (iso, name) =>
      (iso ? byIso.get(iso.toUpperCase()) : undefined) ??
      (name ? byName.get(name.toLowerCase()) : undefined) ??
      null,
  };
}

let cached: AcledTaxonomy | null = null;

/** The taxonomy from data/taxonomy and the world-countries package, read once. */
export function loadAcledTaxonomy(): AcledTaxonomy {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const countries = JSON.parse(
    readFileSync(require.resolve("world-countries/countries.json"), "utf8"),
  ) as WorldCountry[];
  cached = buildAcledTaxonomy(
    readTable("taxonomy/disorder-types.tsv"),
    readTable("taxonomy/acled-regions.tsv"),
    countries,
  );
  return cached;
}
