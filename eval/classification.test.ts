import assert from "node:assert/strict";
import { test } from "node:test";
import { accuracy, calibration, perLabel, topConfusions, weightedF1 } from "./classification.ts";

// Gold A x3, B x1; predictions: A A B none.
const pairs = [
  { gold: "A", predicted: "A" },
  { gold: "A", predicted: "A" },
  { gold: "A", predicted: "B" },
  { gold: "B", predicted: "none" },
];

test("accuracy", () => {
  assert.equal(accuracy(pairs), 0.5);
  assert.equal(accuracy([]), 0);
});

test("per-label scores over gold labels, most frequent first", () => {
  const [a, b] = perLabel(pairs);
  assert.deepEqual([a.label, a.support, a.predicted, a.correct], ["A", 3, 2, 2]);
  assert.equal(a.precision, 1);
  assert.equal(a.recall, 2 / 3);
  assert.equal(a.f1, 0.8);
  assert.deepEqual(
    [b.label, b.support, b.predicted, b.precision, b.recall, b.f1],
    ["B", 1, 1, 0, 0, 0],
  );
});

test("weighted F1: per-label F1 weighted by gold support", () => {
  // (0.8 * 3 + 0 * 1) / 4
  assert.ok(Math.abs(weightedF1(pairs) - 0.6) < 1e-12);
});

test("top confusions, most frequent first", () => {
  const extra = [...pairs, { gold: "B", predicted: "none" }];
  assert.deepEqual(topConfusions(extra, 5), [
    { gold: "B", predicted: "none", count: 2 },
    { gold: "A", predicted: "B", count: 1 },
  ]);
  assert.equal(topConfusions(extra, 1).length, 1);
});

test("calibration: precision per confidence band, 1.0 in the last band, no-confidence left out", () => {
  const bands = calibration([
    { gold: "A", predicted: "A", confidence: 0.3 },
    { gold: "A", predicted: "B", confidence: 0.4 },
    { gold: "A", predicted: "A", confidence: 0.45 },
    { gold: "A", predicted: "A", confidence: 1 },
    { gold: "A", predicted: "none", confidence: null },
  ]);
  assert.deepEqual(
    bands.map((b) => [b.label, b.n, b.correct]),
    [
      ["0.0–0.4", 1, 1],
      ["0.4–0.6", 2, 1],
      ["0.6–0.8", 0, 0],
      ["0.8–1.0", 1, 1],
    ],
  );
  assert.equal(bands[1].precision, 0.5);
});
