// The events table and the claims and evidence that hang from each event.
import { errors } from "../core/errors.ts";
import type {
  Claim,
  ClaimField,
  Evidence,
  IsoDate,
  Qualifier,
  SitrepEvent,
} from "../core/types.ts";
import type { Queryable, SqlValue } from "./db.ts";
import { chunks, insertRows, likeContains, Params, placeholders } from "./sql.ts";

/** An event as stored: the extracted event, its id, and the document it was read from. */
export interface StoredEvent extends SitrepEvent {
  id: string;
  document_id: string;
  document_url: string | null;
  document_title: string | null;
}

export interface EventFilter {
  /** First event_date to include, YYYY-MM-DD. */
  from?: IsoDate;
  /** Last event_date to include, YYYY-MM-DD. */
  to?: IsoDate;
  /** ISO alpha-2 code or country name, any case. */
  country?: string;
  /** Event type or sub-event type, any case ("Battles", "air/drone strike"). */
  type?: string;
  /** Part of actor1, actor2 or an associated actor's name, any case. */
  actor?: string;
  /** Part of the notes, or of the title or text of the event's document, any case. */
  text?: string;
  limit?: number;
  offset?: number;
}

/** The columns of `events` that hold SitrepEvent fields, in table order. */
const EVENT_FIELDS = [
  "event_date",
  "time_precision",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "country",
  "iso",
  "admin1",
  "admin2",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "geonameid",
  "fatalities",
  "injuries",
  "civilian_fatalities",
  "notes",
  "source",
  "weapon",
  "confidence",
] as const satisfies readonly (keyof SitrepEvent)[];

type EventField = (typeof EVENT_FIELDS)[number];

const EVENT_COLUMNS = ["id", "document_id", "ordinal", ...EVENT_FIELDS];

const CLAIM_COLUMNS = [
  "event_id",
  "ordinal",
  "field",
  "value",
  "value_number",
  "qualifier",
  "source",
  "text",
  "span_start",
  "span_end",
  "revised",
];

const EVIDENCE_COLUMNS = ["event_id", "ordinal", "text", "span_start", "span_end"];

/** Ids sort in document order: the document's id, then the 1-based ordinal, zero-padded. */
export function eventIdFor(documentId: string, ordinal: number): string {
  return `${documentId}-${String(ordinal).padStart(3, "0")}`;
}

/** A value for a column. NaN and Infinity would silently become NULL in SQLite; refuse them. */
function sqlValue(target: string, what: string, v: unknown): SqlValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v))
      throw errors.db(target, `${what} is ${v}, not a number that can be stored`);
    return v;
  }
  if (typeof v === "string" || typeof v === "bigint") return v;
  throw errors.db(target, `${what} is a ${typeof v}; expected text, a number or null`);
}

/**
 * Inserts a document's events (ordinals 1, 2, ...) with their claims and evidence: one statement
 * per table, not one per row.
 */
export async function insertEvents(
  tx: Queryable,
  documentId: string,
  events: readonly SitrepEvent[],
): Promise<void> {
  const eventRows: SqlValue[][] = [];
  const claimRows: SqlValue[][] = [];
  const evidenceRows: SqlValue[][] = [];
  for (const [i, event] of events.entries()) {
    const ordinal = i + 1;
    const id = eventIdFor(documentId, ordinal);
    const where = `event ${ordinal}`;
    eventRows.push([
      id,
      documentId,
      ordinal,
      ...EVENT_FIELDS.map((f) => sqlValue(tx.target, `${where} ${f}`, event[f])),
    ]);
    for (const [k, c] of (event.claims ?? []).entries()) {
      claimRows.push([
        id,
        k + 1,
        c.field,
        String(c.value),
        typeof c.value === "number"
          ? sqlValue(tx.target, `${where} claim ${k + 1} value`, c.value)
          : null,
        c.qualifier ?? null,
        c.source ?? null,
        c.text,
        c.start,
        c.end,
        c.revised ? 1 : 0,
      ]);
    }
    for (const [k, e] of (event.evidence ?? []).entries()) {
      evidenceRows.push([id, k + 1, e.text, e.start, e.end]);
    }
  }
  await insertRows(tx, "events", EVENT_COLUMNS, eventRows);
  await insertRows(tx, "claims", CLAIM_COLUMNS, claimRows);
  await insertRows(tx, "evidence", EVIDENCE_COLUMNS, evidenceRows);
}

type EventRow = { [K in EventField]: SitrepEvent[K] } & {
  id: string;
  document_id: string;
  document_url: string | null;
  document_title: string | null;
};

interface ClaimRow {
  event_id: string;
  field: string;
  value: string;
  value_number: number | null;
  qualifier: string | null;
  source: string | null;
  text: string;
  span_start: number;
  span_end: number;
  revised: number;
}

interface EvidenceRow {
  event_id: string;
  text: string;
  span_start: number;
  span_end: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(value: string, name: string): string {
  if (!ISO_DATE.test(value)) throw errors.badDate(value, name);
  return value;
}

function checkCount(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw errors.badOption(`${name} must be a whole number of 0 or more, not ${value}`);
  }
  return value;
}

