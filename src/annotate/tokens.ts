// Word tokens with offsets, and longest-match lookup of multi-word phrases over them. Actors,
// places and lexicons all match phrases this way, so spellings meet through one fold().
import { fold } from "../core/text.ts";

export interface Token {
  start: number;
  end: number;
  text: string;
  /** fold(text): lower case, no diacritics or apostrophes. */
  key: string;
}

/** Words and numbers; an apostrophe inside a word stays ("Qa'im"), a possessive "'s" does not. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    let word = m[0];
    if (/['’]s$/i.test(word)) word = word.slice(0, -2);
    const start = from + m.index;
    out.push({ start, end: start + word.length, text: word, key: fold(word) });
  }
  return out;
}

export interface PhraseMatch<T> {
  start: number;
  end: number;
  text: string;
  /** Token indexes [first, last). */
  first: number;
  last: number;
  values: T[];
}

/**
 * Longest phrases of up to `maxWords` tokens whose folded form is a key of `dict`. Tokens must be
 * separated only by spaces, hyphens or periods ("Deir ez-Zor", "U.S."), never by a comma.
 */
/** Every word-prefix of every key ("islamic", "islamic resistance", ...): phrases stop growing when they leave it. */
const prefixCache = new WeakMap<Map<string, unknown>, Set<string>>();

function prefixesOf(dict: Map<string, unknown>): Set<string> {
  let set = prefixCache.get(dict);
  if (!set) {
    set = new Set();
    for (const key of dict.keys()) {
      const words = key.split(" ");
      for (let i = 1; i <= words.length; i++) set.add(words.slice(0, i).join(" "));
    }
    prefixCache.set(dict, set);
  }
  return set;
}

const PHRASE_GAP = /^(?:['’]s?)?[\s\-.]{1,3}$/u;

/**
 * Whether text[from, to) may join two words of a phrase: 1-3 spaces, hyphens or periods, after
 * the possessive the tokens leave out ("People's Protection Units", "Workers' Party").
 */
export function phraseGap(text: string, from: number, to: number): boolean {
  // the usual gap, one space, needs no slice and no regex
  if (to - from === 1 && text.charCodeAt(from) === 32) return true;
  return PHRASE_GAP.test(text.slice(from, to));
}

export function matchPhrases<T>(
  text: string,
  tokens: Token[],
  dict: Map<string, T[]>,
  maxWords: number,
  accept: (m: PhraseMatch<T>) => boolean = () => true,
): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  const prefixes = prefixesOf(dict);
  for (let i = 0; i < tokens.length; ) {
    let best: PhraseMatch<T> | null = null;
    let key = "";
    for (let j = i; j < Math.min(tokens.length, i + maxWords); j++) {
      if (j > i && !phraseGap(text, tokens[j - 1].end, tokens[j].start)) break;
      key = j === i ? tokens[j].key : `${key} ${tokens[j].key}`;
      if (!prefixes.has(key)) break;
      const values = dict.get(key);
      if (values) {
        const m: PhraseMatch<T> = {
          start: tokens[i].start,
          end: tokens[j].end,
          text: text.slice(tokens[i].start, tokens[j].end),
          first: i,
          last: j + 1,
          values,
        };
        if (accept(m)) best = m;
      }
    }
    if (best) {
      out.push(best);
      i = best.last;
    } else i++;
  }
  return out;
}
