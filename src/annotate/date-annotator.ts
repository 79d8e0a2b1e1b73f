// Dates with chrono-node, resolved against the document's reference date (its publication
// date). chrono finds and resolves; this stage adds what an event date needs: a precision
// (day / week / month / year), stated-or-implied, and news's habit of reporting the past.
import * as chrono from "chrono-node";
import type { DateMention, DatePrecision, IsoDate } from "../core/types.ts";

const parser = chrono.en.casual;

/** A resolved date this far past the reference is read as last year's (news reports the past). */
const FUTURE_TOLERANCE_DAYS = 1;

/**
 * A counted span of time from something told before: "4 days later", "a few minutes after the
 * ambush", "a week before", "after 8 days of fierce battle". "The day before" is news's "yesterday" and stays with the report.
 */
const ANCHORED_ON_EVENT =
  /(?:(?:^|\s)(?!the\s)\S+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+(?:after|later|before|earlier)|^(?:the\s+)?(?:next|following)\s+(?:day|morning|evening|night)|^the\s+day\s+after|^after\s+(?:\S+\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?))$/i;

export function annotateDates(text: string, reference: IsoDate | null): DateMention[] {
  const ref = reference ? new Date(`${reference}T12:00:00Z`) : null;
  const results = parser.parse(text, ref ? { instant: ref, timezone: 0 } : undefined, {
    forwardDate: false,
  });
  const out: DateMention[] = [];
  for (const r of results) {
    const known = r.start;
    const hasDay = known.isCertain("day") || known.isCertain("weekday");
    const hasMonth = known.isCertain("month");
    const hasYear = known.isCertain("year");
    const relative = r.tags().has("result/relativeDate");
    if (!hasDay && !hasMonth && !hasYear && !relative) continue; // a time of day alone
    // Without a reference, only what the text fully states can be placed in time.
    if (!ref && (relative || !hasYear)) continue;
    // "the march in Istanbul", "may attack", "THE FUNERAL MARCH OF": the common words, not the
    // months ("March of 1989" has its year)
    if (
      /^(?:march|may)$/.test(r.text.trim()) ||
      (/^(?:march|may)\s+of$/i.test(r.text.trim()) && !hasYear)
    )
      continue;
    // "only 4 days later", "a few minutes after the ambush": counted from the date told before
    // them, not from the report's ("two days ago" is); with none told, no date
    const anchored = relative && ANCHORED_ON_EVENT.test(r.text.trim());
    const told = anchored ? out.findLast((d) => d.precision === "day" && d.end <= r.index) : null;
    if (anchored && !told) continue;
    const trimmed = trimSpan(r.text);
    const start = r.index + trimmed.offset;
    const spanText = trimmed.text;
    let date = told
      ? (parser.parseDate(r.text, { instant: new Date(`${told.date}T12:00:00Z`), timezone: 0 }) ??
        known.date())
      : known.date();
    const lower = spanText.toLowerCase();
    let precision: DatePrecision = told
      ? /\b(?:months?|years?)\b/.test(lower)
        ? "month"
        : "day"
      : /\bweek(end)?s?\b/.test(lower)
        ? "week"
        : hasDay
          ? "day"
          : hasMonth || /\bmonth\b/.test(lower)
            ? "month"
            : "year";
    if (/\bweekend\b/.test(lower)) precision = "day";
    if (
      ref &&
      !told &&
      !hasYear &&
      date.getTime() - ref.getTime() > FUTURE_TOLERANCE_DAYS * 86_400_000
    ) {
      date =
        known.isCertain("weekday") && !known.isCertain("day")
          ? addDays(date, -7)
          : new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate()));
    }
    const [from, to] = period(date, precision);
    out.push({
      start,
      end: start + spanText.length,
      text: spanText,
      date: from,
      endDate: to,
      precision,
      rule: `chrono:${[...r.tags()][0] ?? "parse"}`,
      stated: hasDay && hasMonth && hasYear && !relative,
    });
  }
  return out;
}

function trimSpan(s: string): { text: string; offset: number } {
  const m = /^(\s*)(.*?)[\s,.;:]*$/su.exec(s);
  return m ? { text: m[2], offset: m[1].length } : { text: s, offset: 0 };
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}

export function isoDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

/** The first and last day of the period a date names: an ISO week runs Monday to Sunday. */
export function period(d: Date, precision: DatePrecision): [IsoDate, IsoDate] {
  if (precision === "day") return [isoDate(d), isoDate(d)];
  if (precision === "week") {
    const monday = addDays(d, -((d.getUTCDay() + 6) % 7));
    return [isoDate(monday), isoDate(addDays(monday, 6))];
  }
  if (precision === "month") {
    const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
    return [isoDate(first), isoDate(last)];
  }
  return [`${d.getUTCFullYear()}-01-01`, `${d.getUTCFullYear()}-12-31`];
}
