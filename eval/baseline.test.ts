import assert from "node:assert/strict";
import { test } from "node:test";
import { type Baseline, brokenLine, compareToBaseline, updateBaseline } from "./baseline.ts";

const baseline: Baseline = {
  floors: { seed_required_passed: 38, case2021_weighted_f1: 0.5 },
  ceilings: { case2021_non_conflict_violent_share: 0.2 },
};

test("a figure below its floor or above its ceiling is broken; unmeasured ones are not", () => {
  const verdicts = compareToBaseline(
    {
      seed_required_passed: 37,
      case2021_weighted_f1: 0.5004,
      case2021_non_conflict_violent_share: 0.25,
    },
    baseline,
  );
  const broken = verdicts.filter((v) => v.broken).map(brokenLine);
  assert.deepEqual(broken, [
    "below floor: seed_required_passed 37 < 38",
    "above ceiling: case2021_non_conflict_violent_share 0.25 > 0.2",
  ]);
  assert.ok(compareToBaseline({}, baseline).every((v) => !v.broken));
});

test("update raises floors and lowers ceilings", () => {
  const u = updateBaseline(
    {
      seed_required_passed: 40,
      case2021_non_conflict_violent_share: 0.1234,
      case2021_event_type_accuracy: 0.61,
    },
    baseline,
    false,
  );
  assert.deepEqual(u.refused, []);
  assert.deepEqual(u.baseline, {
    floors: {
      seed_required_passed: 40,
      case2021_weighted_f1: 0.5,
      case2021_event_type_accuracy: 0.61,
    },
    ceilings: { case2021_non_conflict_violent_share: 0.123 },
  });
});

test("update refuses to lower a floor or raise a ceiling without --allow-lower", () => {
  const worse = { seed_required_passed: 30, case2021_non_conflict_violent_share: 0.3 };
  const refused = updateBaseline(worse, baseline, false);
  assert.equal(refused.refused.length, 2);
  assert.match(refused.refused[0], /^refused: floor seed_required_passed 38 -> 30/);
  assert.deepEqual(refused.baseline, baseline);
  const allowed = updateBaseline(worse, baseline, true);
  assert.equal(allowed.baseline.floors.seed_required_passed, 30);
  assert.equal(allowed.baseline.ceilings.case2021_non_conflict_violent_share, 0.3);
});
