import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { SitrepError } from "../core/errors.ts";
import type { Document, ExtractionResult } from "../core/types.ts";
import { openStore, type Store } from "../store/store.ts";
import { backoffMs, type PollOptions, parseFeedList, pollFeed } from "./feed-poller.ts";
import { HttpClient } from "./http-client.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

const INTERVAL = 15 * 60 * 1000;

/** The pipeline's stand-in: one event-free result per document, counted. */
function stubExtract(seen: Document[]) {
  return (doc: Document): ExtractionResult => {
    seen.push(doc);
    return {
      id: doc.id,
      url: doc.url,
      title: doc.title,
      published: doc.published,
      text: doc.text,
      events: [],
      tallies: [],
      dropped: doc.dropped,
    };
  };
}

describe("feed polling against two outlets' servers on 127.0.0.1", () => {
  let courier: TestServer;
  let herald: TestServer;
  let store: Store;
  let http: HttpClient;
  let dir: string;
  const extracted: Document[] = [];
  const itemErrors: SitrepError[] = [];
  let clock = new Date("2024-05-16T12:00:00Z");
  let opts: PollOptions;

  before(async () => {
    courier = await startTestServer();
    herald = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), "sitrep-poll-"));
    store = await openStore(join(dir, "watch.db"));
    // idle long enough that a busy machine decompressing the gzip bomb is not taken for a stall
    http = new HttpClient({
      timeoutMs: 4000,
      idleTimeoutMs: 1000,
      maxBytes: 1024 * 1024,
      perHostDelayMs: 0,
    });
    opts = {
      http,
      store,
      extract: stubExtract(extracted),
      intervalMs: INTERVAL,
      now: () => clock,
      onItemError: (e) => itemErrors.push(e),
    };
  });
  after(async () => {
    http.close();
    await store.close();
    await courier.close();
    await herald.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("RSS: reads each new item's page, with the item's date", async () => {
    const s = await pollFeed(`${courier.base}/feeds/courier.rss`, opts);
    assert.equal(s.outcome, "read");
    assert.deepEqual([s.status, s.items, s.read, s.seen, s.copies, s.failed], [200, 3, 3, 0, 0, 0]);
    assert.match(
      s.line,
      /: 200, 3 item\(s\): 3 new \(0 event\(s\)\), 0 already read, 0 copies of stories read, 0 failed$/,
    );
    assert.equal(extracted.length, 3);
    const clash = extracted.find(
      (d) => d.title === "Two soldiers killed in clash on the northern border",
    );
    assert.ok(clash);
    assert.match(clash.text, /^Two soldiers were killed and three wounded on Monday/);
    assert.equal(clash.published, "2024-05-14");
    assert.equal(clash.outlet, "Northern Courier");
  });

  it("Atom: the same articles by their AMP and tracked addresses are known without a fetch", async () => {
    const before = courier.requests.length;
    const s = await pollFeed(`${courier.base}/feeds/courier.atom`, opts);
    assert.deepEqual([s.items, s.read, s.seen], [2, 0, 2]);
    const paths = courier.requests.slice(before).map((r) => r.path);
    assert.deepEqual(paths, ["/feeds/courier.atom"], "only the feed was fetched");
    assert.equal(extracted.length, 3);
  });

  it("JSON Feed at another outlet: the wire copy joins its story, a missing page is an item error", async () => {
    const s = await pollFeed(`${herald.base}/feeds/herald.json`, opts);
    assert.deepEqual([s.items, s.read, s.copies, s.failed], [2, 0, 1, 1]);
    assert.equal(extracted.length, 3, "the copy was not extracted");
    assert.equal(itemErrors.length, 1);
    assert.equal(itemErrors[0].code, "FETCH_FAILED");
    assert.match(
      itemErrors[0].message,
      /page-that-is-gone: cannot be fetched: the server answered HTTP 404/,
    );
    const stories = await store.listStories();
    const wire = stories.find(
      (st) => st.title === "Drone attack sets fuel tanks ablaze at Salden port",
    );
    assert.ok(wire);
    const outlets = await store.storyOutlets(wire.id);
    assert.deepEqual(outlets.map((o) => [o.outlet, o.link]).sort(), [
      ["Lakeside Herald", "near-duplicate"],
      ["Northern Courier", "first"],
    ]);
  });

  it("broken feeds fail with a clear status and back off; the state is in the database", async () => {
    const cases: [string, RegExp][] = [
      [`${courier.base}/feeds/broken.rss`, /not a readable RSS\/Atom feed \(line \d+: .*\)/],
      [`${courier.base}/status/500`, /HTTP 500/],
      [`${courier.base}/status/404`, /HTTP 404/],
      [`${courier.base}/stall`, /sent nothing for 1 s/],
      [`${courier.base}/endless`, /larger than the 1 MB limit/],
      [`${courier.base}/gzip-bomb`, /once decompressed \(gzip\)/],
      [`${courier.base}/loop-a`, /redirect loop/],
      [`${courier.base}/private/feed.xml`, /disallowed for sitrep by/],
    ];
    for (const [url, why] of cases) {
      const s = await pollFeed(url, opts);
      assert.equal(s.outcome, "failed", url);
      assert.match(s.line, why, url);
      assert.match(s.line, /1 failure\(s\) in a row, next try in 15 min$/, url);
      const state = await store.feedState(url);
      assert.equal(state?.failures, 1);
      assert.equal(state?.next_check_at, "2024-05-16T12:15:00.000Z");
    }
    assert.equal((await store.feedState(`${courier.base}/status/500`))?.last_status, 500);
  });

  it("the next poll: 304 for an unchanged feed, no request for a feed backing off", async () => {
    clock = new Date("2024-05-16T12:05:00Z");
    const before = courier.requests.length;
    const rss = await pollFeed(`${courier.base}/feeds/courier.rss`, opts);
    assert.equal(rss.outcome, "not-modified");
    assert.equal(rss.line, `${courier.base}/feeds/courier.rss: 304 not modified`);
    const sent = courier.requests.slice(before).find((r) => r.path === "/feeds/courier.rss");
    assert.equal(sent?.headers["if-none-match"], '"fixture-v1"');
    assert.equal(sent?.headers["if-modified-since"], "Thu, 16 May 2024 12:00:00 GMT");
    const broken = await pollFeed(`${courier.base}/feeds/broken.rss`, opts);
    assert.equal(broken.outcome, "backing-off");
    assert.match(
      broken.line,
      /backing off after 1 failure\(s\) .*next try after 2024-05-16T12:15:00.000Z/,
    );
    assert.equal(
      courier.requests.slice(before).filter((r) => r.path === "/feeds/broken.rss").length,
      0,
    );
  });

  it("a feed that keeps failing waits twice as long each time", async () => {
    clock = new Date("2024-05-16T12:16:00Z");
    const s = await pollFeed(`${courier.base}/feeds/broken.rss`, opts);
    assert.equal(s.outcome, "failed");
    assert.match(s.line, /2 failure\(s\) in a row, next try in 30 min$/);
    assert.equal(backoffMs(1, INTERVAL), INTERVAL);
    assert.equal(backoffMs(3, INTERVAL), 4 * INTERVAL);
    assert.equal(backoffMs(20, INTERVAL), 24 * 60 * 60 * 1000, "capped at a day");
  });

  it("a feed that recovers starts afresh", async () => {
    clock = new Date("2024-05-16T13:00:00Z");
    const url = `${courier.base}/feeds/courier.atom`;
    courier.fail.set("/feeds/courier.atom", 503);
    const down = await pollFeed(url, { ...opts, force: true });
    assert.equal(down.outcome, "failed");
    courier.fail.delete("/feeds/courier.atom");
    const up = await pollFeed(url, { ...opts, force: true });
    assert.equal(up.outcome, "not-modified");
    const state = await store.feedState(url);
    assert.deepEqual([state?.failures, state?.next_check_at, state?.last_error], [0, null, null]);
  });
});

describe("feeds files", () => {
  it("one URL a line, comments and blanks skipped, duplicates once", () => {
    assert.deepEqual(
      parseFeedList(
        "# world\nhttps://a.example/feed.xml\n\nhttps://b.example/rss # the b feed\nhttps://a.example/feed.xml\n",
        "feeds.txt",
      ),
      ["https://a.example/feed.xml", "https://b.example/rss"],
    );
  });

  it("a line that is not an http(s) URL is an error naming the line", () => {
    assert.throws(() => parseFeedList("https://a.example/x\nnot a url\n", "feeds.txt"), {
      code: "BAD_OPTION",
      message: /feeds\.txt:2: "not a url" is not a URL/,
    });
  });
});
