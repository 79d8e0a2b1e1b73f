// RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed: each item is a document. Items carry a summary or the
// full article as escaped HTML; either is read as a page fragment, without Readability, since
// a feed item holds only the article.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { DecisionLog } from "../core/context.ts";
import { errors, type SitrepError } from "../core/errors.ts";
import type { IsoDate } from "../core/types.ts";
import { normalizeDate } from "./dates.ts";
import { htmlFragmentBlocks } from "./html-dom.ts";
import { cleanBlocks } from "./html-loader.ts";
import { type Extracted, finishDocument, hostOf, type LoadItem, logLoad } from "./load-item.ts";

type Node = string | number | boolean | null | undefined | Node[] | { [key: string]: Node };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Ids and titles stay strings: "<guid>0042</guid>" is not the number 42.
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  isArray: (name) => name === "item" || name === "entry" || name === "link",
});

/** The text of an element however the parser shaped it: "x", {"#text": "x"}, or a list of those. */
function textOf(node: Node): string | null {
  if (node === null || node === undefined) return null;
  if (typeof node === "string") return node.trim() || null;
  if (typeof node === "number" || typeof node === "boolean") return String(node);
  if (Array.isArray(node)) {
    for (const n of node) {
      const t = textOf(n);
      if (t) return t;
    }
    return null;
  }
  return textOf(node["#text"]);
}

function field(item: Record<string, Node>, ...names: string[]): string | null {
  for (const name of names) {
    const t = textOf(item[name]);
    if (t) return t;
  }
  return null;
}

/** RSS `<link>` is text; Atom's is `<link rel="alternate" href="..."/>`, maybe several. */
function linkOf(item: Record<string, Node>): string | null {
  const links = Array.isArray(item.link) ? item.link : item.link === undefined ? [] : [item.link];
  let fallback: string | null = null;
  for (const link of links) {
    if (link && typeof link === "object" && !Array.isArray(link)) {
      const href = textOf(link["@_href"]);
      const rel = textOf(link["@_rel"]) ?? "alternate";
      if (href && rel === "alternate") return href;
      fallback ??= href;
    } else {
      const href = textOf(link);
      if (href) return href;
    }
  }
  return fallback;
}

/** Titles may hold escaped markup ("A &lt;b&gt;bold&lt;/b&gt; move"); the text is wanted. */
function plainTitle(title: string | null): string | null {
  if (!title) return null;
  if (!/[<&]/.test(title)) return title.replace(/\s+/g, " ").trim();
  return (
    htmlFragmentBlocks(title)
      .map((b) => b.text)
      .join(" ") || null
  );
}

/** RSS `<author>` is an e-mail address with a name; Atom's holds `<name>`. */
function authorOf(node: Node): string | null {
  if (node && typeof node === "object" && !Array.isArray(node)) return textOf(node.name);
  if (Array.isArray(node)) return node.length ? authorOf(node[0]) : null;
  return textOf(node);
}

/** One entry of a feed, before its body is read. */
export interface FeedItem {
  /** guid (RSS), id (Atom, JSON Feed), or null. */
  id: string | null;
  url: string | null;
  title: string | null;
  /** The fullest body the item carries (HTML or text); "" when none. */
  body: string;
  /** Whether `body` is plain text (JSON Feed content_text) rather than HTML. */
  bodyIsText: boolean;
  author: string | null;
  published: IsoDate | null;
}

export interface ParsedFeed {
  kind: "RSS" | "Atom" | "RDF" | "JSON Feed";
  /** The channel's or feed's title. */
  outlet: string | null;
  items: FeedItem[];
}

function shapeOf(
  doc: Record<string, Node>,
): { kind: ParsedFeed["kind"]; outlet: string | null; items: Record<string, Node>[] } | null {
  const records = (list: Node): Record<string, Node>[] =>
    (Array.isArray(list) ? list : []).filter(
      (n): n is Record<string, Node> => !!n && typeof n === "object" && !Array.isArray(n),
    );
  const rss = doc.rss as Record<string, Node> | undefined;
  if (rss && typeof rss === "object") {
    const channel = (rss.channel ?? {}) as Record<string, Node>;
    return { kind: "RSS", outlet: textOf(channel.title), items: records(channel.item) };
  }
  const feed = doc.feed as Record<string, Node> | undefined;
  if (feed && typeof feed === "object") {
    return { kind: "Atom", outlet: plainTitle(textOf(feed.title)), items: records(feed.entry) };
  }
  const rdf = doc["rdf:RDF"] as Record<string, Node> | undefined;
  if (rdf && typeof rdf === "object") {
    const channel = (rdf.channel ?? {}) as Record<string, Node>;
    return { kind: "RDF", outlet: textOf(channel.title), items: records(rdf.item) };
  }
  return null;
}

