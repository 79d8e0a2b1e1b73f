import assert from "node:assert/strict";
import { test } from "node:test";
import { prf, ratio, readScheme, targetRow } from "./section.ts";

test("targetRow: value, target, pass or MISSED, counts and nothing measured", () => {
  assert.deepEqual(targetRow({ measure: "recall", value: 0.8, target: 0.75, note: "8/10" }), [
    "recall",
    "0.800",
    ">= 0.75",
    "pass",
    "8/10",
  ]);
  assert.equal(targetRow({ measure: "r", value: 0.7, target: 0.75, note: "" })[3], "MISSED");
  assert.deepEqual(
    targetRow({ measure: "quiet", value: 7, target: 8, count: { of: 10 }, note: "" }).slice(1, 4),
    ["7 of 10", ">= 8 of 10", "MISSED"],
  );
  assert.equal(targetRow({ measure: "r", value: null, target: 0.75, note: "" })[3], "not measured");
});

test("prf and ratio: nothing to divide by gives 0 or null", () => {
  const s = prf({ tp: 3, fp: 1, fn: 2 });
  assert.equal(s.precision, 0.75);
  assert.equal(s.recall, 0.6);
  assert.ok(Math.abs(s.f1 - (2 * 0.75 * 0.6) / 1.35) < 1e-12);
  assert.equal(ratio(1, 0), null);
  assert.equal(ratio(1, 4), 0.25);
});

test("every mapping table in eval/schemes reads, each row with a reason", () => {
  assert.ok(readScheme("muc4-acled.tsv", ["muc_type", "stage", "event_type"]).length > 5);
  assert.ok(readScheme("muc4-state-forces.tsv", ["muc_word", "acled_prefix"]).length > 5);
  assert.ok(readScheme("wikievents-kairos.tsv", ["kairos_type", "event_types"]).length > 3);
  assert.throws(() => readScheme("muc4-acled.tsv", ["no_such_column"]), /has no no_such_column/);
});
