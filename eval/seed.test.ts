// The seed read as DESIGN.md's founding example: every required item of
// ../shared/seed/expected.json passes. Reads ../shared at run time; skips when it is absent.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createPipeline, loadResources } from "../src/pipeline/pipeline.ts";
import { checkExpectation } from "./expectation-check.ts";
import { loadSeedDocument, readSeed, skipIfMissing } from "./shared-data.ts";

test("seed: every required item of expected.json passes", async (t) => {
  if (skipIfMissing("seed/expected.json") || skipIfMissing("seed/article.txt")) {
    t.skip("../shared absent");
    return;
  }
  const seed = readSeed();
  const loaded = loadSeedDocument(seed);
  assert.ok("doc" in loaded, "error" in loaded ? loaded.error : "");
  const result = createPipeline(loadResources(), { preset: "precise" }).extract(loaded.doc);
  for (const c of checkExpectation(seed.expected, result).filter((c) => c.required)) {
    await t.test(c.item, () => assert.ok(c.pass, c.detail));
  }
});
