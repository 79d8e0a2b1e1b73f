import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
import { compassForm, isFresh } from "../../../scripts/build-gazetteer.ts";
import { PROJECT_ROOT } from "../../core/data-files.ts";
import { isSitrepError } from "../../core/errors.ts";
import { openGazetteer } from "./gazetteer.ts";
import { DEFAULT_GAZETTEER_PATH } from "./gazetteer-schema.ts";
import { testGazetteer } from "./test-gazetteer.ts";

const gaz = testGazetteer();

describe("gazetteer build", () => {
  it("holds cities500, admin1 divisions and countries", () => {
    const meta = gaz.meta();
    assert.ok(Number(meta.places) > 150_000, `places: ${meta.places}`);
    assert.ok(Number(meta.admin1) > 3_000, `admin1: ${meta.admin1}`);
    assert.ok(Number(meta.admin2) > 40_000, `admin2: ${meta.admin2}`);
    assert.equal(Number(meta.countries), 250);
    assert.ok(Number(meta.names) > Number(meta.places), `names: ${meta.names}`);
    assert.match(meta.built, /^\d{4}-\d\d-\d\dT/);
  });

  it("skips a rebuild when the index is newer than its inputs", () => {
    assert.equal(isFresh(DEFAULT_GAZETTEER_PATH), true);
    const node = process.execPath;
    const r = spawnSync(node, [join(PROJECT_ROOT, "scripts", "build-gazetteer.ts")], {
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /up to date/);
  });
});

describe("gazetteer lookups", () => {
  it("finds Baghdad the city and Baghdad the governorate", () => {
    const entries = gaz.lookup("baghdad");
    const city = entries.find((e) => e.kind === "city" && e.iso === "IQ");
    assert.ok(city, "city");
    assert.equal(city.fcode, "PPLC");
    assert.ok(Math.abs(city.lat - 33.34) < 0.05 && Math.abs(city.lon - 44.4) < 0.05);
    assert.ok(entries.some((e) => e.kind === "admin1" && e.iso === "IQ" && e.admin1Code === "07"));
  });

  it("meets spellings through fold, loose and skeleton keys", () => {
    const ids = (key: string) => gaz.lookup(key).map((e) => e.geonameid);
    assert.ok(ids("irbil").includes(ids("erbil").find((id) => id > 0) ?? -1), "Irbil = Erbil");
    const qaim = gaz.lookup("al qaim").find((e) => e.iso === "IQ");
    assert.ok(qaim);
    assert.ok(ids("qaim").includes(qaim.geonameid), "loose key without the article");
    assert.ok(gaz.lookup("deirezor").some((e) => e.name === "Deir ez-Zor" && e.kind === "city"));
  });

  it("knows 'Northern Darfur' as news writes it, 'North Darfur'", () => {
    assert.equal(compassForm("Northern Darfur"), "North Darfur");
    assert.equal(compassForm("Southern Kordofan"), "South Kordofan");
    assert.equal(compassForm("Northern Province"), null);
    assert.equal(compassForm("North Kivu"), null);
    assert.ok(gaz.lookup("north darfur").some((e) => e.kind === "admin1" && e.iso === "SD"));
  });

  it("lets Abu Kamal and Albu Kamal meet, and knows Turkey by its English name", () => {
    const abu = gaz.lookup("abu kamal").find((e) => e.iso === "SY" && e.kind === "city");
    assert.ok(abu, "Abu Kamal");
    assert.ok(gaz.lookup("albu kamal").some((e) => e.geonameid === abu.geonameid));
    assert.ok(gaz.lookup("turkey").some((e) => e.kind === "country" && e.iso === "TR"));
  });

  it("keeps a Spanish 'El' as part of the name", () => {
    assert.equal(
      gaz.lookup("puerto").some((e) => e.name === "El Puerto"),
      false,
      "El Puerto is not Puerto",
    );
    assert.ok(
      gaz.lookup("fasher").some((e) => e.name === "El Fasher"),
      "El Fasher is Fasher",
    );
  });

  it("knows countries by name, official name, code and demonym", () => {
    for (const key of ["iraq", "republic of iraq", "iraqi", "iraqis"]) {
      assert.ok(
        gaz.lookup(key).some((e) => e.kind === "country" && e.iso === "IQ"),
        key,
      );
    }
    const us = gaz.lookup("us").find((e) => e.kind === "country");
    assert.equal(us?.iso, "US");
    assert.equal(us?.how, "code");
    assert.equal(gaz.lookup("iq").length, 0, "two-letter ISO codes are no keys");
    assert.equal(gaz.lookup("bgw").length, 0, "airport codes are no keys");
  });

  it("knows admin1 divisions without their kind word", () => {
    const anbar = gaz.lookup("anbar").find((e) => e.kind === "admin1");
    assert.equal(anbar?.iso, "IQ");
    assert.equal(anbar?.admin1Code, "01");
    assert.ok(gaz.lookup("santander").some((e) => e.kind === "admin1" && e.iso === "CO"));
    assert.ok(gaz.lookup("hasaka").some((e) => e.kind === "admin1" && e.iso === "SY"));
  });

  it("knows second-level divisions by their bare names, and regions by the division holding them", () => {
    const sulu = gaz.lookup("sulu").find((e) => e.kind === "admin2");
    assert.equal(sulu?.iso, "PH");
    assert.ok(gaz.lookup("agusan norte").some((e) => e.kind === "admin2" && e.iso === "PH"));
    const ghouta = gaz.lookup("eastern ghouta").find((e) => e.kind === "admin2");
    assert.equal(ghouta?.iso, "SY");
    assert.equal(ghouta?.admin1Code, "08");
    // a division named like a town of its country is the town's under the bare name
    assert.ok(!gaz.lookup("douma").some((e) => e.kind === "admin2"));
    // US counties keep their kind word: "Cook" alone is no county
    assert.ok(!gaz.lookup("cook").some((e) => e.kind === "admin2"));
  });

  it("names countries and divisions by code, and makes Places", () => {
    assert.equal(gaz.countryName("IQ"), "Iraq");
    assert.equal(gaz.admin1Name("IQ", "01"), "Anbar");
    assert.equal(gaz.admin1Name("IQ", "99"), null);
    assert.equal(gaz.admin2Name("AE", "01", "101"), "Abu Dhabi Municipality");
    assert.equal(gaz.country("DE")?.name, "Germany");
    const city = gaz.lookup("landstuhl").find((e) => e.iso === "DE");
    assert.ok(city);
    const place = gaz.toPlace(city);
    assert.equal(place.country, "Germany");
    assert.equal(place.admin1, "Rheinland-Pfalz");
    assert.equal(place.featureClass, "P");
    const country = gaz.toPlace(gaz.country("IQ") ?? city);
    assert.equal(country.admin1, null);
    assert.ok(country.geonameid < 0, "countries have sitrep's own negative ids");
  });

  it("caches lookups", () => {
    assert.equal(gaz.lookup("mosul"), gaz.lookup("mosul"));
  });

  it("says how to build the index when it is missing", () => {
    assert.throws(
      () => openGazetteer("/nonexistent/gazetteer.sqlite"),
      (e) =>
        isSitrepError(e) && e.code === "GAZETTEER_MISSING" && /build:gazetteer/.test(e.message),
    );
  });
});
