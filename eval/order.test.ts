// What sitrep reads from one document must not depend on the documents read before it. A V8
// fault in regular-expression modifier groups once made it so: after the UCDP headlines, the
// claimant of MUC-4 article 0076 went unfound (src/core/case-groups.ts). Runs the eval as
// `npm run eval` does, twice; reads ../shared and skips when it is absent.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { MUC4_DIR } from "./muc4.ts";
import { skipIfMissing } from "./shared-data.ts";
import { UCDP_FILE } from "./ucdp.ts";

function muc4Table(sections: string): string {
  const run = spawnSync(process.execPath, ["eval/run.ts", "--only", sections], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = run.stdout;
  const start = out.indexOf("== MUC-4 DEV incidents");
  assert.ok(start >= 0, `no MUC-4 section in the eval's output:\n${run.stderr}`);
  // the section's tables up to the next section or the floors, without its timing line
  const rest = out.slice(start + 1);
  const next = rest.search(/^(?:==|\S*floor)/m);
  return rest
    .slice(0, next < 0 ? undefined : next)
    .split("\n")
    .filter((l) => !/\d+(?:\.\d+)? s$/.test(l) && !/ in \d+(?:\.\d+)? s/.test(l))
    .join("\n");
}

test("MUC-4 reads the same whether or not 2,000 UCDP headlines were read first", async (t) => {
  if (skipIfMissing(UCDP_FILE) || skipIfMissing(MUC4_DIR)) {
    t.skip("../shared absent");
    return;
  }
  assert.equal(muc4Table("ucdp,muc4"), muc4Table("muc4"));
});
