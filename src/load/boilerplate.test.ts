import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  boilerplateRules,
  filterBoilerplate,
  isTitleLike,
  matchBoilerplate,
  stripTrailingTitles,
} from "./boilerplate.ts";

describe("boilerplate patterns (data/boilerplate.tsv)", () => {
  it("reads the table: every rule has a kind and a reason", () => {
    const rules = boilerplateRules();
    assert.ok(rules.length >= 30, `only ${rules.length} rules`);
    for (const r of rules) {
      assert.ok(r.kind, `rule ${r.pattern} has no kind`);
      assert.ok(r.reason, `rule ${r.pattern} has no reason`);
    }
  });

  const boilerplate: [string, string][] = [
    ["Also Read: Ceasefire talks stall for a third week", "link"],
    ["Read Latest News: Flooding closes the coastal road", "link"],
    ["Also on rt.com Journalists threatened with arrests as the party is purged", "link"],
    ["Read more", "link"],
    ["READ MORE: Border province coverage", "link"],
    ["Related:", "link"],
    ["Related: Army recruits thousands in new campaign", "link"],
    ["Related Articles", "link"],
    ["Recommended", "link"],
    ["Recommended for you", "link"],
    ["You may also like", "link"],
    ["Click here to watch the video", "link"],
    ["Subscribe to our newsletter", "subscribe"],
    ["Sign up for our daily newsletter", "subscribe"],
    ["Share this article", "share"],
    ["Share on Facebook", "share"],
    ["Facebook Twitter WhatsApp Email", "share"],
    ["Follow us on Twitter", "follow"],
    ["Follow the Monitor on Instagram for more", "follow"],
    ["Leave a Reply", "comment-form"],
    ["Leave a comment", "comment-form"],
    ["Your email address will not be published. Required fields are marked *", "comment-form"],
    ["Required fields are marked *", "comment-form"],
    ["Post Comment", "comment-form"],
    ["Cancel reply", "comment-form"],
    [
      "Save my name, email, and website in this browser for the next time I comment.",
      "comment-form",
    ],
    ["12 Comments", "comment-form"],
    ["© 2024 Riverside Daily Monitor", "copyright"],
    ["Copyright 2024 Example Media. All rights reserved.", "copyright"],
    ["This website uses cookies to improve your experience.", "cookie"],
    ["Read our cookie policy", "cookie"],
    ["Advertisement", "advert"],
    ["(Reporting by Jon Reyes; Editing by Amina Okafor)", "credit"],
    ["Tags: conflict, border, fuel", "taxonomy"],
  ];
  for (const [line, kind] of boilerplate) {
    it(`drops "${line}" as ${kind}`, () => {
      const rule = matchBoilerplate(line);
      assert.ok(rule, `"${line}" was not recognised as boilerplate`);
      assert.equal(rule.kind, kind);
    });
  }

  const prose = [
    "More than 30 people were killed in the attack, officials said.",
    "Related clashes were reported in two other districts on Sunday.",
    "Share prices in the capital fell after the explosion.",
    "Follow-up raids led to 14 arrests, police said.",
    "Comments made by the minister angered opposition lawmakers.",
    "Recommended changes to the ceasefire terms were rejected by both sides.",
    "Subscribers to the militia's channel were told to stay indoors.",
    "Readers of the statement said it was the first admission of civilian deaths.",
    "Police arrested 12 protesters in Lagos on Monday.",
  ];
  for (const line of prose) {
    it(`keeps the sentence "${line}"`, () => {
      assert.equal(matchBoilerplate(line)?.pattern ?? null, null);
    });
  }

  it("never judges a long paragraph by a pattern", () => {
    const long = `Click here ${"and the fighting went on for hours in the old town ".repeat(8)}`;
    assert.equal(matchBoilerplate(long), null);
  });
});

