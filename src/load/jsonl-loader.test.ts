import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { loadJsonl, loadJsonlLine } from "./jsonl-loader.ts";
import { docOf, errorOf, fixture } from "./test-helpers.ts";

describe("JSONL loader: fixtures/load/stories.jsonl", () => {
  const content = readFileSync(fixture("stories.jsonl"), "utf8");
  const items = [...loadJsonl(content, "stories.jsonl")];

  it("yields one item per non-blank line, documents and errors in line order", () => {
    assert.deepEqual(
      items.map((i) => ("doc" in i ? i.doc.origin : i.error.input)),
      [1, 2, 3, 4, 5, 6, 8, 9, 10, 11].map((n) => `stories.jsonl:${n}`),
    );
  });

  it("reads a one-sentence text with its date and URL", () => {
    const doc = docOf(items[0]);
    assert.equal(doc.id, "s1");
    assert.equal(doc.text, "Police arrested 12 protesters in Lagos on Monday.");
    assert.equal(doc.title, null, "a lone line is text, not a title");
    assert.equal(doc.published, "2024-01-15");
    assert.equal(doc.url, "https://news.example.com/lagos-arrests");
    assert.equal(doc.outlet, "news.example.com");
  });

  it("cleans text as the text loader does: the given title is not repeated, boilerplate goes", () => {
    const doc = docOf(items[1]);
    assert.equal(doc.title, "Clashes in the north");
    assert.match(doc.text, /^Two soldiers were killed/);
    assert.deepEqual(doc.dropped, ["Read more"]);
  });

  it("names the line of each malformed record, and the lines after it still load", () => {
    const cases: [number, RegExp][] = [
      [2, /not valid JSON/],
      [3, /missing "id"/],
      [4, /"text" must be a string, not number/],
      [5, /"published" "15\/01\/2024" is not a date/],
      [7, /no "text" or "html"/],
      [8, /expected a JSON object/],
    ];
    for (const [index, why] of cases) {
      const error = errorOf(items[index]);
      assert.equal(error.code, "JSONL_MALFORMED");
      assert.match(error.message, /^stories\.jsonl:\d+: /);
      assert.match(error.message, why);
    }
    assert.equal(errorOf(items[2]).input, "stories.jsonl:3");
  });

  it("reads an `html` record through the HTML loader", () => {
    const doc = docOf(items[6]);
    assert.equal(doc.id, "s7");
    assert.equal(doc.title, "Market bombing");
    assert.equal(doc.published, "2024-02-02");
    assert.match(doc.text, /^A bomb exploded in a crowded market/);
    assert.ok(!doc.text.includes("Market bombing"));
  });

  it("accepts an integer id as a string", () => {
    assert.equal(docOf(items[9]).id, "9");
  });
});

describe("JSONL lines", () => {
  it("takes an ISO timestamp's date as written", () => {
    const doc = docOf(
      loadJsonlLine(
        '{"id":"a","text":"Two soldiers were killed.","published":"2024-02-08T23:10:00-05:00"}',
        1,
        "x.jsonl",
      ),
    );
    assert.equal(doc.published, "2024-02-08");
  });

  it("rejects an impossible date", () => {
    const error = errorOf(
      loadJsonlLine(
        '{"id":"a","text":"Two soldiers were killed.","published":"2024-02-30"}',
        7,
        "x.jsonl",
      ),
    );
    assert.match(error.message, /^x\.jsonl:7: .*not a date/);
  });

  it("lets --published override the record's date", () => {
    const doc = docOf(
      loadJsonlLine(
        '{"id":"a","text":"Two soldiers were killed.","published":"2024-02-01"}',
        1,
        "x.jsonl",
        "2024-02-08",
      ),
    );
    assert.equal(doc.published, "2024-02-08");
  });

  it("rejects a non-string title or url, and an array id", () => {
    assert.match(
      errorOf(loadJsonlLine('{"id":"a","text":"x","title":["t"]}', 1, "x.jsonl")).message,
      /"title" must be a string, not an array/,
    );
    assert.match(
      errorOf(loadJsonlLine('{"id":"a","text":"x","url":5}', 1, "x.jsonl")).message,
      /"url" must be a string/,
    );
    assert.match(
      errorOf(loadJsonlLine('{"id":["a"],"text":"x"}', 1, "x.jsonl")).message,
      /missing "id"/,
    );
  });

  it("a record whose text is only boilerplate is an `empty` error naming the line", () => {
    const error = errorOf(
      loadJsonlLine('{"id":"a","text":"Leave a Reply\\n\\nRead more"}', 4, "x.jsonl"),
    );
    assert.equal(error.code, "INPUT_EMPTY");
    assert.equal(error.input, "x.jsonl:4");
  });

  it("skips blank lines, and a file of blank lines yields nothing", () => {
    assert.deepEqual([...loadJsonl("\n\n  \n", "x.jsonl")], []);
  });
});
