import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import type { Document, ExtractionResult } from "../core/types.ts";
import { openStore } from "../store/store.ts";
import { testDialects } from "../store/test-databases.ts";
import {
  bandKeys,
  estimateContainment,
  fingerprint,
  NEAR_DUPLICATE_MIN_CONTAINMENT,
  shingleHashes,
} from "./fingerprint.ts";
import { readOnce, storyKey } from "./read-once.ts";
import { canonicalUrl } from "./url-canonical.ts";

describe("canonical URLs: one address per article", () => {
  const same = [
    "https://example.com/world/strike",
    "http://www.example.com/world/strike",
    "https://m.example.com/world/strike/",
    "https://example.com/world/strike?utm_source=twitter&utm_medium=social&fbclid=IwAR0",
    "https://example.com/world/strike#comments",
    "https://amp.example.com/world/strike",
    "https://example.com/world/strike/amp",
    "https://example.com/world/strike.amp",
    "https://example.com/amp/world/strike",
    "https://example.com/world/strike?amp=1",
    "https://example.com/world/strike?outputType=amp",
    "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/world/strike",
    "https://www.google.com/amp/s/www.example.com/world/strike",
    "HTTPS://WWW.EXAMPLE.COM:443/world/strike",
  ];
  for (const url of same) {
    it(`${url}`, () => assert.equal(canonicalUrl(url), "https://example.com/world/strike"));
  }

  it("keeps what names the article: path case, the query, the port", () => {
    assert.equal(
      canonicalUrl("https://example.com/World/Strike"),
      "https://example.com/World/Strike",
    );
    assert.equal(
      canonicalUrl("https://example.com/story.php?id=42&utm_campaign=x&b=2"),
      "https://example.com/story.php?b=2&id=42",
    );
    assert.notEqual(
      canonicalUrl("https://example.com/a?id=1"),
      canonicalUrl("https://example.com/a?id=2"),
    );
    assert.equal(canonicalUrl("http://127.0.0.1:8080/a"), "https://127.0.0.1:8080/a");
    assert.equal(canonicalUrl("https://example.com/"), "https://example.com/");
    assert.equal(canonicalUrl("https://example.com/lamp"), "https://example.com/lamp");
  });

  it("is null for what is not an http(s) URL", () => {
    assert.equal(canonicalUrl("report.txt"), null);
    assert.equal(canonicalUrl("ftp://example.com/a"), null);
    assert.equal(canonicalUrl(null), null);
  });
});

const WIRE = [
  "A drone attack set fire to fuel tanks at the port of Salden on Wednesday night, injuring two dock workers, port authorities said on Thursday.",
  "The drone struck the eastern terminal shortly before midnight, igniting two storage tanks. Firefighters brought the blaze under control by morning, the authorities said in a statement.",
  "The two injured workers were taken to hospital with burns and were in a stable condition, according to the statement.",
  "It was the third attack on port infrastructure in the province this month. No group claimed responsibility, and the army said it was investigating where the drone had been launched from.",
  "Shipping through the port was suspended for several hours and resumed on Thursday afternoon, the authorities said.",
];
/** The same event, reported by another outlet in its own words. */
const OWN_WORDS =
  "Fuel tanks were burning at Salden's port on Thursday morning after what officials described as a drone strike late the previous evening. Two workers suffered burns. Port traffic stopped for several hours, and the military has opened an inquiry into the launch site. This is the third such incident at a provincial port in May, officials said, and nobody has said they carried it out.";

describe("near-duplicate text (MinHash over word shingles)", () => {
  const full = fingerprint(WIRE.join("\n\n"));
  const cut = fingerprint(WIRE.slice(0, 3).join("\n\n"));
  const edited = fingerprint(
    `${WIRE.join("\n\n").replace("on Thursday", "on Thursday morning")}\n\n(Reporting by the wire desk)`,
  );
  const own = fingerprint(OWN_WORDS);

  const containment = (a: typeof full, b: typeof full) =>
    estimateContainment(
      a.signature as Uint32Array,
      a.shingles,
      b.signature as Uint32Array,
      b.shingles,
    );

  it("an edited copy and a cut copy are the same story", () => {
    assert.ok(containment(full, edited) >= 0.85, `edited: ${containment(full, edited)}`);
    assert.ok(containment(full, cut) >= 0.85, `cut to three paragraphs: ${containment(full, cut)}`);
    assert.ok(containment(cut, full) >= NEAR_DUPLICATE_MIN_CONTAINMENT);
  });

  it("the same event in another outlet's own words is not", () => {
    assert.ok(containment(full, own) < 0.2, `own words: ${containment(full, own)}`);
  });

  it("copies share LSH bands, so they are found without comparing with every story", () => {
    const shared = (a: string[], b: string[]) => a.filter((k, i) => k === b[i]).length;
    const f = bandKeys(full.signature as Uint32Array);
    assert.ok(shared(f, bandKeys(cut.signature as Uint32Array)) > 0);
    assert.ok(shared(f, bandKeys(edited.signature as Uint32Array)) > 0);
  });

  it("a text too short to compare has no signature", () => {
    assert.equal(fingerprint("Two soldiers were killed on Monday.").signature, null);
    assert.ok(shingleHashes(WIRE[0]).size > 10);
  });
});

