// Web pages: the article's main text by Readability, the metadata from the page's own tags.
// Readability finds the main block and removes navigation, footers and sidebars; what it keeps
// still carries inline "Read more" links and related-post strips, so the plain-text
// boilerplate filter runs over its blocks too.
import { Readability } from "@mozilla/readability";
import type { DecisionLog } from "../core/context.ts";
import { fold } from "../core/text.ts";
import type { IsoDate } from "../core/types.ts";
import { type Drop, filterBoilerplate, isTitleLike } from "./boilerplate.ts";
import { dateFromUrl, normalizeDate } from "./dates.ts";
import {
  bodyBlocks,
  type DomDocument,
  type DomNode,
  parseDocument,
  SHOWN_TAGS_SKIP,
  type TextBlock,
  textBlocks,
} from "./html-dom.ts";
import {
  type Extracted,
  finishDocument,
  hostOf,
  type LoadItem,
  logLoad,
  type Source,
} from "./load-item.ts";

/**
 * Readability's least article length, in characters, before it retries with looser rules
 * (each retry re-parses the page). Its default (500) suits reader mode; wire briefs on conflict
 * run 200-500 characters and would cost four passes. On scrapinghub-aeb (181 pages) main-text
 * F1 is 0.955 at 500 and at 250, 0.945 at 100.
 */
export const READABILITY_CHAR_THRESHOLD = 250;

/**
 * On a page, a trailing block is a related-post title only when it is mostly link text: a
 * trailing list of tour dates, scores or casualties has the same short shape but no links.
 * On scrapinghub-aeb, shape alone dropped 250 blocks of gold main text; with links >= 0.5 it
 * drops 2 (a bare URL and "Disclaimer"), and main-text F1 goes from 0.955 to 0.961.
 */
export const RELATED_LINK_MIN_DENSITY = 0.5;

/** A byline is a short line near the top: "By Amina Okafor, Riverside Daily Monitor". */
const BYLINE_MAX_CHARS = 120;
const BYLINE_WITHIN_BLOCKS = 3;

/**
 * Inside the article, a block that is all link and shaped like a headline is a link to another
 * story ("Afghan woman politician sees Taliban talks as only hope" between two paragraphs).
 */
export const INLINE_RELATED_MIN_DENSITY = 0.9;

/** Boilerplate filter over page blocks: patterns as for text, link headlines, trailing strips of links. */
export function filterPageBlocks(blocks: TextBlock[]): { kept: string[]; dropped: Drop[] } {
  const inline: Drop[] = [];
  const body = blocks.filter((b, i) => {
    const related = i > 0 && b.linkDensity >= INLINE_RELATED_MIN_DENSITY && isTitleLike(b.text);
    if (related)
      inline.push({ text: b.text, reason: "a link to another story inside the article" });
    return !related;
  });
  const rest = filterBoilerplate(
    body.map((b) => b.text),
    undefined,
    (text, i) => body[i].linkDensity >= RELATED_LINK_MIN_DENSITY && isTitleLike(text),
  );
  return { kept: rest.kept, dropped: [...inline, ...rest.dropped] };
}

export interface PageMetadata {
  /** og:title or twitter:title: the headline as the outlet shares it. */
  title: string | null;
  /** <title>, often with the site's name after a separator. */
  pageTitle: string | null;
  published: IsoDate | null;
  /** Which tag the date came from, for the log. */
  publishedFrom: string | null;
  canonical: string | null;
  outlet: string | null;
  author: string | null;
  lang: string | null;
}

