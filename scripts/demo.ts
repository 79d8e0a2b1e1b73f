// `npm start`: builds a demo database from the illustrative reports in fixtures/demo, prints the
// events as a table and writes the CSV and GeoJSON exports. The same calls as the CLI's.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runExtraction } from "../src/cli/run-extraction.ts";
import { eventsTable } from "../src/cli/table.ts";
import { PROJECT_ROOT } from "../src/core/data-files.ts";
import { toCsv, toGeoJson } from "../src/export/index.ts";
import { createPipeline, loadResources } from "../src/pipeline/pipeline.ts";
import { openStore } from "../src/store/store.ts";

const out = join(PROJECT_ROOT, "out");
const dbPath = join(out, "demo.db");
mkdirSync(out, { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbPath}${suffix}`, { force: true });

const started = performance.now();
const pipeline = createPipeline(loadResources());
const store = await openStore(dbPath);
try {
  const summary = await runExtraction(
    [join(PROJECT_ROOT, "fixtures", "demo", "reports.jsonl")],
    pipeline,
    { label: "demo" },
    async (doc, result) => (await store.ingest(doc, result)).events,
  );
  const events = await store.queryEvents({});
  const csv = join(out, "demo-events.csv");
  const geojson = join(out, "demo-events.geojson");
  writeFileSync(csv, toCsv(events));
  writeFileSync(geojson, `${JSON.stringify(toGeoJson(events), null, 2)}\n`);
  console.log(
    "sitrep demo: illustrative reports written for this project (fixtures/demo), not real news.\n",
  );
  console.log(eventsTable(events));
  console.log(
    `\n${summary.documents} reports → ${events.length} events in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      `${summary.errors ? `, ${summary.errors} error(s)` : ""}`,
  );
  console.log(`database: ${dbPath}\nexports:  ${csv}\n          ${geojson}`);
  console.log(`\nTry: node bin/sitrep.js events --db ${dbPath} --country SY`);
} finally {
  await store.close();
}
