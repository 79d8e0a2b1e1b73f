// Running counts a source states ("at least 168 attacks on US and coalition forces ... as of
// Tuesday"): kept as tallies, never as one event's figures.
import { readTable } from "../core/data-files.ts";
import type { Annotations, IsoDate, Sentence, Span, Tally } from "../core/types.ts";
import { attributionOf } from "./attribution.ts";

const NOUNS = readTable("events/tally-nouns.tsv");
const NOUN_RE = new RegExp(
  `^\\s+((?:[\\p{L}.'’-]+\\s+){0,4}?)(${NOUNS.map((n) => n.noun).join("|")})\\b`,
  "iu",
);
/** Words that make a figure a running count; "have been killed" alone tells one event. */
const CUMULATIVE =
  /\b(?:as\s+of|since|so\s+far|to\s+date|a\s+total\s+of|in\s+total|in\s+all|cumulative|overall|altogether|this\s+year|since\s+the\s+(?:start|beginning)|death\s+toll\s+(?:has\s+)?(?:risen|rose|climbed|reached))\b/i;
/** What is counted runs on after the noun ("attacks on US and coalition forces in Iraq, Syria, and Jordan"). */
const WHAT_TAIL =
  /^\s+(?:on|against|in|by|of|among)\s+[^,.;]*?(?=\s+(?:in|across|since|as\s+of|resulting|,|\.)|[,.;]|$)/iu;

export interface TallyFinding {
  tallies: Tally[];
  /** The counted phrases: triggers inside them are not events. */
  spans: Span[];
}

export function extractTallies(
  text: string,
  ann: Annotations,
  reference: IsoDate | null = null,
): TallyFinding {
  const tallies: Tally[] = [];
  const spans: Span[] = [];
  for (const sentence of ann.sentences) {
    if (!CUMULATIVE.test(sentence.text)) continue;
    const asOf = asOfDate(ann, sentence, reference);
    const source = attributionOf(sentence)?.source ?? null;
    for (const n of ann.numbers) {
      if (n.start < sentence.start || n.end > sentence.end || n.value < 2) continue;
      const after = text.slice(n.end, sentence.end);
      const m = NOUN_RE.exec(after);
      if (!m) continue;
      const before = text.slice(sentence.start, n.start);
      // "killed 30 people" is one event's toll; a tally needs a cumulative cue near the figure.
      const near = `${before.slice(-40)} ${after.slice(0, 120)}`;
      if (!CUMULATIVE.test(near) && !CUMULATIVE.test(sentence.text.slice(0, 20))) continue;
      if (
        /\b(?:killing|killed|wounding|injuring|leaving)\s+(?:at\s+least\s+|more\s+than\s+)?$/i.test(
          before,
        )
      )
        continue;
      const tail = WHAT_TAIL.exec(after.slice(m[0].length))?.[0] ?? "";
      const what = `${m[1]}${m[2]}${tail}`.replace(/\s+/g, " ").trim();
      const end = n.end + m[0].length + tail.length;
      spans.push({ start: n.start, end, text: text.slice(n.start, end) });
      tallies.push({
        what,
        count: n.value,
        qualifier: n.qualifier === "exact" ? null : n.qualifier,
        as_of: asOf,
        countries: countriesIn(text, sentence, ann, { start: n.start, end, text: "" }),
        source,
        text: sentence.text,
        start: sentence.start,
        end: sentence.end,
      });
    }
  }
  return { tallies, spans };
}

/** A count "so far this year" stands as of the report, not the year's end. */
function asOfDate(ann: Annotations, sentence: Sentence, reference: IsoDate | null): IsoDate | null {
  const d = ann.dates.find((x) => x.start >= sentence.start && x.end <= sentence.end);
  if (!d) return null;
  return reference && d.endDate > reference ? reference : d.endDate;
}

function countriesIn(text: string, sentence: Sentence, ann: Annotations, counted: Span): string[] {
  const isos = new Set<string>();
  for (const p of ann.places) {
    // "2,500 Afghan civilians": a demonym in what is counted says whose country.
    if (p.rule === "place:demonym" && p.start >= counted.start && p.end <= counted.end)
      isos.add(p.place.iso);
    if (p.start >= sentence.start && p.end <= sentence.end && p.kind === "country") {
      // "US casualties" names whose casualties, not where: only countries after "in" / "across" / a list.
      const before = text.slice(Math.max(sentence.start, p.start - 20), p.start);
      if (/\b(?:in|across|throughout)\s+$|,\s*(?:and\s+)?$|\band\s+$/i.test(before))
        isos.add(p.place.iso);
    }
  }
  return [...isos];
}