export interface HtmlExtract extends PageMetadata {
  /** Main-text blocks, before the boilerplate filter. */
  blocks: TextBlock[];
  /** "readability", or "body" when Readability found no article and the body's text was taken. */
  method: "readability" | "body";
  /** Every text block of the page body, menus and footers included, read before Readability. */
  pageBlocks: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const JSON_LD =
  /<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;

// Scripts, styles and inline SVG are often most of a page's bytes and nodes, and never article
// text; linkedom spends a third of its time building and collecting nodes, so not building
// these saves ~5% of a page's reading time at the same F1. JSON-LD is read before they go.
const NOT_CONTENT =
  /<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->|<svg\b[\s\S]*?<\/svg\s*>|<noscript\b[\s\S]*?<\/noscript\s*>|<template\b[\s\S]*?<\/template\s*>|<iframe\b[\s\S]*?<\/iframe\s*>|<select\b[\s\S]*?<\/select\s*>/gi;

function jsonLdObjects(html: string): Json[] {
  const found: Json[] = [];
  const visit = (value: Json) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      found.push(value);
      const graph = value["@graph"];
      if (Array.isArray(graph)) graph.forEach(visit);
    }
  };
  for (const m of html.matchAll(JSON_LD)) {
    try {
      visit(JSON.parse(m[1].trim()) as Json);
    } catch {
      // Broken JSON-LD is common and never fatal: the other tags still date the page.
    }
  }
  return found;
}

const ARTICLE_TYPES = /article|posting|report|news/i;

/** Articles first: a page's JSON-LD also describes the site, the breadcrumbs, the logo. */
function jsonLdArticles(objects: Json[]): Record<string, Json>[] {
  const records = objects.filter(
    (o): o is Record<string, Json> => !!o && typeof o === "object" && !Array.isArray(o),
  );
  const isArticle = (o: Record<string, Json>) =>
    ARTICLE_TYPES.test(JSON.stringify(o["@type"] ?? ""));
  return [...records.filter(isArticle), ...records.filter((o) => !isArticle(o))];
}

function jsonText(value: Json | undefined): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(jsonText).filter((v): v is string => !!v);
    return names.length ? names.join(", ") : null;
  }
  if (value && typeof value === "object") return jsonText(value.name);
  return null;
}

function metaTags(doc: DomDocument): Map<string, string> {
  const metas = new Map<string, string>();
  const nodes = doc.querySelectorAll("meta");
  for (let i = 0; i < nodes.length; i++) {
    const meta = nodes[i];
    const key =
      meta.getAttribute("property") ?? meta.getAttribute("name") ?? meta.getAttribute("itemprop");
    const content = meta.getAttribute("content");
    if (key && content?.trim() && !metas.has(key.toLowerCase())) {
      metas.set(key.toLowerCase(), content.trim());
    }
  }
  return metas;
}

const clean = (s: string | null | undefined): string | null =>
  s?.replace(/\s+/g, " ").trim() || null;

// The article's own publication tags first, then structured data, then generic date tags,
// <time> elements and the URL, which may date an update or a neighbouring story.
const PUBLISHED_META = [
  "article:published_time",
  "og:article:published_time",
  "og:published_time",
  "datepublished",
];
const OTHER_DATE_META = [
  "article:published",
  "pubdate",
  "publishdate",
  "publish-date",
  "publish_date",
  "dc.date.issued",
  "dcterms.issued",
  "dc.date",
  "dcterms.date",
  "dcterms.created",
  "date",
  "sailthru.date",
  "parsely-pub-date",
  "cxenseparse:recs:publishtime",
  "originalpublicationdate",
];

function findPublished(
  doc: DomDocument,
  metas: Map<string, string>,
  articles: Record<string, Json>[],
  urls: (string | null)[],
): { date: IsoDate; from: string } | null {
  for (const key of PUBLISHED_META) {
    const date = normalizeDate(metas.get(key));
    if (date) return { date, from: `meta ${key}` };
  }
  const itemprop = doc.querySelector('[itemprop="datePublished"]');
  if (itemprop) {
    const value =
      itemprop.getAttribute("content") ?? itemprop.getAttribute("datetime") ?? itemprop.textContent;
    const date = normalizeDate(value);
    if (date) return { date, from: "itemprop datePublished" };
  }
  for (const o of articles) {
    const date = normalizeDate(jsonText(o.datePublished) ?? jsonText(o.dateCreated));
    if (date) return { date, from: "JSON-LD datePublished" };
  }
  for (const key of OTHER_DATE_META) {
    const date = normalizeDate(metas.get(key));
    if (date) return { date, from: `meta ${key}` };
  }
  const times = doc.querySelectorAll("time[datetime]");
  for (let i = 0; i < times.length; i++) {
    const date = normalizeDate(times[i].getAttribute("datetime"));
    if (date) return { date, from: "<time datetime>" };
  }
  for (const url of urls) {
    const date = dateFromUrl(url);
    if (date) return { date, from: `date in URL ${url}` };
  }
  return null;
}

