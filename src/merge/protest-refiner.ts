// A demonstration's sub-event type depends on the whole account, not the sentence that names it:
// "Protesters marched on parliament. Police fired tear gas." is one Protest with intervention.
// This refiner decides it over the demonstration's sentences and those beside them,
// and folds arrests and property destruction of the same demonstration into it.

import { neighbourhood } from "../annotate/sentence-splitter.ts";
import { caseRegExp } from "../core/case-groups.ts";
import { readTable } from "../core/data-files.ts";
import type { EventType, Mention, Sentence } from "../core/types.ts";
import type { EventGroup } from "./event-merger.ts";

type Cue = "violent" | "lethal" | "intervention";

const CUES = readTable("events/protest-cues.tsv").map((r) => ({
  re: caseRegExp(r.pattern, "iu"),
  cue: r.cue as Cue,
}));

const DEMONSTRATION = new Set([
  "Peaceful protest",
  "Protest with intervention",
  "Excessive force against protesters",
  "Violent demonstration",
]);
/** Events that, beside a demonstration in one paragraph, are part of it rather than events of their own. */
const PART_OF_DEMONSTRATION = new Set([
  "Arrests",
  "Looting/property destruction",
  "Violent demonstration",
  "Excessive force against protesters",
  "Protest with intervention",
]);
const PROTESTERS =
  /\b(?:protesters|demonstrators|protestors|marchers|rioters|crowds?|students|activists)\b/i;

export function isDemonstration(m: Mention): boolean {
  return DEMONSTRATION.has(m.sub_event_type);
}

/** `sentences`: the document's, so that cues are read around each telling too. */
export function refineDemonstrations(groups: EventGroup[], sentences: Sentence[]): EventGroup[] {
  const demos = groups.filter((g) => g.mentions.some(isDemonstration));
  if (!demos.length) return groups;
  const absorbed = new Set<EventGroup>();
  for (const demo of demos) {
    const paragraphs = new Set(demo.mentions.map((m) => m.sentence.paragraph));
    for (const g of groups) {
      if (g === demo || absorbed.has(g) || demos.includes(g)) continue;
      const near = g.mentions.every((m) => paragraphs.has(m.sentence.paragraph));
      const aboutProtesters = g.mentions.some((m) => PROTESTERS.test(m.sentence.text));
      if (
        near &&
        aboutProtesters &&
        g.mentions.every((m) => PART_OF_DEMONSTRATION.has(m.sub_event_type))
      ) {
        demo.mentions.push(...g.mentions);
        absorbed.add(g);
      }
    }
    // "Hundreds marched on the summit. They blocked the road": the sentences beside a telling
    // tell of the same demonstration.
    const read = new Set<string>();
    for (const m of demo.mentions)
      for (const x of neighbourhood(sentences, m.sentence)) read.add(x.text);
    const found = new Set<Cue>();
    for (const s of read) for (const c of CUES) if (c.re.test(s)) found.add(c.cue);
    const [event_type, sub_event_type]: [EventType, string] = found.has("violent")
      ? ["Riots", "Violent demonstration"]
      : found.has("lethal")
        ? ["Protests", "Excessive force against protesters"]
        : found.has("intervention")
          ? ["Protests", "Protest with intervention"]
          : ["Protests", "Peaceful protest"];
    for (const m of demo.mentions) {
      // a clash told as the demonstration's ("in the skirmishes") joined it in the merger
      if (
        isDemonstration(m) ||
        PART_OF_DEMONSTRATION.has(m.sub_event_type) ||
        m.sub_event_type === "Armed clash"
      ) {
        m.event_type = event_type;
        m.sub_event_type = sub_event_type;
        m.generic = false;
      }
    }
  }
  return groups.filter((g) => !absorbed.has(g));
}
