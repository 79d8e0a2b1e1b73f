import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  bloomAdd,
  bloomMayHave,
  isUsableAlternate,
  looseArticle,
  nameKeys,
  skeletonKey,
  strippedAdminKey,
} from "./place-keys.ts";

describe("place keys", () => {
  it("gives the fold, loose and skeleton keys of a name", () => {
    assert.deepEqual(nameKeys("Al-Qa'im", "name"), [
      { key: "al qaim", how: "name" },
      { key: "qaim", how: "loose" },
    ]);
    assert.deepEqual(
      nameKeys("Deir ez-Zor", "alt").map((k) => k.key),
      ["deir ez zor", "deirezor"],
    );
  });

  it("lets transliterations meet through the skeleton", () => {
    assert.equal(skeletonKey("Deir Ezzor"), skeletonKey("Deir ez-Zor"));
    assert.equal(skeletonKey("Hasaka"), skeletonKey("Al-Hasakah"));
    assert.equal(skeletonKey("Raqqa"), skeletonKey("Ar Raqqah"));
    assert.notEqual(skeletonKey("Mosul"), skeletonKey("Basra"));
    // an article inside the name, written "al-" or assimilated to the consonant after it
    assert.equal(skeletonKey("Abu al-Duhur"), skeletonKey("Abu ad Duhur"));
    assert.equal(skeletonKey("Jisr al-Shughour"), skeletonKey("Jisr ash Shughur"));
    assert.notEqual(skeletonKey("Ras al-Ain"), skeletonKey("Ras Ain"));
    // a diphthong spelled "ay" or "ai"; a "y" before a vowel stays a consonant
    assert.equal(skeletonKey("As Suwayda"), skeletonKey("al-Suwaidaa"));
    assert.notEqual(skeletonKey("Hayat"), skeletonKey("Hait"));
  });

  it("lets French and English vowel spellings meet too", () => {
    assert.equal(skeletonKey("Mansoura"), skeletonKey("Al Mansurah"));
    assert.equal(skeletonKey("Dameer"), skeletonKey("Damir"));
  });

  it("strips a leading article only where it is Arabic", () => {
    assert.equal(looseArticle("El Fasher", "SD"), true);
    assert.equal(looseArticle("El Puerto", "MX"), false, "Spanish el");
    assert.equal(looseArticle("An Nhon", "VN"), false, "Vietnamese An");
    assert.equal(looseArticle("Al Khor", "XX"), true, "al is the article wherever written");
    assert.deepEqual(
      nameKeys("El Puerto", "name", false).map((k) => k.key),
      ["el puerto", "elpuerto"],
    );
    assert.equal(skeletonKey("El Puerto", false), "elpuerto");
  });

  it("keeps Latin alternate names and leaves out codes, scripts and romanisations", () => {
    assert.equal(isUsableAlternate("Irbil"), true);
    assert.equal(isUsableAlternate("Dayr az Zawr"), true);
    assert.equal(isUsableAlternate("BGW"), false, "airport code");
    assert.equal(isUsableAlternate("بغداد"), false, "Arabic script");
    assert.equal(isUsableAlternate("bghdad"), false, "lower-case machine romanisation");
    assert.equal(isUsableAlternate("75001"), false, "postal code");
  });

  it("strips the kind word from an admin1 name", () => {
    assert.equal(strippedAdminKey("Anbar Governorate"), "anbar");
    assert.equal(strippedAdminKey("Santander Department"), "santander");
    assert.equal(strippedAdminKey("Mohafazat Dimashq"), "dimashq");
    assert.equal(strippedAdminKey("Central Region"), null, "a bare compass word is no name");
    assert.equal(strippedAdminKey("Northeastern Governorate"), null, "nor a compound one");
    assert.equal(strippedAdminKey("Anbar"), null, "nothing to strip");
  });

  it("has a Bloom filter with no false negatives", () => {
    const filter = new Uint8Array(1250);
    const keys = Array.from({ length: 1000 }, (_, i) => `place ${i}`);
    for (const k of keys) bloomAdd(filter, k);
    for (const k of keys) assert.equal(bloomMayHave(filter, k), true, k);
    const false_ = Array.from({ length: 1000 }, (_, i) => `other ${i}`).filter((k) =>
      bloomMayHave(filter, k),
    );
    assert.ok(false_.length < 50, `${false_.length} false hits in 1000`);
  });
});
