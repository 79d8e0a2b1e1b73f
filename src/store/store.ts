// The incident database: documents in, events out. The store keeps what extraction produced
// and never parses text (DESIGN: stages never reach back).
import { fileURLToPath } from "node:url";
import { errors } from "../core/errors.ts";
import type { Document, ExtractionResult } from "../core/types.ts";
import type { Db } from "./db.ts";
import { documentIdByKey, documentIdFor, documentKey, insertDocument } from "./documents-repo.ts";
import { type EventFilter, insertEvents, queryEvents, type StoredEvent } from "./events-repo.ts";
import { failure } from "./failure.ts";
import { type FeedState, getFeedState, listFeedStates, saveFeedState } from "./feeds-repo.ts";
import { migrate } from "./migrate.ts";
import { openPostgres, POSTGRES_URL } from "./postgres-db.ts";
import { SqliteDb } from "./sqlite-db.ts";
import {
  addOutlet,
  insertStory,
  listStories,
  listStoryOutlets,
  type NewStory,
  type StoredStory,
  type StoredStoryOutlet,
  type StoryCandidate,
  type StoryOutlet,
  storyCandidates,
  storyIdByUrl,
} from "./stories-repo.ts";
import { insertTallies, listTallies, type StoredTally } from "./tallies-repo.ts";

export type { Capabilities, Db, Dialect, Queryable, SqlValue } from "./db.ts";
export { documentKey } from "./documents-repo.ts";
export type { EventFilter, StoredEvent } from "./events-repo.ts";
export { type FeedState, newFeedState } from "./feeds-repo.ts";
export { migrate } from "./migrate.ts";
export { POSTGRES_URL, redactUrl } from "./postgres-db.ts";
export type {
  NewStory,
  StoredStory,
  StoredStoryOutlet,
  StoryCandidate,
  StoryLink,
  StoryOutlet,
} from "./stories-repo.ts";
export type { StoredTally } from "./tallies-repo.ts";

export interface IngestOutcome {
  documentId: string;
  /** false when a document with the same content key was stored already; nothing was added. */
  added: boolean;
  /** Events this call added: the result's event count, or 0 when `added` is false. */
  events: number;
}

export interface StoreCounts {
  documents: number;
  events: number;
  claims: number;
  evidence: number;
  tallies: number;
}

export interface StoreOptions {
  /** Keep each document's raw HTML or text when it differs from the clean text. Default true. */
  keepRaw?: boolean;
}

export class Store {
  readonly db: Db;
  readonly #keepRaw: boolean;

  constructor(db: Db, options: StoreOptions = {}) {
    this.db = db;
    this.#keepRaw = options.keepRaw ?? true;
  }

  /**
   * Stores one document and everything extracted from it in one transaction: after a crash the
   * document is there with all its events, claims, evidence and tallies, or not at all.
   */
  async ingest(doc: Document, result: ExtractionResult): Promise<IngestOutcome> {
    const key = documentKey(doc, result.text);
    const id = documentIdFor(key);
    try {
      return await this.db.transaction(async (tx) => {
        const inserted = await insertDocument(tx, {
          id,
          key,
          doc,
          result,
          keepRaw: this.#keepRaw,
          ingestedAt: new Date().toISOString(),
        });
        if (!inserted) {
          const stored = await documentIdByKey(tx, key);
          // Not a re-ingest but another document whose key shares the id's 64 bits: say so.
          if (stored === undefined)
            throw errors.db(this.db.target, `document id ${id} is taken by another document`);
          return { documentId: stored, added: false, events: 0 };
        }
        await insertEvents(tx, id, result.events);
        await insertTallies(tx, id, result.tallies);
        return { documentId: id, added: true, events: result.events.length };
      });
    } catch (e) {
      throw failure(this.db.target, `document ${doc.id} was not stored`, e);
    }
  }

  /** Events matching every given filter, by event_date (undated last), then id. */
  async queryEvents(filter: EventFilter = {}): Promise<StoredEvent[]> {
    return queryEvents(this.db, filter);
  }

