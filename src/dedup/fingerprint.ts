// Near-duplicate text: the same wire story carried by many outlets, each with its own headline,
// boilerplate and cuts. A text is its set of word shingles; MinHash (Broder 1997) keeps a small
// signature whose agreement with another's estimates the two sets' Jaccard similarity, and
// locality-sensitive hashing bands of it find the candidates without comparing with every
// stored story. Outlets often carry a shortened copy, so texts are compared by containment:
// the share of the shorter text's shingles that are in the longer.
import { fold } from "../core/text.ts";

/** Words per shingle. Five-word runs are rarely shared by two independently written texts. */
export const SHINGLE_WORDS = 5;
/** MinHash functions: the estimate's standard error is about sqrt(J(1-J)/128) <= 0.044. */
export const SIGNATURE_SIZE = 128;
/**
 * LSH bands of the signature, of SIGNATURE_SIZE / BANDS hashes each. With 2 hashes a band, a
 * pair of texts at Jaccard 0.3 (a copy cut to a third) shares a band with probability
 * 1 - (1 - 0.09)^64 > 0.99; texts by different writers (Jaccard near 0) almost never do.
 */
export const BANDS = 64;
/**
 * A text shorter than this many shingles (about two sentences) is not compared by its words:
 * a teaser or a brief matches too much by chance.
 */
export const MIN_SHINGLES = 20;
/**
 * The same story when at least this share of the shorter text is in the longer: wire copies
 * score 0.9-1 (an added credit line, a cut ending), two outlets' own reports of one event under
 * 0.2 (they share quotes, not sentences).
 */
export const NEAR_DUPLICATE_MIN_CONTAINMENT = 0.7;

/** FNV-1a, 32 bits. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: mixes a 32-bit value so each seed gives an independent-looking hash. */
function mix(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** The text's shingles, as 32-bit hashes (a set). */
export function shingleHashes(text: string): Set<number> {
  const words = fold(text).split(" ").filter(Boolean);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    out.add(hash32(words.slice(i, i + SHINGLE_WORDS).join(" ")));
  }
  return out;
}

export interface Fingerprint {
  /** How many distinct shingles the text has. */
  shingles: number;
  /** MinHash signature, or null when the text is under MIN_SHINGLES. */
  signature: Uint32Array | null;
}

export function fingerprint(text: string): Fingerprint {
  const set = shingleHashes(text);
  if (set.size < MIN_SHINGLES) return { shingles: set.size, signature: null };
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const s of set) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix(s ^ SEEDS[i]);
      if (h < signature[i]) signature[i] = h;
    }
  }
  return { shingles: set.size, signature };
}

export function signatureToHex(sig: Uint32Array): string {
  let out = "";
  for (const v of sig) out += v.toString(16).padStart(8, "0");
  return out;
}

export function signatureFromHex(hex: string): Uint32Array {
  const sig = new Uint32Array(hex.length / 8);
  for (let i = 0; i < sig.length; i++) sig[i] = Number.parseInt(hex.slice(8 * i, 8 * i + 8), 16);
  return sig;
}

/** One key per band: the band's hashes, hashed together. */
export function bandKeys(sig: Uint32Array): string[] {
  const rows = sig.length / BANDS;
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < rows; r++) h = mix(h ^ sig[b * rows + r]);
    keys.push(h.toString(16).padStart(8, "0"));
  }
  return keys;
}

/** Estimated Jaccard similarity: the share of signature positions that agree. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * Estimated share of the smaller set inside the larger, from the Jaccard estimate and the two
 * set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J).
 */
export function estimateContainment(
  a: Uint32Array,
  aSize: number,
  b: Uint32Array,
  bSize: number,
): number {
  const j = estimateJaccard(a, b);
  const overlap = (j * (aSize + bSize)) / (1 + j);
  return Math.min(1, overlap / Math.max(1, Math.min(aSize, bSize)));
}
