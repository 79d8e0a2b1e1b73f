// The MUC-4 scorer on key fills and events written for these tests (no text or key from
// ../shared): dates, slot fills with "/", "?" and "-", places, deaths, the type table, the
// matching rule and the figures.
import assert from "node:assert/strict";
import { test } from "node:test";
import { testGazetteer } from "../src/annotate/places/test-gazetteer.ts";
import { emptyEvent } from "../src/core/empty-event.ts";
import type { SitrepEvent } from "../src/core/types.ts";
import {
  dateAgrees,
  datelineDate,
  type Env,
  type Geocode,
  gazetteerGeocode,
  goldDeaths,
  goldStatus,
  type MucTemplate,
  matchOneToOne,
  mucFigures,
  parseFill,
  parseFills,
  parseLocation,
  parseMucDate,
  parseMucDay,
  perpetratorAgrees,
  placeAgrees,
  placeTarget,
  readForceRules,
  readTemplate,
  readTypeRules,
  scoreArticle,
  typeAgrees,
} from "./muc4.ts";

test("parseMucDay: day, month name or abbreviation, two-digit year", () => {
  assert.equal(parseMucDay("17 JAN 89"), "1989-01-17");
  assert.equal(parseMucDay("03 MARCH 90"), "1990-03-03");
  assert.equal(parseMucDay("8 JAN 90"), "1990-01-08");
  assert.equal(parseMucDay("2 oct 1991"), "1991-10-02");
  assert.equal(
    parseMucDay("31 NOV 89"),
    "1989-11-30",
    "a day past the month's end is its last day",
  );
  assert.equal(parseMucDay("12 NOV"), null);
  assert.equal(parseMucDay("FOO"), null);
});

test("parseMucDate: single days, open and closed ranges, alternatives", () => {
  assert.deepEqual(parseMucDate("17 JAN 89"), [{ from: "1989-01-17", to: "1989-01-17" }]);
  assert.deepEqual(parseMucDate("- 17 JAN 89"), [{ from: null, to: "1989-01-17" }]);
  assert.deepEqual(parseMucDate("17 JAN 89 - 21 JAN 89"), [
    { from: "1989-01-17", to: "1989-01-21" },
  ]);
  assert.deepEqual(parseMucDate("(- 13 DEC 89) / (- 11 DEC 89)"), [
    { from: null, to: "1989-12-13" },
    { from: null, to: "1989-12-11" },
  ]);
  assert.deepEqual(parseMucDate("-"), []);
  assert.deepEqual(parseMucDate("SOMETIME"), []);
});

test("dateAgrees: within a day of the date or range; open starts have no lower bound", () => {
  const day = parseMucDate("17 JAN 89");
  assert.ok(dateAgrees(day, "1989-01-17"));
  assert.ok(dateAgrees(day, "1989-01-16"));
  assert.ok(dateAgrees(day, "1989-01-18"));
  assert.ok(!dateAgrees(day, "1989-01-19"));
  assert.ok(!dateAgrees(day, null));
  const before = parseMucDate("- 01 MAR 89");
  assert.ok(dateAgrees(before, "1988-05-01"));
  assert.ok(dateAgrees(before, "1989-03-02"));
  assert.ok(!dateAgrees(before, "1989-03-03"));
  const range = parseMucDate("28 FEB 89 - 02 MAR 89");
  assert.ok(dateAgrees(range, "1989-03-01"));
  assert.ok(!dateAgrees(range, "1989-02-26"));
});

test("datelineDate: the wire's dateline, with or without a source in brackets", () => {
  assert.equal(datelineDate("   QUITO, 5 MAY 89 -- [TEXT] A STORY."), "1989-05-05");
  assert.equal(
    datelineDate("LA CEIBA (HONDURAS), 30 SEP 90 (SOME RADIO) -- [REPORT] [TEXT] A STORY."),
    "1990-09-30",
  );
  assert.equal(datelineDate("CARTAGENA, 4 AUG (EFE) -- [TEXT] NO YEAR GIVEN."), null);
});

