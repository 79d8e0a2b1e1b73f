// The two main-text benchmarks' own metrics (../shared/data/EXTRACTION-README.md), written
// from their descriptions so our numbers sit beside the published ones:
//
// - scrapinghub article-extraction-benchmark: token 4-gram shingles, per-document tp/fp/fn
//   normalised to sum 1, corpus precision and recall as means over documents (an empty
//   prediction leaves the precision mean, an empty gold text the recall mean), F1 their
//   harmonic mean, accuracy the share of documents whose tokens equal the gold's exactly.
// - trafilatura's evaluation: whitespace-normalised "with" snippets that must be in the
//   output and "without" (boilerplate) snippets that must not, micro-summed over pages.

/** Python's `\w` with re.UNICODE: letters, numbers and the underscore. */
const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Shingle length in tokens. */
export const SHINGLE_TOKENS = 4;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** A text's shingles with their counts, and its tokens (for the exact-match accuracy). */
export interface Shingled {
  tokens: string[];
  counts: Map<string, number>;
}

/** Token n-grams with their counts; a text shorter than n tokens is one shingle of all of them. */
export function shingle(text: string, n = SHINGLE_TOKENS): Shingled {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last && i < tokens.length; i++) {
    let key = tokens[i];
    for (let j = i + 1; j < i + n && j < tokens.length; j++) key += `\u0001${tokens[j]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { tokens, counts };
}

/** One document's shingle overlap, normalised so tp + fp + fn = 1 (0, 0, 0 when both are empty). */
export interface Overlap {
  tp: number;
  fp: number;
  fn: number;
  /** Same token sequence as the gold text. */
  exact: boolean;
}

export function shingleOverlap(gold: string | Shingled, predicted: string | Shingled): Overlap {
  const g = typeof gold === "string" ? shingle(gold) : gold;
  const p = typeof predicted === "string" ? shingle(predicted) : predicted;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, gc] of g.counts) {
    const pc = p.counts.get(key) ?? 0;
    tp += Math.min(gc, pc);
    fn += Math.max(0, gc - pc);
  }
  for (const [key, pc] of p.counts) fp += Math.max(0, pc - (g.counts.get(key) ?? 0));
  const sum = tp + fp + fn;
  const exact = g.tokens.length === p.tokens.length && g.tokens.every((t, i) => t === p.tokens[i]);
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum, exact } : { tp, fp, fn, exact };
}

function precisionOf(o: Overlap): number {
  if (o.fp === 0 && o.fn === 0) return 1;
  if (o.tp === 0 && o.fp === 0) return 0;
  return o.tp / (o.tp + o.fp);
}

function recallOf(o: Overlap): number {
  if (o.fp === 0 && o.fn === 0) return 1;
  if (o.tp === 0 && o.fn === 0) return 0;
  return o.tp / (o.tp + o.fn);
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export interface BodyScore {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  documents: number;
}

/** Corpus figures from per-document overlaps, as the benchmark's evaluate.py computes them. */
export function bodyScore(overlaps: Overlap[]): BodyScore {
  const precision = mean(overlaps.filter((o) => o.tp + o.fp > 0).map(precisionOf));
  const recall = mean(overlaps.filter((o) => o.tp + o.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const accuracy = mean(overlaps.map((o) => (o.exact ? 1 : 0)));
  return { precision, recall, f1, accuracy, documents: overlaps.length };
}

/** A small seeded generator (mulberry32), so bootstrap intervals are the same run to run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Resamples for the ± figures; the benchmark uses 1000. */
export const BOOTSTRAP_SAMPLES = 1000;

/** Bootstrap standard deviation of each figure (documents resampled with replacement). */
export function bootstrapStd(
  overlaps: Overlap[],
  samples = BOOTSTRAP_SAMPLES,
  seed = 1,
): Omit<BodyScore, "documents"> {
  const next = random(seed);
  const runs: BodyScore[] = [];
  const n = overlaps.length;
  if (n === 0) return { precision: 0, recall: 0, f1: 0, accuracy: 0 };
  for (let s = 0; s < samples; s++) {
    const pick: Overlap[] = [];
    for (let i = 0; i < n; i++) pick.push(overlaps[Math.floor(next() * n)]);
    runs.push(bodyScore(pick));
  }
  const std = (xs: number[]) => {
    const m = mean(xs);
    return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, xs.length - 1));
  };
  return {
    precision: std(runs.map((r) => r.precision)),
    recall: std(runs.map((r) => r.recall)),
    f1: std(runs.map((r) => r.f1)),
    accuracy: std(runs.map((r) => r.accuracy)),
  };
}

// ------------------------------------------------------------------ snippets

export interface SnippetPage {
  output: string;
  with: string[];
  without: string[];
}

export interface SnippetScore {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
  precision: number;
  recall: number;
  accuracy: number;
  f1: number;
  /** Share of "with" snippets found in the output (the recall). */
  withKept: number;
  /** Share of "without" (boilerplate) snippets found in the output. */
  withoutKept: number;
}

export const normalizeSpace = (s: string): string => s.replace(/\s+/g, " ");

/** Whether each snippet is in the output, on whitespace-normalised text. */
export function snippetHits(page: SnippetPage): { with: boolean[]; without: boolean[] } {
  const text = normalizeSpace(page.output);
  const found = (s: string) => text.includes(normalizeSpace(s));
  return { with: page.with.map(found), without: page.without.map(found) };
}

export function snippetScore(pages: SnippetPage[]): SnippetScore {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let tn = 0;
  for (const page of pages) {
    const hits = snippetHits(page);
    for (const h of hits.with) h ? tp++ : fn++;
    for (const h of hits.without) h ? fp++ : tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const all = tp + fn + fp + tn;
  return {
    tp,
    fn,
    fp,
    tn,
    precision,
    recall,
    accuracy: all ? (tp + tn) / all : 0,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    withKept: tp + fn ? tp / (tp + fn) : 0,
    withoutKept: fp + tn ? fp / (fp + tn) : 0,
  };
}
