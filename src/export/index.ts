// The export formats: ACLED-ordered CSV, GeoJSON and JSON Lines.
export { type AcledTaxonomy, buildAcledTaxonomy, loadAcledTaxonomy } from "./acled-taxonomy.ts";
export {
  ACLED_COLUMNS,
  CSV_COLUMNS,
  type CsvOptions,
  civilianTargeting,
  csvField,
  interaction,
  SITREP_COLUMNS,
  toCsv,
} from "./csv.ts";
export { type ExportEvent, eventsOf } from "./export-event.ts";
export { type EventFeature, type EventFeatureCollection, toGeoJson } from "./geojson.ts";
export { toJsonl } from "./jsonl.ts";
