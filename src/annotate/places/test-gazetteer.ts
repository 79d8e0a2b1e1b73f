// For tests: the GeoNames index at its default path, built first when missing or stale (as
// `npm install` would), and opened once per test file.
import { buildGazetteer, isFresh } from "../../../scripts/build-gazetteer.ts";
import { type Gazetteer, openGazetteer } from "./gazetteer.ts";
import { DEFAULT_GAZETTEER_PATH } from "./gazetteer-schema.ts";

let shared: Gazetteer | null = null;

export function testGazetteer(): Gazetteer {
  if (shared) return shared;
  if (!isFresh(DEFAULT_GAZETTEER_PATH)) buildGazetteer(DEFAULT_GAZETTEER_PATH);
  shared = openGazetteer(DEFAULT_GAZETTEER_PATH);
  return shared;
}