function absoluteUrl(
  href: string | null | undefined,
  base: string | null | undefined,
): string | null {
  if (!href?.trim()) return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function authorName(value: string | null): string | null {
  if (!value || /^https?:\/\//i.test(value)) return null;
  return clean(value.replace(/^by\s+/i, ""));
}

/** Everything but the main text, from the page's own tags. Read before Readability changes the DOM. */
export function pageMetadata(
  doc: DomDocument,
  html: string,
  pageUrl: string | null = null,
): PageMetadata {
  const metas = metaTags(doc);
  const articles = jsonLdArticles(jsonLdObjects(html));
  const canonical =
    absoluteUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute("href"), pageUrl) ??
    absoluteUrl(metas.get("og:url"), pageUrl);
  const published = findPublished(doc, metas, articles, [canonical, pageUrl]);
  let author =
    authorName(metas.get("author") ?? null) ?? authorName(metas.get("article:author") ?? null);
  for (const o of articles) author ??= authorName(jsonText(o.author));
  let outlet = clean(metas.get("og:site_name"));
  for (const o of articles) outlet ??= clean(jsonText(o.publisher));
  return {
    title: clean(metas.get("og:title")) ?? clean(metas.get("twitter:title")),
    pageTitle: clean(doc.querySelector("title")?.textContent),
    published: published?.date ?? null,
    publishedFrom: published?.from ?? null,
    canonical,
    outlet: outlet ?? hostOf(canonical ?? pageUrl),
    author,
    lang: clean(doc.documentElement?.getAttribute("lang")),
  };
}

/** Main text blocks and metadata of a page. Never throws on bad markup: a page with no text has no blocks. */
export function extractHtml(html: string, pageUrl: string | null = null): HtmlExtract {
  let lean = html.replace(NOT_CONTENT, "");
  // A fragment ("<p>...</p>", as JSONL and feeds carry) needs a body to be read as a page.
  if (!/<(?:html|body)\b/i.test(lean.slice(0, 4096)))
    lean = `<!DOCTYPE html><html><body>${lean}</body></html>`;
  const doc = parseDocument(lean);
  const meta = pageMetadata(doc, html, pageUrl);
  // Readability rewrites the DOM, so what the page showed is read first: what the article
  // leaves out of it is the boilerplate `dropped` reports.
  const pageBlocks = doc.body ? textBlocks(doc.body, SHOWN_TAGS_SKIP).map((b) => b.text) : [];
  let blocks: TextBlock[] = [];
  let title: string | null = null;
  let byline: string | null = null;
  try {
    const article = new Readability<DomNode>(doc as never, {
      charThreshold: READABILITY_CHAR_THRESHOLD,
      // The page's JSON-LD is read above, from the markup; it is gone from this DOM.
      disableJSONLD: true,
      serializer: (node) => node as unknown as DomNode,
    }).parse();
    if (article?.content) blocks = textBlocks(article.content);
    title = clean(article?.title);
    byline = clean(article?.byline);
  } catch {
    // Readability gives up on some malformed DOMs by throwing; the body fallback below reads them.
  }
  let method: HtmlExtract["method"] = "readability";
  if (blocks.length === 0) {
    // Readability has rewritten the DOM while trying; read the body of a fresh one.
    blocks = bodyBlocks(parseDocument(lean));
    method = "body";
  }
  return {
    ...meta,
    // Readability's title is <title> without the site name ("Story | Monitor" -> "Story").
    title: meta.title ?? title ?? meta.pageTitle,
    author: meta.author ?? authorName(byline),
    blocks,
    method,
    pageBlocks,
  };
}

/** " | Editorial", " - BBC News": a site or section name after the headline, up to this many words. */
const TITLE_SUFFIX_MAX_WORDS = 3;

/** The headline without a trailing site or section name. */
export function stripTitleSuffix(title: string | null): string | null {
  if (!title) return title;
  const m = /^(.{12,}?)\s+[|–—-]\s+([^|–—-]+)$/u.exec(title);
  if (!m || m[2].trim().split(/\s+/).length > TITLE_SUFFIX_MAX_WORDS) return title;
  return m[1].trim();
}

/** Page blocks the clean text does not contain: menus, footers, captions, share and sign-up lines. */
function leftOut(
  pageBlocks: string[],
  text: string,
  title: string | null,
  already: string[],
): string[] {
  const kept = fold(text);
  const skip = new Set([...already.map(fold), title ? fold(title) : ""]);
  const out: string[] = [];
  for (const b of pageBlocks) {
    const key = fold(b);
    if (!key || skip.has(key) || kept.includes(key)) continue;
    skip.add(key);
    out.push(b);
  }
  return out;
}

/**
 * Clean text from page blocks: the headline off the top (it stays out of the text, as for
 * plain text: see text-loader.ts), boilerplate out, paragraphs separated by a blank line.
 */
export function cleanBlocks(
  blocks: TextBlock[],
  title: string | null,
  log: DecisionLog[],
  author: string | null = null,
): { text: string; dropped: string[] } {
  if (blocks.length > 0 && blocks.every((b) => b.linkDensity >= RELATED_LINK_MIN_DENSITY)) {
    // Menus and link lists only: a section front or an error page, not an article.
    logLoad(log, `no article: all ${blocks.length} blocks are link text`);
    return { text: "", dropped: [] };
  }
  if (title) {
    const key = fold(title);
    while (blocks.length > 1 && fold(blocks[0].text) === key) {
      logLoad(log, `dropped heading repeating the title "${blocks[0].text}"`);
      blocks = blocks.slice(1);
    }
  }
  const bylines: string[] = [];
  if (author) {
    // Readability leaves the byline in when the page also names the author in a meta tag.
    const name = fold(author);
    const isByline = (b: TextBlock) => {
      const key = fold(b.text);
      return b.text.length <= BYLINE_MAX_CHARS && (key === name || key.startsWith(`by ${name}`));
    };
    const at = blocks.slice(0, BYLINE_WITHIN_BLOCKS).findIndex(isByline);
    if (at >= 0 && blocks.length > 1) {
      bylines.push(blocks[at].text);
      logLoad(log, `dropped (byline: names the author, not the event): "${blocks[at].text}"`);
      blocks = blocks.filter((_, i) => i !== at);
    }
  }
  const { kept, dropped } = filterPageBlocks(blocks);
  for (const d of dropped) logLoad(log, `dropped (${d.reason}): "${d.text}"`);
  return { text: kept.join("\n\n"), dropped: [...bylines, ...dropped.map((d) => d.text)] };
}

/** An .html/.htm page (or HTML from stdin, a URL or a JSONL `html` field). */
export function loadHtml(raw: string, source: Source): LoadItem {
  const page = extractHtml(raw, source.url ?? null);
  const log: DecisionLog[] = [];
  if (page.method === "body") {
    logLoad(
      log,
      "Readability found no article: text taken from the page body, without nav, header, footer and aside",
    );
  }
  if (page.publishedFrom) logLoad(log, `published: ${page.published} from ${page.publishedFrom}`);
  const title = source.title ?? stripTitleSuffix(page.title);
  const cleaned = cleanBlocks(page.blocks, title, log, page.author);
  const text = cleaned.text;
  const dropped = [...cleaned.dropped, ...leftOut(page.pageBlocks, text, title, cleaned.dropped)];
  const found: Extracted = {
    raw,
    text,
    title,
    published: page.published,
    url: page.canonical,
    outlet: page.outlet,
    author: page.author,
    dropped,
    log,
  };
  return finishDocument(source, found);
}
