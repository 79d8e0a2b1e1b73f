import type { SitrepEvent } from "./types.ts";

/** An event with every field empty, and `fields` over it: for tests, and to stand in where an event is missing. */
export function emptyEvent(fields: Partial<SitrepEvent> = {}): SitrepEvent {
  return {
    event_date: null,
    time_precision: 3,
    event_type: "Strategic developments",
    sub_event_type: "",
    actor1: null,
    assoc_actor_1: null,
    actor2: null,
    assoc_actor_2: null,
    inter1: null,
    inter2: null,
    country: null,
    iso: null,
    admin1: null,
    admin2: null,
    location: null,
    latitude: null,
    longitude: null,
    geo_precision: null,
    geonameid: null,
    fatalities: null,
    injuries: null,
    civilian_fatalities: null,
    notes: "",
    source: null,
    weapon: null,
    claims: [],
    evidence: [],
    confidence: 0,
    ...fields,
  };
}
