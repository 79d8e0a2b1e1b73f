// The vocabulary of DESIGN.md as types. Every stage reads and writes these; nothing else
// crosses a stage boundary.

/** A run of the clean text, with character offsets into Document.text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Where a value came from: the rule that found it, and whether the text stated it or it was implied. */
export interface Provenance {
  rule: string;
  /** false when resolved or inferred (a weekday resolved against the publication date, a country implied by a city). */
  stated: boolean;
}

export type IsoDate = string; // YYYY-MM-DD

/** One article or report as received, and its clean text. */
export interface Document {
  id: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  /** Publication date, YYYY-MM-DD, when known. */
  published: IsoDate | null;
  author?: string | null;
  language?: string | null;
  /** Where it was read from: a path, a URL, "stdin", or "path:line" for JSONL. */
  origin: string;
  /** The text as received (HTML or plain text). */
  raw: string;
  /** Clean main text, paragraphs separated by a blank line; every offset points into it. */
  text: string;
  /** Boilerplate lines left out of `text`. */
  dropped: string[];
}

// ---------------------------------------------------------------- annotations

export interface Sentence extends Span {
  index: number;
  /** Index of the paragraph the sentence sits in. */
  paragraph: number;
}

export type Qualifier =
  | "exact"
  | "at least"
  | "more than"
  | "up to"
  | "fewer than"
  | "about"
  | "dozens"
  | "scores"
  | "hundreds"
  | "thousands"
  | "several"
  | "some";

export interface NumberMention extends Span, Provenance {
  /** The single best figure: the most conservative reading ("dozens" = 12, ACLED's convention). */
  value: number;
  qualifier: Qualifier;
}

export type DatePrecision = "day" | "week" | "month" | "year";

export interface DateMention extends Span, Provenance {
  date: IsoDate;
  /** Last day of the period for week/month precision. */
  end: number;
  endDate: IsoDate;
  precision: DatePrecision;
  /**
   * Offsets in the text where the act this date is of may stand, when not anywhere near it: "4
   * days since the killing" dates what follows it; "10 January" in "three days after the bombing
   * of 10 January" dates only the bombing, not the act counted from it.
   */
  reach?: { from: number; to: number };
}

export interface Place {
  geonameid: number;
  name: string;
  /** ISO 3166-1 alpha-2. */
  iso: string;
  country: string;
  admin1: string | null;
  admin2: string | null;
  latitude: number;
  longitude: number;
  /** GeoNames feature class: P populated place, A administrative division. */
  featureClass: string;
  featureCode: string;
  population: number;
}

export type PlaceKind = "city" | "admin2" | "admin1" | "country";

export interface PlaceMention extends Span, Provenance {
  place: Place;
  kind: PlaceKind;
  /** ACLED geo_precision: 1 the town itself, 2 part of or near it, 3 only the region or country. */
  precision: 1 | 2 | 3;
  /** A named part (neighbourhood, base, village) the gazetteer lacks, placed in `place`. */
  subPlace?: string;
}

/** ACLED inter codes. */
export type InterCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface Actor {
  id: string;
  name: string;
  aliases: string[];
  inter: InterCode;
  /** ISO alpha-2, or null for transnational actors. */
  iso: string | null;
  /** Ids of actors it is affiliated with or backed by. */
  affiliations: string[];
}

export interface ActorMention extends Span, Provenance {
  actor: Actor;
}

export interface Annotations {
  sentences: Sentence[];
  numbers: NumberMention[];
  dates: DateMention[];
  places: PlaceMention[];
  actors: ActorMention[];
}

// ---------------------------------------------------------------- events

export type EventType =
  | "Battles"
  | "Explosions/Remote violence"
  | "Violence against civilians"
  | "Protests"
  | "Riots"
  | "Strategic developments";

/** ACLED's event types of organised armed violence: battles, remote violence, attacks on civilians. */
export const ARMED_VIOLENCE_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  "Battles",
  "Explosions/Remote violence",
  "Violence against civilians",
]);

