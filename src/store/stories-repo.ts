// Stories: the same article at several addresses, or the same wire copy carried by several
// outlets, stored once with every address that carried it (migration 002). The store keeps
// what the dedup stage (src/dedup) decided and computed; it never compares texts itself.
import { createHash } from "node:crypto";
import type { Queryable } from "./db.ts";
import { chunks, placeholders } from "./sql.ts";

/** How an address joined its story. */
export type StoryLink = "first" | "same-url" | "near-duplicate";

export interface StoryOutlet {
  /** The canonical URL (or, without one, the source's id). */
  url: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  link: StoryLink;
  /** Near-duplicates: the estimated share of the shorter text found in the other. */
  similarity: number | null;
}

export interface StoredStoryOutlet extends StoryOutlet {
  story_id: string;
  seen_at: string;
}

export interface NewStory {
  documentId: string | null;
  title: string | null;
  /** The MinHash signature as hex, or null for a text too short to compare. */
  signature: string | null;
  shingles: number;
  /** The signature's LSH band keys, one per band, in band order. */
  bands: string[];
  /** The address read, recorded with link "first". */
  first: StoryOutlet;
}

export interface StoryCandidate {
  id: string;
  document_id: string | null;
  signature: string;
  shingles: number;
}

export interface StoredStory {
  id: string;
  document_id: string | null;
  title: string | null;
  created_at: string;
  /** How many addresses carried it. */
  outlets: number;
}

/** Hex digits of a story's id: derived from the first address, so every worker names it alike. */
const STORY_ID_HEX = 16;

export function storyIdFor(firstUrl: string): string {
  return createHash("sha256").update(`story\u0000${firstUrl}`).digest("hex").slice(0, STORY_ID_HEX);
}

export async function storyIdByUrl(q: Queryable, url: string): Promise<string | undefined> {
  const row = await q.get<{ story_id: string }>(
    "SELECT story_id FROM story_outlets WHERE url = $1",
    [url],
  );
  return row?.story_id;
}

/** Stories sharing at least one band with `bands` (band i is bands[i]), with their signatures. */
export async function storyCandidates(q: Queryable, bands: string[]): Promise<StoryCandidate[]> {
  const found = new Map<string, StoryCandidate>();
  const pairs = bands.map((hash, band) => ({ band, hash }));
  for (const part of chunks(pairs, 200)) {
    const where = part
      .map((_, i) => `(band = $${2 * i + 1} AND hash = $${2 * i + 2})`)
      .join(" OR ");
    const rows = await q.all<StoryCandidate>(
      `SELECT s.id, s.document_id, s.signature, s.shingles
         FROM stories s
        WHERE s.signature IS NOT NULL
          AND s.id IN (SELECT story_id FROM story_bands WHERE ${where})`,
      part.flatMap((p) => [p.band, p.hash]),
    );
    for (const r of rows) found.set(r.id, { ...r, shingles: Number(r.shingles) });
  }
  return [...found.values()];
}

async function insertOutlet(
  q: Queryable,
  storyId: string,
  o: StoryOutlet,
  seenAt: string,
): Promise<boolean> {
  const { changes } = await q.run(
    `INSERT INTO story_outlets (url, story_id, outlet, title, published, link, similarity, seen_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (url) DO NOTHING`,
    [o.url, storyId, o.outlet, o.title, o.published, o.link, o.similarity, seenAt],
  );
  return changes === 1;
}

/**
 * Creates the story with its first address and its bands, in one transaction. When another
 * process recorded the address meanwhile, that story's id comes back and nothing is added.
 */
export async function insertStory(
  q: Queryable,
  s: NewStory,
  now: string,
): Promise<{ id: string; created: boolean }> {
  return q.transaction(async (tx) => {
    const existing = await storyIdByUrl(tx, s.first.url);
    if (existing) return { id: existing, created: false };
    const id = storyIdFor(s.first.url);
    await tx.run(
      `INSERT INTO stories (id, document_id, title, signature, shingles, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, s.documentId, s.title, s.signature, s.shingles, now],
    );
    await insertOutlet(tx, id, s.first, now);
    for (const part of chunks(
      s.bands.map((hash, band) => [id, band, hash] as const),
      100,
    )) {
      await tx.run(
        `INSERT INTO story_bands (story_id, band, hash) VALUES ${part
          .map((_, i) => `(${placeholders(3, 3 * i + 1)})`)
          .join(", ")}`,
        part.flat(),
      );
    }
    return { id, created: true };
  });
}

/** Records another address of a story; false when the address was recorded already. */
export async function addOutlet(
  q: Queryable,
  storyId: string,
  o: StoryOutlet,
  now: string,
): Promise<boolean> {
  return insertOutlet(q, storyId, o, now);
}

export async function listStoryOutlets(
  q: Queryable,
  storyId: string,
): Promise<StoredStoryOutlet[]> {
  const rows = await q.all<StoredStoryOutlet>(
    `SELECT story_id, url, outlet, title, published, link, similarity, seen_at
       FROM story_outlets WHERE story_id = $1 ORDER BY seen_at, url`,
    [storyId],
  );
  return rows.map((r) => ({
    ...r,
    similarity: r.similarity === null ? null : Number(r.similarity),
  }));
}

/** Stories, newest first, with how many addresses carried each. */
export async function listStories(q: Queryable, limit = 100): Promise<StoredStory[]> {
  const rows = await q.all<StoredStory>(
    `SELECT s.id, s.document_id, s.title, s.created_at,
            CAST((SELECT COUNT(*) FROM story_outlets o WHERE o.story_id = s.id) AS INTEGER) AS outlets
       FROM stories s
      ORDER BY s.created_at DESC, s.id
      LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ ...r, outlets: Number(r.outlets) }));
}
