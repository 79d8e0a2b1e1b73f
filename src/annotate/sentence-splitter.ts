// Sentences with offsets into the clean text. A rule splitter, not a model: news prose is
// regular enough, and the pipeline's speed budget (≥ 300 articles/s) leaves no room for a tagger.
import { readTable } from "../core/data-files.ts";
import type { Sentence } from "../core/types.ts";

const ABBREVIATIONS = new Set(readTable("lexicon/abbreviations.tsv").map((r) => r.abbreviation));

/** A sentence longer than this is cut at a semicolon or dash: MUC-4 wire copy runs on for pages. */
const MAX_SENTENCE_CHARS = 600;

/**
 * Candidate boundaries: a terminator (with closing quotes/brackets) followed by whitespace and
 * something that can start a sentence. In all-caps text every letter is a capital, so the
 * abbreviation list and initials do the work there.
 */
const BOUNDARY = /([.!?]+)(["'”’)\]]*)(\s+)(?=["'“‘([]?[\p{Lu}\p{N}])/gu;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const paragraphs = paragraphSpans(text);
  paragraphs.forEach(([paraStart, paraEnd], paragraph) => {
    for (const [pStart, pEnd] of pipeParts(text, paraStart, paraEnd))
      splitPart(text, pStart, pEnd, paragraph, sentences);
  });
  return sentences;
}

/** "Changes to peace agreement | Drone strike in Chobi": a spaced bar parts headlines. */
function pipeParts(text: string, start: number, end: number): [number, number][] {
  const parts: [number, number][] = [];
  let from = start;
  for (const m of text.slice(start, end).matchAll(/\s\|\s/g)) {
    parts.push([from, start + m.index]);
    from = start + m.index + m[0].length;
  }
  parts.push([from, end]);
  return parts;
}

function splitPart(
  text: string,
  pStart: number,
  pEnd: number,
  paragraph: number,
  sentences: Sentence[],
): void {
  let start = pStart;
  const body = text.slice(pStart, pEnd);
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(body); m; m = BOUNDARY.exec(body)) {
    const dotAt = m.index;
    if (m[1] === "." && !endsSentence(body, dotAt)) continue;
    const end = pStart + dotAt + m[1].length + m[2].length;
    pushSentence(text, start, end, paragraph, sentences);
    start = end + m[3].length;
  }
  pushSentence(text, start, pEnd, paragraph, sentences);
}

function endsSentence(body: string, dotAt: number): boolean {
  const before = body.slice(Math.max(0, dotAt - 12), dotAt);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? "";
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return false;
  // A single capital is an initial ("George W. Bush"), unless it is the pronoun-like "I" at sentence end.
  if (/^\p{Lu}$/u.test(word)) return false;
  // Initials with inner periods ("U.S.", "a.m.") end a sentence only before a likely sentence start.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    const next = /^\.\s+(\S+)/u.exec(body.slice(dotAt))?.[1] ?? "";
    return /^(?:The|A|An|It|He|She|They|We|In|On|At|But|And|This|That|These|Those|There)\b/.test(
      next,
    );
  }
  return true;
}

function pushSentence(
  text: string,
  start: number,
  end: number,
  paragraph: number,
  out: Sentence[],
): void {
  for (const [s, e] of cutLong(text, start, end)) {
    let a = s;
    let b = e;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b, text: text.slice(a, b), index: out.length, paragraph });
  }
}

function cutLong(text: string, start: number, end: number): [number, number][] {
  if (end - start <= MAX_SENTENCE_CHARS) return [[start, end]];
  const parts: [number, number][] = [];
  let s = start;
  while (end - s > MAX_SENTENCE_CHARS) {
    const window = text.slice(s, s + MAX_SENTENCE_CHARS);
    const cut = Math.max(
      window.lastIndexOf("; "),
      window.lastIndexOf(" -- "),
      window.lastIndexOf(", "),
    );
    const at = cut > MAX_SENTENCE_CHARS / 3 ? s + cut + 1 : s + MAX_SENTENCE_CHARS;
    parts.push([s, at]);
    s = at;
  }
  parts.push([s, end]);
  return parts;
}

/** Paragraphs are separated by blank lines; text without any is one paragraph. */
export function paragraphSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > start) spans.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

/** A sentence with the one before and after it in its paragraph: the context a reader takes in with it. */
export function neighbourhood(sentences: Sentence[], s: Sentence): Sentence[] {
  return sentences
    .slice(Math.max(0, s.index - 1), s.index + 2)
    .filter((x) => x.paragraph === s.paragraph);
}
