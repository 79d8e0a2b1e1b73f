// Sentences that report no event must yield none: the "finds nothing" set of the extraction stage.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../core/data-files.ts";
import { loadText } from "../load/text-loader.ts";
import { testPipeline } from "../pipeline/test-resources.ts";

const lines = readFileSync(join(PROJECT_ROOT, "fixtures", "sentences", "non-events.txt"), "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"))
  .map((l) => {
    const [category, sentence] = l.split("\t");
    return { category, sentence };
  });

test("the non-event set has one sentence a line", () => {
  assert.ok(lines.length >= 80, `only ${lines.length} sentences`);
});

const pipeline = testPipeline("broad");
for (const { category, sentence } of lines) {
  test(`no event: ${category}: ${sentence}`, () => {
    // Through the loader, as a user's file would go: a link title is dropped there.
    const item = loadText(
      sentence,
      { id: "s", origin: "s", override: "2024-02-08" },
      { detectTitle: false },
    );
    if ("error" in item) {
      assert.equal(item.error.code, "INPUT_EMPTY", item.error.message);
      return;
    }
    const { result, log } = pipeline.explain(item.doc);
    assert.deepEqual(
      result.events.map((e) => `${e.sub_event_type} (${e.evidence[0]?.text})`),
      [],
      `decisions:\n${log.map((l) => `  ${l.stage}: ${l.reason}`).join("\n")}`,
    );
  });
}
