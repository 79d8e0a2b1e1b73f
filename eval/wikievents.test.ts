// The WikiEvents scorer on a document and events written for these tests (nothing from
// ../shared), with the project's own mapping table.
import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyEvent } from "../src/core/empty-event.ts";
import {
  byFamily,
  countedRecall,
  idDate,
  kairosFamily,
  readKairosRules,
  ruleFor,
  scoreDoc,
  type WikiDoc,
} from "./wikievents.ts";

test("the KAIROS table: prefixes, first match wins, unlisted types are not scored", () => {
  const rules = readKairosRules();
  assert.equal(
    ruleFor(rules, "Conflict.Attack.DetonateExplode")?.kairosType,
    "Conflict.Attack.DetonateExplode",
  );
  assert.equal(ruleFor(rules, "Conflict.Attack.Unspecified")?.kairosType, "Conflict.Attack.*");
  assert.equal(ruleFor(rules, "Life.Die.Unspecified")?.counted, true);
  assert.equal(ruleFor(rules, "Conflict.Demonstrate.Unspecified")?.counted, false);
  assert.equal(ruleFor(rules, "Contact.Contact.Broadcast"), null);
  assert.equal(kairosFamily("Justice.ArrestJailDetain.Unspecified"), "Justice.ArrestJailDetain");
});

test("idDate: a VOA id's date, else none", () => {
  assert.equal(idDate("7_VOA_EN_NW_2016.03.22.1234567"), "2016-03-22");
  assert.equal(idDate("road_ied_1"), null);
});

// Written for the test: a headline glued to its body, as in the source, and five sentences.
const text =
  "Blast hits marketThe bomb went off at noon. Two people died. A third was hurt. Police arrested a man. The mayor met reporters.";
const doc: WikiDoc = {
  id: "test_doc",
  text,
  sentences: [
    "Blast hits market",
    "The bomb went off at noon.",
    "Two people died.",
    "A third was hurt.",
    "Police arrested a man.",
    "The mayor met reporters.",
  ],
  mentions: [
    { type: "Conflict.Attack.DetonateExplode", trigger: "went off", sentence: 1 },
    { type: "Life.Die.Unspecified", trigger: "died", sentence: 2 },
    { type: "Life.Injure.Unspecified", trigger: "hurt", sentence: 3 },
    { type: "Justice.ArrestJailDetain.Unspecified", trigger: "arrested", sentence: 4 },
    { type: "Contact.Contact.Meet", trigger: "met", sentence: 5 },
  ],
};

function span(s: string) {
  const start = text.indexOf(s);
  return { text: s, start, end: start + s.length };
}

test("scoreDoc: evidence over the trigger's sentence, claims stated in it, the right types", () => {
  const rules = readKairosRules();
  const bomb = emptyEvent({
    event_type: "Explosions/Remote violence",
    sub_event_type: "Remote explosive/landmine/IED",
    evidence: [span("The bomb went off at noon.")],
    claims: [
      {
        field: "fatalities",
        value: 2,
        qualifier: "exact",
        source: null,
        ...span("Two people died."),
      },
    ],
  });
  // An arrest told as the wrong type: not found.
  const wrong = emptyEvent({
    event_type: "Battles",
    sub_event_type: "Armed clash",
    evidence: [span("Police arrested a man.")],
  });
  const verdicts = scoreDoc(doc, text, [bomb, wrong], rules);
  assert.deepEqual(
    verdicts.map((v) => [v.trigger, v.found, v.counted]),
    [
      ["went off", true, true],
      ["died", true, true],
      ["hurt", false, true],
      ["arrested", false, true],
    ],
  );
  assert.deepEqual(countedRecall(verdicts), { found: 2, of: 4 });
  const arrest = emptyEvent({
    event_type: "Strategic developments",
    sub_event_type: "Arrests",
    evidence: [span("Police arrested a man.")],
  });
  const injured = emptyEvent({
    event_type: "Strategic developments",
    sub_event_type: "Other",
    claims: [
      {
        field: "injuries",
        value: 1,
        qualifier: "exact",
        source: null,
        ...span("A third was hurt."),
      },
    ],
  });
  const all = scoreDoc(doc, text, [bomb, arrest, injured], rules);
  assert.deepEqual(countedRecall(all), { found: 4, of: 4 });
  assert.deepEqual(
    byFamily(all).map((r) => [r.family, r.mentions, r.found]),
    [
      ["Conflict.Attack", 1, 1],
      ["Life.Die", 1, 1],
      ["Life.Injure", 1, 1],
      ["Justice.ArrestJailDetain", 1, 1],
    ],
  );
});

test("scoreDoc: a sentence not in the clean text is missed and marked", () => {
  const rules = readKairosRules();
  const v = scoreDoc(doc, "Something else entirely.", [], rules);
  assert.ok(v.every((x) => x.unlocated && !x.found));
});