test("parseFill: empty, irrelevant, uncertain, labelled and alternative fills", () => {
  assert.equal(parseFill("-"), null);
  assert.equal(parseFill("*"), null);
  assert.deepEqual(parseFill('? "RED BRIGADE" / "THE BRIGADE"'), {
    uncertain: true,
    label: null,
    strings: ["RED BRIGADE", "THE BRIGADE"],
    text: '"RED BRIGADE" / "THE BRIGADE"',
  });
  const death = parseFill('DEATH: "MAYOR" / "THE MAYOR OF X"');
  assert.equal(death?.label, "DEATH");
  assert.deepEqual(death?.strings, ["MAYOR", "THE MAYOR OF X"]);
  assert.equal(parseFill('12: "FARMERS"')?.label, "12");
  assert.deepEqual(parseFill('"FRONT" / "\\"FRONT\\""')?.strings, ["FRONT", "FRONT"]);
  assert.deepEqual(parseFill('NO INJURY OR DEATH: "-"')?.strings, [], '"-" is no string');
  assert.equal(parseFill("ATTACK")?.label, null);
  assert.deepEqual(parseFills(["-", "ATTACK", "*"]).length, 1);
});

test("parseLocation: country, levels with kinds, ranges and alternatives", () => {
  assert.deepEqual(parseLocation("PERU: CUZCO (DEPARTMENT): PISAC (TOWN)"), [
    {
      country: "PERU",
      levels: [[{ name: "CUZCO", kind: "DEPARTMENT" }], [{ name: "PISAC", kind: "TOWN" }]],
    },
  ]);
  assert.deepEqual(parseLocation("ECUADOR: AMBATO (CITY) - PELILEO (CANTON)")[0].levels, [
    [
      { name: "AMBATO", kind: "CITY" },
      { name: "PELILEO", kind: "CANTON" },
    ],
  ]);
  assert.equal(parseLocation("CHILE / ARGENTINA").length, 2);
  assert.deepEqual(parseLocation("-"), []);
});

test("goldDeaths: counts of targets marked DEATH, 0 for no death, null when not a number", () => {
  const fills = (xs: string[]) => parseFills(xs);
  assert.equal(goldDeaths(fills(['3: "FARMERS"']), fills(['DEATH: "FARMERS"']), []), 3);
  assert.equal(
    goldDeaths(
      fills(['1: "MAYOR"', '2: "GUARDS" / "HIS GUARDS"', '4: "PASSERSBY"']),
      fills(['DEATH: "MAYOR"', 'DEATH: "HIS GUARDS"', 'INJURY: "PASSERSBY"']),
      [],
    ),
    3,
  );
  assert.equal(goldDeaths(fills(['PLURAL: "PEOPLE"']), fills(['DEATH: "PEOPLE"']), []), null);
  assert.equal(goldDeaths(fills(['40-: "PEOPLE"']), fills(['DEATH: "PEOPLE"']), []), null);
  assert.equal(goldDeaths(fills(['1: "JUDGE"']), fills(['NO INJURY OR DEATH: "JUDGE"']), []), 0);
  assert.equal(goldDeaths(fills(['1: "JUDGE"']), fills(['INJURY: "JUDGE"']), []), null);
  assert.equal(goldDeaths([], [], []), null);
  assert.equal(
    goldDeaths(fills(['PLURAL: "MINERS"']), fills(['DEATH: "MINERS"']), fills(["5"])),
    5,
    "slot 24's total when every target died",
  );
  assert.equal(
    goldDeaths(fills(['2: "NUNS"']), fills(['DEATH: "NUNS"', 'DEATH: "NUNS"']), []),
    2,
    "one count is counted once",
  );
});

