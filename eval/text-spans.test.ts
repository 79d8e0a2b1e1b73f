import assert from "node:assert/strict";
import { test } from "node:test";
import { locateSentences, overlaps } from "./text-spans.ts";

test("locateSentences: whitespace does not matter, and a repeated sentence is found in order", () => {
  const text = "Troops left.\n\nThe town was quiet.  Troops left.  Night fell.";
  const spans = locateSentences(text, [
    "Troops left.",
    "The town  was\nquiet.",
    "Troops left.",
    "Dawn broke.",
  ]);
  assert.deepEqual(spans[0], { start: 0, end: 12 });
  assert.equal(text.slice(spans[1]?.start, spans[1]?.end), "The town was quiet.");
  assert.deepEqual(spans[2], { start: 35, end: 47 });
  assert.equal(spans[3], null);
});

test("locateSentences: a headline glued to the body is still found", () => {
  const text = "Blast in the cityThe blast hit a bus.";
  const [head, body] = locateSentences(text, ["Blast in the city", "The blast hit a bus."]);
  assert.deepEqual(head, { start: 0, end: 17 });
  assert.deepEqual(body, { start: 17, end: 37 });
});

test("overlaps: half-open ranges", () => {
  assert.ok(overlaps({ start: 0, end: 5 }, { start: 4, end: 9 }));
  assert.ok(!overlaps({ start: 0, end: 5 }, { start: 5, end: 9 }));
});