function doc(id: string, url: string | null, text: string, outlet: string): Document {
  return {
    id,
    url,
    outlet,
    title: `Report ${id}`,
    published: "2024-05-16",
    language: "en",
    origin: url ?? `${id}.txt`,
    raw: text,
    text,
    dropped: [],
  };
}

function result(d: Document): ExtractionResult {
  return {
    id: d.id,
    url: d.url,
    title: d.title,
    published: d.published,
    text: d.text,
    events: [],
    tallies: [],
    dropped: [],
  };
}

const dialects = await testDialects("dedup");
after(() => Promise.all(dialects.map((d) => d.cleanup())));

for (const dialect of dialects) {
  describe(`read once (${dialect.name})`, { skip: dialect.skip }, () => {
    it("reads a story once: same article at another address, wire copies at other outlets", async () => {
      const store = await openStore(dialect.fresh());
      let extracted = 0;
      const extract = (d: Document) => {
        extracted++;
        return result(d);
      };
      try {
        const wire = WIRE.join("\n\n");
        const first = await readOnce(
          store,
          doc(
            "a",
            "https://courier.example.org/world/salden?utm_source=rss",
            wire,
            "Northern Courier",
          ),
          extract,
        );
        assert.equal(first.kind, "new");

        const amp = await readOnce(
          store,
          doc("a-amp", "https://m.courier.example.org/world/salden/amp", wire, "Northern Courier"),
          extract,
        );
        assert.deepEqual(amp, { kind: "same-url", storyId: first.storyId });

        const log: { stage: string; reason: string }[] = [];
        const copy = await readOnce(
          store,
          doc(
            "b",
            "https://herald.example.net/news/salden-drone",
            `${wire}\n\nEditing by the Herald desk.`,
            "Lakeside Herald",
          ),
          extract,
          log,
        );
        assert.equal(copy.kind, "near-duplicate");
        assert.equal(copy.storyId, first.storyId);
        assert.match(log[0].reason, /a copy of story .* not read again/);

        const cut = await readOnce(
          store,
          doc(
            "c",
            "https://gazette.example.com/salden",
            WIRE.slice(0, 3).join("\n\n"),
            "Valley Gazette",
          ),
          extract,
        );
        assert.equal(cut.kind, "near-duplicate");

        const other = await readOnce(
          store,
          doc("d", "https://observer.example.net/salden", OWN_WORDS, "Observer"),
          extract,
        );
        assert.equal(other.kind, "new", "another outlet's own report is read");

        assert.equal(extracted, 2, "two stories extracted, the copies not");
        assert.equal((await store.counts()).documents, 2);
        const outlets = await store.storyOutlets(first.storyId);
        assert.deepEqual(outlets.map((o) => [o.outlet, o.link]).sort(), [
          ["Lakeside Herald", "near-duplicate"],
          ["Northern Courier", "first"],
          ["Valley Gazette", "near-duplicate"],
        ]);
        assert.ok(
          outlets.every(
            (o) => o.link === "first" || (o.similarity ?? 0) >= NEAR_DUPLICATE_MIN_CONTAINMENT,
          ),
        );
        assert.equal(
          outlets.find((o) => o.link === "first")?.url,
          "https://courier.example.org/world/salden",
        );
        const stories = await store.listStories();
        assert.deepEqual(stories.map((s) => s.outlets).sort(), [1, 3]);
      } finally {
        await store.close();
      }
    });

    it("a document without a URL is known by its id; a short text by its address only", async () => {
      const store = await openStore(dialect.fresh());
      try {
        const brief = doc("brief-1", null, "Two soldiers were killed on Monday.", "Wire");
        assert.equal(storyKey(brief), "id:brief-1");
        assert.equal((await readOnce(store, brief, result)).kind, "new");
        const again = doc("brief-2", null, "Two soldiers were killed on Monday.", "Wire");
        assert.equal(
          (await readOnce(store, again, result)).kind,
          "new",
          "too short to call a copy",
        );
        assert.equal((await readOnce(store, brief, result)).kind, "same-url");
      } finally {
        await store.close();
      }
    });

    it("keeps feed state: validators, failures, the next check", async () => {
      const store = await openStore(dialect.fresh());
      try {
        assert.equal(await store.feedState("https://x.example/feed"), null);
        const state = {
          url: "https://x.example/feed",
          etag: '"v1"',
          last_modified: "Thu, 16 May 2024 12:00:00 GMT",
          last_status: 200,
          last_error: null,
          last_checked_at: "2024-05-16T12:00:00.000Z",
          last_ok_at: "2024-05-16T12:00:00.000Z",
          failures: 0,
          next_check_at: null,
          items_read: 3,
        };
        await store.saveFeedState(state);
        await store.saveFeedState({
          ...state,
          failures: 2,
          last_error: "HTTP 500",
          next_check_at: "2024-05-16T12:30:00.000Z",
        });
        assert.deepEqual(await store.feedState(state.url), {
          ...state,
          failures: 2,
          last_error: "HTTP 500",
          next_check_at: "2024-05-16T12:30:00.000Z",
        });
        assert.equal((await store.feedStates()).length, 1);
      } finally {
        await store.close();
      }
    });
  });
}
