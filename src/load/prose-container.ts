// A second opinion on Readability's choice. Readability scores candidate blocks and keeps the
// best with its best siblings; on a page whose article holds a long list or table (a letter
// and its 150 signatories, a story and a table of 650 MPs) it picks the list, and a lead
// paragraph set apart from the body (a standfirst, an abstract) is often left out. Prose is
// easier to find than an article: paragraphs of sentences, few links. The element that holds
// most of the page's prose is the article's container; prose paragraphs in it that
// Readability left out are put back in their places.
import { fold } from "../core/text.ts";
import type { DomDocument, DomElement, DomNode, TextBlock } from "./html-dom.ts";

/** A paragraph of prose is at least this long: one full sentence of news copy. */
export const PROSE_MIN_CHARS = 80;

/** ...with less than this share of its characters in links (a list of headlines has ~1). */
export const PROSE_MAX_LINK_DENSITY = 0.3;

/** The container holds at least this share of the page's prose; its children each hold less. */
export const CONTAINER_MIN_PROSE_SHARE = 0.7;

/**
 * Readability's blocks are trusted unless they hold less than this share of the container's
 * prose. Swept on both extraction benchmarks (../shared/data/extraction-bench): restoring
 * whenever anything was missing put back 105 captions and teasers against 3 gold paragraphs on
 * scrapinghub-aeb; below 0.45 Readability had picked a list, a table or the wrong block
 * (trafilatura-eval-en: 5 pages, 79 paragraphs back, 3 wrong), and no scrapinghub page.
 */
export const RESTORE_MAX_COVERAGE = 0.45;

/** Page chrome: a container inside one of these is a sidebar of teasers, not the article. */
const CHROME = new Set(["aside", "nav", "footer", "header", "form", "dialog", "menu"]);

/** A sentence ends inside or at the end of the text. */
const SENTENCE_END = /[.!?…]["'”’)\]]*(?:\s|$)/u;

/**
 * Set in lines of this few characters on average (three lines or more), a paragraph is a list
 * broken with <br>: names, an address, a table of contents. Prose lines run 60-80 characters.
 */
export const LIST_LINE_MAX_CHARS = 50;

export function isProse(text: string, linkDensity: number, lines = 1): boolean {
  if (lines >= 3 && text.length / lines < LIST_LINE_MAX_CHARS) return false;
  return (
    text.length >= PROSE_MIN_CHARS &&
    linkDensity < PROSE_MAX_LINK_DENSITY &&
    SENTENCE_END.test(text)
  );
}

const ELEMENT_NODE = 1;

function linkChars(p: DomElement): number {
  const links = p.querySelectorAll("a");
  let n = 0;
  for (let i = 0; i < links.length; i++)
    n += (links[i].textContent ?? "").replace(/\s+/g, "").length;
  return n;
}

interface Parented extends DomElement {
  parentNode: (DomNode & Partial<DomElement>) | null;
}

/**
 * A paragraph's style: its class. Paragraphs without one have none: a bare <p> in a classed
 * block is how teaser lists are set too (restoring by the parent's class put back 33 teasers on
 * one scrapinghub-aeb page).
 */
function styleOf(p: Parented): string | null {
  const own = p.getAttribute("class")?.trim();
  return own ? own.replace(/\s+/g, " ") : null;
}

/** One prose paragraph of the page. */
export interface ProseParagraph extends TextBlock {
  /** Its class attribute, or null. */
  style: string | null;
}

export interface PageProse {
  /** The deepest element holding most of the prose; null when there is none, or it is chrome. */
  container: DomElement | null;
  /** Every prose paragraph (<p>) of the page outside page chrome, in document order. */
  paragraphs: ProseParagraph[];
}

function inChrome(node: DomNode, body: DomNode): boolean {
  for (let e: DomNode | null = node; e && e !== body; e = (e as Parented).parentNode) {
    if (CHROME.has((e as DomElement).localName)) return true;
  }
  return false;
}

/** The page's prose paragraphs and the element that holds CONTAINER_MIN_PROSE_SHARE of them. */
export function pageProse(doc: DomDocument): PageProse {
  const body = doc.body;
  const none: PageProse = { container: null, paragraphs: [] };
  if (!body) return none;
  const prose = new Map<DomNode, number>();
  const paragraphs: ProseParagraph[] = [];
  let total = 0;
  const ps = body.querySelectorAll("p");
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i] as Parented;
    const text = (p.textContent ?? "").replace(/\s+/g, " ").trim();
    const chars = text.replace(/\s+/g, "").length;
    const lines = 1 + p.querySelectorAll("br").length;
    const linkDensity = chars ? linkChars(p) / chars : 0;
    if (!chars || !isProse(text, linkDensity, lines)) continue;
    total += text.length;
    if (!inChrome(p, body)) paragraphs.push({ text, linkDensity, lines, style: styleOf(p) });
    for (let e: DomNode | null = p; e && e !== body; e = (e as Parented).parentNode) {
      prose.set(e, (prose.get(e) ?? 0) + text.length);
    }
  }
  if (total === 0) return none;
  let at: DomElement = body;
  for (;;) {
    let best: DomElement | null = null;
    let bestProse = 0;
    const children = at.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.nodeType !== ELEMENT_NODE) continue;
      const n = prose.get(child) ?? 0;
      if (n > bestProse) {
        best = child as DomElement;
        bestProse = n;
      }
    }
    if (!best || bestProse < CONTAINER_MIN_PROSE_SHARE * total) break;
    at = best;
  }
  const container = at === body || inChrome(at, body) ? null : at;
  return { container, paragraphs };
}

