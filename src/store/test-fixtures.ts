// Small hand-written documents and extraction results for the store and export tests, and for
// the child process of the durability test.
import { emptyEvent } from "../core/empty-event.ts";
import type { Document, ExtractionResult, SitrepEvent, Tally } from "../core/types.ts";

export interface Sample {
  doc: Document;
  result: ExtractionResult;
}

export function sample(
  id: string,
  text: string,
  events: SitrepEvent[],
  extra: { url?: string | null; title?: string | null; tallies?: Tally[] } = {},
): Sample {
  const url = extra.url === undefined ? `https://news.example/${id}` : extra.url;
  const title = extra.title ?? `Report ${id}`;
  const doc: Document = {
    id,
    url,
    outlet: "news.example",
    title,
    published: "2024-02-08",
    language: "en",
    origin: url ?? `${id}.txt`,
    raw: `<html><body><p>${text}</p></body></html>`,
    text,
    dropped: ["Leave a Reply"],
  };
  const result: ExtractionResult = {
    id,
    url,
    title,
    published: "2024-02-08",
    text,
    events,
    tallies: extra.tallies ?? [],
    dropped: ["Leave a Reply"],
  };
  return { doc, result };
}

export function event(fields: Partial<SitrepEvent>): SitrepEvent {
  return emptyEvent({
    event_date: "2024-02-07",
    time_precision: 1,
    event_type: "Explosions/Remote violence",
    sub_event_type: "Air/drone strike",
    confidence: 0.5,
    ...fields,
  });
}

const BAGHDAD_TEXT =
  "A US drone strike on a vehicle in eastern Baghdad killed a Kataib Hezbollah commander on Wednesday. The Iraqi Joint Operations Command said at least two people died.";

/** The seed's Baghdad strike, with claims, evidence and a tally. */
export const baghdad: Sample = sample(
  "baghdad",
  BAGHDAD_TEXT,
  [
    event({
      event_date: "2024-02-07",
      actor1: "Military Forces of the United States",
      inter1: 8,
      actor2: "Kataib Hezbollah",
      inter2: 3,
      country: "Iraq",
      iso: "IQ",
      admin1: "Baghdad",
      location: "Baghdad - Al-Mashtal",
      latitude: 33.3406,
      longitude: 44.4009,
      geo_precision: 2,
      geonameid: 98182,
      fatalities: 2,
      civilian_fatalities: 0,
      notes:
        'On 7 February 2024, a US drone strike hit a vehicle in eastern Baghdad, killing a "commander", and one other.',
      source: "news.example; Iraqi Joint Operations Command",
      weapon: "drone",
      claims: [
        {
          field: "fatalities",
          value: 2,
          qualifier: "at least",
          source: "Iraqi Joint Operations Command",
          text: "The Iraqi Joint Operations Command said at least two people died.",
          start: 100,
          end: 165,
        },
        {
          field: "actor2",
          value: "Kataib Hezbollah",
          qualifier: null,
          source: null,
          text: BAGHDAD_TEXT.slice(0, 99),
          start: 0,
          end: 99,
        },
      ],
      evidence: [{ text: BAGHDAD_TEXT.slice(0, 99), start: 0, end: 99 }],
      confidence: 0.9,
    }),
  ],
  {
    title: "US strike in Iraq kills Kataib Hezbollah commander",
    tallies: [
      {
        what: "attacks on US forces",
        count: 168,
        qualifier: "at least",
        as_of: "2024-02-06",
        countries: ["IQ", "SY", "JO"],
        source: "Pentagon",
        text: "at least 168 attacks on US forces as of Tuesday",
        start: 0,
        end: 47,
      },
    ],
  },
);

export const jordan: Sample = sample(
  "jordan",
  "Three American soldiers were killed in a drone attack on an outpost in Jordan.",
  [
    event({
      event_date: "2024-01-28",
      actor1: "Islamic Resistance in Iraq",
      inter1: 3,
      actor2: "Military Forces of the United States",
      inter2: 8,
      country: "Jordan",
      iso: "JO",
      location: "Tower 22",
      latitude: 33.31,
      longitude: 38.69,
      geo_precision: 2,
      fatalities: 3,
      injuries: 34,
      notes: "Drone attack on an outpost near the Syrian border.",
      evidence: [{ text: "Three American soldiers were killed", start: 0, end: 35 }],
      confidence: 0.8,
    }),
  ],
);

export const nairobi: Sample = sample(
  "nairobi",
  "Hundreds marched in Nairobi against fuel prices, the organisers said.",
  [
    event({
      event_date: "2024-03-01",
      event_type: "Protests",
      sub_event_type: "Peaceful protest",
      actor1: "Protesters (Kenya)",
      inter1: 6,
      assoc_actor_1: "Matatu Owners Association",
      country: "Kenya",
      iso: "KE",
      location: "Nairobi",
      latitude: -1.2833,
      longitude: 36.8167,
      geo_precision: 1,
      fatalities: 0,
      notes: "Demonstration against fuel prices, organised by transport owners.",
      confidence: 0.7,
    }),
    // Undated and unplaced: sorts last and has no map point.
    event({
      event_date: null,
      time_precision: 3,
      event_type: "Strategic developments",
      sub_event_type: "Arrests",
      actor1: "Police Forces of Kenya (2022-)",
      inter1: 1,
      country: "Kenya",
      iso: "KE",
      notes: "Organisers arrested 50% of the marchers' leaders, the_union said.",
      confidence: 0.4,
    }),
  ],
  { title: "Kenya: fuel protest in Nairobi", url: null },
);

/**
 * The n-th of a run of generated documents, each with three events (two claims and one piece
 * of evidence apiece) and a tally, so a half-stored document is easy to tell from a whole one.
 */
export function numbered(n: number): Sample {
  const text = `Report number ${n}: three strikes hit the town; officials said ${n} people died.`;
  const events = [1, 2, 3].map((k) =>
    event({
      event_date: `2024-01-${String(1 + ((n + k) % 28)).padStart(2, "0")}`,
      country: "Syria",
      iso: "SY",
      latitude: 34 + k / 10,
      longitude: 38 + n / 1000,
      geo_precision: 1,
      fatalities: n,
      notes: `Strike ${k} of report ${n}.`,
      claims: [
        {
          field: "fatalities",
          value: n,
          qualifier: "exact",
          source: "officials",
          text,
          start: 0,
          end: text.length,
        },
        {
          field: "location",
          value: "the town",
          qualifier: null,
          source: null,
          text,
          start: 0,
          end: text.length,
        },
      ],
      evidence: [{ text, start: 0, end: text.length }],
    }),
  );
  return sample(`doc-${n}`, text, events, {
    tallies: [
      {
        what: "strikes",
        count: 3,
        qualifier: null,
        as_of: null,
        countries: ["SY"],
        source: null,
        text,
        start: 0,
        end: text.length,
      },
    ],
  });
}

export const EVENTS_PER_NUMBERED = 3;
export const CLAIMS_PER_NUMBERED_EVENT = 2;