test("readTemplate: slots by number, optional templates, the irrelevant template", () => {
  const slots = {
    "1. MESSAGE: TEMPLATE": ["2 (OPTIONAL)"],
    "2. INCIDENT: DATE": ["- 04 APR 90"],
    "3. INCIDENT: LOCATION": ["ECUADOR: AMBATO (CITY)"],
    "4. INCIDENT: TYPE": ["BOMBING"],
    "5. INCIDENT: STAGE OF EXECUTION": ["? ACCOMPLISHED"],
    "10. PERP: ORGANIZATION ID": ['"RED FRONT" / "RF"', '? "BLUE FRONT"'],
    "21. HUM TGT: NUMBER": ['1: "DRIVER"'],
    "23. HUM TGT: EFFECT OF INCIDENT": ['DEATH: "DRIVER"'],
    "24. HUM TGT: TOTAL NUMBER": ["-"],
  };
  const t = readTemplate("X", slots);
  assert.ok(t);
  assert.equal(t.number, "2");
  assert.equal(t.optional, true);
  assert.equal(t.type, "BOMBING");
  assert.equal(t.stage, "ACCOMPLISHED");
  assert.deepEqual(t.dates, [{ from: null, to: "1990-04-04" }]);
  assert.deepEqual(t.orgs, ["RED FRONT", "RF", "BLUE FRONT"]);
  assert.equal(t.deaths, 1);
  assert.equal(readTemplate("X", { "1. MESSAGE: TEMPLATE": ["*"] }), null);
});

// A gazetteer of three places, for the tests.
const geocode: Geocode = (name, country) => {
  if (country !== "ECUADOR") return null;
  if (name === "AMBATO") return { kind: "city", lat: -1.25, lon: -78.62 };
  if (name === "TUNGURAHUA") return { kind: "admin1", lat: -1.3, lon: -78.5 };
  return null;
};

function event(fields: Partial<SitrepEvent>): SitrepEvent {
  return emptyEvent({ confidence: 0.7, ...fields });
}

test("placeTarget: the narrowest town GeoNames has, names below it on the way", () => {
  const [loc] = parseLocation(
    "ECUADOR: TUNGURAHUA (DEPARTMENT): AMBATO (CITY): LA MERCED (NEIGHBORHOOD)",
  );
  assert.deepEqual(placeTarget(loc, geocode), {
    country: "ECUADOR",
    names: ["LA MERCED", "AMBATO"],
    point: { lat: -1.25, lon: -78.62 },
  });
  const [unknown] = parseLocation("ECUADOR: TUNGURAHUA (DEPARTMENT): SMALL HAMLET (VILLAGE)");
  assert.deepEqual(placeTarget(unknown, geocode), {
    country: "ECUADOR",
    names: ["SMALL HAMLET", "TUNGURAHUA"],
    point: null,
  });
  const [country] = parseLocation("ECUADOR");
  assert.deepEqual(placeTarget(country, geocode).names, ["ECUADOR"]);
});

test("placeTarget: a town GeoNames has only in another department is a place it lacks", () => {
  const geonames = gazetteerGeocode(testGazetteer());
  // GeoNames' one Honduran Los Llanitos is in Choluteca
  const [intibuca] = parseLocation("HONDURAS: INTIBUCA (DEPARTMENT): LOS LLANITOS (CITY)");
  assert.deepEqual(placeTarget(intibuca, geonames), {
    country: "HONDURAS",
    names: ["LOS LLANITOS", "INTIBUCA"],
    point: null,
  });
  const [choluteca] = parseLocation("HONDURAS: CHOLUTECA (DEPARTMENT): LOS LLANITOS (CITY)");
  assert.ok(placeTarget(choluteca, geonames).point, "the town GeoNames has there");
});

