import assert from "node:assert/strict";
import { test } from "node:test";
import { paragraphSpans, splitSentences } from "./sentence-splitter.ts";

test("splits sentences and keeps offsets into the text", () => {
  const text =
    "Gunmen attacked a checkpoint. Two soldiers died.\n\nPolice said on Monday that U.S. advisers were not hurt.";
  const s = splitSentences(text);
  assert.deepEqual(
    s.map((x) => x.text),
    [
      "Gunmen attacked a checkpoint.",
      "Two soldiers died.",
      "Police said on Monday that U.S. advisers were not hurt.",
    ],
  );
  for (const x of s) assert.equal(text.slice(x.start, x.end), x.text);
  assert.deepEqual(
    s.map((x) => x.paragraph),
    [0, 0, 1],
  );
});

test("titles, initials and months do not end a sentence", () => {
  const s = splitSentences(
    "Gen. Ali Hassan met Mr. Smith on Jan. 5 in St. Louis. George W. Bush spoke later.",
  );
  assert.equal(s.length, 2);
});

test("all-caps wire copy splits on sentence ends", () => {
  const s = splitSentences(
    "BOGOTA, 21 JAN 89 -- GUERRILLAS ATTACKED A POLICE POST. THREE POLICEMEN WERE KILLED.",
  );
  assert.equal(s.length, 2);
});

test("a run-on sentence is cut at a clause boundary", () => {
  const long = `${"The army said that fighting continued in the area, ".repeat(20)}and ended.`;
  for (const x of splitSentences(long)) assert.ok(x.text.length <= 600);
});

test("finds nothing in blank text", () => {
  assert.deepEqual(splitSentences("  \n\n  "), []);
  assert.deepEqual(paragraphSpans(""), []);
});

test("a spaced bar parts headlines; a bar inside a word does not", () => {
  const text = "Changes to peace agreement | Drone strike in Chobi Oromia | Ethiopia US AGOA";
  const s = splitSentences(text);
  assert.deepEqual(
    s.map((x) => x.text),
    ["Changes to peace agreement", "Drone strike in Chobi Oromia", "Ethiopia US AGOA"],
  );
  for (const x of s) assert.equal(text.slice(x.start, x.end), x.text);
  assert.equal(splitSentences("a|b test.").length, 1);
});
