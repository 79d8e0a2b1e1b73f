// The UCDP scorer's own rules (eval/ucdp.ts), on rows written for these tests.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { emptyEvent } from "../src/core/empty-event.ts";
import type { SitrepEvent } from "../src/core/types.ts";
import {
  adminKey,
  appearsIn,
  decodeReferences,
  fatalitiesAnswerable,
  figures,
  goldPlaceName,
  headlineText,
  median,
  numbersIn,
  placeAnswerable,
  publishedOf,
  runUcdp,
  sameAdmin1,
  scoreRow,
  type UcdpRow,
  ucdpCountryNames,
} from "./ucdp.ts";

function row(over: Partial<UcdpRow>): UcdpRow {
  return {
    id: 1,
    country: "Syria",
    source_headline: "Shelling on Kafr Nabl kills 4 civilians",
    source_date: "2018-05-02",
    date_start: "2018-05-01",
    where_prec: 1,
    where_coordinates: "Kafr Nabl town",
    adm_1: "Idlib Governorate",
    latitude: 35.61,
    longitude: 36.56,
    best: 4,
    ...over,
  };
}

const event = (over: Partial<SitrepEvent>): SitrepEvent => emptyEvent(over);

describe("UCDP: what sitrep reads", () => {
  it("reads several headlines as paragraphs, with character references decoded", () => {
    const r = row({ source_headline: "Syria&#8217;s north;Second &amp; last" });
    assert.equal(headlineText(r), "Syria’s north\n\nSecond & last");
    assert.equal(decodeReferences("&#x2019;&quot;&nope;"), '’"&nope;');
  });

  it("reads the first source date, else the event's start", () => {
    assert.equal(publishedOf(row({ source_date: "2018-05-03;2018-05-04" })), "2018-05-03");
    assert.equal(publishedOf(row({ source_date: null })), "2018-05-01");
  });
});

describe("UCDP: answerable rows", () => {
  it("takes the gold name up to a comma or parenthesis, without its feature word", () => {
    assert.equal(goldPlaceName("Kafr Nabl town"), "Kafr Nabl");
    assert.equal(goldPlaceName("Ghazal (Qizil Mazra'ah) village"), "Ghazal");
    assert.equal(goldPlaceName("Mosul city, Nineveh"), "Mosul");
    assert.equal(goldPlaceName(null), "");
  });

  it("matches the gold name in the headline as whole folded words", () => {
    assert.equal(appearsIn("Kafr Nabl", "shelling on KAFR-NABL kills"), true);
    assert.equal(appearsIn("Bab", "al-Bab city"), true);
    assert.equal(appearsIn("Bab", "Babila"), false);
    assert.equal(placeAnswerable(row({})), true);
    assert.equal(placeAnswerable(row({ where_prec: 3 })), false, "only where_prec 1-2");
    assert.equal(placeAnswerable(row({ where_coordinates: "Maarrat town" })), false);
  });

  it("finds whole numbers in digits and in words, not in dates or ordinals", () => {
    const n = numbersIn(
      "Twenty-five killed, 1,200 displaced on 15/02/2016 in the 5th day; three hundred and two wounded",
    );
    assert.ok(n.has(25) && n.has(1200) && n.has(302), [...n].join(","));
    assert.ok(!n.has(15) && !n.has(5) && !n.has(2016), [...n].join(","));
    assert.equal(fatalitiesAnswerable(row({})), true);
    assert.equal(fatalitiesAnswerable(row({ best: 0 })), false, "best above 0 only");
    assert.equal(fatalitiesAnswerable(row({ best: 7 })), false);
  });
});

describe("UCDP: comparing", () => {
  it("compares admin1 names folded, without kind words or articles", () => {
    assert.equal(adminKey("Al Hasakah Governorate"), "hasakah");
    assert.equal(sameAdmin1("Idlib governorate", "Idlib", true), true);
    assert.equal(sameAdmin1("Hamah Governorate", "Hama", true), false, "README folding only");
    assert.equal(sameAdmin1("Hamah Governorate", "Hama", false), true, "a spelling of one name");
    assert.equal(sameAdmin1("Homs Governorate", "Hama", false), false);
    assert.equal(sameAdmin1("Misrata district", "Misratah", false), true, "a kind word");
    assert.equal(sameAdmin1("Donetsk oblast", "Donetsk", true), false, "README folding only");
    assert.equal(sameAdmin1("Donetsk oblast", "Luhansk", false), false);
  });

  it("reads UCDP's country names with their old names", () => {
    assert.deepEqual(ucdpCountryNames("DR Congo (Zaire)"), ["DR Congo", "Zaire"]);
    assert.deepEqual(ucdpCountryNames("Syria"), ["Syria"]);
  });

  it("counts a top event in Palestine for UCDP's Israel and one in Kosovo for its Serbia", () => {
    const iso = (c: string) =>
      ({ Israel: "IL", "Serbia (Yugoslavia)": "RS", Syria: "SY" })[c] ?? null;
    const at = (country: string) => event({ iso: country, confidence: 0.9 });
    assert.equal(scoreRow(row({ country: "Israel" }), { events: [at("PS")] }, iso).country, true);
    assert.equal(
      scoreRow(row({ country: "Serbia (Yugoslavia)" }), { events: [at("XK")] }, iso).country,
      true,
    );
    assert.equal(scoreRow(row({ country: "Syria" }), { events: [at("XK")] }, iso).country, false);
  });

  it("scores the top event's country, distance, admin1 and count; no event is a miss", () => {
    const iso = (c: string) => (c === "Syria" ? "SY" : null);
    const near = event({
      iso: "SY",
      admin1: "Idlib",
      latitude: 35.6,
      longitude: 36.56,
      fatalities: 4,
      confidence: 0.9,
    });
    const far = event({ iso: "SY", latitude: 33.5, longitude: 36.3, confidence: 0.2 });
    const s = scoreRow(row({}), { events: [far, near] }, iso);
    assert.equal(s.country, true);
    assert.ok(s.topKm !== null && s.topKm < 2, String(s.topKm));
    assert.equal(s.topAdmin1, true);
    assert.equal(s.topFatalities, true);
    const none = scoreRow(row({}), { events: [] }, iso);
    assert.equal(none.country, false);
    assert.equal(none.topKm, null);
    const f = figures([s, none]);
    assert.equal(f.country, 0.5);
    assert.equal(f.within, 0.5);
    assert.equal(f.medianKm, Number.POSITIVE_INFINITY, "a row with no point is an infinite error");
  });

  it("counts the rows whose headline names a place in the row's country", () => {
    const rows = [row({ id: 1 }), row({ id: 2, source_headline: "Clashes renew at dawn" })];
    const run = runUcdp(rows, {
      extract: () => ({ events: [] }),
      placesIn: (text) =>
        text.includes("Kafr Nabl") ? [{ lat: 35.61, lon: 36.56, iso: "SY", town: true }] : [],
      countryIso: (c) => (c === "Syria" ? "SY" : null),
    });
    assert.equal(run.countryNamed, 1);
  });

  it("takes the middle of an even list as the mean of the two middle values", () => {
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(median([])));
  });
});
