// The checker on small hand-written expectations and results: one test per field, each with a
// passing and a failing pair, and the failure's wording asserted where a reader relies on it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyEvent } from "../src/core/empty-event.ts";
import type { Claim, ExtractionResult, SitrepEvent, Tally } from "../src/core/types.ts";
import {
  type CheckResult,
  checkActor2IfBattle,
  checkActors,
  checkAtMostNear,
  checkBoilerplateDropped,
  checkCivilianFatalities,
  checkCountriesAll,
  checkCountry,
  checkCountryLocations,
  checkDate,
  checkEventCount,
  checkEventType,
  checkExpectation,
  checkFatalities,
  checkFatalityClaims,
  checkInjuries,
  checkLocation,
  checkMustNot,
  checkNear,
  checkQuotes,
  checkSubEventType,
  checkTally,
  checkTitle,
  checkTitleOnce,
  type ExpectedEvent,
  type ExpectedFile,
  figureRange,
  totals,
} from "./expectation-check.ts";

function event(over: Partial<SitrepEvent> = {}): SitrepEvent {
  return emptyEvent({
    event_date: "2023-05-10",
    time_precision: 1,
    event_type: "Battles",
    sub_event_type: "Armed clash",
    actor1: "Military Forces of Ruritania",
    actor2: "Red Hand Militia",
    inter1: 1,
    inter2: 3,
    country: "Ruritania",
    iso: "RU",
    location: "Strelsau",
    latitude: 50,
    longitude: 10,
    geo_precision: 1,
    geonameid: 1,
    fatalities: 2,
    evidence: [
      { text: "Soldiers clashed with the Red Hand in Strelsau on Wednesday.", start: 0, end: 60 },
    ],
    confidence: 0.7,
    ...over,
  });
}

function result(over: Partial<ExtractionResult> = {}): ExtractionResult {
  return {
    id: "t",
    url: null,
    title: "Clashes in Strelsau",
    published: "2023-05-11",
    text: "Soldiers clashed with the Red Hand in Strelsau on Wednesday.",
    events: [event()],
    tallies: [],
    dropped: [],
    ...over,
  };
}

function claim(over: Partial<Claim>): Claim {
  return {
    field: "fatalities",
    value: 2,
    qualifier: "exact",
    source: null,
    text: "",
    start: 0,
    end: 0,
    ...over,
  };
}

const exp = (over: Partial<ExpectedEvent>): ExpectedEvent => ({
  key: "k",
  required: true,
  ...over,
});

test("event_type and event_type_any", () => {
  assert.equal(checkEventType(exp({ event_type: "Battles" }), event())?.pass, true);
  const fail = checkEventType(exp({ event_type_any: ["Riots", "Protests"] }), event());
  assert.equal(fail?.pass, false);
  assert.equal(fail?.detail, "event_type: expected one of Riots | Protests, got Battles");
  assert.equal(checkEventType(exp({}), event()), null);
});

test("sub_event_type and sub_event_type_any", () => {
  assert.equal(
    checkSubEventType(exp({ sub_event_type_any: ["Armed clash", "Other"] }), event())?.pass,
    true,
  );
  const fail = checkSubEventType(exp({ sub_event_type: "Air/drone strike" }), event());
  assert.equal(fail?.detail, "sub_event_type: expected Air/drone strike, got Armed clash");
});

test("date, date_before and date_between", () => {
  assert.equal(checkDate(exp({ date: "2023-05-10" }), event())?.pass, true);
  assert.equal(
    checkDate(exp({ date: "2023-05-09" }), event())?.detail,
    "date: expected 2023-05-09, got 2023-05-10",
  );
  assert.equal(
    checkDate(exp({ date_before: "2023-05-10" }), event())?.pass,
    false,
    "strictly before",
  );
  assert.equal(checkDate(exp({ date_before: "2023-05-11" }), event())?.pass, true);
  assert.equal(checkDate(exp({ date_between: ["2023-05-10", "2023-05-12"] }), event())?.pass, true);
  const undated = checkDate(
    exp({ date_between: ["2023-05-01", "2023-05-07"] }),
    event({ event_date: null }),
  );
  assert.equal(undated?.detail, "date: expected 2023-05-01..2023-05-07, got no date");
});

test("country and country_any", () => {
  assert.equal(checkCountry(exp({ country: "RU" }), event())?.pass, true);
  assert.equal(
    checkCountry(exp({ country_any: ["HK", "CN"] }), event())?.detail,
    "country: expected one of HK | CN, got RU",
  );
  assert.equal(
    checkCountry(exp({ country: "RU" }), event({ iso: null }))?.detail,
    "country: expected RU, got none",
  );
});

