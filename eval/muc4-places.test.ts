// The MUC-4 places scorer (eval/muc4-places.ts): reading and geocoding a key's location, on
// locations written for these tests in the key's format.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { testGazetteer } from "../src/annotate/places/test-gazetteer.ts";
import { emptyEvent } from "../src/core/empty-event.ts";
import { geocodeGold, mucFigures, parseLocation, scoreTemplate } from "./muc4-places.ts";

const gaz = testGazetteer();

describe("MUC-4 places: the key's location", () => {
  it("reads the path from the country down, with the kind of each part", () => {
    assert.deepEqual(parseLocation("PERU: LIMA (DEPARTMENT): HUARAL (CITY)"), [
      { name: "PERU", type: null },
      { name: "LIMA", type: "DEPARTMENT" },
      { name: "HUARAL", type: "CITY" },
    ]);
    assert.deepEqual(parseLocation("COLOMBIA: CALI (CITY) / PALMIRA (CITY)").slice(1), [
      { name: "CALI", type: "CITY" },
    ]);
    assert.deepEqual(parseLocation("EL SALVADOR: SOYAPANGO (CITY) - ILOPANGO (JURISDICTION)")[1], {
      name: "SOYAPANGO",
      type: "CITY",
    });
  });

  it("geocodes the most specific part the gazetteer holds", () => {
    const cali = geocodeGold("COLOMBIA: VALLE DEL CAUCA (DEPARTMENT): CALI (CITY)", gaz);
    assert.equal(cali?.level, "town");
    assert.equal(cali?.iso, "CO");
    assert.ok(cali && Math.abs(cali.lat - 3.44) < 0.1, String(cali?.lat));
    const hood = geocodeGold("COLOMBIA: MEDELLIN (CITY): NOWHERE TOWN (NEIGHBORHOOD)", gaz);
    assert.equal(hood?.level, "town", "a neighbourhood falls back to its town");
    assert.equal(hood?.name, "Medellín");
    const country = geocodeGold("EL SALVADOR: SOME UNIVERSITY (UNIVERSITY)", gaz);
    assert.equal(country?.level, "country");
    assert.equal(geocodeGold("ATLANTIS", gaz), null);
  });

  it("scores country and distance on the article's nearest event", () => {
    const gold = geocodeGold("COLOMBIA: MEDELLIN (CITY)", gaz);
    const t = { article: "A", location: "COLOMBIA: MEDELLIN (CITY)", stage: "ACCOMPLISHED" };
    const at = emptyEvent({ iso: "CO", latitude: 6.25, longitude: -75.56, location: "Medellín" });
    const s = scoreTemplate(t, gold, [emptyEvent({ iso: "PE" }), at]);
    assert.equal(s.country, true);
    assert.ok(s.nearestKm !== null && s.nearestKm < 5, String(s.nearestKm));
    const f = mucFigures(1, [s, scoreTemplate(t, gold, [])]);
    assert.equal(f.country, 0.5);
    assert.equal(f.within, 0.5);
    assert.equal(f.noEvent, 1);
  });
});
