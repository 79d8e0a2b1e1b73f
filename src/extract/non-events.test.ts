// Sentences that report no event must yield none: the "finds nothing" set of the extraction stage.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../core/data-files.ts";
import { testPipeline, textDocument } from "../pipeline/test-resources.ts";

const lines = readFileSync(join(PROJECT_ROOT, "fixtures", "sentences", "non-events.txt"), "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"))
  .map((l) => {
    const [category, sentence] = l.split("\t");
    return { category, sentence };
  });

test("the non-event set has one sentence a line", () => {
  assert.ok(lines.length >= 40, `only ${lines.length} sentences`);
});

const pipeline = testPipeline("broad");
for (const { category, sentence } of lines) {
  test(`no event: ${category}: ${sentence}`, () => {
    const { result, log } = pipeline.explain(textDocument(sentence));
    assert.deepEqual(
      result.events.map((e) => `${e.sub_event_type} (${e.evidence[0]?.text})`),
      [],
      `decisions:\n${log.map((l) => `  ${l.stage}: ${l.reason}`).join("\n")}`,
    );
  });
}
