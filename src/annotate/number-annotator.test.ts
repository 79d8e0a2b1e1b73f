import assert from "node:assert/strict";
import { test } from "node:test";
import { annotateNumbers, literalMinimum, wordsToNumber } from "./number-annotator.ts";

const figures = (s: string) => annotateNumbers(s).map((n) => [n.text, n.value, n.qualifier]);

test("digits and words with their qualifiers", () => {
  assert.deepEqual(figures("at least 168 attacks and a total of 146 casualties"), [
    ["at least 168", 168, "at least"],
    ["a total of 146", 146, "exact"],
  ]);
  assert.deepEqual(figures("more than 80 targets"), [["more than 80", 80, "more than"]]);
  assert.deepEqual(figures("up to 1,200 people fled"), [["up to 1,200", 1200, "up to"]]);
  assert.deepEqual(figures("three soldiers and twenty-five civilians"), [
    ["three", 3, "exact"],
    ["twenty-five", 25, "exact"],
  ]);
  assert.deepEqual(figures("some 200 protesters"), [["some 200", 200, "about"]]);
});

test("vague quantities take ACLED's conservative figure and keep their word", () => {
  const [d] = annotateNumbers("dozens of troops were injured");
  assert.equal(d.value, 12);
  assert.equal(d.qualifier, "dozens");
  assert.equal(literalMinimum(d), 24);
  assert.deepEqual(figures("several people were wounded"), [["several", 3, "several"]]);
});

test("compound number words", () => {
  assert.equal(wordsToNumber("one hundred and twenty"), 120);
  assert.equal(wordsToNumber("two thousand"), 2000);
  assert.equal(wordsToNumber("a dozen"), 12);
});

test("finds nothing in years, times, codes and vague words without a noun", () => {
  assert.deepEqual(figures("the 2003 invasion"), []);
  assert.deepEqual(figures("at 10:30 on route A1"), []);
  assert.deepEqual(figures("he tried several times"), []);
  assert.deepEqual(figures("a 20% rise"), []);
});

test("dates are excluded when given", () => {
  const text = "On 5 May 30 people died";
  assert.deepEqual(
    annotateNumbers(text, [{ start: 3, end: 8, text: "5 May" }]).map((n) => n.value),
    [30],
  );
});
