// Boilerplate in article text: lines that belong to the page, not the story. Two kinds are
// found two ways. Link lines, comment forms, share and cookie prompts have fixed wording, so a
// table of patterns (data/boilerplate.tsv) finds them anywhere. Strips of related-post titles
// at the end have no fixed wording but a shape: short or Title Case lines with no sentence
// punctuation, after the last real paragraph. Every drop carries its reason.

import { caseRegExp } from "../core/case-groups.ts";
import { readTable } from "../core/data-files.ts";

export interface BoilerplateRule {
  pattern: RegExp;
  kind: string;
  reason: string;
}

/** A line or block left out of the clean text, and why. */
export interface Drop {
  text: string;
  reason: string;
}

/**
 * Patterns only judge lines up to this long. Boilerplate lines are short (the longest in the
 * seed article is 76 characters, comment-form notices run to ~150); a long paragraph that
 * happens to contain "all rights reserved" or "click here" is prose and stays.
 */
export const BOILERPLATE_MAX_CHARS = 300;

/**
 * A trailing line this short (in words) with no sentence punctuation reads as a link title.
 * Headlines run 6-14 words; a real closing sentence ends with punctuation.
 */
export const TRAILING_TITLE_MAX_WORDS = 14;

/**
 * A longer trailing line with no sentence punctuation is taken for several titles glued
 * together when at least this share of its words are capitalised (Title Case headlines: the
 * seed's glued strip scores 0.75; English prose without a final period scores ~0.1-0.3).
 */
export const GLUED_TITLES_MIN_CAPITALISED = 0.6;

/** Above this length a trailing line is prose whatever its shape. */
export const TRAILING_TITLES_MAX_CHARS = 600;

let defaultRules: BoilerplateRule[] | null = null;

/** Rules from a TSV table with columns pattern, kind, reason (default data/boilerplate.tsv). */
export function readBoilerplateRules(file = "boilerplate.tsv"): BoilerplateRule[] {
  return readTable(file).map((row) => ({
    pattern: caseRegExp(row.pattern, "iu"),
    kind: row.kind,
    reason: row.reason,
  }));
}

export function boilerplateRules(): BoilerplateRule[] {
  defaultRules ??= readBoilerplateRules();
  return defaultRules;
}

/**
 * Cyrillic and Greek letters that look Latin. Advertising set in them ("Аdvеrtіѕе wіth us", with
 * a Cyrillic А, е, і, ѕ) reads as English to a person and slips past every pattern; lines are
 * matched with them read as the Latin letters they imitate.
 */
const CONFUSABLES: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  һ: "h",
  ӏ: "l",
  ԛ: "q",
  ԝ: "w",
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  У: "Y",
  Х: "X",
  І: "I",
  Ј: "J",
  Ѕ: "S",
  ο: "o",
  α: "a",
  ε: "e",
  ι: "i",
  ν: "v",
  Α: "A",
  Β: "B",
  Ε: "E",
  Ι: "I",
  Κ: "K",
  Μ: "M",
  Ν: "N",
  Ο: "O",
  Ρ: "P",
  Τ: "T",
  Χ: "X",
  Υ: "Y",
  Ζ: "Z",
};
const CONFUSABLE = new RegExp(`[${Object.keys(CONFUSABLES).join("")}]`, "gu");
/** A Latin letter beside a look-alike: a word spelt in two scripts. */
const MIXED_SCRIPT =
  /\p{Script=Latin}[\p{Script=Cyrillic}\p{Script=Greek}]|[\p{Script=Cyrillic}\p{Script=Greek}]\p{Script=Latin}/u;

/** The line with look-alike letters read as Latin, when it mixes scripts inside a word. */
export function unconfuse(line: string): string {
  return MIXED_SCRIPT.test(line) ? line.replace(CONFUSABLE, (c) => CONFUSABLES[c] ?? c) : line;
}

/** The rule a line matches, or null. `line` is trimmed by the caller. */
export function matchBoilerplate(
  line: string,
  rules: BoilerplateRule[] = boilerplateRules(),
): BoilerplateRule | null {
  if (line.length > BOILERPLATE_MAX_CHARS) return null;
  const probe = unconfuse(line);
  for (const rule of rules) if (rule.pattern.test(probe)) return rule;
  return null;
}

export function describeDrop(rule: BoilerplateRule): string {
  return `${rule.kind}: ${rule.reason}`;
}

