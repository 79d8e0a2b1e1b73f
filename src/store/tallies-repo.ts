// The tallies table: running counts a document states ("at least 168 attacks as of Tuesday").
import type { Qualifier, Tally } from "../core/types.ts";
import type { Queryable } from "./db.ts";
import { insertRows } from "./sql.ts";

export interface StoredTally extends Tally {
  document_id: string;
  document_url: string | null;
}

const TALLY_COLUMNS = [
  "document_id",
  "ordinal",
  "what",
  "count",
  "qualifier",
  "as_of",
  "countries",
  "source",
  "text",
  "span_start",
  "span_end",
];

/** Inserts a document's tallies (ordinals 1, 2, ...) in one statement. */
export async function insertTallies(
  tx: Queryable,
  documentId: string,
  tallies: readonly Tally[],
): Promise<void> {
  await insertRows(
    tx,
    "tallies",
    TALLY_COLUMNS,
    tallies.map((t, i) => [
      documentId,
      i + 1,
      t.what,
      t.count,
      t.qualifier ?? null,
      t.as_of ?? null,
      JSON.stringify(t.countries ?? []),
      t.source ?? null,
      t.text,
      t.start,
      t.end,
    ]),
  );
}

interface TallyRow {
  document_id: string;
  document_url: string | null;
  what: string;
  count: number;
  qualifier: string | null;
  as_of: string | null;
  countries: string;
  source: string | null;
  text: string;
  span_start: number;
  span_end: number;
}

/** Every tally, newest statement last; undated tallies at the end. */
export async function listTallies(q: Queryable): Promise<StoredTally[]> {
  const rows = await q.all<TallyRow>(
    `SELECT t.document_id, d.url AS document_url, t.what, t.count, t.qualifier, t.as_of,
            t.countries, t.source, t.text, t.span_start, t.span_end
       FROM tallies t JOIN documents d ON d.id = t.document_id
      ORDER BY t.as_of ASC NULLS LAST, t.document_id ASC, t.ordinal ASC`,
  );
  return rows.map((r) => ({
    document_id: r.document_id,
    document_url: r.document_url,
    what: r.what,
    count: r.count,
    qualifier: r.qualifier as Qualifier | null,
    as_of: r.as_of,
    countries: JSON.parse(r.countries) as string[],
    source: r.source,
    text: r.text,
    start: r.span_start,
    end: r.span_end,
  }));
}
