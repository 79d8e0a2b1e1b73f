import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT_ROOT } from "../core/data-files.ts";
import { loadFeed, parseFeed } from "./feed-loader.ts";
import { sniffFormat } from "./sniff.ts";
import { docOf, errorOf, fixture } from "./test-helpers.ts";

describe("feed loader: RSS 2.0 (fixtures/load/feed.rss)", () => {
  const items = [...loadFeed(readFileSync(fixture("feed.rss"), "utf8"), "feed.rss")];

  it("yields one item per <item>", () => {
    assert.equal(items.length, 3);
  });

  it("maps guid, title, link, pubDate, creator and channel title", () => {
    const doc = docOf(items[0]);
    assert.equal(doc.id, "monitor-2024-0305-117");
    assert.equal(doc.origin, "feed.rss#1");
    assert.equal(doc.title, "Drone strike hits fuel depot in border province");
    assert.equal(doc.url, "https://monitor.example.org/world/drone-strike-fuel-depot");
    assert.equal(doc.published, "2024-03-05", "RFC 822 date, as written (+0100)");
    assert.equal(doc.author, "Amina Okafor");
    assert.equal(doc.outlet, "Riverside Daily Monitor - World");
  });

  it("strips the description's HTML and its boilerplate", () => {
    const doc = docOf(items[0]);
    assert.equal(
      doc.text,
      "A drone strike set a fuel depot ablaze near the border town of Vessa late on Tuesday, killing two guards, the governor said.",
    );
    assert.deepEqual(doc.dropped, ["Read more: World news"]);
  });

  it("prefers content:encoded to the description, decodes entities, ids from the link without a guid", () => {
    const doc = docOf(items[1]);
    assert.equal(doc.id, "https://monitor.example.org/world/ceasefire-talks");
    assert.equal(doc.title, "Ceasefire talks stall & both sides trade blame");
    assert.equal(doc.text.split("\n\n").length, 2);
    assert.match(doc.text, /shelling was reported overnight/);
    assert.deepEqual(doc.dropped, [
      "The post Ceasefire talks stall appeared first on Riverside Daily Monitor.",
    ]);
  });

  it("an item with no body is an `empty` error naming the item", () => {
    const error = errorOf(items[2]);
    assert.equal(error.code, "INPUT_EMPTY");
    assert.equal(error.input, "feed.rss#3");
  });
});

describe("feed loader: Atom (fixtures/load/feed.atom)", () => {
  const items = [...loadFeed(readFileSync(fixture("feed.atom"), "utf8"), "feed.atom")];

  it("maps id, alternate link, published, author name and the escaped HTML content", () => {
    const doc = docOf(items[0]);
    assert.equal(doc.id, "tag:observer.example.net,2024:991");
    assert.equal(doc.url, "https://observer.example.net/2024/03/08/port-protest");
    assert.equal(doc.published, "2024-03-08");
    assert.equal(doc.author, "Jon Reyes");
    assert.equal(doc.outlet, "Harbour City Observer");
    assert.equal(doc.text.split("\n\n").length, 2);
    assert.match(doc.text, /^Police fired tear gas at hundreds of dock workers/);
  });

  it("falls back to summary and updated", () => {
    const doc = docOf(items[1]);
    assert.equal(doc.published, "2024-03-07");
    assert.equal(doc.url, null);
    assert.match(doc.text, /^The island ferry service resumed/);
  });
});

describe("feed loader: bad feeds", () => {
  it("invalid XML is a FEED_MALFORMED error with the line", () => {
    const items = [
      ...loadFeed(
        '<?xml version="1.0"?>\n<rss><channel><item><title>x</item></channel></rss>',
        "bad.xml",
      ),
    ];
    assert.equal(items.length, 1);
    const error = errorOf(items[0]);
    assert.equal(error.code, "FEED_MALFORMED");
    assert.match(error.message, /^bad\.xml: is not a readable RSS\/Atom feed \(line 2: /);
  });

  it("XML that is not a feed is a FEED_MALFORMED error", () => {
    const error = errorOf(
      [
        ...loadFeed('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>', "sitemap.xml"),
      ][0],
    );
    assert.equal(error.code, "FEED_MALFORMED");
    assert.match(error.message, /no <rss>, <feed> or <rdf:RDF>/);
  });

  it("a feed without items is an `empty` error", () => {
    const error = errorOf(
      [...loadFeed('<rss version="2.0"><channel><title>T</title></channel></rss>', "none.rss")][0],
    );
    assert.equal(error.code, "INPUT_EMPTY");
  });

  it("reads RSS 1.0 (RDF) items", () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel><title>Wire</title></channel>
  <item><title>Clash</title><link>https://wire.example/1</link><dc:date>2023-05-06</dc:date>
  <description>Two soldiers were killed in a clash near the border on Saturday.</description></item>
</rdf:RDF>`;
    const doc = docOf([...loadFeed(rdf, "wire.rdf")][0]);
    assert.equal(doc.published, "2023-05-06");
    assert.equal(doc.outlet, "Wire");
  });

  it("applies --published to every item", () => {
    const items = [
      ...loadFeed(readFileSync(fixture("feed.atom"), "utf8"), "feed.atom", "2024-12-31"),
    ];
    assert.ok(items.every((i) => "doc" in i && i.doc.published === "2024-12-31"));
  });
});

describe("feed loader: JSON Feed (fixtures/fetch/herald.json)", () => {
  const json = readFileSync(
    join(PROJECT_ROOT, "fixtures", "fetch", "herald.json"),
    "utf8",
  ).replaceAll("BASE", "https://herald.example.net");

  it("reads items: id, url, title, text content, date, authors, the feed's title as outlet", () => {
    const items = [...loadFeed(json, "herald.json")];
    assert.equal(items.length, 2);
    const doc = docOf(items[0]);
    assert.equal(doc.id, "herald-2024-0516-salden");
    assert.equal(doc.url, "https://herald.example.net/news/2024/05/16/salden-drone");
    assert.equal(doc.title, "Port of Salden hit by drone, two workers hurt");
    assert.equal(doc.text, "A drone attack set fire to fuel tanks at the port of Salden.");
    assert.equal(doc.published, "2024-05-16");
    assert.equal(doc.author, "Wire staff");
    assert.equal(doc.outlet, "Lakeside Herald");
  });

  it("is recognised by its content, and parseFeed lists its items without reading them", () => {
    assert.equal(sniffFormat(json), "feed");
    const feed = parseFeed(json, "herald.json");
    assert.equal(feed.kind, "JSON Feed");
    assert.deepEqual(
      feed.items.map((i) => i.url),
      [
        "https://herald.example.net/news/2024/05/16/salden-drone",
        "https://herald.example.net/news/2024/05/16/page-that-is-gone",
      ],
    );
  });

  it("JSON that is not a JSON Feed is a FEED_MALFORMED error", () => {
    const [bad] = [...loadFeed('{"version": "1", "items": []}', "x.json")];
    assert.equal(errorOf(bad).code, "FEED_MALFORMED");
    assert.match(errorOf(bad).message, /no JSON Feed "version"/);
    const [broken] = [
      ...loadFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [', "y.json"),
    ];
    assert.match(errorOf(broken).message, /invalid JSON/);
  });
});
