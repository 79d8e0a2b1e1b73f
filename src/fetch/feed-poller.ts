// Following feeds: each poll is one conditional GET of the feed (a 304 costs nothing), then each
// new item's page is fetched, read, and extracted once per story (src/dedup/read-once.ts). A
// feed that fails is retried later and later (exponential backoff), and its state lives in the
// database, so a watcher restarted, or run from cron with --once, carries on where it was.
// Every feed gets one status line per poll; one bad feed or item never stops the others.
import type { DecisionLog } from "../core/context.ts";
import { errors, isSitrepError, type SitrepError } from "../core/errors.ts";
import type { Document, ExtractionResult } from "../core/types.ts";
import { readOnce, storyKey } from "../dedup/read-once.ts";
import { canonicalUrl } from "../dedup/url-canonical.ts";
import { headerCharset } from "../load/charset.ts";
import { type FeedItem, parseFeed } from "../load/feed-loader.ts";
import { loadFetched } from "../load/load-inputs.ts";
import { decodeText } from "../load/sniff.ts";
import { type FeedState, newFeedState, type Store } from "../store/store.ts";
import type { HttpClient } from "./http-client.ts";

/** How often a feed is polled when all is well (`sitrep watch --interval`). */
export const DEFAULT_INTERVAL_MS = 15 * 60 * 1000;
/** A failing feed is retried after interval × 2^(failures - 1), but never less often than this. */
export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;
/** Items read from one poll of one feed; the rest wait for the next poll. */
export const MAX_ITEMS_PER_POLL = 100;
/** Feeds polled at the same time (each host still gets at most two connections). */
export const FEEDS_IN_PARALLEL = 4;

export interface PollOptions {
  http: HttpClient;
  store: Store;
  /** The pipeline: load-stage log in, extraction result out. */
  extract: (doc: Document, log: DecisionLog[]) => ExtractionResult;
  /** --published: overrides every document's date. */
  published?: string | null;
  intervalMs?: number;
  maxItems?: number;
  /** Poll feeds that are backing off too. */
  force?: boolean;
  now?: () => Date;
  /** One line per item that failed, as it happens. */
  onItemError?: (e: SitrepError) => void;
}

export interface FeedStatus {
  url: string;
  outcome: "read" | "not-modified" | "failed" | "backing-off";
  /** The feed's HTTP status, when it answered. */
  status: number | null;
  items: number;
  /** Items whose story was new: read, extracted and stored. */
  read: number;
  /** Items at an address already read. */
  seen: number;
  /** Items that copy a stored story (another outlet's copy of a wire report). */
  copies: number;
  /** Items that could not be fetched or read. */
  failed: number;
  events: number;
  error: string | null;
  nextCheckAt: string | null;
  /** The status line. */
  line: string;
}

/** When a feed that has failed `failures` times in a row is tried next. */
export function backoffMs(failures: number, intervalMs: number): number {
  return Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.max(0, failures - 1));
}

function httpStatusOf(e: SitrepError): number | null {
  const m = /HTTP (\d{3})/.exec(e.message);
  return m ? Number(m[1]) : null;
}

function whyOf(e: SitrepError): string {
  return e.input && e.message.startsWith(`${e.input}: `)
    ? e.message.slice(e.input.length + 2)
    : e.message;
}

function minutes(ms: number): string {
  return ms < 60_000
    ? `${Math.round(ms / 1000)} s`
    : ms < 3_600_000
      ? `${Math.round(ms / 60_000)} min`
      : `${(ms / 3_600_000).toFixed(1)} h`;
}

/** The page behind one feed item, read into a document; the item's own date fills a page without one. */
async function readItem(
  item: FeedItem,
  opts: PollOptions,
): Promise<{ doc: Document; log: DecisionLog[] }> {
  if (!item.url) throw errors.feed(item.id ?? "feed item", "the item has no link to read");
  const fetched = await opts.http.get(item.url);
  for await (const loaded of loadFetched(fetched, opts.published ?? null)) {
    if ("error" in loaded) throw loaded.error;
    const doc = { ...loaded.doc };
    doc.published ??= item.published;
    doc.title ??= item.title;
    doc.author ??= item.author;
    return { doc, log: loaded.log };
  }
  throw errors.empty(item.url);
}

