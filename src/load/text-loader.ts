// Plain text and Markdown: paragraphs back from the line layout, the title off the top, and
// boilerplate out.
//
// The title is kept in `title` and NOT in `text`. A headline restates the story's main event
// ("Drone strike hits fuel depot..."), so with the headline in the text every event would be
// found twice, once without a date or place; the clean text starts with the first paragraph
// and every evidence offset points into the body.
import type { DecisionLog } from "../core/context.ts";
import { fold } from "../core/text.ts";
import {
  type BoilerplateRule,
  boilerplateRules,
  describeDrop,
  matchBoilerplate,
  stripTrailingTitles,
} from "./boilerplate.ts";
import {
  type Extracted,
  finishDocument,
  type LoadItem,
  logLoad,
  type Source,
} from "./load-item.ts";

/** A first line longer than this is a paragraph, not a title (headlines run to ~150). */
export const TITLE_MAX_CHARS = 200;

/**
 * A line at least this long, and at least WRAPPED_LINE_SHARE of the longest line of its
 * paragraph, was wrapped by the writer's editor: the next line continues it even after a
 * period. Hard-wrapped text runs 60-80 characters a line; a list of short titles does not.
 */
export const WRAPPED_LINE_MIN_CHARS = 50;
export const WRAPPED_LINE_SHARE = 0.8;

/**
 * Editors and e-mail wrap at 72-80 columns. A paragraph with a line longer than this is not
 * hard-wrapped: it holds one paragraph per line, and a line that ends a sentence ends one.
 */
export const HARD_WRAP_MAX_CHARS = 100;

/** A line ending on one of these words stops in mid-phrase: the next line goes on with it. */
const ENDS_ON_FUNCTION_WORD =
  /\s(?:the|a|an|of|to|in|on|at|and|or|for|with|by|from|near|that|which|who|whose|its|their|his|her|our|into|onto|than|as)$/i;
const BULLET = /^(?:[-*•·▪‣–—]|\d{1,3}[.)])\s+/u;
const ENDS_SENTENCE = /[.!?…:;]["'”’»)\]]*$/u;

export interface CleanTextOptions {
  markdown?: boolean;
  /** Take the first line as the title when it looks like one (files, stdin). */
  detectTitle?: boolean;
  /** A title given alongside the text: a first line repeating it is dropped. */
  title?: string | null;
  rules?: BoilerplateRule[];
}

export interface CleanText {
  title: string | null;
  text: string;
  dropped: string[];
  log: DecisionLog[];
}

/** Line endings, byte-order mark, invisible and control characters. */
export function normalizeText(raw: string): string {
  return (
    raw
      .replace(/^\uFEFF/, "")
      .replace(/\r\n?/g, "\n")
      // Zero-width characters split words for every later stage; no-break spaces are spaces.
      .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
      .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g, " ")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping stray control characters is the point
      .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, "")
  );
}

/** Markdown syntax that is layout, not text: heading marks, emphasis, links, images, rules. */
function unmarkdown(line: string): string {
  if (/^\s*(?:[-*_]\s*){3,}$/.test(line) || /^\s*(?:```|~~~)/.test(line)) return "";
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, "")
    .replace(/\s+#+\s*$/, "")
    .replace(/^\s{0,3}>\s?/, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(^|[\s(])[*_](?=\S)(.+?)(?<=\S)[*_](?=$|[\s).,;:!?])/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1");
}

/** The next line continues this one (one paragraph wrapped over lines), rather than starting a new item. */
function continues(line: string, next: string, widest: number): boolean {
  if (BULLET.test(next)) return false;
  const hardWrapped =
    widest <= HARD_WRAP_MAX_CHARS &&
    line.length >= WRAPPED_LINE_MIN_CHARS &&
    line.length >= WRAPPED_LINE_SHARE * widest;
  if (hardWrapped) return true;
  if (ENDS_SENTENCE.test(line)) return false;
  // "... IN THE ARAUCA OIL ZONE, NEAR THE" / "COLOMBIAN-VENEZUELAN BORDER.": no line ends on an article
  if (ENDS_ON_FUNCTION_WORD.test(line)) return true;
  // Broken in mid-sentence: before a lower-case word, or after more than a title's worth.
  return /^[\p{Ll}\p{N}(,;]/u.test(next) || line.length > HARD_WRAP_MAX_CHARS;
}

/** One paragraph of lines as items: wrapped lines joined by a space, separate items kept apart. */
function itemsOf(lines: string[]): string[] {
  const widest = Math.max(...lines.map((l) => l.length));
  const items: string[] = [];
  let current = lines[0];
  for (let i = 1; i < lines.length; i++) {
    if (continues(lines[i - 1], lines[i], widest)) current += ` ${lines[i]}`;
    else {
      items.push(current);
      current = lines[i];
    }
  }
  items.push(current);
  return items;
}

function looksLikeTitle(line: string): boolean {
  return line.length <= TITLE_MAX_CHARS && !/[.;,:]["'”’)]*$/u.test(line);
}

/** Clean text from plain text: paragraphs separated by one blank line, boilerplate dropped. */
export function cleanPlainText(raw: string, options: CleanTextOptions = {}): CleanText {
  const rules = options.rules ?? boilerplateRules();
  const log: DecisionLog[] = [];
  const dropped: string[] = [];
  // Paragraphs of trimmed lines; a boilerplate line ends the paragraph it sits in.
  const paragraphs: string[][] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length) paragraphs.push(paragraph);
    paragraph = [];
  };
  for (let line of normalizeText(raw).split("\n")) {
    if (options.markdown) line = unmarkdown(line);
    line = line.replace(/ {2,}/g, " ").trim();
    if (!line) {
      endParagraph();
      continue;
    }
    const rule = matchBoilerplate(line, rules);
    if (rule) {
      dropped.push(line);
      logLoad(log, `dropped (${describeDrop(rule)}): "${line}"`);
      endParagraph();
      continue;
    }
    paragraph.push(line);
  }
  endParagraph();
  let items = paragraphs.flatMap(itemsOf);

  let title = options.title?.trim() || null;
  if (!title && options.detectTitle && items.length > 1 && looksLikeTitle(items[0])) {
    title = items[0];
    items = items.slice(1);
    logLoad(log, `title: first line "${title}"`);
  }
  if (title) {
    // Pages pasted as text often carry the headline twice (page title, then article heading).
    const key = fold(title);
    while (items.length > 1 && fold(items[0]) === key) {
      logLoad(log, `dropped repeated title line "${items[0]}"`);
      items = items.slice(1);
    }
  }

  const tail = stripTrailingTitles(items);
  for (const drop of tail.dropped) {
    dropped.push(drop.text);
    logLoad(log, `dropped (${drop.reason}): "${drop.text}"`);
  }
  return { title, text: tail.kept.join("\n\n"), dropped, log };
}

/** A .txt or .md document (or text from stdin or a JSONL `text` field). */
export function loadText(
  raw: string,
  source: Source,
  options: { markdown?: boolean; detectTitle?: boolean } = {},
): LoadItem {
  const clean = cleanPlainText(raw, {
    markdown: options.markdown,
    detectTitle: options.detectTitle ?? true,
    title: source.title,
  });
  const found: Extracted = {
    raw,
    text: clean.text,
    title: clean.title,
    dropped: clean.dropped,
    log: clean.log,
  };
  return finishDocument(source, found);
}
