// The extraction pipeline, assembled in one place (CONVENTIONS 1): an ordered list of small
// stages over one document. Each stage says what it reads and writes; a stage that fails
// reports its own name and the document it was on.
import {
  type ActorDictionary,
  annotateActors,
  loadActorDictionary,
} from "../annotate/actor-annotator.ts";
import { type CountryLexicon, loadCountryLexicon } from "../annotate/countries.ts";
import { annotateDates } from "../annotate/date-annotator.ts";
import { annotateNumbers } from "../annotate/number-annotator.ts";
import { type Gazetteer, openGazetteer } from "../annotate/places/gazetteer.ts";
import { annotatePlaces } from "../annotate/places/place-annotator.ts";
import { splitSentences } from "../annotate/sentence-splitter.ts";
import { tokenize } from "../annotate/tokens.ts";
import { createContext, type DecisionLog, type DocumentContext, note } from "../core/context.ts";
import { errors, isSitrepError } from "../core/errors.ts";
import type {
  Annotations,
  Document,
  ExtractionResult,
  Mention,
  SitrepEvent,
  Span,
  Tally,
} from "../core/types.ts";
import {
  type ExtractionLexicon,
  isBeaten,
  isRefinement,
  loadExtractionLexicon,
} from "../extract/lexicon.ts";
import { extractMentions } from "../extract/mention-extractor.ts";
import { extractTallies } from "../extract/tally-extractor.ts";
import { buildEvents } from "../merge/event-builder.ts";
import { type EventGroup, mergeMentions } from "../merge/event-merger.ts";
import { refineDemonstrations } from "../merge/protest-refiner.ts";

/** What the stages are handed from the world: the gazetteer, the actor dictionary, the lexicons. */
export interface Resources {
  gazetteer: Gazetteer;
  actors: ActorDictionary;
  countries: CountryLexicon;
  lexicon: ExtractionLexicon;
}

export function loadResources(gazetteerPath?: string): Resources {
  const countries = loadCountryLexicon();
  return {
    gazetteer: openGazetteer(gazetteerPath),
    actors: loadActorDictionary(countries),
    countries,
    lexicon: loadExtractionLexicon(),
  };
}

/** Named presets rather than scattered flags (CONVENTIONS 1). */
export const PRESETS = {
  /** For a database analysts trust: events below this confidence are left out. */
  precise: { minConfidence: 0.35 },
  /** For review queues and recall studies: every asserted event, sorted by confidence. */
  broad: { minConfidence: 0 },
} as const;
export type PresetName = keyof typeof PRESETS;

interface State {
  ctx: DocumentContext;
  annotations: Annotations;
  tallySpans: Span[];
  tallies: Tally[];
  mentions: Mention[];
  groups: EventGroup[];
  events: SitrepEvent[];
}

interface Stage {
  name: string;
  reads: string;
  writes: string;
  run(s: State, r: Resources): void;
}

/**
 * The order matters: dates before numbers (a day of the month is not a count), places and
 * actors before mentions (arguments are picked from them), tallies before mentions (a counted
 * "168 attacks" is not an event), merging before building (figures are chosen over all tellings).
 */
