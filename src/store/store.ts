// The incident database: documents in, events out. The store keeps what extraction produced
// and never parses text (DESIGN: stages never reach back).
import { fileURLToPath } from "node:url";
import { errors } from "../core/errors.ts";
import type { Document, ExtractionResult } from "../core/types.ts";
import type { Db } from "./db.ts";
import { documentIdByKey, documentIdFor, documentKey, insertDocument } from "./documents-repo.ts";
import { type EventFilter, insertEvent, queryEvents, type StoredEvent } from "./events-repo.ts";
import { failure } from "./failure.ts";
import { migrate } from "./migrate.ts";
import { SqliteDb } from "./sqlite-db.ts";
import { insertTally, listTallies, type StoredTally } from "./tallies-repo.ts";

export type { Db, Dialect, Queryable, SqlValue } from "./db.ts";
export { documentKey } from "./documents-repo.ts";
export type { EventFilter, StoredEvent } from "./events-repo.ts";
export { migrate } from "./migrate.ts";
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
          return { documentId: (await documentIdByKey(tx, key)) ?? id, added: false, events: 0 };
        }
        for (const [i, event] of result.events.entries()) await insertEvent(tx, id, i + 1, event);
        for (const [i, tally] of result.tallies.entries()) await insertTally(tx, id, i + 1, tally);
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

  async close(): Promise<void> {
    await this.db.close();
  }
}

export interface OpenStoreOptions extends StoreOptions {
  /** Bring the schema up to date on open. Default true. */
  migrate?: boolean;
  busyTimeoutMs?: number;
}

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/** A URL fit for an error message: the password, if any, is masked. */
function redact(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*):[^@/]*@/i, "$1:***@");
}

/**
 * Opens (creating if need be) the database at a file path or `file:` URL and migrates it.
 * PostgreSQL URLs are recognised and refused with a clear message until that adapter exists.
 */
export async function openStore(pathOrUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (POSTGRES_URL.test(pathOrUrl)) {
    throw errors.db(
      redact(pathOrUrl),
      "PostgreSQL is not supported yet; give a SQLite file path such as sitrep.db",
    );
  }
  const path = pathOrUrl.startsWith("file:") ? fileURLToPath(pathOrUrl) : pathOrUrl;
  const db = new SqliteDb(path, { busyTimeoutMs: options.busyTimeoutMs });
  try {
    if (options.migrate ?? true) await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return new Store(db, options);
}
