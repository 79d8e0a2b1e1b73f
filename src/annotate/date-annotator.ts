// Dates with chrono-node, resolved against the document's reference date (its publication
// date). chrono finds and resolves; this stage adds what an event date needs: a precision
// (day / week / month / year), stated-or-implied, and news's habit of reporting the past.
import * as chrono from "chrono-node";
import type { DateMention, DatePrecision, IsoDate } from "../core/types.ts";

const parser = chrono.en.casual;

/** The rule of a day counted back from "since": "it has been 4 days since the killing". */
export const COUNTED_SINCE_RULE = "counted-since";

/** A resolved date this far past the reference is read as last year's (news reports the past). */
const FUTURE_TOLERANCE_DAYS = 1;

/**
 * A counted span of time from something told before: "4 days later", "a few minutes after the
 * ambush", "a week before", "after 8 days of fierce battle". "The day before" is news's "yesterday" and stays with the report.
 */
const ANCHORED_ON_EVENT =
  /(?:(?:^|\s)(?!the\s)\S+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+(?:after|later|before|earlier)|^(?:the\s+)?(?:next|following)\s+(?:day|morning|evening|night)|^the\s+day\s+after|^after\s+(?:\S+\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?))$/i;

/** A counted span whose object is the act it counts from: "three days after the bombing". */
const COUNTS_TO_OBJECT = /\b(?:after|before)$/i;

/**
 * "The crash comes a day after the Taliban swapped ...": the act before the counted span is its
 * subject, told already with its date; the act after it came that long before (or after) it.
 */
const SEQUENCE_VERB_BEFORE =
  /\b(?:comes?|came|coming|happened|occurred|took\s+place|takes\s+place)\s+(?:(?:just|only|barely|exactly|nearly|almost|some|about|less\s+than|more\s+than)\s+)?$/i;

/**
 * "it has been 4 days since the killing", "in the two weeks since the attack", "three days have
 * passed since": the act after "since" was that long before the report (before the date told,
 * when told in the past perfect: "it had been 4 days since").
 */
