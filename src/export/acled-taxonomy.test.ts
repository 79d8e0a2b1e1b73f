import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";
import type { EventType } from "../core/types.ts";
import { loadAcledTaxonomy, type WorldCountry } from "./acled-taxonomy.ts";

// DESIGN.md's taxonomy: every sub-event type sitrep can emit.
const SUB_EVENT_TYPES: Record<EventType, string[]> = {
  Battles: ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
  "Explosions/Remote violence": [
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
  ],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  Protests: ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
  Riots: ["Violent demonstration", "Mob violence"],
  "Strategic developments": [
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
  ],
};

const DISORDER_TYPES = new Set([
  "Political violence",
  "Demonstrations",
  "Political violence; Demonstrations",
  "Strategic developments",
]);

test("every event and sub-event type has one of ACLED's disorder types", () => {
  const taxonomy = loadAcledTaxonomy();
  for (const [type, subs] of Object.entries(SUB_EVENT_TYPES)) {
    for (const sub of subs) {
      const d = taxonomy.disorderType(type, sub);
      assert.ok(d && DISORDER_TYPES.has(d), `${type} / ${sub}: ${d}`);
    }
  }
  assert.equal(taxonomy.disorderType("Football", "Goal"), null);
});

test("every country has an ACLED region and an alpha-3 code", () => {
  const taxonomy = loadAcledTaxonomy();
  const require = createRequire(import.meta.url);
  const countries = JSON.parse(
    readFileSync(require.resolve("world-countries/countries.json"), "utf8"),
  ) as WorldCountry[];
  const missing = countries
    .filter((c) => !taxonomy.country(c.cca2, null)?.region)
    .map((c) => c.cca2);
  assert.deepEqual(missing, []);
  assert.deepEqual(taxonomy.country("iq", null), { iso3: "IRQ", region: "Middle East" });
  assert.deepEqual(taxonomy.country(null, "GEORGIA"), {
    iso3: "GEO",
    region: "Caucasus and Central Asia",
  });
  assert.equal(taxonomy.country("ZZ", "Atlantis"), null);
});