describe("trailing related-post titles", () => {
  it("drops a run of short title lines after the last paragraph", () => {
    const { kept, dropped } = stripTrailingTitles([
      "Gunmen attacked a checkpoint on Tuesday, killing four officers.",
      "The governor ordered an inquiry.",
      "Floods Displace Thousands Along Coast",
      "Local team wins regional cup final",
    ]);
    assert.deepEqual(kept, [
      "Gunmen attacked a checkpoint on Tuesday, killing four officers.",
      "The governor ordered an inquiry.",
    ]);
    assert.deepEqual(
      dropped.map((d) => d.text),
      ["Floods Displace Thousands Along Coast", "Local team wins regional cup final"],
    );
    assert.match(dropped[0].reason, /related-post titles/);
  });

  it("drops one line that glues several titles together", () => {
    const glued =
      "Market Prices Rise Again Farmers Union Meets Minister Weather Warning Issued For Weekend Storm";
    assert.equal(isTitleLike(glued), true);
    const { kept, dropped } = stripTrailingTitles(["The governor ordered an inquiry.", glued]);
    assert.deepEqual(kept, ["The governor ordered an inquiry."]);
    assert.deepEqual(
      dropped.map((d) => d.text),
      [glued],
    );
  });

  it("keeps a real last paragraph that ends with a period", () => {
    const blocks = [
      "First paragraph of the report.",
      "The talks will resume next week in the capital, officials said.",
    ];
    assert.deepEqual(stripTrailingTitles(blocks).kept, blocks);
  });

  it("keeps a long last sentence that lacks its period", () => {
    const blocks = [
      "First paragraph of the report.",
      "the talks will resume next week in the capital and both delegations have said they expect a deal on prisoners before the end of the month",
    ];
    assert.deepEqual(stripTrailingTitles(blocks).kept, blocks);
  });

  it("keeps headlines after a long headline: a list of headlines, not an article's links", () => {
    const blocks = [
      "Thirty people died in the fighting on Sunday among them nine soldiers of the army and twenty one residents of the villages",
      "Shelling resumes on the northern villages as talks stall",
    ];
    assert.deepEqual(stripTrailingTitles(blocks).kept, blocks);
    // after an article's last sentence the same line is a related post's title
    assert.deepEqual(stripTrailingTitles(["The report ends here.", blocks[1]]).kept, [
      "The report ends here.",
    ]);
  });

  it("keeps a closing paragraph set in capitals, or with a sentence inside it", () => {
    const blocks = [
      "FIRST PARAGRAPH OF THE WIRE REPORT.",
      "[SPOKESMAN] NO, I CANNOT GIVE YOU DETAILS RIGHT NOW. WE WILL ISSUE THAT INFORMATION LATER. [END RECORDING]",
    ];
    assert.deepEqual(stripTrailingTitles(blocks).kept, blocks);
    assert.equal(isTitleLike("The army said the road was closed. [Continued]"), false);
  });

  it("never drops the first block: a one-line report without a period stays", () => {
    assert.deepEqual(stripTrailingTitles(["Police arrest 12 protesters in Lagos"]).kept, [
      "Police arrest 12 protesters in Lagos",
    ]);
  });

  it("keeps a text of headlines only whole: no paragraph for them to trail", () => {
    const blocks = [
      "Gunmen kill five in attack on Kaduna village",
      "Five killed as gunmen raid Kaduna village: police",
      "Kaduna governor condemns village attack",
    ];
    assert.deepEqual(stripTrailingTitles(blocks).kept, blocks);
  });

  it("keeps a list the text introduces with a colon", () => {
    const blocks = [
      "According to the governor's office, the strike caused the following:",
      "two deaths among the guards",
      "the loss of fuel",
    ];
    assert.deepEqual(stripTrailingTitles(blocks).kept, blocks);
  });

  it("filters patterns anywhere and the trailing strip, keeping document order in `dropped`", () => {
    const { kept, dropped } = filterBoilerplate([
      "Gunmen attacked a checkpoint on Tuesday.",
      "Also Read: Elections postponed",
      "The governor ordered an inquiry.",
      "Leave a Reply",
      "Floods Displace Thousands Along Coast",
    ]);
    assert.deepEqual(kept, [
      "Gunmen attacked a checkpoint on Tuesday.",
      "The governor ordered an inquiry.",
    ]);
    assert.deepEqual(
      dropped.map((d) => d.text),
      ["Also Read: Elections postponed", "Leave a Reply", "Floods Displace Thousands Along Coast"],
    );
    assert.ok(dropped.every((d) => d.reason.length > 0));
  });

  it("finds nothing in a text without boilerplate", () => {
    const blocks = ["Gunmen attacked a checkpoint on Tuesday.", "The governor ordered an inquiry."];
    assert.deepEqual(filterBoilerplate(blocks), { kept: blocks, dropped: [] });
  });
});
