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
  type DomElement,
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
import { type Pruned, prunePage } from "./page-pruner.ts";
import {
  articleStyles,
  type ProseParagraph,
  pageProse,
  proseCoverage,
  RESTORE_MAX_COVERAGE,
  restoreProse,
} from "./prose-container.ts";

/**
 * Readability's least article length, in characters, before it retries with looser rules
 * (each retry re-parses the page). Its default (500) suits reader mode; wire briefs on conflict
 * run 200-500 characters and would cost four passes. On scrapinghub-aeb (181 pages) main-text
 * F1 is 0.955 at 500 and at 250, 0.945 at 100; with the pruning and prose checks below, 0.970
 * at both (trafilatura-eval-en: 449 "with" snippets kept at 250, 448 at 500).
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
  // A heading with nothing after it titled what was removed: "More from the region", "Similar
  // recipes to try", over a strip of links that went.
  const headings = new Set(body.filter((b) => b.heading).map((b) => b.text));
  const kept = [...rest.kept];
  const trailing: Drop[] = [];
  while (kept.length > 1 && headings.has(kept[kept.length - 1])) {
    trailing.unshift({ text: kept.pop() as string, reason: "a heading with no text after it" });
  }
  return { kept, dropped: [...inline, ...rest.dropped, ...trailing] };
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
  /** The article's text as its JSON-LD gives it (`articleBody`), when it does. */
  articleBody: string | null;
  /** The page's own summary: og:description, else the description meta tag. */
  description: string | null;
}

