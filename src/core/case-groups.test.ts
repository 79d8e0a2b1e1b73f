import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { caseRegExp, hasCaseGroups, withoutCaseGroups } from "./case-groups.ts";

describe("withoutCaseGroups", () => {
  it("spells each letter of a case-free group in both cases and leaves the rest alone", () => {
    assert.equal(withoutCaseGroups("(?i:ab)C", false), "(?:[aA][bB])C");
    assert.equal(withoutCaseGroups("x(?-i:May)", true), "[xX](?:May)");
  });

  it("keeps escapes, property classes and group syntax", () => {
    assert.equal(
      withoutCaseGroups(String.raw`\p{Lu}\s+(?i:of)\b`, false),
      String.raw`\p{Lu}\s+(?:[oO][fF])\b`,
    );
    assert.equal(withoutCaseGroups("(?<!an)(?=b)", true), "(?<![aA][nN])(?=[bB])");
  });

  it("widens character classes and ranges", () => {
    assert.equal(withoutCaseGroups("[a-cx]", true), "[a-cxA-CX]");
    assert.equal(withoutCaseGroups("[^sd0-9]", true), "[^sd0-9SD]");
  });

  it("knows a pattern that needs the rewrite", () => {
    assert.equal(hasCaseGroups("(?-i:may)"), true);
    assert.equal(hasCaseGroups("(?:may)"), false);
  });
});

describe("caseRegExp", () => {
  it("matches as the modifier groups say", () => {
    const claim = caseRegExp(String.raw`(\p{Lu}\p{L}+)\s+(?i:claimed)`, "u");
    assert.equal(claim.exec("the group CLAIMED")?.[1], undefined);
    assert.equal(claim.exec("Hamas CLAIMED")?.[1], "Hamas");
    assert.equal(claim.exec("Hamas claimed")?.[1], "Hamas");
    const may = caseRegExp(String.raw`\b(?-i:may)\b`, "iu");
    assert.equal(may.test("rebels may attack"), true);
    assert.equal(may.test("on 5 May"), false);
  });
});

describe("withoutCaseGroups and letter categories", () => {
  it("reads \\p{Lu} as any cased letter where case is ignored, as the `i` flag does", () => {
    assert.equal(
      withoutCaseGroups(String.raw`\p{Lu}(?-i:\p{Lu})`, true),
      String.raw`[\p{Lu}\p{Ll}\p{Lt}](?:\p{Lu})`,
    );
    assert.equal(/^\p{Lu}$/iu.test("h"), true);
    assert.equal(caseRegExp(String.raw`^\p{Lu}(?-i:x)$`, "iu").test("hx"), true);
  });
});
