// Scores for single-label classification, as CASE 2021 Task 2 scored its systems: accuracy,
// per-label precision/recall/F1, and F1 weighted by each gold label's support. The labels are
// those of the gold set: a prediction of a label no record carries (or "none") costs the gold
// label's recall and no label's precision.

export interface Labelled {
  gold: string;
  predicted: string;
}

export interface LabelScore {
  label: string;
  support: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export function accuracy(pairs: Labelled[]): number {
  if (!pairs.length) return 0;
  return pairs.filter((p) => p.gold === p.predicted).length / pairs.length;
}

/** One row per gold label, most frequent first (ties by name). */
export function perLabel(pairs: Labelled[]): LabelScore[] {
  const labels = [...new Set(pairs.map((p) => p.gold))];
  return labels
    .map((label) => {
      const support = pairs.filter((p) => p.gold === label).length;
      const predicted = pairs.filter((p) => p.predicted === label).length;
      const correct = pairs.filter((p) => p.gold === label && p.predicted === label).length;
      const precision = predicted ? correct / predicted : 0;
      const recall = support ? correct / support : 0;
      const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      return { label, support, predicted, correct, precision, recall, f1 };
    })
    .sort((a, b) => b.support - a.support || a.label.localeCompare(b.label));
}

/** Per-label F1 weighted by gold support (scikit-learn's average="weighted"). */
export function weightedF1(pairs: Labelled[]): number {
  if (!pairs.length) return 0;
  return perLabel(pairs).reduce((sum, s) => sum + s.f1 * s.support, 0) / pairs.length;
}

export interface Confusion {
  gold: string;
  predicted: string;
  count: number;
}

/** The most frequent (gold -> predicted) errors, most frequent first. */
export function topConfusions(pairs: Labelled[], n: number): Confusion[] {
  const counts = new Map<string, Confusion>();
  for (const p of pairs) {
    if (p.gold === p.predicted) continue;
    const key = `${p.gold}\u0000${p.predicted}`;
    const c = counts.get(key) ?? { gold: p.gold, predicted: p.predicted, count: 0 };
    c.count++;
    counts.set(key, c);
  }
  return [...counts.values()]
    .sort(
      (a, b) =>
        b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted),
    )
    .slice(0, n);
}

export interface Scored extends Labelled {
  /** The confidence of the prediction, or null when nothing was predicted. */
  confidence: number | null;
}

export interface Band {
  label: string;
  from: number;
  to: number;
  n: number;
  correct: number;
  precision: number;
}

/** Confidence bands, lower bound inclusive; the last band includes 1. */
export const CONFIDENCE_BANDS: [number, number][] = [
  [0, 0.4],
  [0.4, 0.6],
  [0.6, 0.8],
  [0.8, 1],
];

/** Precision of the predictions in each confidence band; predictions without one are left out. */
export function calibration(scored: Scored[], bands = CONFIDENCE_BANDS): Band[] {
  return bands.map(([from, to], i) => {
    const last = i === bands.length - 1;
    const inBand = scored.filter(
      (s) =>
        s.confidence !== null &&
        s.confidence >= from &&
        (s.confidence < to || (last && s.confidence <= to)),
    );
    const correct = inBand.filter((s) => s.gold === s.predicted).length;
    return {
      label: `${from.toFixed(1)}–${to.toFixed(1)}`,
      from,
      to,
      n: inBand.length,
      correct,
      precision: inBand.length ? correct / inBand.length : 0,
    };
  });
}
