// What every loader hands back, and the checks every document passes on its way out of the
// load stage whatever it was read from: the --published override, "is there text at all",
// and "is it English".
import type { DecisionLog } from "../core/context.ts";
import { errors, type SitrepError } from "../core/errors.ts";
import type { Document, IsoDate } from "../core/types.ts";
import { repairMojibake } from "./charset.ts";
import { checkEnglish } from "./english-check.ts";

export const STAGE = "load";

/**
 * One document read, with the decisions taken while reading it (to hand to the document's
 * context), or one input that could not be read. A bad input never stops the others.
 */
export type LoadItem = { doc: Document; log: DecisionLog[] } | { error: SitrepError };

/** What is known about a document before its content is read. */
export interface Source {
  id: string;
  /** A path, a URL, "stdin", "path:line" (JSONL) or "path#N" (the Nth item of a feed). */
  origin: string;
  url?: string | null;
  /** A title given alongside the content (a JSONL field, a feed item's title). */
  title?: string | null;
  /** A date given alongside the content (JSONL `published`, a feed item's pubDate). */
  published?: IsoDate | null;
  /** --published: wins over any date found in or alongside the content. */
  override?: IsoDate | null;
}

/** What a loader read from the content itself. */
export interface Extracted {
  raw: string;
  text: string;
  title: string | null;
  published?: IsoDate | null;
  url?: string | null;
  outlet?: string | null;
  author?: string | null;
  dropped: string[];
  log: DecisionLog[];
}

export function logLoad(log: DecisionLog[], reason: string): void {
  log.push({ stage: STAGE, reason });
}

/** The host a URL names, without "www.": the outlet when a page names none. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname;
    return host ? host.replace(/^www\./, "") : null;
  } catch {
    return null;
  }
}

/**
 * The Document, or the SitrepError that keeps it out: no text left after cleaning (`empty`),
 * or not English (`notEnglish`).
 */
export function finishDocument(source: Source, found: Extracted): LoadItem {
  // Text handed over as text (JSONL fields, feed items) may carry mojibake from its source.
  const repaired = repairMojibake(found.text);
  if (repaired.repaired) {
    logLoad(
      found.log,
      `repaired ${repaired.repaired} run(s) of UTF-8 read as Windows-1252 ("â€™" for "’")`,
    );
    found = { ...found, text: repaired.text };
  }
  if (found.title) found = { ...found, title: repairMojibake(found.title).text };
  if (!found.text.trim()) return { error: errors.empty(source.origin) };
  const verdict = checkEnglish(found.text);
  if (!verdict.english) return { error: errors.notEnglish(source.origin, verdict.detail) };
  const log = found.log;
  let published = source.published ?? found.published ?? null;
  if (source.override) {
    if (published && published !== source.override) {
      logLoad(log, `published: ${source.override} from --published overrides ${published}`);
    }
    published = source.override;
  }
  // The URL the document was asked for, or given with it, wins over the page's canonical link:
  // it is the one the user can check, and canonical links are sometimes wrong (a section page).
  const url = source.url ?? found.url ?? null;
  const doc: Document = {
    id: source.id,
    url,
    outlet: found.outlet ?? hostOf(url),
    title: source.title ?? found.title,
    published,
    author: found.author ?? null,
    language: "en",
    origin: source.origin,
    raw: found.raw,
    text: found.text,
    dropped: found.dropped,
  };
  return { doc, log };
}
