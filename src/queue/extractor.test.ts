import assert from "node:assert/strict";
import { test } from "node:test";
import { isSitrepError } from "../core/errors.ts";
import type { Document } from "../core/types.ts";
import { inlineExtractor, threadExtractor } from "./extractor.ts";

function doc(id: string, text: string): Document {
  return {
    id,
    url: null,
    outlet: null,
    title: null,
    published: "2024-03-07",
    origin: `${id}.txt`,
    raw: text,
    text,
    dropped: [],
  };
}

const TEXTS = [
  "A drone strike hit a convoy near the city of Mosul on Tuesday, killing four militants, the officials said.",
  "Gunmen abducted 12 aid workers in Zamfara on Monday, and the police said that they were searching for them.",
  "The football match ended in a draw.",
];

test("extraction threads give what the calling thread gives, and pass errors back", async () => {
  const inline = inlineExtractor();
  const threads = await threadExtractor(2);
  try {
    const docs = TEXTS.map((t, i) => doc(`d${i}`, t));
    const want = await Promise.all(docs.map((d) => inline.extract(d, "precise")));
    const got = await Promise.all(docs.map((d) => threads.extract(d, "precise")));
    assert.deepEqual(got, want);
    assert.ok(got[0].events.length > 0);
    // A document no stage can read fails as a SitrepError naming it, as on the calling thread.
    const broken = { ...doc("bad", "x"), text: undefined } as unknown as Document;
    await assert.rejects(threads.extract(broken, "precise"), (e: unknown) => {
      return isSitrepError(e) && e.code === "STAGE_FAILED" && e.input === "bad";
    });
  } finally {
    await threads.close();
    await inline.close();
  }
});
