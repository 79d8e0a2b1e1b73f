// The word lists the place annotator reads from data/places/ (CONVENTIONS 5: data is not code).
// Loaded once, on first use.
import { readTable } from "../../core/data-files.ts";
import { fold } from "../../core/text.ts";

export type NotPlaceWhen = "always" | "before-name" | "unless-country";

export type CueRole =
  | "title"
  | "subplace-noun"
  | "settlement-noun"
  | "group-noun"
  | "model-noun"
  | "area-noun"
  | "admin-suffix"
  | "near"
  | "direction"
  | "part"
  | "region-word";

export interface PlaceLexicons {
  /** fold()ed common English words (data/places/common-words.tsv). */
  common: Set<string>;
  /** fold()ed names the gazetteer has that text mostly uses otherwise. */
  notPlaces: Map<string, NotPlaceWhen>;
  /** fold()ed cue phrases by role. */
  cues: Map<CueRole, Set<string>>;
  /** Longest cue of each role, in words. */
  cueWords: Map<CueRole, number>;
}

let loaded: PlaceLexicons | null = null;

export function placeLexicons(): PlaceLexicons {
  if (loaded) return loaded;
  const common = new Set(readTable("places/common-words.tsv").map((r) => fold(r.word)));
  const notPlaces = new Map<string, NotPlaceWhen>();
  for (const r of readTable("places/not-places.tsv")) {
    notPlaces.set(fold(r.name), r.when as NotPlaceWhen);
  }
  const cues = new Map<CueRole, Set<string>>();
  const cueWords = new Map<CueRole, number>();
  for (const r of readTable("places/cues.tsv")) {
    const role = r.role as CueRole;
    const key = fold(r.cue);
    if (!cues.has(role)) cues.set(role, new Set());
    cues.get(role)?.add(key);
    cueWords.set(role, Math.max(cueWords.get(role) ?? 0, key.split(" ").length));
  }
  loaded = { common, notPlaces, cues, cueWords };
  return loaded;
}

export function isCue(lex: PlaceLexicons, role: CueRole, folded: string): boolean {
  return lex.cues.get(role)?.has(folded) ?? false;
}