const COUNTED_SINCE =
  /\b(an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+(hours?|days?|nights?|weeks?|months?)(?:\s+(?:have|has|had)\s+(?:now\s+)?(?:passed|elapsed|gone\s+by))?\s+since\b/gi;

/** "it had been 4 days since", "four days had passed since": counted in the past, from a told day. */
const PAST_PERFECT = /\bhad\s+(?:now\s+)?(?:been\s+)?(?:\S+\s+){0,2}$/i;

/** "this morning", "this afternoon": the report's own day. */
const THIS_PART_OF_DAY = /^this\s+(?:morning|afternoon|evening)$/i;

/** How far after a counted span the date it counts from may stand: "after the bombing of 10 January". */
const ANCHOR_REACH_CHARS = 60;

export function annotateDates(text: string, reference: IsoDate | null): DateMention[] {
  const ref = reference ? new Date(`${reference}T12:00:00Z`) : null;
  const results = parser.parse(text, ref ? { instant: ref, timezone: 0 } : undefined, {
    forwardDate: false,
  });
  const out: DateMention[] = [];
  const anchored: chrono.ParsedResult[] = [];
  for (const r of results) {
    const known = r.start;
    const today = ref !== null && THIS_PART_OF_DAY.test(r.text.trim());
    const hasDay = known.isCertain("day") || known.isCertain("weekday") || today;
    const hasMonth = known.isCertain("month");
    const hasYear = known.isCertain("year");
    const relative = r.tags().has("result/relativeDate") || today;
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
    // them (or the one their object names), not from the report's ("two days ago" is)
    if (relative && ANCHORED_ON_EVENT.test(r.text.trim())) {
      anchored.push(r);
      continue;
    }
    const trimmed = trimSpan(r.text);
    const start = r.index + trimmed.offset;
    const spanText = trimmed.text;
    let date = known.date();
    const lower = spanText.toLowerCase();
    let precision: DatePrecision = /\bweek(end)?s?\b/.test(lower)
      ? "week"
      : hasDay
        ? "day"
        : hasMonth || /\bmonth\b/.test(lower)
          ? "month"
          : "year";
    if (/\bweekend\b/.test(lower)) precision = "day";
    if (ref && !hasYear && date.getTime() - ref.getTime() > FUTURE_TOLERANCE_DAYS * 86_400_000) {
      date =
        known.isCertain("weekday") && !known.isCertain("day")
          ? addDays(date, -7)
          : new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate()));
    }
    out.push(
      mention(start, spanText, date, precision, `chrono:${[...r.tags()][0] ?? "parse"}`, {
        stated: hasDay && hasMonth && hasYear && !relative,
      }),
    );
  }
  const since = countedSince(text, ref, out, results);
  out.push(...since.fromReport);
  for (const r of anchored) {
    const d = countFromAnchor(text, r, out);
    if (d) out.push(d);
  }
  for (const s of since.fromTold) {
    const d = s(out);
    if (d) out.push(d);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The day told last before an offset: what a counted span counts from. */
function toldBefore(out: DateMention[], at: number): DateMention | null {
  let told: DateMention | null = null;
  for (const d of out)
    if (d.precision === "day" && d.end <= at && (!told || d.end > told.end)) told = d;
  return told;
}

/**
 * A counted span ("4 days later", "three days after the bombing of 10 January") from the day its
 * object names, else from the day told before it; with neither, none.
 */
function countFromAnchor(
  text: string,
  r: chrono.ParsedResult,
  out: DateMention[],
): DateMention | null {
  const trimmed = trimSpan(r.text);
  const start = r.index + trimmed.offset;
  const spanText = trimmed.text;
  const end = start + spanText.length;
  const precision: DatePrecision = /\b(?:months?|years?)\b/i.test(spanText) ? "month" : "day";
  const rule = `chrono:${[...r.tags()][0] ?? "parse"}`;
  const count = (phrase: string, from: DateMention) =>
    parser.parseDate(phrase, { instant: new Date(`${from.date}T12:00:00Z`), timezone: 0 });
  if (COUNTS_TO_OBJECT.test(spanText)) {
    // "three days after the bombing of 10 January", "two days before the 12 March vote": the day
    // named in the same clause is the anchor's; it dates the anchor's act alone
    const anchor = out.find(
      (d) =>
        d.precision === "day" &&
        !d.reach &&
        d.start >= end &&
        d.start - end <= ANCHOR_REACH_CHARS &&
        !/[,;.!?:]/.test(text.slice(end, d.start)),
    );
    const date = anchor ? count(spanText, anchor) : null;
    if (anchor && date) {
      const stop = /[,;.!?:]/.exec(text.slice(anchor.end, anchor.end + 40));
      anchor.reach = { from: end, to: anchor.end + (stop ? stop.index : 40) };
      return mention(start, spanText, date, precision, rule);
    }
  }
  const told = toldBefore(out, start);
  if (!told) return null;
  if (
    COUNTS_TO_OBJECT.test(spanText) &&
    SEQUENCE_VERB_BEFORE.test(text.slice(Math.max(0, start - 40), start))
  ) {
    // "The crash comes a day after the Taliban swapped hostages": the day told is the crash's;
    // the swap, told after the span, was a day before it
    const flipped = spanText.replace(/(after|before)$/i, (w) =>
      w.toLowerCase() === "after" ? "before" : "after",
    );
    const date = count(flipped, told);
    if (!date) return null;
    return mention(start, spanText, date, precision, `${rule}:sequence`, {
      reach: { from: end, to: text.length },
    });
  }
  const date = count(r.text, told);
  return date ? mention(start, spanText, date, precision, rule) : null;
}

/**
 * "it has been 4 days since the killing": a date for the act after "since", counted back from the
 * report's day; in the past perfect ("it had been 4 days since"), from the day told before.
 */
function countedSince(
  text: string,
  ref: Date | null,
  out: DateMention[],
  results: chrono.ParsedResult[],
): { fromReport: DateMention[]; fromTold: ((out: DateMention[]) => DateMention | null)[] } {
  const fromReport: DateMention[] = [];
  const fromTold: ((out: DateMention[]) => DateMention | null)[] = [];
  for (const m of text.matchAll(COUNTED_SINCE)) {
    const start = m.index;
    const end = start + m[0].length;
    // "4 days since Monday": a span between two days, not an act's day
    if (results.some((r) => r.index >= end && r.index <= end + 2)) continue;
    if (out.some((d) => d.start < end && d.end > start)) continue;
    const unit = m[2].toLowerCase().replace(/^night/, "day");
    const phrase = `${m[1]} ${unit} ago`;
    const precision: DatePrecision = unit.startsWith("week")
      ? "week"
      : unit.startsWith("month")
        ? "month"
        : "day";
    const make = (from: Date) => {
      const date = parser.parseDate(phrase, { instant: from, timezone: 0 });
      return date
        ? mention(start, m[0], date, precision, COUNTED_SINCE_RULE, {
            reach: { from: end, to: text.length },
          })
        : null;
    };
    const past =
      PAST_PERFECT.test(text.slice(Math.max(0, start - 30), start)) || /\bhad\b/i.test(m[0]);
    if (past) {
      fromTold.push((all) => {
        const told = toldBefore(all, start);
        return told ? make(new Date(`${told.date}T12:00:00Z`)) : null;
      });
    } else if (ref) {
      const d = make(ref);
      if (d) fromReport.push(d);
    }
  }
  return { fromReport, fromTold };
}

function mention(
  start: number,
  spanText: string,
  date: Date,
  precision: DatePrecision,
  rule: string,
  extra: { stated?: boolean; reach?: DateMention["reach"] } = {},
): DateMention {
  const [from, to] = period(date, precision);
  return {
    start,
    end: start + spanText.length,
    text: spanText,
    date: from,
    endDate: to,
    precision,
    rule,
    stated: extra.stated ?? false,
    ...(extra.reach ? { reach: extra.reach } : {}),
  };
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
