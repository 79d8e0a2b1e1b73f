import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../../core/data-files.ts";
import type { PlaceMention, Sentence } from "../../core/types.ts";
import { annotatePlaces } from "./place-annotator.ts";
import { testGazetteer } from "./test-gazetteer.ts";

const gaz = testGazetteer();

/** Sentences for test text: a terminator and a space before a capital, or a blank line. */
function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[.!?]["”’]?\s+(?=[A-Z"“])|\n\s*\n/g;
  let start = 0;
  let paragraph = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].trimEnd().length;
    out.push({ start, end, text: text.slice(start, end), index: out.length, paragraph });
    if (m[0].includes("\n\n")) paragraph++;
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length, text: text.slice(start), index: out.length, paragraph });
  return out;
}

function places(text: string): PlaceMention[] {
  const reasons: string[] = [];
  const found = annotatePlaces(text, sentencesOf(text), gaz, { log: (r) => reasons.push(r) });
  for (const m of found) assert.equal(text.slice(m.start, m.end), m.text, "offsets");
  return found;
}

function only(text: string, surface: string): PlaceMention {
  const hits = places(text).filter((m) => m.text === surface);
  assert.equal(hits.length, 1, `one mention "${surface}" in ${JSON.stringify(text)}`);
  return hits[0];
}

describe("annotatePlaces: towns and countries", () => {
  it("resolves Baghdad and Iraq to IQ", () => {
    const text = "A drone struck a vehicle in Baghdad, Iraq on Wednesday.";
    const baghdad = only(text, "Baghdad");
    assert.equal(baghdad.place.iso, "IQ");
    assert.equal(baghdad.kind, "city");
    assert.equal(baghdad.precision, 1);
    assert.equal(baghdad.rule, "place:name");
    assert.equal(baghdad.stated, true);
    assert.ok(Math.abs(baghdad.place.latitude - 33.34) < 0.05, `lat ${baghdad.place.latitude}`);
    assert.ok(Math.abs(baghdad.place.longitude - 44.4) < 0.05, `lon ${baghdad.place.longitude}`);
    const iraq = only(text, "Iraq");
    assert.equal(iraq.kind, "country");
    assert.equal(iraq.place.iso, "IQ");
    assert.equal(iraq.precision, 3);
  });

  it("resolves Al-Qa'im in Anbar Governorate", () => {
    const text = "Iraq denounced the strikes on Al-Qa'im in Anbar Governorate.";
    const qaim = only(text, "Al-Qa'im");
    assert.equal(qaim.place.name, "Al Qā’im");
    assert.equal(qaim.place.iso, "IQ");
    assert.equal(qaim.place.admin1, "Anbar");
    const anbar = only(text, "Anbar Governorate");
    assert.equal(anbar.kind, "admin1");
    assert.equal(anbar.precision, 2);
    assert.equal(anbar.rule, "place:admin-suffix");
  });

  it("lets Deir ez-Zor and Deir Ezzor, Erbil and Irbil meet", () => {
    const text =
      "Fighting spread from Deir ez-Zor to Deir Ezzor's outskirts, while officials in Erbil and Irbil said it was calm.";
    const found = places(text);
    const id = (s: string) => found.find((m) => m.text === s)?.place.geonameid;
    assert.ok(id("Deir ez-Zor"));
    assert.equal(id("Deir Ezzor"), id("Deir ez-Zor"));
    assert.ok(id("Erbil"));
    assert.equal(id("Irbil"), id("Erbil"));
  });

  it("gives the country for a demonym", () => {
    const m = only("Iraqi officials said the strike was an aggression.", "Iraqi");
    assert.equal(m.place.iso, "IQ");
    assert.equal(m.kind, "country");
    assert.equal(m.precision, 3);
    assert.equal(m.rule, "place:demonym");
  });

  it("finds Landstuhl and Germany", () => {
    const text =
      "Three others were medically evacuated to Landstuhl Regional Medical Center in Germany.";
    const found = places(text);
    assert.deepEqual(
      found.map((m) => [m.text, m.place.iso]),
      [
        ["Landstuhl", "DE"],
        ["Germany", "DE"],
      ],
    );
  });

  it("keeps a division with one name when the text names only another country", () => {
    const text =
      "A rocket attack on a base in Anbar wounded two soldiers, who were flown to Landstuhl in Germany.";
    const anbar = only(text, "Anbar");
    assert.equal(anbar.place.iso, "IQ");
    assert.equal(anbar.kind, "admin1");
  });

  it("reads all-capitals wire copy", () => {
    const text =
      "BOGOTA, 21 JAN 89 -- [TEXT] FOUR OFFICIALS HAVE RESIGNED BECAUSE OF THREATS. A BOMB EXPLODED TODAY IN MEDELLIN.";
    const found = places(text);
    assert.deepEqual(
      found.map((m) => [m.text, m.place.name, m.place.iso]),
      [
        ["BOGOTA", "Bogotá", "CO"],
        ["MEDELLIN", "Medellín", "CO"],
      ],
    );
  });

  it("returns mentions sorted and without overlaps", () => {
    const text =
      "Iraqi forces in Mosul and the Al-Mashtal neighborhood of Baghdad, near Kirkuk and in Syria.";
    const found = places(text);
    assert.ok(found.length >= 4);
    for (let k = 1; k < found.length; k++) assert.ok(found[k - 1].end <= found[k].start);
  });
});

