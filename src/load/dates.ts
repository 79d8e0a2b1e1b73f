// Publication dates as sources write them (ISO 8601 in meta tags, RFC 822 in RSS, "November
// 20, 2019" on pages, /2019/11/20/ in URLs), brought to YYYY-MM-DD. The date is the one the
// source wrote, not converted to UTC: "2019-11-20T23:30-05:00" is the 20th where it was
// published, and that is the day "yesterday" in the article counts from.
import type { IsoDate } from "../core/types.ts";

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Years outside this range are typos or dummy values ("0001-01-01"), not publication dates. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** YYYY-MM-DD for a real calendar day, or null. */
export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** True for a valid YYYY-MM-DD string. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isoDate(+m[1], +m[2], +m[3]) !== null;
}

function month(name: string): number | undefined {
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

/** A date as a page, a feed or a meta tag writes it, as YYYY-MM-DD; null when unreadable. */
export function normalizeDate(value: string | null | undefined): IsoDate | null {
  if (!value) return null;
  const s = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[T\s])/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})(?=$|T)/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  // RFC 822 (RSS) and "20 November 2019".
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
  if (m && month(m[2])) return isoDate(+m[3], month(m[2]) as number, +m[1]);
  // "November 20, 2019", "Nov. 20 2019".
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (m && month(m[1])) return isoDate(+m[3], month(m[1]) as number, +m[2]);
  return null;
}

/** The date many news sites put in their paths: /2019/11/20/, /2019-11-20/, /2009/oct/09/. */
export function dateFromUrl(url: string | null | undefined): IsoDate | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  let m = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/.exec(path);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /\/((?:19|20)\d{2})-(\d{2})-(\d{2})(?:\/|$)/.exec(path);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /\/((?:19|20)\d{2})\/([a-z]{3})\/(\d{1,2})(?:\/|$)/i.exec(path);
  if (m && month(m[2])) return isoDate(+m[1], month(m[2]) as number, +m[3]);
  return null;
}