/** The share of the prose in `blocks` (by characters) that Readability kept. */
export function proseCoverage(readability: TextBlock[], blocks: TextBlock[]): number {
  const kept = new Set(readability.map((b) => fold(b.text)));
  let prose = 0;
  let covered = 0;
  for (const b of blocks) {
    if (!isProse(b.text, b.linkDensity, b.lines)) continue;
    prose += b.text.length;
    if (kept.has(fold(b.text))) covered += b.text.length;
  }
  return prose ? covered / prose : 1;
}

/**
 * A paragraph style is the article's when Readability kept at least this many paragraphs in it.
 */
export const ARTICLE_STYLE_MIN_KEPT = 2;

/** Styles of at least ARTICLE_STYLE_MIN_KEPT paragraphs Readability kept: how this site sets its articles. */
export function articleStyles(readability: TextBlock[], paragraphs: ProseParagraph[]): Set<string> {
  const kept = new Set(readability.map((b) => fold(b.text)));
  const counts = new Map<string, number>();
  for (const p of paragraphs) {
    if (p.style && kept.has(fold(p.text))) counts.set(p.style, (counts.get(p.style) ?? 0) + 1);
  }
  return new Set(
    [...counts].filter(([, n]) => n >= ARTICLE_STYLE_MIN_KEPT).map(([style]) => style),
  );
}

/**
 * Readability's blocks with the prose of `sequence` it left out put back where `eligible`
 * allows, each before the next block both share, so the order is the page's.
 */
export function restoreProse<T extends TextBlock>(
  readability: TextBlock[],
  sequence: T[],
  eligible: (b: T) => boolean = () => true,
): { blocks: TextBlock[]; restored: string[] } {
  const position = new Map<string, number>();
  sequence.forEach((b, i) => {
    const key = fold(b.text);
    if (!position.has(key)) position.set(key, i);
  });
  const kept = new Set(readability.map((b) => fold(b.text)));
  const blocks: TextBlock[] = [];
  const restored: string[] = [];
  let next = 0;
  const restoreUpTo = (end: number) => {
    for (; next < end; next++) {
      const b = sequence[next];
      const key = fold(b.text);
      if (!kept.has(key) && isProse(b.text, b.linkDensity, b.lines) && eligible(b)) {
        kept.add(key);
        blocks.push({ text: b.text, linkDensity: b.linkDensity });
        restored.push(b.text);
      }
    }
  };
  for (const b of readability) {
    const at = position.get(fold(b.text));
    if (at !== undefined && at >= next) {
      restoreUpTo(at);
      next = at + 1;
    }
    blocks.push(b);
  }
  restoreUpTo(sequence.length);
  return { blocks, restored };
}