describe("annotatePlaces: parts of places", () => {
  it("places a neighbourhood named with its town", () => {
    const m = only(
      "The strike hit an SUV in the Al-Mashtal neighborhood of Baghdad.",
      "Al-Mashtal neighborhood of Baghdad",
    );
    assert.equal(m.place.name, "Baghdad");
    assert.equal(m.precision, 2);
    assert.equal(m.subPlace, "Al-Mashtal");
    assert.equal(m.rule, "place:subplace-of");
  });

  it("places a neighbourhood in the town of a recent sentence", () => {
    const text =
      "A drone struck a vehicle in Baghdad on Wednesday. Police said the strike hit an SUV in the Al-Mashtal neighborhood, predominantly Shia.";
    const m = only(text, "Al-Mashtal neighborhood");
    assert.equal(m.place.name, "Baghdad");
    assert.equal(m.place.iso, "IQ");
    assert.equal(m.precision, 2);
    assert.equal(m.subPlace, "Al-Mashtal");
    assert.equal(m.rule, "place:subplace-context");
    assert.equal(m.stated, false, "the town is implied, not stated");
  });

  it("places a base in its division", () => {
    const m = only("Rockets hit Ain al-Asad air base in Anbar.", "Ain al-Asad air base in Anbar");
    assert.equal(m.kind, "admin1");
    assert.equal(m.place.iso, "IQ");
    assert.equal(m.subPlace, "Ain al-Asad");
    assert.equal(m.precision, 2);
  });

  it("reads near, distance and part of a town as precision 2", () => {
    const text =
      "Clashes broke out 20 km north of Mosul, near Kirkuk and in eastern Baghdad, Iraqi police said.";
    const mosul = only(text, "20 km north of Mosul");
    assert.equal(mosul.place.name, "Mosul");
    assert.equal(mosul.precision, 2);
    assert.equal(mosul.rule, "place:distance");
    assert.equal(only(text, "near Kirkuk").precision, 2);
    const east = only(text, "eastern Baghdad");
    assert.equal(east.precision, 2);
    assert.equal(east.rule, "place:part-of");
  });

  it("reads a district and a province", () => {
    const text = "Militants attacked villages in Sinjar district and in Hasaka province of Syria.";
    const hasaka = only(text, "Hasaka province");
    assert.equal(hasaka.kind, "admin1");
    assert.equal(hasaka.place.iso, "SY");
  });
});

describe("annotatePlaces: finds nothing", () => {
  it("in a sports sentence of words that are also towns", () => {
    assert.deepEqual(places("Hit the ball, Man United fans said at the Bar."), []);
  });

  it("in a person's name", () => {
    assert.deepEqual(places("President Joe Biden said the response would continue."), []);
  });

  it("in weekdays, acronyms and a given name", () => {
    assert.deepEqual(
      places("On Wednesday the UN and the FBI met Jordan Peterson at the SUV dealership."),
      [],
    );
  });

  it("in an institution named with a word that is also a small town", () => {
    assert.deepEqual(places("Shares fell after the Federal Reserve raised rates."), []);
  });

  it("takes a town that is an English word only when its country is named", () => {
    assert.deepEqual(places("Reports came in from Hit on Monday."), []);
    const hit = only("Iraqi forces retook the town of Hit on Monday.", "Hit");
    assert.equal(hit.place.iso, "IQ");
  });
});

const SEED = join(PROJECT_ROOT, "..", "shared", "seed", "article.txt");

describe("annotatePlaces on the seed article", () => {
  it("finds the places of the seed", (t) => {
    if (!existsSync(SEED)) {
      t.skip(`../shared/seed/article.txt is absent: seed test skipped`);
      return;
    }
    const text = readFileSync(SEED, "utf8");
    const found = places(text);
    const got = (s: string) => found.filter((m) => m.text === s);
    assert.ok(got("Baghdad").every((m) => m.place.iso === "IQ" && m.precision === 1));
    assert.ok(got("Baghdad").length >= 2, "Baghdad");
    const mashtal = found.find((m) => m.subPlace === "Al-Mashtal");
    assert.equal(mashtal?.place.name, "Baghdad");
    assert.equal(mashtal?.precision, 2);
    assert.ok(got("Jordan").every((m) => m.place.iso === "JO"));
    assert.equal(got("Al-Qa’im")[0]?.place.iso, "IQ");
    assert.equal(got("Anbar Governorate")[0]?.kind, "admin1");
    assert.equal(got("Landstuhl")[0]?.place.iso, "DE");
    assert.equal(found.filter((m) => /Biden|Hezbollah|Central|Command/.test(m.text)).length, 0);
  });
});
