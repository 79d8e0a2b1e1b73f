// The documents table: one row per article, keyed by its content so a re-ingest adds nothing.
import { createHash } from "node:crypto";
import type { Document, ExtractionResult } from "../core/types.ts";
import type { Queryable } from "./db.ts";

/**
 * Hex digits of the document key used as the document's id. 64 bits: at a million documents
 * the chance that two share an id is about 3 in 100 million, and a clash fails loudly on the
 * primary key rather than passing silently, because duplicates are detected on doc_key.
 */
const ID_HEX_DIGITS = 16;

/**
 * The content key: sha256 of the document's url (or, without one, the id its source gave it)
 * and its clean text. The same article read twice has the same key; a corrected article, or
 * the same text at another address, is a new document.
 */
export function documentKey(doc: Pick<Document, "url" | "id">, text: string): string {
  return createHash("sha256")
    .update(doc.url ?? doc.id)
    .update("\u0000")
    .update(text)
    .digest("hex");
}

/** Derived from the key rather than random, so every worker names a document the same way. */
export function documentIdFor(key: string): string {
  return key.slice(0, ID_HEX_DIGITS);
}

export interface NewDocument {
  id: string;
  key: string;
  doc: Document;
  result: ExtractionResult;
  keepRaw: boolean;
  ingestedAt: string;
}

/**
 * Inserts the document unless its key is stored already; true when it was inserted. No conflict
 * target: two transactions inserting the same document at once (two workers) clash on the id as
 * well as on doc_key, and PostgreSQL may report the id first, which `ON CONFLICT (doc_key)` would
 * let through as an error. The caller tells a true duplicate from an id clash by the key.
 */
export async function insertDocument(tx: Queryable, d: NewDocument): Promise<boolean> {
  const { doc, result } = d;
  // The result's text is the one its evidence offsets point into.
  const text = result.text;
  const raw = d.keepRaw && doc.raw && doc.raw !== text ? doc.raw : null;
  const { changes } = await tx.run(
    `INSERT INTO documents
       (id, doc_key, external_id, url, outlet, title, published, origin, language, text, raw, dropped, ingested_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT DO NOTHING`,
    [
      d.id,
      d.key,
      doc.id,
      doc.url ?? result.url ?? null,
      doc.outlet ?? null,
      doc.title ?? result.title ?? null,
      doc.published ?? result.published ?? null,
      doc.origin,
      doc.language ?? null,
      text,
      raw,
      JSON.stringify(result.dropped ?? doc.dropped ?? []),
      d.ingestedAt,
    ],
  );
  return changes === 1;
}

export async function documentIdByKey(q: Queryable, key: string): Promise<string | undefined> {
  const row = await q.get<{ id: string }>("SELECT id FROM documents WHERE doc_key = $1", [key]);
  return row?.id;
}
