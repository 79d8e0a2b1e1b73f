import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { isSitrepError } from "../core/errors.ts";
import type { SitrepEvent } from "../core/types.ts";
import { documentKey, type EventFilter, openStore, type Store, type StoredEvent } from "./store.ts";
import { testDialects } from "./test-databases.ts";
import { baghdad, event, jordan, nairobi, numbered, type Sample, sample } from "./test-fixtures.ts";

// The whole suite runs on every dialect (CONVENTIONS 9): a SQLite file and a PostgreSQL schema.
const dialects = await testDialects("store");
after(() => Promise.all(dialects.map((d) => d.cleanup())));

const ingestAll = async (store: Store, samples: Sample[]) => {
  for (const s of samples) await store.ingest(s.doc, s.result);
};

/** Strips what the store adds, to compare with what was ingested. */
function asExtracted(e: StoredEvent): SitrepEvent {
  const { id: _id, document_id: _d, document_url: _u, document_title: _t, ...rest } = e;
  return rest;
}

for (const dialect of dialects) {
  describe(dialect.name, { skip: dialect.skip }, () => {
    const freshPath = () => dialect.fresh();

    async function withStore(fn: (store: Store, path: string) => Promise<void>): Promise<void> {
      const path = freshPath();
      const store = await openStore(path);
      try {
        await fn(store, path);
      } finally {
        await store.close();
      }
    }

    describe("ingest", () => {
      test("stores a document with its events, claims, evidence and tallies", async () => {
        await withStore(async (store) => {
          const outcome = await store.ingest(baghdad.doc, baghdad.result);
          assert.equal(outcome.added, true);
          assert.equal(outcome.events, 1);
          assert.match(outcome.documentId, /^[0-9a-f]{16}$/);
          assert.deepEqual(await store.counts(), {
            documents: 1,
            events: 1,
            claims: 2,
            evidence: 1,
            tallies: 1,
          });

          const [stored] = await store.queryEvents();
          assert.equal(stored.id, `${outcome.documentId}-001`);
          assert.equal(stored.document_id, outcome.documentId);
          assert.equal(stored.document_url, "https://news.example/baghdad");
          assert.equal(stored.document_title, "US strike in Iraq kills Kataib Hezbollah commander");
          // Everything extracted comes back as it went in: numbers as numbers, claims in order.
          assert.deepEqual(asExtracted(stored), baghdad.result.events[0]);
          assert.equal(typeof stored.claims[0].value, "number");
          assert.equal(typeof stored.claims[1].value, "string");
        });
      });

      test("keeps the document's metadata, clean text, raw text and dropped lines", async () => {
        await withStore(async (store) => {
          const { documentId } = await store.ingest(baghdad.doc, baghdad.result);
          const row = await store.db.get<Record<string, unknown>>(
            "SELECT * FROM documents WHERE id = $1",
            [documentId],
          );
          assert.ok(row);
          assert.equal(row.doc_key, documentKey(baghdad.doc, baghdad.result.text));
          assert.equal(row.external_id, "baghdad");
          assert.equal(row.outlet, "news.example");
          assert.equal(row.published, "2024-02-08");
          assert.equal(row.language, "en");
          assert.equal(row.text, baghdad.result.text);
          assert.equal(row.raw, baghdad.doc.raw);
          assert.deepEqual(JSON.parse(String(row.dropped)), ["Leave a Reply"]);
          assert.ok(!Number.isNaN(Date.parse(String(row.ingested_at))));
        });
      });

      test("ingesting the same document again adds nothing", async () => {
        await withStore(async (store, path) => {
          const first = await store.ingest(baghdad.doc, baghdad.result);
          const countsBefore = await store.counts();
          const again = await store.ingest(baghdad.doc, baghdad.result);
          assert.deepEqual(again, { documentId: first.documentId, added: false, events: 0 });
          assert.deepEqual(await store.counts(), countsBefore);

          // Also from another connection, as a second worker or a re-run would.
          const other = await openStore(path);
          try {
            assert.equal((await other.ingest(baghdad.doc, baghdad.result)).added, false);
            assert.deepEqual(await other.counts(), countsBefore);
          } finally {
            await other.close();
          }
        });
      });

      // In one process SQLite's busy wait blocks the thread the lock holder needs, so for SQLite
      // this race is run with real processes, in durability.test.ts.
      const oneProcess =
        dialect.name === "sqlite" && "SQLite: raced by two processes in durability.test.ts";
      test("the same document ingested at once on several connections is stored once", {
        skip: oneProcess,
      }, async () => {
        await withStore(async (store, path) => {
          const others = await Promise.all([1, 2, 3].map(() => openStore(path)));
          try {
            const outcomes = await Promise.all(
              [store, ...others, store].map((s) => s.ingest(baghdad.doc, baghdad.result)),
            );
            assert.equal(outcomes.filter((o) => o.added).length, 1);
            assert.equal(new Set(outcomes.map((o) => o.documentId)).size, 1);
            assert.deepEqual(await store.counts(), {
              documents: 1,
              events: 1,
              claims: 2,
              evidence: 1,
              tallies: 1,
            });
          } finally {
            await Promise.all(others.map((o) => o.close()));
          }
        });
      });

      test("a document whose id another document holds fails loudly, not as a duplicate", async () => {
        await withStore(async (store) => {
          const key = documentKey(baghdad.doc, baghdad.result.text);
          await store.db.run(
            `INSERT INTO documents (id, doc_key, external_id, origin, text, ingested_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
            [key.slice(0, 16), "another key", "other", "other.txt", "Other text.", "2024-01-01"],
          );
          await assert.rejects(
            store.ingest(baghdad.doc, baghdad.result),
            /document baghdad was not stored: .*document id [0-9a-f]{16} is taken by another document/,
          );
        });
      });

      test("the key is the url (or source id) and the clean text", () => {
        const key = documentKey(baghdad.doc, baghdad.result.text);
        assert.match(key, /^[0-9a-f]{64}$/);
        assert.notEqual(documentKey(baghdad.doc, `${baghdad.result.text} Updated.`), key);
        assert.notEqual(
          documentKey({ ...baghdad.doc, url: "https://other.example/x" }, baghdad.result.text),
          key,
        );
        // Without a url the source's id stands in, so the id matters then, and only then.
        assert.equal(documentKey({ ...baghdad.doc, id: "renamed" }, baghdad.result.text), key);
        assert.notEqual(
          documentKey({ url: null, id: "a" }, "text"),
          documentKey({ url: null, id: "b" }, "text"),
        );
      });

      test("a document that fails half-way is not stored at all; the others are", async () => {
        await withStore(async (store) => {
          await store.ingest(baghdad.doc, baghdad.result);
          const before = await store.counts();

          // The second event breaks a CHECK constraint, after the document row, the first event
          // and its claims have been written in the same transaction.
          const broken = sample("broken", "Two strikes were reported.", [
            event({
              notes: "first strike",
              claims: [
                {
                  field: "fatalities",
                  value: 1,
                  qualifier: null,
                  source: null,
                  text: "x",
                  start: 0,
                  end: 1,
                },
              ],
              evidence: [{ text: "Two strikes", start: 0, end: 11 }],
            }),
            event({ notes: "second strike", latitude: 123.4, longitude: 44 }),
          ]);
          await assert.rejects(
            store.ingest(broken.doc, broken.result),
            (e: unknown) =>
              isSitrepError(e) &&
              e.code === "DB_ERROR" &&
              e.input === store.db.target &&
              // SQLite names the column, PostgreSQL the constraint (events_latitude_check).
              /document broken was not stored: CHECK constraint failed: (events_)?latitude/.test(
                e.message,
              ),
          );
          assert.deepEqual(await store.counts(), before);
          const key = documentKey(broken.doc, broken.result.text);
          assert.equal(
            await store.db.get("SELECT id FROM documents WHERE doc_key = $1", [key]),
            undefined,
          );

          // The store is fine afterwards, and the fixed document goes in.
          broken.result.events[1].latitude = 33.4;
          assert.equal((await store.ingest(broken.doc, broken.result)).added, true);
          assert.equal((await store.counts()).documents, 2);
        });
      });

      test("a revised toll comes back marked as revised, other claims unmarked", async () => {
        await withStore(async (store) => {
          const claim = (value: number, revised: boolean) => {
            const c: SitrepEvent["claims"][number] = {
              field: "fatalities",
              value,
              qualifier: "at least",
              source: null,
              text: "x",
              start: 0,
              end: 1,
            };
            if (revised) c.revised = true;
            return c;
          };
          const toll = sample("toll", "The toll rose.", [
            event({ fatalities: 14, claims: [claim(7, false), claim(14, true)] }),
          ]);
          await store.ingest(toll.doc, toll.result);
          const [stored] = await store.queryEvents();
          assert.deepEqual(stored.claims, [claim(7, false), claim(14, true)]);
        });
      });

      test("a figure that is not a finite number is refused rather than stored as NULL", async () => {
        await withStore(async (store) => {
          const bad = sample("nan", "Unknown toll.", [event({ fatalities: Number.NaN })]);
          await assert.rejects(store.ingest(bad.doc, bad.result), /event 1 fatalities is NaN/);
          assert.equal((await store.counts()).documents, 0);
        });
      });

      test("concurrent ingests on one store each get their own transaction", async () => {
        await withStore(async (store) => {
          const samples = Array.from({ length: 12 }, (_, i) => numbered(i + 1));
          const outcomes = await Promise.all(samples.map((s) => store.ingest(s.doc, s.result)));
          assert.ok(outcomes.every((o) => o.added));
          assert.deepEqual(await store.counts(), {
            documents: 12,
            events: 36,
            claims: 72,
            evidence: 36,
            tallies: 12,
          });
        });
      });
    });

    describe("queryEvents", () => {
      const path = freshPath();
      let store: Store;
      before(async () => {
        store = await openStore(path);
        await ingestAll(store, [baghdad, jordan, nairobi]);
      });
      after(() => store.close());

      const notes = async (filter: EventFilter) =>
        (await store.queryEvents(filter)).map((e) => e.notes);
      const JORDAN = "Drone attack on an outpost near the Syrian border.";
      const BAGHDAD = baghdad.result.events[0].notes;
      const NAIROBI = "Demonstration against fuel prices, organised by transport owners.";
      const ARRESTS = "Organisers arrested 50% of the marchers' leaders, the_union said.";

      test("with no filter: every event, by date with undated last", async () => {
        assert.deepEqual(await notes({}), [JORDAN, BAGHDAD, NAIROBI, ARRESTS]);
      });

      test("from and to bound event_date, inclusive", async () => {
        assert.deepEqual(await notes({ from: "2024-02-07" }), [BAGHDAD, NAIROBI]);
        assert.deepEqual(await notes({ to: "2024-02-07" }), [JORDAN, BAGHDAD]);
        assert.deepEqual(await notes({ from: "2024-02-01", to: "2024-02-29" }), [BAGHDAD]);
        await assert.rejects(
          store.queryEvents({ from: "Feb 2024" }),
          (e: unknown) => isSitrepError(e) && e.code === "BAD_DATE",
        );
      });

      test("country matches the ISO code or the name, in any case", async () => {
        assert.deepEqual(await notes({ country: "iq" }), [BAGHDAD]);
        assert.deepEqual(await notes({ country: "JORDAN" }), [JORDAN]);
        assert.deepEqual(await notes({ country: "Kenya" }), [NAIROBI, ARRESTS]);
        assert.deepEqual(await notes({ country: "Syria" }), []);
      });

      test("type matches the event type or the sub-event type, in any case", async () => {
        assert.deepEqual(await notes({ type: "Explosions/Remote violence" }), [JORDAN, BAGHDAD]);
        assert.deepEqual(await notes({ type: "peaceful protest" }), [NAIROBI]);
        assert.deepEqual(await notes({ type: "Arrests" }), [ARRESTS]);
        assert.deepEqual(await notes({ type: "Battles" }), []);
      });

      test("actor matches part of any actor or associated actor, in any case", async () => {
        assert.deepEqual(await notes({ actor: "hezbollah" }), [BAGHDAD]);
        assert.deepEqual(await notes({ actor: "United States" }), [JORDAN, BAGHDAD]);
        assert.deepEqual(await notes({ actor: "matatu" }), [NAIROBI]);
        assert.deepEqual(await notes({ actor: "Police Forces of Kenya (2022-)" }), [ARRESTS]);
      });

      test("text matches part of the notes, or of the document's title or text", async () => {
        assert.deepEqual(await notes({ text: "SYRIAN BORDER" }), [JORDAN]);
        assert.deepEqual(await notes({ text: "kills kataib" }), [BAGHDAD]);
        assert.deepEqual(await notes({ text: "Joint Operations Command said" }), [BAGHDAD]);
        assert.deepEqual(await notes({ text: "hundreds marched" }), [NAIROBI, ARRESTS]);
      });

      test("% and _ in search text match themselves, not any text", async () => {
        assert.deepEqual(await notes({ text: "50%" }), [ARRESTS]);
        assert.deepEqual(await notes({ text: "the_union" }), [ARRESTS]);
        assert.deepEqual(await notes({ text: "%" }), [ARRESTS]);
        assert.deepEqual(await notes({ actor: "_" }), []);
      });

      test("limit and offset page through the ordered results", async () => {
        assert.deepEqual(await notes({ limit: 2 }), [JORDAN, BAGHDAD]);
        assert.deepEqual(await notes({ limit: 2, offset: 2 }), [NAIROBI, ARRESTS]);
        assert.deepEqual(await notes({ offset: 3 }), [ARRESTS]);
        assert.deepEqual(await notes({ limit: 0 }), []);
        await assert.rejects(store.queryEvents({ limit: -1 }), /limit must be a whole number/);
      });

      test("filters combine with AND", async () => {
        assert.deepEqual(await notes({ country: "KE", type: "Protests", text: "fuel" }), [NAIROBI]);
        assert.deepEqual(await notes({ actor: "united states", from: "2024-02-01" }), [BAGHDAD]);
        assert.deepEqual(await notes({ actor: "united states", country: "KE" }), []);
      });

      test("claims and evidence are re-attached to their own events", async () => {
        const all = await store.queryEvents();
        const byNotes = new Map(all.map((e) => [e.notes, e]));
        assert.deepEqual(byNotes.get(BAGHDAD)?.claims, baghdad.result.events[0].claims);
        assert.deepEqual(byNotes.get(JORDAN)?.evidence, jordan.result.events[0].evidence);
        assert.deepEqual(byNotes.get(NAIROBI)?.claims, []);
        assert.equal(byNotes.get(ARRESTS)?.document_url, null);
      });
    });

    describe("listTallies", () => {
      test("returns each tally with its document", async () => {
        await withStore(async (store) => {
          const { documentId } = await store.ingest(baghdad.doc, baghdad.result);
          await store.ingest(jordan.doc, jordan.result);
          assert.deepEqual(await store.listTallies(), [
            {
              ...baghdad.result.tallies[0],
              document_id: documentId,
              document_url: "https://news.example/baghdad",
            },
          ]);
        });
      });
    });

    describe("openStore", () => {
      test("reopens the same database from another handle", async () => {
        const target = freshPath();
        const a = await openStore(target);
        try {
          await a.ingest(jordan.doc, jordan.result);
        } finally {
          await a.close();
        }
        const b = await openStore(target);
        try {
          assert.equal((await b.counts()).events, 1);
        } finally {
          await b.close();
        }
      });

      test("accepts a file: URL and creates missing directories", {
        skip: dialect.name !== "sqlite" && "SQLite files only",
      }, async () => {
        const path = join(dirname(freshPath()), "nested", "deeper", "sitrep.db");
        const store = await openStore(new URL(`file://${path}`).href);
        try {
          await store.ingest(jordan.doc, jordan.result);
        } finally {
          await store.close();
        }
        const again = await openStore(path);
        try {
          assert.equal((await again.counts()).events, 1);
        } finally {
          await again.close();
        }
      });
    });
  });
}