export type Modality =
  | "asserted"
  | "threat"
  | "promise"
  | "plan"
  | "denial"
  | "hypothetical"
  | "negated"
  | "habitual";

export type ClaimField =
  | "fatalities"
  | "injuries"
  | "civilian_fatalities"
  | "actor1"
  | "actor2"
  | "location"
  | "event_date";

/** The claim fields that count people: the dead, the hurt, the civilian dead. */
export const CASUALTY_FIELDS: ReadonlySet<ClaimField> = new Set<ClaimField>([
  "fatalities",
  "injuries",
  "civilian_fatalities",
]);

/** One statement of one figure by one source. */
export interface Claim {
  field: ClaimField;
  value: string | number;
  qualifier: Qualifier | null;
  /** Who says so ("Iraqi government"), or null when the outlet says it in its own voice. */
  source: string | null;
  /** The sentence it came from. */
  text: string;
  start: number;
  end: number;
  /**
   * A revised toll ("the death toll rose to 14"): the latest count, which supersedes the
   * earlier ones rather than conflicting with them. Absent on every other claim.
   */
  revised?: true;
}

/** One event as one sentence of one document states it. */
export interface Mention {
  sentence: Sentence;
  trigger: Span & { rule: string; reason: string };
  event_type: EventType;
  sub_event_type: string;
  modality: Modality;
  actor1: ActorMention | null;
  actor2: ActorMention | null;
  assoc_actor_1: ActorMention[];
  assoc_actor_2: ActorMention[];
  places: PlaceMention[];
  date: DateMention | null;
  claims: Claim[];
  /** Who the sentence attributes the account to. */
  source: string | null;
  weapon: string | null;
  /** "the strike", "this attack" with nothing new: tells again an event already told. */
  reference: boolean;
  /** The type came from a generic word ("attack", "killed") with no cue to sharpen it. */
  generic: boolean;
  /** The trigger rule's strength (0..1). */
  strength: number;
  /** Told as what another event follows or answers ("in response to the Jordan attack"): it came first. */
  antecedent: boolean;
  /**
   * A day's toll over a whole country, split by side ("55 were killed yesterday, including 15
   * members of the regime forces and 7 civilians"): many acts summed, none told.
   */
  summary: boolean;
  /**
   * A development told with a violent act in one sentence ("killed in clashes and arrests were
   * made"): the sentence's dead and hurt are the act's, no sign of this one.
   */
  deadElsewhere?: boolean;
}

export interface Evidence {
  text: string;
  start: number;
  end: number;
}

/** A document-level event: the mentions of one document that tell the same happening, merged. ACLED field names. */
export interface SitrepEvent {
  event_date: IsoDate | null;
  time_precision: 1 | 2 | 3;
  event_type: EventType;
  sub_event_type: string;
  actor1: string | null;
  assoc_actor_1: string | null;
  actor2: string | null;
  assoc_actor_2: string | null;
  inter1: InterCode | null;
  inter2: InterCode | null;
  /** Country name, as ACLED writes it. */
  country: string | null;
  iso: string | null;
  admin1: string | null;
  admin2: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  geo_precision: 1 | 2 | 3 | null;
  geonameid: number | null;
  fatalities: number | null;
  injuries: number | null;
  civilian_fatalities: number | null;
  notes: string;
  /** The outlet, and the sources it cites. */
  source: string | null;
  weapon: string | null;
  claims: Claim[];
  evidence: Evidence[];
  confidence: number;
}

export interface Tally {
  what: string;
  count: number;
  qualifier: Qualifier | null;
  as_of: IsoDate | null;
  countries: string[];
  source: string | null;
  text: string;
  start: number;
  end: number;
}

/** What `sitrep extract` prints for each document: the contract in DESIGN.md. */
export interface ExtractionResult {
  id: string;
  url: string | null;
  title: string | null;
  published: IsoDate | null;
  text: string;
  events: SitrepEvent[];
  tallies: Tally[];
  dropped: string[];
}