test("placeAgrees: a name met, or within 25 km of the town, in the same country", () => {
  const [loc] = parseLocation("ECUADOR: AMBATO (CITY)");
  const target = placeTarget(loc, geocode);
  assert.ok(placeAgrees(target, event({ location: "Ambato", country: "Ecuador" })));
  assert.ok(
    placeAgrees(
      target,
      event({ location: "Pelileo", country: "Ecuador", latitude: -1.33, longitude: -78.54 }),
    ),
    "about 12 km away",
  );
  assert.ok(
    !placeAgrees(
      target,
      event({ location: "Quito", country: "Ecuador", latitude: -0.22, longitude: -78.51 }),
    ),
  );
  assert.ok(!placeAgrees(target, event({ location: "Ambato", country: "Peru" })));
  const countryOnly = placeTarget(parseLocation("ECUADOR")[0], geocode);
  assert.ok(placeAgrees(countryOnly, event({ location: "Quito", country: "Ecuador" })));
  assert.ok(!placeAgrees(countryOnly, event({})));
});

function template(fields: Partial<MucTemplate>): MucTemplate {
  return {
    article: "T",
    number: "1",
    optional: false,
    type: "ATTACK",
    stage: "ACCOMPLISHED",
    dates: [],
    locations: parseLocation("ECUADOR: AMBATO (CITY)"),
    orgs: [],
    deaths: null,
    ...fields,
  };
}

test("the type table: ACLED types per MUC-4 type and stage; threats are not incidents", () => {
  const rules = readTypeRules();
  const attack = template({});
  assert.equal(goldStatus(rules, attack), "gold");
  assert.ok(
    typeAgrees(
      rules,
      attack,
      event({ event_type: "Violence against civilians", sub_event_type: "Attack" }),
    ),
  );
  assert.ok(
    typeAgrees(rules, attack, event({ event_type: "Battles", sub_event_type: "Armed clash" })),
  );
  assert.ok(
    !typeAgrees(
      rules,
      attack,
      event({ event_type: "Protests", sub_event_type: "Peaceful protest" }),
    ),
  );
  const defused = template({ type: "BOMBING", stage: "ATTEMPTED" });
  assert.ok(
    typeAgrees(
      rules,
      defused,
      event({ event_type: "Strategic developments", sub_event_type: "Disrupted weapons use" }),
    ),
  );
  assert.ok(
    !typeAgrees(
      rules,
      template({ type: "BOMBING" }),
      event({ event_type: "Strategic developments", sub_event_type: "Disrupted weapons use" }),
    ),
    "a bomb that went off is not a disrupted one",
  );
  assert.equal(goldStatus(rules, template({ stage: "THREATENED" })), "not an event");
  assert.equal(goldStatus(rules, template({ type: "SMUGGLING" })), "unmapped");
});

test("perpetratorAgrees: fuzzy names, and state forces by ACLED's naming", () => {
  const forces = readForceRules();
  const orgs = ["RED FRONT", "RF"];
  assert.ok(perpetratorAgrees(orgs, "ECUADOR", event({ actor1: "RF: Red Front" }), forces));
  assert.ok(
    perpetratorAgrees(orgs, "ECUADOR", event({ assoc_actor_1: "Students; Red Front" }), forces),
  );
  assert.ok(!perpetratorAgrees(orgs, "ECUADOR", event({ actor1: "Blue Front" }), forces));
  const army = ["ECUADORAN ARMY"];
  assert.ok(
    perpetratorAgrees(
      army,
      "ECUADOR",
      event({ actor1: "Military Forces of Ecuador (1979-)" }),
      forces,
    ),
  );
  assert.ok(
    !perpetratorAgrees(army, "ECUADOR", event({ actor1: "Military Forces of Peru" }), forces),
  );
  assert.ok(
    !perpetratorAgrees(army, "ECUADOR", event({ actor1: "Police Forces of Ecuador" }), forces),
  );
  assert.ok(
    perpetratorAgrees(
      ["NATIONAL POLICE"],
      "ECUADOR",
      event({ actor1: "Police Forces of Ecuador" }),
      forces,
    ),
  );
});