export const STAGES: Stage[] = [
  {
    name: "sentences",
    reads: "text",
    writes: "annotations.sentences",
    run: (s) => {
      s.annotations.sentences = splitSentences(s.ctx.doc.text);
    },
  },
  {
    name: "dates",
    reads: "text, reference date",
    writes: "annotations.dates",
    run: (s) => {
      s.annotations.dates = annotateDates(s.ctx.doc.text, s.ctx.reference);
    },
  },
  {
    name: "numbers",
    reads: "text, annotations.dates",
    writes: "annotations.numbers",
    run: (s) => {
      s.annotations.numbers = annotateNumbers(s.ctx.doc.text, s.annotations.dates);
    },
  },
  {
    name: "places",
    reads: "text, annotations.sentences, gazetteer",
    writes: "annotations.places",
    run: (s, r) => {
      s.annotations.places = annotatePlaces(s.ctx.doc.text, s.annotations.sentences, r.gazetteer, {
        log: (reason: string) => note(s.ctx, "places", reason),
      });
    },
  },
  {
    name: "actors",
    reads: "text, actor dictionary",
    writes: "annotations.actors",
    run: (s, r) => {
      s.annotations.actors = annotateActors(s.ctx.doc.text, r.actors, tokenize(s.ctx.doc.text));
    },
  },
  {
    name: "tallies",
    reads: "annotations",
    writes: "tallies, tallySpans",
    run: (s) => {
      const t = extractTallies(s.ctx.doc.text, s.annotations, s.ctx.reference);
      s.tallies = t.tallies;
      s.tallySpans = t.spans;
    },
  },
  {
    name: "mentions",
    reads: "annotations, tallySpans, lexicon",
    writes: "mentions",
    run: (s, r) => {
      s.mentions = extractMentions({
        ctx: s.ctx,
        annotations: s.annotations,
        lex: r.lexicon,
        tallySpans: s.tallySpans,
      });
    },
  },
  {
    name: "merge",
    reads: "mentions, lexicon",
    writes: "groups",
    run: (s, r) => {
      s.groups = refineDemonstrations(
        mergeMentions(s.ctx, s.mentions, (a, b) => isRefinement(r.lexicon, a, b)),
        s.annotations.sentences,
      );
    },
  },
  {
    name: "events",
    reads: "groups, gazetteer",
    writes: "events",
    run: (s, r) => {
      s.events = buildEvents(
        {
          ctx: s.ctx,
          countries: r.countries,
          countryPlace: (iso) => {
            const e = r.gazetteer.country(iso);
            return e ? r.gazetteer.toPlace(e) : null;
          },
          beaten: (sub, others) => isBeaten(r.lexicon, sub, others),
          documentCountry: documentCountry(s.mentions.flatMap((m) => m.places)),
          namedCountry:
            documentCountry(s.annotations.places) ?? documentCountry(s.annotations.places, true),
          actorCountry:
            mostNamed(
              s.annotations.actors.filter((a) => a.actor.iso && a.actor.inter === 1),
              (a) => a.actor.iso as string,
            ) ??
            mostNamed(
              s.annotations.actors.filter((a) => a.actor.iso),
              (a) => a.actor.iso as string,
            ),
          namedGroups: [
            ...new Map(
              s.annotations.actors
                .filter((a) => !a.actor.id.includes(":") && a.actor.inter !== 1)
                .map((a) => [a.actor.id, a.actor]),
            ).values(),
          ],
        },
        s.groups,
      );
    },
  },
];

/**
 * The country most of the given places are in. Of the events' own places: where the report
 * reports from. Of every place it names ("Syria's rebel-held Idlib", a dateline), or else of its
 * demonyms ("Afghan north", "Syrians were killed"): a weaker hint, for events nothing else places.
 */
function documentCountry(places: Annotations["places"], demonyms = false): string | null {
  return mostNamed(
    places.filter((p) => (p.rule === "place:demonym") === demonyms),
    (p) => p.place.iso,
  );
}

/** The key most of the items have; the first named wins a tie. */
function mostNamed<T>(items: T[], key: (item: T) => string): string | null {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  let best: string | null = null;
  for (const [k, n] of counts) if (!best || n > (counts.get(best) ?? 0)) best = k;
  return best;
}

export interface PipelineOptions {
  preset?: PresetName;
  debug?: boolean;
  /** Called after each stage with its wall time, for `npm run bench`. */
  onStage?: (stage: string, ms: number) => void;
}

export interface Pipeline {
  /** `loadLog`: the load stage's decisions for this document, kept in its record. */
  extract(doc: Document, loadLog?: DecisionLog[]): ExtractionResult;
  /** The same, with the decisions each stage logged. */
  explain(
    doc: Document,
    loadLog?: DecisionLog[],
  ): {
    result: ExtractionResult;
    log: DocumentContext["log"];
    mentions: Mention[];
  };
}

export function createPipeline(resources: Resources, options: PipelineOptions = {}): Pipeline {
  const preset = PRESETS[options.preset ?? "precise"];
  const onStage = options.onStage;
  const run = (doc: Document, loadLog: DecisionLog[] = []) => {
    const s: State = {
      ctx: createContext(doc, options.debug ?? false, loadLog),
      annotations: { sentences: [], numbers: [], dates: [], places: [], actors: [] },
      tallySpans: [],
      tallies: [],
      mentions: [],
      groups: [],
      events: [],
    };
    for (const stage of STAGES) {
      try {
        if (onStage) {
          const t = performance.now();
          stage.run(s, resources);
          onStage(stage.name, performance.now() - t);
        } else stage.run(s, resources);
      } catch (e) {
        if (isSitrepError(e)) throw e;
        throw errors.stage(stage.name, doc.id, (e as Error).message);
      }
    }
    const events = s.events
      .filter((e) => {
        if (e.confidence >= preset.minConfidence) return true;
        note(
          s.ctx,
          "preset",
          `"${e.sub_event_type}" at confidence ${e.confidence} is below ${preset.minConfidence}: left out`,
        );
        return false;
      })
      .sort((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0));
    const result: ExtractionResult = {
      id: doc.id,
      url: doc.url,
      title: doc.title,
      published: doc.published,
      text: doc.text,
      events,
      tallies: s.tallies,
      dropped: doc.dropped,
    };
    return { result, log: s.ctx.log, mentions: s.mentions };
  };
  return { extract: (doc, loadLog) => run(doc, loadLog).result, explain: run };
}
