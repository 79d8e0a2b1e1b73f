// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item is a document. Items carry a summary or the
// full article as escaped HTML; either is read as a page fragment, without Readability, since
// a feed item holds only the article.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { DecisionLog } from "../core/context.ts";
import { errors } from "../core/errors.ts";
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

interface FeedShape {
  kind: "RSS" | "Atom" | "RDF";
  outlet: string | null;
  items: Record<string, Node>[];
}

function shapeOf(doc: Record<string, Node>): FeedShape | null {
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

/** Every item of a feed; `input` names the file, URL or "stdin". */
export function* loadFeed(
  content: string,
  input: string,
  override: string | null = null,
): Generator<LoadItem> {
  const valid = XMLValidator.validate(content);
  if (valid !== true) {
    yield { error: errors.feed(input, `line ${valid.err.line}: ${valid.err.msg}`) };
    return;
  }
  let shape: FeedShape | null;
  try {
    shape = shapeOf(parser.parse(content) as Record<string, Node>);
  } catch (e) {
    yield { error: errors.feed(input, (e as Error).message) };
    return;
  }
  if (!shape) {
    yield { error: errors.feed(input, "no <rss>, <feed> or <rdf:RDF> root element") };
    return;
  }
  if (shape.items.length === 0) {
    yield { error: errors.empty(input) };
    return;
  }
  for (const [i, item] of shape.items.entries()) {
    const origin = `${input}#${i + 1}`;
    const url = linkOf(item);
    const title = plainTitle(field(item, "title"));
    // The fullest body first: content:encoded and Atom content hold the article, description
    // and summary often only a teaser.
    const body = field(item, "content:encoded", "content", "description", "summary") ?? "";
    const author = field(item, "dc:creator") ?? authorOf(item.author);
    const log: DecisionLog[] = [];
    logLoad(log, `${shape.kind} item ${i + 1} of ${input}`);
    const cleaned = cleanBlocks(htmlFragmentBlocks(body), title, log, author);
    const found: Extracted = {
      raw: body,
      text: cleaned.text,
      title,
      url,
      outlet: shape.outlet ?? hostOf(url),
      author,
      published: normalizeDate(field(item, "pubDate", "published", "dc:date", "updated")),
      dropped: cleaned.dropped,
      log,
    };
    const id = field(item, "guid", "id") ?? url ?? `${input}#${i + 1}`;
    yield finishDocument({ id, origin, override }, found);
  }
}