export interface HtmlExtract extends PageMetadata {
  /** Main-text blocks, before the boilerplate filter. */
  blocks: TextBlock[];
  /**
   * "readability" (with the prose check), "json-ld" when the page's JSON-LD articleBody was
   * read instead of a markup teaser, or "body" when no article was found and the body's text
   * was taken.
   */
  method: "readability" | "json-ld" | "body";
  /** Every text block of the page body, menus and footers included, read before Readability. */
  pageBlocks: string[];
  /**
   * The standfirst: the page's description where the page shows it as a paragraph of its own
   * (under the headline, outside the article block), and the main text does not include it.
   */
  lead: string | null;
  /** What the reading decided beyond Readability, for the document's log. */
  decisions: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const JSON_LD =
  /<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;

// Scripts, styles and inline SVG are often most of a page's bytes and nodes, and never article
// text; linkedom spends a third of its time building and collecting nodes, so not building
// these saves ~5% of a page's reading time at the same F1. JSON-LD is read before they go.
const NOT_CONTENT =
  /<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->|<svg\b[\s\S]*?<\/svg\s*>|<noscript\b[\s\S]*?<\/noscript\s*>|<template\b[\s\S]*?<\/template\s*>|<iframe\b[\s\S]*?<\/iframe\s*>|<select\b[\s\S]*?<\/select\s*>/gi;

/**
 * A <noscript> holding paragraphs of this much text is the page's article as shown without
 * JavaScript (Blogger renders posts from a script template and repeats them in <noscript>);
 * shorter ones are tracking pixels and "please enable JavaScript".
 */
export const NOSCRIPT_MIN_TEXT_CHARS = 200;

function keepNoscriptText(match: string): string {
  if (!/^<noscript\b/i.test(match) || !/<p[\s>]/i.test(match)) return "";
  const text = match.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ");
  return text.length >= NOSCRIPT_MIN_TEXT_CHARS
    ? match.replace(/^<noscript\b[^>]*>|<\/noscript\s*>$/gi, "")
    : "";
}

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

/** Class names of elements that show a page's date. */
const DATE_CLASS =
  /(?:^|[\s_-])(?:date|dateline|dates|time-rubric|timestamp|published|publish-date|pub-date|post-date|entry-date|article-date|posted-on|date-header)(?:$|[\s_-])/i;
/** A date shown in an element is short; a longer text is a paragraph that mentions a date. */
const DATE_TEXT_MAX_CHARS = 80;

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
    // <abbr itemprop="datePublished" title="2019-10-16T14:33:00-07:00">2:33 PM</abbr> (Blogger).
    const value =
      itemprop.getAttribute("content") ??
      itemprop.getAttribute("datetime") ??
      itemprop.getAttribute("title") ??
      itemprop.textContent;
    const date = normalizeDate(value) ?? normalizeDate(itemprop.textContent);
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
  // A date written out in an element named for it: "Published On May 10, 2022", "Jan 18,
  // 2019", "Written: 2023-11-07 15:03". The first such element in the page is the article's.
  const named = doc.querySelectorAll("[class]");
  for (let i = 0; i < named.length; i++) {
    const el = named[i];
    if (!DATE_CLASS.test(el.getAttribute("class") ?? "")) continue;
    const text = clean(el.textContent);
    if (!text || text.length > DATE_TEXT_MAX_CHARS) continue;
    const date = normalizeDate(text) ?? normalizeDate(/\b\d{4}-\d{2}-\d{2}\b/.exec(text)?.[0]);
    if (date)
      return { date, from: `the text of .${el.getAttribute("class")?.trim().split(/\s+/)[0]}` };
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

/** Not a name: a handle, a stand-in, an address. */
const NOT_AN_AUTHOR =
  /^(?:@|https?:\/\/|www\.)|^(?:no author|unknown|admin|administrator|staff|anonymous|null|none)$/i;

function authorName(value: string | null): string | null {
  const name = clean(
    value
      ?.replace(/^(?:(?:posted|written|words|story|text|reporting)\s+)?by\s+/i, "")
      // "Nathan Parker and Eric Mill - Chrome Safe Browsing team": the name, not the team.
      .replace(/\s+[-–—|]\s+[^-–—|]*\b(?:team|desk|staff|correspondent|reporter|editor)\b.*$/i, ""),
  );
  if (!name || NOT_AN_AUTHOR.test(name) || name.length > AUTHOR_MAX_CHARS) return null;
  return name;
}

/** A byline longer than this is a sentence, not names. */
const AUTHOR_MAX_CHARS = 100;

/** Class names of elements that show the author's name. */
const AUTHOR_CLASS =
  /(?:^|[\s_-])(?:author|author-?name|byline|byline-?name|post-author|entry-author|writer)(?:$|[\s_-])/i;

/** Inside the reader comments: the names there are commenters'. */
function inComments(el: DomElement): boolean {
  for (let e: DomElement | null = el; e; e = e.parentNode as DomElement | null) {
    if (typeof e.getAttribute !== "function") break;
    if (
      /comment|repl(?:y|ies)|respond/i.test(
        `${e.getAttribute("class") ?? ""} ${e.getAttribute("id") ?? ""}`,
      )
    )
      return true;
  }
  return false;
}

/** The author as the page shows it: rel="author", itemprop="author", an element named for it. */
function shownAuthor(doc: DomDocument): string | null {
  const rel = doc.querySelector('[rel~="author"]');
  const fromRel = authorName(clean(rel?.textContent));
  if (fromRel) return fromRel;
  const prop = doc.querySelector('[itemprop="author"]');
  if (prop && !inComments(prop)) {
    const name = prop.querySelector('[itemprop="name"]');
    const value =
      name?.getAttribute("content") ??
      name?.textContent ??
      prop.getAttribute("content") ??
      prop.textContent;
    const found = authorName(clean(value));
    if (found) return found;
  }
  const named = doc.querySelectorAll("[class]");
  for (let i = 0; i < named.length; i++) {
    const el = named[i];
    const cls = el.getAttribute("class") ?? "";
    if (!AUTHOR_CLASS.test(cls) || inComments(el)) continue;
    const found = authorName(clean(el.textContent));
    if (found && found.length <= AUTHOR_SHOWN_MAX_CHARS) return found;
  }
  return null;
}

/** An author element's text longer than this is a bio or a box of links, not the byline. */
const AUTHOR_SHOWN_MAX_CHARS = 60;

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
  author ??= shownAuthor(doc);
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
    description:
      clean(metas.get("og:description")) ??
      clean(metas.get("description")) ??
      clean(metas.get("twitter:description")),
    articleBody:
      articles
        .map((o) => o.articleBody)
        .find((b): b is string => typeof b === "string" && b.trim().length > 0) ?? null,
  };
}

/**
 * Readability's choice checked against the page's prose (prose-container.ts): when it kept
 * little of the prose container's text it picked the wrong block, and the container's prose
 * comes back; otherwise paragraphs set like the ones it kept, which it left out, come back.
 */
