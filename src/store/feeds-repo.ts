// What `sitrep watch` keeps about each feed it follows (migration 002): the validators for
// conditional GET, the last attempt, and the backoff after failures.
import type { Queryable } from "./db.ts";

export interface FeedState {
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_status: number | null;
  last_error: string | null;
  last_checked_at: string | null;
  last_ok_at: string | null;
  failures: number;
  /** Not polled before this (ISO 8601 UTC); null: due now. */
  next_check_at: string | null;
  items_read: number;
}

export function newFeedState(url: string): FeedState {
  return {
    url,
    etag: null,
    last_modified: null,
    last_status: null,
    last_error: null,
    last_checked_at: null,
    last_ok_at: null,
    failures: 0,
    next_check_at: null,
    items_read: 0,
  };
}

const COLUMNS =
  "url, etag, last_modified, last_status, last_error, last_checked_at, last_ok_at, failures, next_check_at, items_read";

function fromRow(r: FeedState): FeedState {
  return {
    ...r,
    last_status: r.last_status === null ? null : Number(r.last_status),
    failures: Number(r.failures),
    items_read: Number(r.items_read),
  };
}

export async function getFeedState(q: Queryable, url: string): Promise<FeedState | null> {
  const row = await q.get<FeedState>(`SELECT ${COLUMNS} FROM feeds WHERE url = $1`, [url]);
  return row ? fromRow(row) : null;
}

export async function listFeedStates(q: Queryable): Promise<FeedState[]> {
  return (await q.all<FeedState>(`SELECT ${COLUMNS} FROM feeds ORDER BY url`)).map(fromRow);
}

export async function saveFeedState(q: Queryable, s: FeedState): Promise<void> {
  await q.run(
    `INSERT INTO feeds (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (url) DO UPDATE SET
       etag = excluded.etag, last_modified = excluded.last_modified,
       last_status = excluded.last_status, last_error = excluded.last_error,
       last_checked_at = excluded.last_checked_at, last_ok_at = excluded.last_ok_at,
       failures = excluded.failures, next_check_at = excluded.next_check_at,
       items_read = excluded.items_read`,
    [
      s.url,
      s.etag,
      s.last_modified,
      s.last_status,
      s.last_error,
      s.last_checked_at,
      s.last_ok_at,
      s.failures,
      s.next_check_at,
      s.items_read,
    ],
  );
}
