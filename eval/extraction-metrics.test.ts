import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";
import { AEB_DIR, referenceScores } from "./extraction-bench.ts";
import {
  bodyScore,
  bootstrapStd,
  shingleOverlap,
  snippetScore,
  tokenize,
} from "./extraction-metrics.ts";
import { sharedPath } from "./shared-data.ts";

describe("article-body metric (scrapinghub evaluate.py, as EXTRACTION-README.md describes it)", () => {
  it("tokens are \\w+ runs, Unicode letters and digits included", () => {
    assert.deepEqual(tokenize("Kyiv's 3 drones—shot down, 2024_05 Zürich."), [
      "Kyiv",
      "s",
      "3",
      "drones",
      "shot",
      "down",
      "2024_05",
      "Zürich",
    ]);
  });

  it("counts shingle overlap as multisets and normalises tp + fp + fn to 1", () => {
    const o = shingleOverlap("a b c d e", "a b c d x");
    // gold shingles: abcd, bcde; predicted: abcd, bcdx
    assert.deepEqual([o.tp, o.fp, o.fn], [1 / 3, 1 / 3, 1 / 3]);
    assert.equal(o.exact, false);
    assert.equal(shingleOverlap("One two, three four.", "one two three four").exact, false);
    assert.equal(shingleOverlap("One two, three four.", "One two three four").exact, true);
  });

  it("a text shorter than four tokens is one shingle of all of them", () => {
    assert.deepEqual(shingleOverlap("a b", "a b"), { tp: 1, fp: 0, fn: 0, exact: true });
    assert.equal(shingleOverlap("a b", "a b c").tp, 0);
  });

  it("leaves empty predictions out of precision and empty gold texts out of recall", () => {
    const empty = shingleOverlap("a b c d", "");
    assert.deepEqual([empty.tp, empty.fp, empty.fn], [0, 0, 1]);
    const perfect = shingleOverlap("a b c d", "a b c d");
    const s = bodyScore([empty, perfect]);
    assert.equal(s.precision, 1, "only the non-empty prediction counts for precision");
    assert.equal(s.recall, 0.5);
    assert.equal(s.accuracy, 0.5);
    const noGold = shingleOverlap("", "a b c d");
    assert.equal(bodyScore([noGold, perfect]).recall, 1);
    assert.equal(bodyScore([noGold, perfect]).precision, 0.5);
  });

  it("a page with both texts empty is left out of both means", () => {
    const both = shingleOverlap("", "");
    const half = shingleOverlap("a b c d e", "a b c d x");
    assert.deepEqual(bodyScore([both, half]).precision, bodyScore([half]).precision);
    assert.deepEqual(bodyScore([both, half]).recall, bodyScore([half]).recall);
  });

  it("bootstrap deviations are repeatable run to run", () => {
    const overlaps = ["a b c d e f", "a b c d", "x y z w v"].map((t) =>
      shingleOverlap("a b c d e f", t),
    );
    assert.deepEqual(bootstrapStd(overlaps, 200), bootstrapStd(overlaps, 200));
  });

  it("reproduces the published table from the published outputs (../shared)", (t) => {
    if (!existsSync(sharedPath(`${AEB_DIR}/reference-outputs`))) {
      t.skip("../shared/data/extraction-bench absent: published figures not checked");
      return;
    }
    const scores = Object.fromEntries(
      referenceScores(false, ["trafilatura", "html-text", "readability_js"]).map((r) => [
        r.name,
        r.score,
      ]),
    );
    const at3 = (x: number) => x.toFixed(3);
    // EXTRACTION-README.md: trafilatura F1 0.958, P 0.938, R 0.978, acc 0.293; html-text F1
    // 0.665. Issue 5: Readability.js 0.947.
    assert.equal(at3(scores.trafilatura.f1), "0.958");
    assert.equal(at3(scores.trafilatura.precision), "0.938");
    assert.equal(at3(scores.trafilatura.recall), "0.978");
    assert.equal(at3(scores.trafilatura.accuracy), "0.293");
    assert.equal(at3(scores["html-text"].f1), "0.665");
    assert.equal(at3(scores.readability_js.f1), "0.947");
    assert.equal(scores.trafilatura.documents, 181);
  });
});

describe("snippet metric (trafilatura tests/eval_common.py)", () => {
  it("matches whitespace-normalised substrings and micro-sums over pages", () => {
    const s = snippetScore([
      {
        output: "The strike hit\n the depot.  Leave a Reply",
        with: ["strike hit the depot", "casualties"],
        without: ["Leave a Reply", "Related posts"],
      },
      { output: "", with: ["anything"], without: ["Share this"] },
    ]);
    assert.deepEqual([s.tp, s.fn, s.fp, s.tn], [1, 2, 1, 2]);
    assert.equal(s.withKept, 1 / 3);
    assert.equal(s.withoutKept, 1 / 3);
    assert.equal(s.precision, 0.5);
    assert.equal(s.accuracy, 0.5);
  });
});