function restoreArticleProse(
  blocks: TextBlock[],
  containerBlocks: TextBlock[],
  paragraphs: ProseParagraph[],
): { blocks: TextBlock[]; restored: string[]; why: string } {
  const coverage = containerBlocks.length ? proseCoverage(blocks, containerBlocks) : 1;
  if (coverage < RESTORE_MAX_COVERAGE) {
    const why = `it kept ${Math.round(coverage * 100)}% of the prose of the block that holds most of the page's prose`;
    return { ...restoreProse(blocks, containerBlocks), why };
  }
  const styles = articleStyles(blocks, paragraphs);
  if (styles.size === 0) return { blocks, restored: [], why: "" };
  const restored = restoreProse(blocks, paragraphs, (p) => p.style !== null && styles.has(p.style));
  return { ...restored, why: "set in the same paragraph style as the article" };
}

/**
 * Below this share of the JSON-LD articleBody's length, what the page's markup gave is a teaser
 * or a paywall stub and the publisher's own copy of the article is read instead (on
 * trafilatura-eval-en one page in 157; 0.3 to 0.7 pick the same pages).
 */
export const JSON_LD_BODY_MIN_SHARE = 0.5;

/** An articleBody this short is a summary, not the article. */
const JSON_LD_BODY_MIN_CHARS = 500;

/** Main text blocks and metadata of a page. Never throws on bad markup: a page with no text has no blocks. */
export function extractHtml(html: string, pageUrl: string | null = null): HtmlExtract {
  let lean = html.replace(NOT_CONTENT, keepNoscriptText);
  // A fragment ("<p>...</p>", as JSONL and feeds carry) needs a body to be read as a page.
  if (!/<(?:html|body)\b/i.test(lean.slice(0, 4096)))
    lean = `<!DOCTYPE html><html><body>${lean}</body></html>`;
  const doc = parseDocument(lean);
  const meta = pageMetadata(doc, html, pageUrl);
  const decisions: string[] = [];
  // Readability rewrites the DOM, so what the page showed is read first: what the article
  // leaves out of it is the boilerplate `dropped` reports.
  const pageBlocks = doc.body ? textBlocks(doc.body, SHOWN_TAGS_SKIP).map((b) => b.text) : [];
  logPruned(prunePage(doc), decisions);
  // The prose check reads the pruned page before Readability takes it apart.
  const prose = pageProse(doc);
  const containerBlocks = prose.container ? textBlocks(prose.container) : [];
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
  if (blocks.length) {
    const checked = restoreArticleProse(blocks, containerBlocks, prose.paragraphs);
    if (checked.restored.length) {
      decisions.push(
        `${checked.restored.length} prose paragraph(s) Readability left out put back (${checked.why})`,
      );
    }
    blocks = checked.blocks;
  }
  const chars = blocks.reduce((n, b) => n + b.text.length, 0);
  const body = meta.articleBody;
  if (
    body &&
    body.length >= JSON_LD_BODY_MIN_CHARS &&
    chars < JSON_LD_BODY_MIN_SHARE * body.length
  ) {
    decisions.push(
      `the page's markup gave ${chars} characters, its JSON-LD articleBody ${body.length}: the articleBody is read`,
    );
    blocks = body
      .split(/\n+/)
      .map((t) => t.replace(/\s+/g, " ").trim())
      .filter(Boolean)
      .map((text) => ({ text, linkDensity: 0 }));
    method = "json-ld";
  }
  if (blocks.length === 0) {
    // Readability has rewritten the DOM while trying; read the body of a fresh one.
    const fresh = parseDocument(lean);
    prunePage(fresh);
    blocks = bodyBlocks(fresh);
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
    lead: shownLead(meta.description, pageBlocks, blocks),
    decisions,
  };
}

/** Removals by name, one log line per kind: "removed by name (share): 3 elements, e.g. div.share-bar". */
function logPruned(pruned: Pruned[], decisions: string[]): void {
  const byKind = new Map<string, Pruned[]>();
  for (const p of pruned) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p]);
  for (const [kind, list] of byKind) {
    const names = [...new Set(list.map((p) => `${p.tag}.${p.name}`))].slice(0, 3).join(", ");
    decisions.push(
      `removed by name (${kind}: ${list[0].reason}): ${list.length} element(s), e.g. ${names}`,
    );
  }
}

/** A shown description is a block of the page that is the description, give or take this much. */
const LEAD_MAX_EXTRA_CHARS = 20;