test("location_any ignores case, diacritics, apostrophes and hyphens, either way round", () => {
  assert.equal(
    checkLocation(exp({ location_any: ["Al-Qa'im"] }), event({ location: "Al Qā’im" }))?.pass,
    true,
  );
  assert.equal(
    checkLocation(exp({ location_any: ["Strelsau"] }), event({ location: "Old Town, Strelsau" }))
      ?.pass,
    true,
  );
  assert.equal(checkLocation(exp({ location_any: ["Strelsau Old Town"] }), event())?.pass, true);
  const fail = checkLocation(exp({ location_any: ["Zenda"] }), event());
  assert.equal(fail?.detail, "location: expected Zenda, got Strelsau");
});

test("location_any_xx applies to the event in that country", () => {
  const e = exp({ location_any_ru: ["Strelsau"] });
  assert.deepEqual(
    checkCountryLocations(e, event()).map((c) => c.pass),
    [true],
  );
  const elsewhere = checkCountryLocations(e, event({ iso: "SY" }));
  assert.equal(elsewhere[0].pass, false);
  assert.equal(elsewhere[0].detail, "location (RU): expected an event in RU, got SY");
});

test("near: within km of a point", () => {
  const e = exp({ near: { lat: 50.1, lon: 10, km: 25 } });
  assert.equal(checkNear(e, event())?.pass, true);
  assert.equal(
    checkNear(e, event({ latitude: 52 }))?.detail,
    "near: expected within 25 km of 50.1,10, got 211 km (Strelsau)",
  );
  assert.equal(checkNear(e, event({ latitude: null }))?.pass, false);
});

test("actors match actor or associated actor as whole words", () => {
  const e = exp({ actor1_any: ["Ruritania"], actor2_any: ["Red Hand"] });
  assert.deepEqual(
    checkActors(e, event()).map((c) => c.pass),
    [true, true],
  );
  const assoc = checkActors(
    exp({ actor1_any: ["Blue Legion"] }),
    event({ assoc_actor_1: "Blue Legion; Others" }),
  );
  assert.equal(assoc[0].pass, true);
  // "US" is not inside "Russia".
  const short = checkActors(
    exp({ actor1_any: ["US"] }),
    event({ actor1: "Military Forces of Russia" }),
  );
  assert.equal(short[0].pass, false);
  assert.equal(short[0].detail, "actor1: expected US, got Military Forces of Russia");
});

test("actors_either_order accepts the sides swapped", () => {
  const e = exp({ actor1_any: ["protesters"], actor2_any: ["police"] });
  const swapped = event({ actor1: "Police Forces of Ruritania", actor2: "Protesters (Ruritania)" });
  assert.deepEqual(
    checkActors(e, swapped).map((c) => c.pass),
    [false, false],
  );
  const either = checkActors({ ...e, actors_either_order: true }, swapped);
  assert.deepEqual(
    either.map((c) => c.pass),
    [true, true],
  );
  assert.match(either[0].detail, /sides swapped/);
});

test("actor2_any_if_battle is asked only of a Battles event", () => {
  const e = exp({ actor2_any_if_battle: ["Taliban"] });
  assert.equal(checkActor2IfBattle(e, event())?.pass, false);
  assert.equal(checkActor2IfBattle(e, event({ event_type: "Strategic developments" }))?.pass, true);
});

test("fatalities: a range, with the failure worded for a reader", () => {
  assert.equal(checkFatalities(exp({ fatalities: { min: 1, max: 2 } }), event())?.pass, true);
  const fail = checkFatalities(exp({ fatalities: { min: 1, max: 2 } }), event({ fatalities: 30 }));
  assert.equal(fail?.pass, false);
  assert.equal(fail?.detail, "fatalities: expected 1..2, got 30");
  // No figure reads as ACLED's 0.
  assert.equal(
    checkFatalities(exp({ fatalities: { min: 0, max: 0 } }), event({ fatalities: null }))?.pass,
    true,
  );
});

test("civilian_fatalities as a number", () => {
  assert.equal(
    checkCivilianFatalities(exp({ civilian_fatalities: 0 }), event({ civilian_fatalities: 0 }))
      ?.pass,
    true,
  );
  assert.equal(
    checkCivilianFatalities(exp({ civilian_fatalities: 0 }), event({ civilian_fatalities: 4 }))
      ?.detail,
    "civilian_fatalities: expected 0, got 4",
  );
});

test("injuries from prose stating a number, or a range", () => {
  assert.deepEqual(figureRange("scores (at least 40 by one count)"), {
    min: 40,
    max: Number.POSITIVE_INFINITY,
  });
  assert.equal(figureRange("many"), null);
  assert.equal(
    checkInjuries(exp({ injuries: "at least 40" }), event({ injuries: 45 }))?.pass,
    true,
  );
  assert.equal(
    checkInjuries(exp({ injuries: "at least 40" }), event({ injuries: 12 }))?.detail,
    "injuries: expected >= 40, got 12",
  );
  assert.equal(
    checkInjuries(exp({ injuries: { min: 5, max: 5 } }), event({ injuries: 5 }))?.pass,
    true,
  );
  assert.equal(checkInjuries(exp({ injuries: "many" }), event()), null, "nothing to check");
});