/** JSON Feed (jsonfeed.org) 1.0 and 1.1: a JSON object whose "version" is the spec's URL. */
export const JSON_FEED_VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(?:\.\d+)?\/?$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const str = (v: Json | undefined): string | null =>
  typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : null;

function jsonFeedAuthor(item: Record<string, Json>): string | null {
  const authors = Array.isArray(item.authors) ? item.authors : item.author ? [item.author] : [];
  const names = authors
    .map((a) => (a && typeof a === "object" && !Array.isArray(a) ? str(a.name) : null))
    .filter((n): n is string => !!n);
  return names.length ? names.join(", ") : null;
}

function parseJsonFeed(content: string, input: string): ParsedFeed {
  let feed: Json;
  try {
    feed = JSON.parse(content) as Json;
  } catch (e) {
    throw errors.feed(input, `invalid JSON: ${(e as Error).message}`);
  }
  if (
    !feed ||
    typeof feed !== "object" ||
    Array.isArray(feed) ||
    !JSON_FEED_VERSION.test(str(feed.version) ?? "")
  ) {
    throw errors.feed(input, 'no JSON Feed "version" (https://jsonfeed.org/version/1.1)');
  }
  if (!Array.isArray(feed.items)) throw errors.feed(input, 'a JSON Feed needs an "items" array');
  const items = feed.items
    .filter((i): i is Record<string, Json> => !!i && typeof i === "object" && !Array.isArray(i))
    .map((item): FeedItem => {
      const html = str(item.content_html);
      const text = str(item.content_text) ?? str(item.summary);
      return {
        id: str(item.id),
        url: str(item.url) ?? str(item.external_url),
        title: plainTitle(str(item.title)),
        body: html ?? text ?? "",
        bodyIsText: !html && !!text,
        author: jsonFeedAuthor(item),
        published: normalizeDate(str(item.date_published) ?? str(item.date_modified)),
      };
    });
  return { kind: "JSON Feed", outlet: str(feed.title), items };
}

/** A feed's items, in feed order. Throws FEED_MALFORMED (naming `input`) when it is no feed. */
export function parseFeed(content: string, input: string): ParsedFeed {
  const trimmed = content.replace(/^\uFEFF/, "").trimStart();
  if (trimmed.startsWith("{")) return parseJsonFeed(trimmed, input);
  const valid = XMLValidator.validate(content);
  if (valid !== true) throw errors.feed(input, `line ${valid.err.line}: ${valid.err.msg}`);
  let shape: ReturnType<typeof shapeOf>;
  try {
    shape = shapeOf(parser.parse(content) as Record<string, Node>);
  } catch (e) {
    throw errors.feed(input, (e as Error).message);
  }
  if (!shape) throw errors.feed(input, "no <rss>, <feed> or <rdf:RDF> root element");
  return {
    kind: shape.kind,
    outlet: shape.outlet,
    items: shape.items.map((item) => ({
      id: field(item, "guid", "id"),
      url: linkOf(item),
      title: plainTitle(field(item, "title")),
      // The fullest body first: content:encoded and Atom content hold the article, description
      // and summary often only a teaser.
      body: field(item, "content:encoded", "content", "description", "summary") ?? "",
      bodyIsText: false,
      author: field(item, "dc:creator") ?? authorOf(item.author),
      published: normalizeDate(field(item, "pubDate", "published", "dc:date", "updated")),
    })),
  };
}

/** Every item of a feed (RSS, Atom, RDF or JSON Feed); `input` names the file, URL or "stdin". */
export function* loadFeed(
  content: string,
  input: string,
  override: string | null = null,
): Generator<LoadItem> {
  let feed: ParsedFeed;
  try {
    feed = parseFeed(content, input);
  } catch (e) {
    yield { error: e as SitrepError };
    return;
  }
  if (feed.items.length === 0) {
    yield { error: errors.empty(input) };
    return;
  }
  for (const [i, item] of feed.items.entries()) {
    const origin = `${input}#${i + 1}`;
    const log: DecisionLog[] = [];
    logLoad(log, `${feed.kind} item ${i + 1} of ${input}`);
    const blocks = item.bodyIsText
      ? item.body
          .split(/\n\s*\n/)
          .map((t) => ({ text: t.replace(/\s+/g, " ").trim(), linkDensity: 0 }))
          .filter((b) => b.text)
      : htmlFragmentBlocks(item.body);
    const cleaned = cleanBlocks(blocks, item.title, log, item.author);
    const found: Extracted = {
      raw: item.body,
      text: cleaned.text,
      title: item.title,
      url: item.url,
      outlet: feed.outlet ?? hostOf(item.url),
      author: item.author,
      published: item.published,
      dropped: cleaned.dropped,
      log,
    };
    const id = item.id ?? item.url ?? `${input}#${i + 1}`;
    yield finishDocument({ id, origin, override }, found);
  }
}
