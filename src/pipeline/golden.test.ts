// Golden tests: the illustrative reports of fixtures/demo, each with what it must yield, field by
// field, so a failure reads "fatalities: expected 27, got 3".
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../core/data-files.ts";
import type { SitrepEvent } from "../core/types.ts";
import { loadJsonl } from "../load/jsonl-loader.ts";
import { testPipeline } from "./test-resources.ts";

const file = join(PROJECT_ROOT, "fixtures", "demo", "reports.jsonl");
const docs = new Map(
  [...loadJsonl(readFileSync(file, "utf8"), file)].flatMap((item) =>
    "doc" in item ? [[item.doc.id, item.doc]] : [],
  ),
);

type Expect = Partial<Record<keyof SitrepEvent, unknown>>;

const GOLDEN: Record<string, Expect[]> = {
  "demo-deir-ez-zor-drone-strike": [
    {
      event_date: "2025-03-13",
      sub_event_type: "Air/drone strike",
      actor1: "Global Coalition Against Daesh",
      actor2: "Islamic State",
      iso: "SY",
      fatalities: 4,
      injuries: 2,
    },
  ],
  "demo-nairobi-protest": [
    {
      event_date: "2025-06-25",
      event_type: "Protests",
      sub_event_type: "Protest with intervention",
      actor1: "Police Forces of Kenya",
      actor2: "Protesters (Kenya)",
      location: "Nairobi",
      iso: "KE",
      fatalities: 0,
    },
  ],
  "demo-kandahar-roadside-bomb": [
    {
      event_date: "2025-09-01",
      sub_event_type: "Remote explosive/landmine/IED",
      actor1: "Unidentified Armed Group (Afghanistan)",
      actor2: "Military Forces of Afghanistan",
      iso: "AF",
      fatalities: 3,
      injuries: 5,
    },
  ],
  "demo-el-fasher-clashes": [
    {
      event_date: "2025-11-09",
      sub_event_type: "Armed clash",
      actor1: "Military Forces of Sudan",
      actor2: "Rapid Support Forces",
      location: "El Fasher",
      fatalities: 27,
    },
    {
      sub_event_type: "Shelling/artillery/missile attack",
      actor2: "Civilians (Sudan)",
      iso: "SD",
      geo_precision: 2,
      fatalities: 5,
    },
  ],
  "demo-zamfara-abduction": [
    {
      event_date: "2025-05-17",
      sub_event_type: "Abduction/forced disappearance",
      actor1: "Unidentified Armed Group (Nigeria)",
      iso: "NG",
    },
  ],
  "demo-threats-only": [],
};

const pipeline = testPipeline("precise");

for (const [id, expected] of Object.entries(GOLDEN)) {
  test(`golden: ${id}`, () => {
    const doc = docs.get(id);
    assert.ok(doc, `${id} is not in ${file}`);
    const { events } = pipeline.extract(doc);
    assert.equal(
      events.length,
      expected.length,
      `events: expected ${expected.length}, got ${events.map((e) => e.sub_event_type).join(", ") || "none"}`,
    );
    expected.forEach((want, i) => {
      for (const [field, value] of Object.entries(want)) {
        const got = events[i][field as keyof SitrepEvent];
        assert.deepEqual(
          got,
          value,
          `event ${i + 1} ${field}: expected ${JSON.stringify(value)}, got ${JSON.stringify(got)}`,
        );
      }
      for (const ev of events[i].evidence) assert.equal(doc.text.slice(ev.start, ev.end), ev.text);
    });
  });
}
