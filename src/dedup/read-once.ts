// One story, once. Before a document is extracted, its address and its text are looked up: an
// address already read, or a text that is a copy of a stored story (the same wire report at
// another outlet), joins that story and is not read again; the outlet that carried it is
// recorded. Only a new story is extracted and stored.
import type { DecisionLog } from "../core/context.ts";
import type { Document, ExtractionResult } from "../core/types.ts";
import type { IngestOutcome, Store, StoryOutlet } from "../store/store.ts";
import {
  bandKeys,
  estimateContainment,
  type Fingerprint,
  fingerprint,
  NEAR_DUPLICATE_MIN_CONTAINMENT,
  signatureFromHex,
  signatureToHex,
} from "./fingerprint.ts";
import { canonicalUrl } from "./url-canonical.ts";

export const STAGE = "dedup";

export type StoryVerdict =
  | { kind: "new"; storyId: string; ingest: IngestOutcome; result: ExtractionResult }
  | { kind: "same-url"; storyId: string }
  | { kind: "near-duplicate"; storyId: string; similarity: number };

/** The address a document is known by: its canonical URL, else its source's id. */
export function storyKey(doc: Pick<Document, "url" | "id">): string {
  return canonicalUrl(doc.url) ?? `id:${doc.id}`;
}

function outletOf(
  doc: Document,
  key: string,
  link: StoryOutlet["link"],
  similarity: number | null,
): StoryOutlet {
  return {
    url: key,
    outlet: doc.outlet,
    title: doc.title,
    published: doc.published,
    link,
    similarity,
  };
}

/** The stored story `doc`'s text copies, with the estimated containment; null when none does. */
export async function findCopy(
  store: Store,
  fp: Fingerprint,
): Promise<{ storyId: string; similarity: number } | null> {
  if (!fp.signature) return null;
  let best: { storyId: string; similarity: number } | null = null;
  for (const c of await store.storyCandidates(bandKeys(fp.signature))) {
    const similarity = estimateContainment(
      fp.signature,
      fp.shingles,
      signatureFromHex(c.signature),
      c.shingles,
    );
    if (similarity >= NEAR_DUPLICATE_MIN_CONTAINMENT && (!best || similarity > best.similarity)) {
      best = { storyId: c.id, similarity };
    }
  }
  return best;
}

/**
 * Reads `doc` once: extracts and stores it only if its story is new. `extract` runs only then.
 * The decision goes into `log` for the document's context.
 */
export async function readOnce(
  store: Store,
  doc: Document,
  extract: (doc: Document) => ExtractionResult,
  log: DecisionLog[] = [],
): Promise<StoryVerdict> {
  const key = storyKey(doc);
  const known = await store.storyByUrl(key);
  if (known) {
    log.push({ stage: STAGE, reason: `already read: ${key} belongs to story ${known}` });
    return { kind: "same-url", storyId: known };
  }
  const fp = fingerprint(doc.text);
  const copy = await findCopy(store, fp);
  if (copy) {
    await store.addStoryOutlet(copy.storyId, outletOf(doc, key, "near-duplicate", copy.similarity));
    log.push({
      stage: STAGE,
      reason: `a copy of story ${copy.storyId} (${Math.round(copy.similarity * 100)}% of the shorter text in the other): recorded as another outlet, not read again`,
    });
    return { kind: "near-duplicate", ...copy };
  }
  const result = extract(doc);
  const ingest = await store.ingest(doc, result);
  const story = await store.createStory({
    documentId: ingest.documentId,
    title: doc.title,
    signature: fp.signature ? signatureToHex(fp.signature) : null,
    shingles: fp.shingles,
    bands: fp.signature ? bandKeys(fp.signature) : [],
    first: outletOf(doc, key, "first", null),
  });
  return { kind: "new", storyId: story.id, ingest, result };
}
