// A baseline of floors for the headline figures (CONVENTIONS 8): a run below a floor (or above
// a ceiling) fails, and updating the baseline raises floors to the current figures but never
// lowers one unless asked to in so many words (--allow-lower).
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** The headline figures, and which way is better. */
export const HEADLINES = {
  seed_required_passed: "floor",
  case2021_weighted_f1: "floor",
  case2021_event_type_accuracy: "floor",
  /** Share of subtask-2 snippets (crime, disasters) given a violent event type: lower is better. */
  case2021_non_conflict_violent_share: "ceiling",
  /** UCDP headlines (eval/ucdp.ts): the top event's country, all rows. */
  ucdp_country_accuracy: "floor",
  /** Place-answerable rows: the top event within 25 km of UCDP's point. */
  ucdp_within_25km: "floor",
  ucdp_admin1_accuracy: "floor",
  /** Median km from UCDP's point to the top event's, place-answerable rows: lower is better. */
  ucdp_median_error_km: "ceiling",
  ucdp_fatalities_accuracy: "floor",
  /** The place annotator alone: some place it finds within 25 km, place-answerable rows. */
  ucdp_geoparser_within_25km: "floor",
  /** The place annotator alone: towns and divisions it finds that lie in the row's country. */
  ucdp_geoparser_in_country: "floor",
  /** MUC-4 incident locations (eval/muc4-places.ts): some event in the gold country. */
  muc4_place_country_accuracy: "floor",
  /** MUC-4 incident locations geocoded to a town: the nearest event point within 25 km. */
  muc4_place_within_25km: "floor",
  /** MUC-4 incidents (eval/muc4.ts, eval/README.md): key incidents matched on type and place. */
  muc4_incident_recall: "floor",
  /** Violent events of relevant articles that match a key incident. */
  muc4_incident_precision: "floor",
  /** On matched incidents: the date, the deaths (where the key counts them), the perpetrator. */
  muc4_date_accuracy: "floor",
  muc4_deaths_accuracy: "floor",
  muc4_perpetrator_accuracy: "floor",
  /** Irrelevant MUC-4 articles (of 10) with no violent event. */
  muc4_irrelevant_quiet: "floor",
  /** GLOCON (eval/glocon.ts): protest-article detection F1, label 2 left out. */
  glocon_protest_f1: "floor",
  /** WikiEvents dev (eval/wikievents.ts): attack, death, injury and arrest mentions found. */
  wikievents_recall: "floor",
  /** scrapinghub-aeb article-body F1 (eval/extraction-bench.ts). */
  extraction_aeb_f1: "floor",
  /** trafilatura-eval-en: share of "with" snippets kept. */
  extraction_with_kept: "floor",
  /** trafilatura-eval-en: share of "without" (boilerplate) snippets kept: lower is better. */
  extraction_without_kept: "ceiling",
} as const;

export type HeadlineName = keyof typeof HEADLINES;

/** The figures of one run; a data set that was skipped leaves its figures out. */
export type Headlines = Partial<Record<HeadlineName, number>>;

export interface Baseline {
  floors: Partial<Record<HeadlineName, number>>;
  ceilings: Partial<Record<HeadlineName, number>>;
}

/** Ratios are kept to three decimals, so that a floor set from a run is met by the same run. */
export function roundFigure(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function readBaseline(path: string): Baseline {
  if (!existsSync(path)) return { floors: {}, ceilings: {} };
  const b = JSON.parse(readFileSync(path, "utf8")) as Partial<Baseline>;
  return { floors: b.floors ?? {}, ceilings: b.ceilings ?? {} };
}

export function writeBaseline(path: string, b: Baseline): void {
  writeFileSync(path, `${JSON.stringify(b, null, 2)}\n`);
}

export interface Verdict {
  name: HeadlineName;
  kind: "floor" | "ceiling";
  limit: number | null;
  value: number | null;
  /** Below its floor or above its ceiling. */
  broken: boolean;
}

export function compareToBaseline(current: Headlines, b: Baseline): Verdict[] {
  return (Object.keys(HEADLINES) as HeadlineName[]).map((name) => {
    const kind = HEADLINES[name];
    const limit = (kind === "floor" ? b.floors[name] : b.ceilings[name]) ?? null;
    const raw = current[name];
    const value = raw === undefined ? null : roundFigure(raw);
    const broken =
      limit !== null && value !== null && (kind === "floor" ? value < limit : value > limit);
    return { name, kind, limit, value, broken };
  });
}

/** "below floor: case2021_weighted_f1 0.512 < 0.530". */
export function brokenLine(v: Verdict): string {
  return v.kind === "floor"
    ? `below floor: ${v.name} ${v.value} < ${v.limit}`
    : `above ceiling: ${v.name} ${v.value} > ${v.limit}`;
}

export interface Update {
  baseline: Baseline;
  changed: string[];
  refused: string[];
}

/**
 * Floors move up to the current figures and ceilings down; a move the other way is refused
 * unless `allowLower`. A figure this run did not measure leaves its limit as it was.
 */
export function updateBaseline(current: Headlines, b: Baseline, allowLower: boolean): Update {
  const next: Baseline = { floors: { ...b.floors }, ceilings: { ...b.ceilings } };
  const changed: string[] = [];
  const refused: string[] = [];
  for (const name of Object.keys(HEADLINES) as HeadlineName[]) {
    const raw = current[name];
    if (raw === undefined) continue;
    const value = roundFigure(raw);
    const kind = HEADLINES[name];
    const limits = kind === "floor" ? next.floors : next.ceilings;
    const old = limits[name];
    if (old === value) continue;
    const loosens = old !== undefined && (kind === "floor" ? value < old : value > old);
    const what = `${kind} ${name} ${old ?? "(none)"} -> ${value}`;
    if (loosens && !allowLower) {
      refused.push(`refused: ${what} (loosens the ${kind}; pass --allow-lower to accept)`);
      continue;
    }
    limits[name] = value;
    changed.push(what);
  }
  return { baseline: next, changed, refused };
}