// Ends like a sentence: final punctuation, maybe inside closing quotes or brackets. "*" closes
// footnote-style notices ("Required fields are marked *") that the patterns catch anyway.
const SENTENCE_END = /[.!?…:;。！？]["'”’»)\]]*$/u;

// A sentence ends inside the block: "... in Colombia. [Continued]". Titles, glued or not, have
// no sentence punctuation inside.
const INNER_SENTENCE_END = /[.!?…]["'”’)\]]*\s+\S/u;

/** Looks like one link title, or several glued together, rather than a closing sentence. */
export function isTitleLike(block: string): boolean {
  if (block.length > TRAILING_TITLES_MAX_CHARS) return false;
  if (SENTENCE_END.test(block) || INNER_SENTENCE_END.test(block)) return false;
  const words = block.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  if (words.length === 0) return true;
  if (words.length <= TRAILING_TITLE_MAX_WORDS) return true;
  const alphabetic = words.filter((w) => /^\p{L}/u.test(w));
  // In text set in capitals (wire copy, transcripts) capitals say nothing about titles.
  const upper = alphabetic.filter((w) => w === w.toUpperCase()).length;
  if (upper > alphabetic.length / 2) return false;
  const capitalised = alphabetic.filter((w) => /^\p{Lu}/u.test(w)).length;
  return alphabetic.length > 0 && capitalised / alphabetic.length >= GLUED_TITLES_MIN_CAPITALISED;
}

/** A block introducing what follows ("The dead were named as:"), at least this many words long. */
const INTRODUCES_LIST = /^(?:\S+\s+){5,}.*:$/u;

/**
 * Drops the run of title-like blocks after the last real paragraph. The first block always
 * stays: a one-paragraph text with no final period is a short report, not a strip of links;
 * and a text of title-like blocks only, or whose last other block has no final period, is a
 * list of headlines, kept whole.
 * A run the text itself introduces with a colon is a list that belongs to the article.
 * `isTitle` judges one block; HTML passes a stricter test that also asks for links.
 */
export function stripTrailingTitles(
  blocks: string[],
  isTitle: (block: string, index: number) => boolean = isTitleLike,
): { kept: string[]; dropped: Drop[] } {
  let end = blocks.length;
  while (end > 1 && isTitle(blocks[end - 1], end - 1)) end--;
  // With no real paragraph at all, the text is a list of headlines (a digest, a bundle of
  // reports' titles): nothing in it trails an article.
  if (end === 1 && blocks.length > 1 && isTitle(blocks[0], 0)) end = blocks.length;
  if (end < blocks.length && INTRODUCES_LIST.test(blocks[end - 1])) end = blocks.length;
  // An article's last paragraph ends like a sentence; a long line without a period is a headline
  // itself ("thirty people died in the fighting on Sunday among them ..."), and those after it are its list
  if (end < blocks.length && !SENTENCE_END.test(blocks[end - 1])) end = blocks.length;
  const dropped = blocks.slice(end).map((text) => ({
    text,
    reason: "related-post titles: title-like line after the last paragraph",
  }));
  return { kept: blocks.slice(0, end), dropped };
}

/**
 * Both filters over blocks that are already paragraphs (HTML blocks, feed items): pattern
 * lines anywhere, then the trailing strip.
 */
export function filterBoilerplate(
  blocks: string[],
  rules: BoilerplateRule[] = boilerplateRules(),
  isTitle: (block: string, index: number) => boolean = isTitleLike,
): { kept: string[]; dropped: Drop[] } {
  const reasons: (string | null)[] = blocks.map((block) => {
    const rule = matchBoilerplate(block, rules);
    return rule ? describeDrop(rule) : null;
  });
  const survivorIndex = blocks.flatMap((_, i) => (reasons[i] === null ? [i] : []));
  const tail = stripTrailingTitles(
    survivorIndex.map((i) => blocks[i]),
    (block, k) => isTitle(block, survivorIndex[k]),
  );
  // Mark the trailing strip on the original positions so `dropped` keeps document order.
  let toMark = tail.dropped.length;
  for (let i = blocks.length - 1; i >= 0 && toMark > 0; i--) {
    if (reasons[i] === null) {
      reasons[i] = tail.dropped[--toMark].reason;
    }
  }
  const kept: string[] = [];
  const dropped: Drop[] = [];
  blocks.forEach((text, i) => {
    const reason = reasons[i];
    if (reason === null) kept.push(text);
    else dropped.push({ text, reason });
  });
  return { kept, dropped };
}
