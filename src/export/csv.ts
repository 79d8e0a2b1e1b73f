// CSV in ACLED's column order, so the rows line up with the datasets researchers already use,
// followed by sitrep's own columns. RFC 4180: CRLF line ends, fields quoted when they hold a
// comma, a quote or a line break, quotes doubled.
import { type AcledTaxonomy, loadAcledTaxonomy } from "./acled-taxonomy.ts";
import type { ExportEvent } from "./export-event.ts";

/** ACLED's export columns, in its order. */
export const ACLED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
] as const;

/** sitrep's extras, after ACLED's columns so ACLED readers that go by position still work. */
export const SITREP_COLUMNS = [
  "injuries",
  "civilian_fatalities",
  "confidence",
  "document_url",
] as const;

export const CSV_COLUMNS = [...ACLED_COLUMNS, ...SITREP_COLUMNS] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRecord = Record<CsvColumn, string | number | null>;

export interface CsvOptions {
  /** The export time written in `timestamp`; now by default. */
  now?: Date;
  taxonomy?: AcledTaxonomy;
}

/** ACLED's inter code for civilians: targeted civilians are always actor 2. */
const INTER_CIVILIANS = 7;

/**
 * ACLED's numeric interaction code: the two inter codes, lower first ("18" for state forces
 * and external forces, either way round); a lone actor's code followed by 0 ("60" for
 * protesters with no one else involved).
 */
export function interaction(inter1: number | null, inter2: number | null): string {
  if (inter1 !== null && inter2 !== null) {
    return `${Math.min(inter1, inter2)}${Math.max(inter1, inter2)}`;
  }
  const only = inter1 ?? inter2;
  return only === null ? "" : `${only}0`;
}

export function civilianTargeting(e: ExportEvent): string {
  const targeted =
    e.event_type === "Violence against civilians" ||
    (e.civilian_fatalities ?? 0) > 0 ||
    e.inter2 === INTER_CIVILIANS;
  return targeted ? "Civilian targeting" : "";
}

/** ACLED's event ids start with the country's alpha-3 code; this stands in when it is unknown. */
const UNKNOWN_COUNTRY = "XXX";

/**
 * One event as an ACLED row. `seq` numbers, within its country, an event that has no stored id,
 * as ACLED numbers its events ("IRQ1", "IRQ2"). Unknown figures stay empty rather than
 * becoming 0: sitrep tells "none reported" from "none".
 */
export function acledRecord(
  e: ExportEvent,
  seq: number,
  timestamp: number,
  taxonomy: AcledTaxonomy,
): CsvRecord {
  const country = taxonomy.country(e.iso, e.country);
  const prefix = country?.iso3 ?? UNKNOWN_COUNTRY;
  return {
    event_id_cnty: e.id ? `${prefix}-${e.id}` : `${prefix}${seq}`,
    event_date: e.event_date,
    year: e.event_date ? Number(e.event_date.slice(0, 4)) : null,
    time_precision: e.time_precision,
    disorder_type: taxonomy.disorderType(e.event_type, e.sub_event_type),
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    actor1: e.actor1,
    assoc_actor_1: e.assoc_actor_1,
    inter1: e.inter1,
    actor2: e.actor2,
    assoc_actor_2: e.assoc_actor_2,
    inter2: e.inter2,
    interaction: interaction(e.inter1, e.inter2),
    civilian_targeting: civilianTargeting(e),
    iso: e.iso,
    region: country?.region ?? null,
    country: e.country,
    admin1: e.admin1,
    admin2: e.admin2,
    admin3: null,
    location: e.location,
    latitude: e.latitude,
    longitude: e.longitude,
    geo_precision: e.geo_precision,
    source: e.source,
    source_scale: null,
    notes: e.notes,
    fatalities: e.fatalities,
    tags: null,
    timestamp,
    injuries: e.injuries,
    civilian_fatalities: e.civilian_fatalities,
    confidence: e.confidence,
    document_url: e.document_url ?? null,
  };
}

/** One field, quoted when RFC 4180 requires it. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CRLF = "\r\n";

export function toCsv(events: readonly ExportEvent[], options: CsvOptions = {}): string {
  const taxonomy = options.taxonomy ?? loadAcledTaxonomy();
  const timestamp = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const lines = [CSV_COLUMNS.join(",")];
  const seqByCountry = new Map<string, number>();
  for (const e of events) {
    const prefix = taxonomy.country(e.iso, e.country)?.iso3 ?? UNKNOWN_COUNTRY;
    const seq = (seqByCountry.get(prefix) ?? 0) + 1;
    seqByCountry.set(prefix, seq);
    const record = acledRecord(e, seq, timestamp, taxonomy);
    lines.push(CSV_COLUMNS.map((c) => csvField(record[c])).join(","));
  }
  return lines.join(CRLF) + CRLF;
}