test("fatality_claims: value, qualifier, source, civilians", () => {
  const want = exp({
    fatality_claims: [
      {
        source_any: ["health ministry"],
        value: 9,
        qualifier: "at least",
        includes_civilians: true,
      },
    ],
  });
  const text = "The health ministry said at least 9 people, including civilians, were killed.";
  const good = event({
    claims: [
      claim({ value: 9, qualifier: "at least", source: "Ruritanian health ministry", text }),
    ],
  });
  assert.equal(checkFatalityClaims(want, good)[0].pass, true);
  const wrongSource = event({
    claims: [claim({ value: 9, qualifier: "at least", source: "the army", text })],
  });
  const fail = checkFatalityClaims(want, wrongSource)[0];
  assert.equal(fail.pass, false);
  assert.equal(
    fail.detail,
    "fatality_claims[0]: expected health ministry: at least 9 incl. civilians, got the army: at least 9",
  );
  const noCivilians = event({
    claims: [
      claim({
        value: 9,
        qualifier: "at least",
        source: "health ministry",
        text: "At least 9 died.",
      }),
    ],
  });
  assert.equal(checkFatalityClaims(want, noCivilians)[0].pass, false);
});

test("quotes: every quote inside the evidence, whitespace and quote marks normalised", () => {
  const e = exp({ quotes: ["clashed with  the Red Hand", "in Zenda"] });
  const c = checkQuotes(e, event());
  assert.equal(c?.pass, false);
  assert.equal(c?.detail, 'quotes: expected all 2 in the evidence, got 1; missing "in Zenda"');
  const curly = event({ evidence: [{ text: "He said “no” to them.", start: 0, end: 20 }] });
  assert.equal(checkQuotes(exp({ quotes: ['said "no" to'] }), curly)?.pass, true);
});

test("countries_all: one event per country, or fewer when one covers several", () => {
  const e = exp({ countries_all: ["IQ", "SY"] });
  assert.equal(checkCountriesAll(e, [event({ iso: "IQ" }), event({ iso: "SY" })])?.pass, true);
  assert.equal(
    checkCountriesAll(e, [event({ iso: "IQ" })])?.detail,
    "countries: expected IQ + SY (one event each or one for all), got IQ",
  );
});