  async listTallies(): Promise<StoredTally[]> {
    return listTallies(this.db);
  }

  async counts(): Promise<StoreCounts> {
    // CAST: PostgreSQL's COUNT is a bigint, which its driver returns as a string.
    const row = await this.db.get<StoreCounts>(
      `SELECT (SELECT CAST(COUNT(*) AS INTEGER) FROM documents) AS documents,
              (SELECT CAST(COUNT(*) AS INTEGER) FROM events) AS events,
              (SELECT CAST(COUNT(*) AS INTEGER) FROM claims) AS claims,
              (SELECT CAST(COUNT(*) AS INTEGER) FROM evidence) AS evidence,
              (SELECT CAST(COUNT(*) AS INTEGER) FROM tallies) AS tallies`,
    );
    return {
      documents: row?.documents ?? 0,
      events: row?.events ?? 0,
      claims: row?.claims ?? 0,
      evidence: row?.evidence ?? 0,
      tallies: row?.tallies ?? 0,
    };
  }

  // ---------------------------------------------------------------- stories and feeds (issue 5)
  // One story, once: src/dedup decides which story a document belongs to; these keep it.

  /** The story an address (canonical URL) already belongs to. */
  async storyByUrl(url: string): Promise<string | null> {
    return (await storyIdByUrl(this.db, url)) ?? null;
  }

  /** Stories sharing an LSH band with `bands`, with their signatures, to compare a new text with. */
  async storyCandidates(bands: string[]): Promise<StoryCandidate[]> {
    return storyCandidates(this.db, bands);
  }

  /** Creates a story with the address read; an address recorded meanwhile returns its story. */
  async createStory(story: NewStory): Promise<{ id: string; created: boolean }> {
    try {
      return await insertStory(this.db, story, new Date().toISOString());
    } catch (e) {
      throw failure(this.db.target, `story for ${story.first.url} was not stored`, e);
    }
  }

  /** Records another address and outlet that carried a story; false when it was recorded. */
  async addStoryOutlet(storyId: string, outlet: StoryOutlet): Promise<boolean> {
    return addOutlet(this.db, storyId, outlet, new Date().toISOString());
  }

  async storyOutlets(storyId: string): Promise<StoredStoryOutlet[]> {
    return listStoryOutlets(this.db, storyId);
  }

  async listStories(limit?: number): Promise<StoredStory[]> {
    return listStories(this.db, limit);
  }

  /** What `sitrep watch` knows of a feed, or null for one never polled. */
  async feedState(url: string): Promise<FeedState | null> {
    return getFeedState(this.db, url);
  }

  async feedStates(): Promise<FeedState[]> {
    return listFeedStates(this.db);
  }

  async saveFeedState(state: FeedState): Promise<void> {
    await saveFeedState(this.db, state);
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

export interface OpenStoreOptions extends StoreOptions {
  /** Bring the schema up to date on open. Default true. */
  migrate?: boolean;
  /** SQLite: how long to wait for another process's write lock. */
  busyTimeoutMs?: number;
  /** PostgreSQL: the most connections this process opens (default POOL_MAX). */
  poolMax?: number;
}

/**
 * Connects to the database a `--db` value or SITREP_DATABASE_URL names: a `postgres://` or
 * `postgresql://` URL (with an optional `?schema=name`), else a SQLite file path or `file:` URL.
 */
export async function openDb(pathOrUrl: string, options: OpenStoreOptions = {}): Promise<Db> {
  if (POSTGRES_URL.test(pathOrUrl)) return openPostgres(pathOrUrl, { max: options.poolMax });
  const path = pathOrUrl.startsWith("file:") ? fileURLToPath(pathOrUrl) : pathOrUrl;
  return new SqliteDb(path, { busyTimeoutMs: options.busyTimeoutMs });
}

/** Opens (creating if need be) the database at a path or URL (see openDb) and migrates it. */
export async function openStore(pathOrUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  const db = await openDb(pathOrUrl, options);
  try {
    if (options.migrate ?? true) await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return new Store(db, options);
}