/**
 * No portable "LIMIT ALL": SQLite wants -1 and PostgreSQL ALL or NULL. An offset without a
 * limit uses this, which both engines read as "all" (it fits PostgreSQL's bigint).
 */
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

export async function queryEvents(q: Queryable, filter: EventFilter = {}): Promise<StoredEvent[]> {
  const p = new Params();
  const where: string[] = [];
  if (filter.from !== undefined)
    where.push(`e.event_date >= ${p.add(checkDate(filter.from, "from"))}`);
  if (filter.to !== undefined) where.push(`e.event_date <= ${p.add(checkDate(filter.to, "to"))}`);
  if (filter.country) {
    const c = filter.country.trim();
    where.push(
      `(e.iso = ${p.add(c.toUpperCase())} OR lower(e.country) = ${p.add(c.toLowerCase())})`,
    );
  }
  if (filter.type) {
    const t = p.add(filter.type.trim().toLowerCase());
    where.push(`(lower(e.event_type) = ${t} OR lower(e.sub_event_type) = ${t})`);
  }
  // lower() on both sides: SQLite's LIKE ignores ASCII case and PostgreSQL's does not.
  if (filter.actor) {
    const a = p.add(likeContains(filter.actor));
    where.push(
      `(${["actor1", "actor2", "assoc_actor_1", "assoc_actor_2"]
        .map((c) => `lower(e.${c}) LIKE ${a} ESCAPE '\\'`)
        .join(" OR ")})`,
    );
  }
  if (filter.text) {
    const t = p.add(likeContains(filter.text));
    where.push(
      `(lower(e.notes) LIKE ${t} ESCAPE '\\' OR lower(d.title) LIKE ${t} ESCAPE '\\' OR lower(d.text) LIKE ${t} ESCAPE '\\')`,
    );
  }
  let page = "";
  if (filter.limit !== undefined || filter.offset !== undefined) {
    const limit = filter.limit === undefined ? NO_LIMIT : checkCount(filter.limit, "limit");
    const offset = filter.offset === undefined ? 0 : checkCount(filter.offset, "offset");
    page = ` LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`;
  }

  const rows = await q.all<EventRow>(
    `SELECT e.id, e.document_id, d.url AS document_url, d.title AS document_title,
            ${EVENT_FIELDS.map((f) => `e.${f}`).join(", ")}
       FROM events e JOIN documents d ON d.id = e.document_id
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY e.event_date ASC NULLS LAST, e.id ASC${page}`,
    p.values,
  );
  if (rows.length === 0) return [];

  const claims = new Map<string, Claim[]>();
  const evidence = new Map<string, Evidence[]>();
  for (const ids of chunks(rows.map((r) => r.id))) {
    const inList = placeholders(ids.length);
    const claimRows = await q.all<ClaimRow>(
      `SELECT event_id, field, value, value_number, qualifier, source, text, span_start, span_end,
              revised
         FROM claims WHERE event_id IN (${inList}) ORDER BY event_id, ordinal`,
      ids,
    );
    for (const c of claimRows) push(claims, c.event_id, toClaim(c));
    const evidenceRows = await q.all<EvidenceRow>(
      `SELECT event_id, text, span_start, span_end
         FROM evidence WHERE event_id IN (${inList}) ORDER BY event_id, ordinal`,
      ids,
    );
    for (const e of evidenceRows) {
      push(evidence, e.event_id, { text: e.text, start: e.span_start, end: e.span_end });
    }
  }
  return rows.map((r) => toStoredEvent(r, claims.get(r.id) ?? [], evidence.get(r.id) ?? []));
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function toClaim(c: ClaimRow): Claim {
  const claim: Claim = {
    field: c.field as ClaimField,
    value: c.value_number ?? c.value,
    qualifier: c.qualifier as Qualifier | null,
    source: c.source,
    text: c.text,
    start: c.span_start,
    end: c.span_end,
  };
  if (Number(c.revised) === 1) claim.revised = true;
  return claim;
}

function toStoredEvent(r: EventRow, claims: Claim[], evidence: Evidence[]): StoredEvent {
  // Built field by field (not spread) so the object is plain and its keys keep a stable order.
  return {
    id: r.id,
    document_id: r.document_id,
    document_url: r.document_url,
    document_title: r.document_title,
    event_date: r.event_date,
    time_precision: r.time_precision,
    event_type: r.event_type,
    sub_event_type: r.sub_event_type,
    actor1: r.actor1,
    assoc_actor_1: r.assoc_actor_1,
    actor2: r.actor2,
    assoc_actor_2: r.assoc_actor_2,
    inter1: r.inter1,
    inter2: r.inter2,
    country: r.country,
    iso: r.iso,
    admin1: r.admin1,
    admin2: r.admin2,
    location: r.location,
    latitude: r.latitude,
    longitude: r.longitude,
    geo_precision: r.geo_precision,
    geonameid: r.geonameid,
    fatalities: r.fatalities,
    injuries: r.injuries,
    civilian_fatalities: r.civilian_fatalities,
    notes: r.notes,
    source: r.source,
    weapon: r.weapon,
    claims,
    evidence,
    confidence: r.confidence,
  };
}