test("countries_all through checkExpectation groups one event per country", () => {
  const expected: ExpectedFile = {
    events: [
      exp({
        key: "strikes",
        sub_event_type: "Air/drone strike",
        countries_all: ["IQ", "SY"],
        location_any_iq: ["Anbar"],
      }),
    ],
  };
  const r = result({
    events: [
      event({ sub_event_type: "Air/drone strike", iso: "IQ", location: "Anbar" }),
      event({ sub_event_type: "Air/drone strike", iso: "SY", location: "Deir ez-Zor" }),
    ],
  });
  const checks = checkExpectation(expected, r);
  assert.ok(
    checks.every((c) => c.pass),
    JSON.stringify(checks.filter((c) => !c.pass)),
  );
  assert.match(checks[0].detail, /#1 .* \+ #2 /);
});

test("title, title once, boilerplate dropped", () => {
  assert.equal(checkTitle("Clashes in  Strelsau", result()).pass, true);
  assert.equal(
    checkTitle("Clashes in Zenda", result()).detail,
    'title: expected "Clashes in Zenda", got "Clashes in Strelsau"',
  );
  assert.equal(
    checkTitleOnce(
      "Clashes in Strelsau",
      result({ text: "Clashes in Strelsau\n\nClashes in Strelsau" }),
    ).pass,
    false,
  );
  assert.equal(checkTitleOnce("Clashes in Strelsau", result()).pass, true);
  const dropped = result({
    dropped: ["Read more: Floods in the south, and other stories", "Leave a Reply"],
  });
  assert.equal(checkBoilerplateDropped(["Read more: Floods", "leave a reply"], dropped).pass, true);
  const miss = checkBoilerplateDropped(["Subscribe now"], dropped);
  assert.equal(
    miss.detail,
    'boilerplate_dropped: expected all 1 dropped, got 0; missing "Subscribe now"',
  );
});

test("tallies: count, qualifier, as_of, countries, source; required unless said otherwise", () => {
  const tally: Tally = {
    what: "attacks",
    count: 40,
    qualifier: "at least",
    as_of: "2023-05-09",
    countries: ["RU", "SY"],
    source: "UN monitors",
    text: "",
    start: 0,
    end: 0,
  };
  const r = result({ tallies: [tally] });
  const want = {
    key: "attacks",
    count: 40,
    qualifier: "at least",
    as_of: "2023-05-09",
    countries: ["RU"],
    source: "UN",
  };
  assert.equal(checkTally(want, r).pass, true);
  const late = checkTally({ ...want, as_of: "2023-05-10", required: false }, r);
  assert.equal(late.pass, false);
  assert.equal(late.required, false);
  assert.equal(
    late.detail,
    "tally: expected at least 40 as of 2023-05-10 in RU (UN), got at least 40 as of 2023-05-09 in RU, SY (UN monitors)",
  );
  assert.equal(checkTally({ key: "x", count: 7 }, r).pass, false);
});

test("must_not: country, fatalities, location, future modality; other keys documented", () => {
  const r = result({
    events: [
      event(),
      event({
        iso: "DE",
        location: "Landstuhl",
        fatalities: 30,
        evidence: [{ text: "We will not hesitate to respond.", start: 0, end: 30 }],
      }),
    ],
  });
  const [country] = checkMustNot({ why: "a hospital, not a scene", country: "DE" }, r);
  assert.equal(country.pass, false);
  assert.match(
    country.detail,
    /^must_not country: expected no such event \(a hospital, not a scene\), got #2 /,
  );
  assert.equal(checkMustNot({ fatalities: 30 }, r)[0].pass, false);
  assert.equal(checkMustNot({ fatalities: 31 }, r)[0].pass, true);
  assert.equal(checkMustNot({ location_any: ["landstuhl"] }, r)[0].pass, false);
  assert.equal(checkMustNot({ modality_future_as_event: true }, r)[0].pass, false);
  assert.equal(checkMustNot({ modality_future_as_event: true }, result())[0].pass, true);
  const [doc] = checkMustNot({ why: "only threatened", sub_event_type: "Arrests" }, r);
  assert.deepEqual([doc.documented, doc.required, doc.pass], [true, false, true]);
});

test("event_count and at_most_near", () => {
  assert.equal(
    checkEventCount({ min: 2, max: 3 }, result()).detail,
    "event_count: expected 2..3, got 1",
  );
  const twice = result({ events: [event(), event({ latitude: 50.05 })] });
  const near = checkAtMostNear({ lat: 50, lon: 10, km: 25, max: 1 }, twice);
  assert.equal(near.pass, false);
  assert.match(near.detail, /^at_most_near: expected at most 1 within 25 km of 50,10, got 2: #1 /);
  // An event placed only at the country level is not counted as near.
  const area = result({ events: [event(), event({ geo_precision: 3 })] });
  assert.equal(checkAtMostNear({ lat: 50, lon: 10, km: 25, max: 1 }, area).pass, true);
});

test("required events take produced events one-to-one; an optional one may share", () => {
  const expected: ExpectedFile = {
    events: [
      exp({ key: "clash", sub_event_type: "Armed clash", location_any: ["Strelsau"] }),
      exp({ key: "strike", sub_event_type: "Air/drone strike", location_any: ["Zenda"] }),
      exp({ key: "same-clash-told-again", required: false, sub_event_type: "Armed clash" }),
    ],
  };
  const r = result({
    events: [event({ sub_event_type: "Air/drone strike", location: "Zenda" }), event()],
  });
  const checks = checkExpectation(expected, r);
  const matched = (key: string) => checks.find((c) => c.item === `event ${key}`)?.detail ?? "";
  assert.match(matched("clash"), /^matched #2 Armed clash/);
  assert.match(matched("strike"), /^matched #1 Air\/drone strike/);
  assert.match(matched("same-clash-told-again"), /^matched #2 Armed clash/);
});

test("a required event with nothing left to match fails every field", () => {
  const checks = checkExpectation(
    { events: [exp({ key: "gone", fatalities: { min: 1, max: 2 } })] },
    result({ events: [] }),
  );
  assert.deepEqual(
    checks.map((c): Pick<CheckResult, "item" | "pass"> => ({ item: c.item, pass: c.pass })),
    [
      { item: "event gone", pass: false },
      { item: "event gone: fatalities", pass: false },
    ],
  );
});

test("totals count required and optional apart, documented items in neither", () => {
  const checks: CheckResult[] = [
    { item: "a", required: true, pass: true, detail: "" },
    { item: "b", required: true, pass: false, detail: "" },
    { item: "c", required: false, pass: true, detail: "" },
    { item: "d", required: false, pass: true, detail: "", documented: true },
  ];
  assert.deepEqual(totals(checks), {
    requiredPassed: 1,
    required: 2,
    optionalPassed: 1,
    optional: 1,
    documented: 1,
  });
});
