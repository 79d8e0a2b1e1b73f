// Figures in digits and words, with the qualifier a source put on them ("at least 168",
// "more than 80", "dozens", "three"). The value is the single best figure (CONVENTIONS 3: the
// matched text and the rule travel with it).
import { readTable } from "../core/data-files.ts";
import type { NumberMention, Qualifier, Span } from "../core/types.ts";

interface WordValue {
  value: number;
  literalMin: number;
  qualifier: Qualifier;
}

const WORDS = new Map<string, WordValue>(
  readTable("lexicon/number-words.tsv").map((r) => [
    r.word,
    {
      value: Number(r.value),
      literalMin: Number(r.literal_min),
      qualifier: r.qualifier as Qualifier,
    },
  ]),
);

/** The least a figure literally means: "dozens" → 24 where ACLED's fatality convention says 12. */
export function literalMinimum(n: NumberMention): number {
  const word = n.text.toLowerCase().split(/\s+/).pop() ?? "";
  return WORDS.get(word)?.literalMin ?? n.value;
}
const QUALIFIERS = readTable("lexicon/number-qualifiers.tsv")
  .map((r) => ({ phrase: r.phrase, qualifier: r.qualifier as Qualifier }))
  .sort((a, b) => b.phrase.length - a.phrase.length);

const MULTIPLIERS = new Set(["hundred", "thousand", "million"]);
const CARDINALS = [...WORDS.entries()]
  .filter(([w, v]) => v.qualifier === "exact" && !w.includes(" ") && w !== "dozen")
  .map(([w]) => w);
const VAGUE = [...WORDS.entries()].filter(([, v]) => v.qualifier !== "exact").map(([w]) => w);

const CARDINAL = `(?:${CARDINALS.join("|")})`;
/** "twenty-five", "one hundred and twenty", "two thousand" — compound number words. */
const WORD_NUMBER = `${CARDINAL}(?:(?:[\\s-]+|\\s+and\\s+)${CARDINAL})*`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?`;
const NUMBER_RE = new RegExp(
  String.raw`\b(?:(${DIGITS})(?:\s+(million|thousand|hundred))?|(a\s+dozen|${WORD_NUMBER})|(${VAGUE.sort((a, b) => b.length - a.length).join("|")}))\b`,
  "giu",
);
const QUALIFIER_RE = new RegExp(
  String.raw`\b(${QUALIFIERS.map((q) => q.phrase.replace(/ /g, "\\s+")).join("|")})\s+$`,
  "i",
);

/** Vague words count only before a countable noun or a verb of dying: "several people", "dozens die", not "several times". */
const VAGUE_NEEDS_NOUN =
  /^\s+(?:of\s+(?:the\s+)?)?(?:[\p{L}-]+\s+){0,2}?(?:people|persons|civilians|soldiers|troops|members|fighters|militants|protesters|demonstrators|students|workers|police(?:men)?|officers|rebels|insurgents|children|women|men|others|attacks|strikes|bodies|casualties|killed|dead|died|die|dies|perished|wounded|injured|villagers|residents|houses|homes|vehicles|targets|rockets|missiles|gunmen|guerrillas|terrorists)\b/iu;

export function annotateNumbers(text: string, exclude: Span[] = []): NumberMention[] {
  const out: NumberMention[] = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(text); m; m = NUMBER_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (exclude.some((s) => start < s.end && end > s.start)) continue;
    const parsed = parseMatch(m);
    if (!parsed) continue;
    if (parsed.qualifier !== "exact" && !VAGUE_NEEDS_NOUN.test(text.slice(end, end + 60))) continue;
    if (m[1] && looksLikeYearOrCode(text, start, end, parsed.value)) continue;
    const q = QUALIFIER_RE.exec(text.slice(Math.max(0, start - 25), start));
    const qualifier = q
      ? (QUALIFIERS.find((x) => x.phrase === q[1].toLowerCase().replace(/\s+/g, " "))?.qualifier ??
        parsed.qualifier)
      : parsed.qualifier;
    const qStart = q ? start - q[0].length : start;
    out.push({
      start: qStart,
      end,
      text: text.slice(qStart, end),
      value: parsed.value,
      qualifier: parsed.qualifier === "exact" ? qualifier : parsed.qualifier,
      rule: m[1] ? "number:digits" : m[3] ? "number:words" : "number:vague",
      stated: parsed.qualifier === "exact",
    });
  }
  return out;
}

function parseMatch(m: RegExpExecArray): WordValue | null {
  if (m[1]) {
    const base = Number(m[1].replace(/,/g, ""));
    const mult = m[2] ? (WORDS.get(m[2].toLowerCase())?.value ?? 1) : 1;
    return { value: base * mult, literalMin: base * mult, qualifier: "exact" };
  }
  if (m[3]) {
    const value = wordsToNumber(m[3].toLowerCase());
    return { value, literalMin: value, qualifier: "exact" };
  }
  if (m[4]) return WORDS.get(m[4].toLowerCase().replace(/\s+/g, " ")) ?? null;
  return null;
}

/** "one hundred and twenty five" → 125; "two thousand" → 2000. */
export function wordsToNumber(words: string): number {
  if (/^a\s+dozen$/.test(words)) return 12;
  let total = 0;
  let current = 0;
  for (const w of words.split(/[\s-]+/)) {
    if (w === "and") continue;
    const v = WORDS.get(w)?.value;
    if (v === undefined) continue;
    if (MULTIPLIERS.has(w)) {
      if (v === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * v;
        current = 0;
      }
    } else current += v;
  }
  return total + current;
}

function looksLikeYearOrCode(text: string, start: number, end: number, value: number): boolean {
  const before = text[start - 1] ?? " ";
  const after = text[end] ?? " ";
  // Part of an identifier, a time ("10:30"), a percentage, a currency or a decimal range.
  if (/[\p{L}\d\-/:$£€.]/u.test(before) || /[\p{L}%:/]/u.test(after)) return true;
  // A bare four-digit number from 1900 to 2099 is a year, unless a countable noun follows.
  if (value >= 1900 && value <= 2099 && Number.isInteger(value) && end - start === 4) {
    return !VAGUE_NEEDS_NOUN.test(text.slice(end, end + 60));
  }
  return false;
}