function shownLead(
  description: string | null,
  pageBlocks: string[],
  blocks: TextBlock[],
): string | null {
  if (!description) return null;
  const key = fold(description);
  if (!key || blocks.some((b) => fold(b.text).includes(key))) return null;
  const shown = pageBlocks.find((b) => {
    const k = fold(b);
    return k.includes(key) && k.length <= key.length + LEAD_MAX_EXTRA_CHARS;
  });
  return shown ?? null;
}

/** " | Editorial", " - BBC News": a site or section name after the headline, up to this many words. */
const TITLE_SUFFIX_MAX_WORDS = 3;

/** A title part that starts with the site's name is the site's up to this many words. */
const SITE_PART_MAX_WORDS = 4;

/** A title part this short ("AP", "TV") is not compared with the site's name. */
const SITE_NAME_MIN_CHARS = 4;

/** The separators sites put between a headline and their name: "|", "-", "–", "—", ":", "»". */
const TITLE_PARTS = /\s+(?:[|–—»]|-|::?)\s+/u;

/**
 * The headline without a trailing site or section name: a short last part ("Story | Monitor"),
 * or any first or last part that is the outlet's name or host ("Gregory Szorc's Digital Home |
 * Story", "Story - WSVN 7News | Miami News, Weather, Sports").
 */
export function stripTitleSuffix(
  title: string | null,
  outlet: string | null = null,
): string | null {
  if (!title) return title;
  if (outlet) {
    // The outlet's name, and the name in its host ("gregoryszorc" of gregoryszorc.com).
    const names = [fold(outlet).replace(/ /g, "")];
    if (/^[\w-]+(?:\.[\w-]+)+$/.test(outlet)) {
      for (const label of outlet.toLowerCase().split(".").slice(0, -1)) {
        if (label.length >= SITE_NAME_MIN_CHARS && label !== "www") names.push(label);
      }
    }
    const isSite = (part: string) => {
      const words = fold(part).split(" ");
      const key = words.join("");
      // A part that only starts with the name is the site's when it is short ("Gregory Szorc's
      // Digital Home"), a headline when it is long ("The Guardian view on Hong Kong: ...").
      return (
        key.length >= SITE_NAME_MIN_CHARS &&
        names.some(
          (n) =>
            key === n ||
            n.startsWith(key) ||
            (key.startsWith(n) && words.length <= SITE_PART_MAX_WORDS),
        )
      );
    };
    const parts = title.split(TITLE_PARTS);
    if (parts.length > 1) {
      // Everything from the first part naming the site on is the site's: "Story - WSVN 7News | Miami News".
      const at = parts.findIndex((p, i) => i > 0 && isSite(p));
      if (at > 0) return stripTitleSuffix(parts.slice(0, at).join(" - ")) ?? title;
      if (isSite(parts[0])) return parts.slice(1).join(" - ");
    }
  }
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

/** A page read to clean text, before the checks every document passes (language, emptiness). */
export interface ReadPage {
  page: HtmlExtract;
  /** The headline, without a trailing site name. */
  title: string | null;
  text: string;
  dropped: string[];
  log: DecisionLog[];
}

/** A page's clean text, headline and what was dropped, with the decisions taken on the way. */
export function readPage(
  raw: string,
  url: string | null = null,
  givenTitle: string | null = null,
): ReadPage {
  const page = extractHtml(raw, url);
  const log: DecisionLog[] = [];
  if (page.method === "body") {
    logLoad(
      log,
      "Readability found no article: text taken from the page body, without nav, header, footer and aside",
    );
  }
  for (const d of page.decisions) logLoad(log, d);
  if (page.publishedFrom) logLoad(log, `published: ${page.published} from ${page.publishedFrom}`);
  const title = givenTitle ?? stripTitleSuffix(page.title, page.outlet);
  const cleaned = cleanBlocks(page.blocks, title, log, page.author);
  const text = cleaned.text;
  const dropped = [...cleaned.dropped, ...leftOut(page.pageBlocks, text, title, cleaned.dropped)];
  return { page, title, text, dropped, log };
}

/** An .html/.htm page (or HTML from stdin, a URL or a JSONL `html` field). */
export function loadHtml(raw: string, source: Source): LoadItem {
  const { page, title, text, dropped, log } = readPage(
    raw,
    source.url ?? null,
    source.title ?? null,
  );
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
