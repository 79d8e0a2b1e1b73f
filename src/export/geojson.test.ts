import assert from "node:assert/strict";
import { test } from "node:test";
import { baghdad, event, jordan, nairobi } from "../store/test-fixtures.ts";
import { eventsOf } from "./export-event.ts";
import { toGeoJson } from "./geojson.ts";

test("each placed event is a Point at [longitude, latitude]", () => {
  const fc = toGeoJson(eventsOf([baghdad.result, jordan.result]));
  assert.equal(fc.type, "FeatureCollection");
  assert.deepEqual(
    fc.features.map((f) => f.geometry),
    [
      { type: "Point", coordinates: [44.4009, 33.3406] },
      { type: "Point", coordinates: [38.69, 33.31] },
    ],
  );
  assert.equal(fc.skipped, 0);
});

test("properties are the event's fields without claims and evidence, plus their counts", () => {
  const [feature] = toGeoJson(eventsOf(baghdad.result)).features;
  const p = feature.properties as unknown as Record<string, unknown>;
  assert.equal(p.claims, undefined);
  assert.equal(p.evidence, undefined);
  assert.equal(p.claims_count, 2);
  assert.equal(p.evidence_count, 1);
  assert.equal(p.fatalities, 2);
  assert.equal(p.event_type, "Explosions/Remote violence");
  assert.equal(p.document_url, "https://news.example/baghdad");
  assert.equal(feature.id, undefined);
});

test("events without usable coordinates are left out and counted", () => {
  const fc = toGeoJson([
    ...eventsOf(nairobi.result), // one placed, one not
    event({ latitude: 33.3, longitude: null }),
    event({ latitude: 95, longitude: 10 }),
    event({ latitude: 0, longitude: 0 }),
  ]);
  assert.equal(fc.features.length, 2);
  assert.equal(fc.skipped, 3);
  assert.deepEqual(fc.features[1].geometry.coordinates, [0, 0]);
});

test("a stored event's id becomes the feature id, and the output is plain JSON", () => {
  const fc = toGeoJson([{ ...jordan.result.events[0], id: "abc-001", document_id: "abc" }]);
  assert.equal(fc.features[0].id, "abc-001");
  assert.deepEqual(JSON.parse(JSON.stringify(fc)), fc);
});
