import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dateFromUrl, isIsoDate, normalizeDate } from "./dates.ts";

describe("publication dates", () => {
  const cases: [string, string | null][] = [
    ["2024-02-08", "2024-02-08"],
    ["2019-11-20T23:30:00-05:00", "2019-11-20"],
    ["2019-11-20 08:00", "2019-11-20"],
    ["20191120T083000Z", "2019-11-20"],
    ["2019/11/20", "2019-11-20"],
    ["Wed, 20 Nov 2019 10:00:00 GMT", "2019-11-20"],
    ["20 November 2019", "2019-11-20"],
    ["November 20, 2019", "2019-11-20"],
    ["Nov. 3rd 2019", "2019-11-03"],
    ["2024-02-30", null],
    ["0001-01-01", null],
    ["yesterday", null],
    ["Monday 12 2019", null],
    ["", null],
  ];
  for (const [input, want] of cases) {
    it(`"${input}" -> ${want}`, () => assert.equal(normalizeDate(input), want));
  }

  it("finds dates in news URLs", () => {
    assert.equal(dateFromUrl("https://news.example.com/2019/11/19/depot-strike/"), "2019-11-19");
    assert.equal(
      dateFromUrl("http://www.example.com/nation/2009/oct/09/road-blocked-4411.html"),
      "2009-10-09",
    );
    assert.equal(dateFromUrl("https://x.example/news/2020-05-06/story"), "2020-05-06");
    assert.equal(dateFromUrl("https://x.example/story/2019/11"), null);
    assert.equal(dateFromUrl("not a url"), null);
  });

  it("checks YYYY-MM-DD strictly", () => {
    assert.equal(isIsoDate("2024-02-29"), true);
    assert.equal(isIsoDate("2023-02-29"), false);
    assert.equal(isIsoDate("2024-2-8"), false);
  });
});