/** One poll of one feed. Never throws: failures are in the status. */
export async function pollFeed(url: string, opts: PollOptions): Promise<FeedStatus> {
  const now = (opts.now ?? (() => new Date()))();
  const interval = opts.intervalMs ?? DEFAULT_INTERVAL_MS;
  const state: FeedState = (await opts.store.feedState(url)) ?? newFeedState(url);
  const status: FeedStatus = {
    url,
    outcome: "read",
    status: null,
    items: 0,
    read: 0,
    seen: 0,
    copies: 0,
    failed: 0,
    events: 0,
    error: null,
    nextCheckAt: state.next_check_at,
    line: "",
  };
  if (!opts.force && state.next_check_at && Date.parse(state.next_check_at) > now.getTime()) {
    status.outcome = "backing-off";
    status.line = `${url}: backing off after ${state.failures} failure(s) (${state.last_error ?? "?"}); next try after ${state.next_check_at}`;
    return status;
  }
  state.last_checked_at = now.toISOString();
  let items: FeedItem[];
  try {
    const fetched = await opts.http.get(url, {
      etag: state.etag,
      lastModified: state.last_modified,
    });
    status.status = fetched.status;
    state.last_status = fetched.status;
    if (fetched.notModified) {
      state.failures = 0;
      state.last_error = null;
      state.last_ok_at = now.toISOString();
      state.next_check_at = null;
      status.outcome = "not-modified";
      status.nextCheckAt = null;
      status.line = `${url}: 304 not modified`;
      await opts.store.saveFeedState(state);
      return status;
    }
    const text = decodeText(fetched.body, url, headerCharset(fetched.contentType));
    items = parseFeed(text, url).items;
    state.etag = fetched.etag;
    state.last_modified = fetched.lastModified;
  } catch (e) {
    const err = isSitrepError(e) ? e : errors.fetch(url, (e as Error).message);
    state.failures++;
    state.last_status = httpStatusOf(err) ?? (status.status === 200 ? 200 : null);
    state.last_error = whyOf(err);
    const wait = backoffMs(state.failures, interval);
    state.next_check_at = new Date(now.getTime() + wait).toISOString();
    await opts.store.saveFeedState(state);
    status.outcome = "failed";
    status.status = state.last_status;
    status.error = state.last_error;
    status.nextCheckAt = state.next_check_at;
    status.line = `${url}: failed: ${state.last_error}; ${state.failures} failure(s) in a row, next try in ${minutes(wait)}`;
    return status;
  }

  status.items = items.length;
  for (const item of items.slice(0, opts.maxItems ?? MAX_ITEMS_PER_POLL)) {
    const itemKey = canonicalUrl(item.url);
    try {
      if (itemKey && (await opts.store.storyByUrl(itemKey))) {
        status.seen++;
        continue;
      }
      const { doc, log } = await readItem(item, opts);
      const verdict = await readOnce(opts.store, doc, (d) => opts.extract(d, log), log);
      if (verdict.kind === "new") {
        status.read++;
        status.events += verdict.ingest.events;
      } else if (verdict.kind === "same-url") status.seen++;
      else status.copies++;
      // The feed's link may be a redirect to the page's address: remember it too, so the next
      // poll knows the item without fetching it.
      if (itemKey && itemKey !== storyKey(doc)) {
        await opts.store.addStoryOutlet(verdict.storyId, {
          url: itemKey,
          outlet: doc.outlet,
          title: doc.title,
          published: doc.published,
          link: "same-url",
          similarity: null,
        });
      }
    } catch (e) {
      status.failed++;
      const err = isSitrepError(e)
        ? e
        : errors.stage("watch", item.url ?? url, (e as Error).message);
      opts.onItemError?.(err);
    }
  }
  state.failures = 0;
  state.last_error = null;
  state.last_ok_at = now.toISOString();
  state.next_check_at = null;
  state.items_read += status.read;
  await opts.store.saveFeedState(state);
  status.nextCheckAt = null;
  const more =
    items.length > (opts.maxItems ?? MAX_ITEMS_PER_POLL)
      ? ` (first ${opts.maxItems ?? MAX_ITEMS_PER_POLL} read)`
      : "";
  status.line = `${url}: ${status.status}, ${items.length} item(s)${more}: ${status.read} new (${status.events} event(s)), ${status.seen} already read, ${status.copies} copies of stories read, ${status.failed} failed`;
  return status;
}

/** One poll of each feed, FEEDS_IN_PARALLEL at a time; statuses in the order of `urls`. */
export async function pollFeeds(
  urls: string[],
  opts: PollOptions,
  onStatus: (s: FeedStatus) => void = () => {},
): Promise<FeedStatus[]> {
  const out: FeedStatus[] = new Array(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      out[i] = await pollFeed(urls[i], opts);
      onStatus(out[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(FEEDS_IN_PARALLEL, urls.length) }, worker));
  return out;
}

/** Feed URLs from a feeds file: one a line; blank lines and "#" comments skipped. */
export function parseFeedList(text: string, input: string): string[] {
  const urls: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) return;
    let u: URL;
    try {
      u = new URL(line);
    } catch {
      throw errors.badOption(`${input}:${i + 1}: "${line}" is not a URL`);
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") {
      throw errors.badOption(`${input}:${i + 1}: only http:// and https:// feeds can be followed`);
    }
    if (!seen.has(u.href)) {
      seen.add(u.href);
      urls.push(u.href);
    }
  });
  return urls;
}