test("matchOneToOne: a maximum matching, earlier templates keep theirs", () => {
  assert.deepEqual(matchOneToOne([0, 1], [[0, 1], [0]]), [1, 0]);
  assert.deepEqual(matchOneToOne([0, 1], [[0], [0]]), [0, null]);
  assert.deepEqual(matchOneToOne([1, 0], [[0], [0]]), [null, 0]);
  assert.deepEqual(matchOneToOne([0], [[]]), [null]);
});

test("scoreArticle and mucFigures: recall, precision, fields and irrelevant articles", () => {
  const env: Env = { rules: readTypeRules(), forces: readForceRules(), geocode };
  const templates = [
    template({
      number: "1",
      dates: parseMucDate("04 APR 90"),
      deaths: 2,
      orgs: ["RED FRONT"],
    }),
    template({
      number: "2",
      optional: true,
      type: "KIDNAPPING",
      locations: parseLocation("ECUADOR: QUITO (CITY)"),
    }),
    template({ number: "3", stage: "THREATENED" }),
  ];
  const events = [
    // The key's attack, on the right day, with 3 dead (the key says 2), by the Red Front.
    event({
      event_type: "Violence against civilians",
      sub_event_type: "Attack",
      location: "Ambato",
      country: "Ecuador",
      event_date: "1990-04-05",
      fatalities: 3,
      actor1: "Red Front",
    }),
    // A clash the key does not have: violent, matched to nothing.
    event({ event_type: "Battles", sub_event_type: "Armed clash", country: "Ecuador" }),
    // Not violent: not in precision.
    event({ event_type: "Protests", sub_event_type: "Peaceful protest", location: "Ambato" }),
  ];
  const relevant = scoreArticle("A", true, "1990-04-06", templates, events, env);
  assert.equal(relevant.verdicts[0].event, 0);
  assert.equal(relevant.verdicts[0].date, true);
  assert.equal(relevant.verdicts[0].deaths, false);
  assert.equal(relevant.verdicts[0].perpetrator, true);
  assert.equal(relevant.verdicts[1].event, null);
  assert.equal(relevant.verdicts[2].status, "not an event");
  assert.deepEqual(relevant.unmatchedViolent, [1]);

  const quiet = scoreArticle("B", false, null, [], [events[2]], env);
  const loud = scoreArticle("C", false, null, [], [events[1]], env);
  const f = mucFigures([relevant, quiet, loud]);
  assert.deepEqual(
    f.recall,
    { n: 1, of: 1, value: 1 },
    "an optional template missed is not missed",
  );
  assert.deepEqual(f.precision, { n: 1, of: 2, value: 0.5 });
  assert.deepEqual(f.precisionWithoutBattles, { n: 1, of: 1, value: 1 });
  assert.deepEqual(f.date, { n: 1, of: 1, value: 1 });
  assert.deepEqual(f.deaths, { n: 0, of: 1, value: 0 });
  assert.deepEqual(f.perpetrator, { n: 1, of: 1, value: 1 });
  assert.deepEqual(f.irrelevantQuiet, { n: 1, of: 2, value: 0.5 });
  assert.equal(f.required, 1);
  assert.equal(f.optional, 1);
  assert.equal(f.notEvents, 1);
});

test("scoreArticle: an optional template found counts, and never takes a required one's event", () => {
  const env: Env = { rules: readTypeRules(), forces: readForceRules(), geocode };
  const attack = event({
    event_type: "Violence against civilians",
    sub_event_type: "Attack",
    location: "Ambato",
    country: "Ecuador",
  });
  const s = scoreArticle(
    "A",
    true,
    null,
    [template({ number: "1", optional: true }), template({ number: "2" })],
    [attack],
    env,
  );
  assert.equal(s.verdicts[0].event, null);
  assert.equal(s.verdicts[1].event, 0);
  const both = scoreArticle(
    "A",
    true,
    null,
    [template({ number: "1", optional: true }), template({ number: "2" })],
    [attack, { ...attack }],
    env,
  );
  assert.deepEqual(mucFigures([both]).recall, { n: 2, of: 2, value: 1 });
});
