// The little of the DOM the load stage touches, typed here because the project compiles without
// the DOM lib (linkedom and Readability speak DOM). Plus the walk from markup to text blocks
// shared by the HTML and feed loaders.
import { parseHTML } from "linkedom";

export interface DomNode {
  nodeType: number;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
}

export interface DomElement extends DomNode {
  localName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  readonly parentNode: DomNode | null;
  readonly isConnected: boolean;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export function parseDocument(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document;
}

/** Elements that start and end a block of text: each becomes its own paragraph. */
const BLOCK_TAGS = new Set([
  "address",
  "article",
  "blockquote",
  "caption",
  "center",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

/**
 * Never text: code, media, form controls. Captions go too: they describe a photo, often
 * restating the story's event out of its context, and extraction gold standards leave them out.
 */
export const NOT_TEXT_TAGS: ReadonlySet<string> = new Set([
  "audio",
  "button",
  "canvas",
  "embed",
  "figcaption",
  "iframe",
  "img",
  "input",
  "math",
  "noscript",
  "object",
  "option",
  "picture",
  "script",
  "select",
  "style",
  "svg",
  "template",
  "textarea",
  "video",
]);

/** What a reader sees on a page, captions included: the page's text before an article is chosen. */
export const SHOWN_TAGS_SKIP: ReadonlySet<string> = new Set(
  [...NOT_TEXT_TAGS].filter((t) => t !== "figcaption"),
);

/** Page chrome around an article, skipped when no article was found and the whole body is read. */
export const PAGE_CHROME_TAGS: ReadonlySet<string> = new Set([
  ...NOT_TEXT_TAGS,
  "aside",
  "dialog",
  "footer",
  "form",
  "header",
  "menu",
  "nav",
]);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Not rendered: a reader never sees it, so neither does sitrep. */
function isHidden(element: DomElement): boolean {
  if (element.getAttribute("hidden") !== null) return true;
  if (element.getAttribute("aria-hidden") === "true") return true;
  const style = element.getAttribute("style");
  return style !== null && HIDDEN_STYLE.test(style);
}

/** One paragraph of a page, and the share of its characters inside links. */
export interface TextBlock {
  text: string;
  linkDensity: number;
  /** Lines the block was set in: 1, plus one for each single <br> inside it. */
  lines?: number;
  /** Set in a heading element (h1-h6). */
  heading?: boolean;
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const HEADING_TAG = /^h[1-6]$/;
/** Marks a single <br> in the buffer; whitespace, so it folds into a space in the block's text. */
const LINE_BREAK = "\u2028";
/** The buffer ends in text (not in a line break or nothing), so a <br> here breaks a line. */
const LINE_ENDS_TEXT = /[^\s\u2028][ \t]*$/;
/** Sentence end then capital, or lower case then capital, across an element edge. */
const SPLIT_RUNS = /^(?:[.!?:;,][\p{Lu}\p{N}]|\p{Ll}\p{Lu})$/u;

/**
 * The text blocks under `root`, whitespace collapsed inside each. Block elements and a run of
 * two <br> break blocks; one <br> breaks a line inside a paragraph (hard-wrapped posts, poems,
 * addresses), and inline elements run on, as a browser renders them.
 */
export function textBlocks(root: DomNode, skip: ReadonlySet<string> = NOT_TEXT_TAGS): TextBlock[] {
  const blocks: TextBlock[] = [];
  let buffer = "";
  let linkChars = 0;
  let lines = 1;
  let blockTag = "";
  const flush = () => {
    const text = buffer.replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
    if (text) {
      const chars = buffer.replace(/\s+/g, "").length;
      const block: TextBlock = { text, linkDensity: chars ? Math.min(1, linkChars / chars) : 0 };
      if (lines > 1) block.lines = lines;
      if (HEADING_TAG.test(blockTag)) block.heading = true;
      blocks.push(block);
    }
    buffer = "";
    linkChars = 0;
    lines = 1;
  };
  // Set when an element starts or ends: text on either side of an element edge was laid out apart.
  let edge = false;
  const walk = (node: DomNode, inLink: boolean) => {
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.nodeType === TEXT_NODE) {
        const text = child.textContent ?? "";
        // "Have your say.</span><span>Give us feedback." and "our</span><span>Newsletter" are
        // two runs a page styles apart; joined bare they make words that are in no text.
        if (edge && SPLIT_RUNS.test(`${buffer.slice(-1)}${text.slice(0, 1)}`)) buffer += " ";
        edge = false;
        buffer += text;
        if (inLink) linkChars += text.replace(/\s+/g, "").length;
      } else if (child.nodeType === ELEMENT_NODE) {
        const element = child as DomElement;
        const tag = element.localName;
        if (skip.has(tag) || isHidden(element)) continue;
        if (tag === "br") {
          // A line break after text goes on the line; a second one, with nothing between, ends
          // the paragraph ("<br><br>" is how many sites set paragraphs).
          if (LINE_ENDS_TEXT.test(buffer)) {
            buffer += LINE_BREAK;
            lines++;
          } else flush();
          continue;
        }
        const block = BLOCK_TAGS.has(tag);
        const outer = blockTag;
        if (block) {
          flush();
          blockTag = tag;
        }
        edge = true;
        walk(child, inLink || tag === "a");
        edge = true;
        if (block) {
          flush();
          blockTag = outer;
        }
      }
    }
  };
  walk(root, false);
  flush();
  return blocks;
}

/** The visible text of a whole page body, without its chrome: the reading when Readability finds no article. */
export function bodyBlocks(doc: DomDocument): TextBlock[] {
  return doc.body ? textBlocks(doc.body, PAGE_CHROME_TAGS) : [];
}

/** Markup to text blocks: feed item descriptions, JSONL snippets. */
export function htmlFragmentBlocks(html: string): TextBlock[] {
  const doc = parseDocument(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return doc.body ? textBlocks(doc.body) : [];
}
