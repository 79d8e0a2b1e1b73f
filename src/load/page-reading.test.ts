// The page reader's own rules beyond Readability, each on a small page written for the case
// (CONVENTIONS 7): furniture removed by name, prose Readability left out put back, the
// publisher's JSON-LD copy read behind a teaser, <noscript> articles, trailing headings,
// look-alike letters in boilerplate, the standfirst.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { unconfuse } from "./boilerplate.ts";
import { parseDocument } from "./html-dom.ts";
import { extractHtml, readPage } from "./html-loader.ts";
import { prunePage } from "./page-pruner.ts";
import { isProse, pageProse, restoreProse } from "./prose-container.ts";

const sentence = (n: number, topic = "the border post") =>
  `Paragraph ${n} reports that fighting near ${topic} continued through the night, officials said on Tuesday.`;
const paras = (from: number, to: number, cls = "") =>
  Array.from(
    { length: to - from + 1 },
    (_, i) => `<p${cls ? ` class="${cls}"` : ""}>${sentence(from + i)}</p>`,
  ).join("");

const page = (body: string, head = "") =>
  `<!DOCTYPE html><html lang="en"><head><title>Clashes at the border post</title>${head}</head><body>${body}</body></html>`;

describe("page furniture removed by name (data/page-boilerplate.tsv)", () => {
  it("removes newsletter boxes, share bars and author bios inside the article, and says why", () => {
    const doc = parseDocument(
      page(
        `<article class="post tag-social-media no-share">${paras(1, 3)}<div class="wp-block-newsletter"><p>Get the latest news right to your inbox every morning.</p></div><div class="share-tools"><a href="#">Share</a></div>${paras(4, 5)}<div class="author-bio"><p>Lena Varga covers the region for the paper and has reported from the border since 2015.</p></div></article>`,
      ),
    );
    const pruned = prunePage(doc);
    assert.deepEqual(
      pruned.map((p) => [p.name, p.kind]),
      [
        ["wp-block-newsletter", "subscribe"],
        ["share-tools", "share"],
        ["author-bio", "author"],
      ],
    );
    const text = doc.body?.textContent ?? "";
    assert.match(
      text,
      /Paragraph 5/,
      "the article itself stays: tag-* and no-* classes are not roles",
    );
    assert.doesNotMatch(text, /inbox|Lena Varga covers/);
  });

  it("never removes the element that holds most of the page's text", () => {
    const doc = parseDocument(
      page(`<div class="comments-section">${paras(1, 8)}</div><p>Footer text.</p>`),
    );
    assert.equal(prunePage(doc).length, 0);
  });
});

describe("prose Readability left out", () => {
  it("a story split by an advert into blocks comes back whole", () => {
    const html = page(
      `<div class="top"><div class="story-text">${paras(1, 2, "story-para")}</div><div class="ad-slot"></div></div><div class="layout"><div class="col"><div class="story-text">${paras(3, 9, "story-para")}</div></div><div class="col2"><p>Sidebar stuff here.</p></div></div>`,
    );
    const r = readPage(html);
    assert.match(r.text, /^Paragraph 1 reports/);
    assert.match(r.text, /Paragraph 9 reports/);
    assert.ok(
      r.log.some((l) =>
        /2 prose paragraph\(s\) Readability left out put back \(set in the same paragraph style as the article\)/.test(
          l.reason,
        ),
      ),
    );
  });

  it("restores missing prose in order, and only prose", () => {
    const block = (text: string, linkDensity = 0) => ({ text, linkDensity });
    const container = [
      block(sentence(1)),
      block("Share this"),
      block(sentence(2)),
      block(sentence(3)),
      block(sentence(4)),
    ];
    const out = restoreProse([block(sentence(2)), block(sentence(4))], container);
    assert.deepEqual(
      out.blocks.map((b) => b.text.slice(0, 11)),
      ["Paragraph 1", "Paragraph 2", "Paragraph 3", "Paragraph 4"],
    );
    assert.equal(isProse("Name Title Place Name Title Place", 0, 6), false, "a list set with <br>");
    assert.equal(isProse(sentence(1), 0.5), false, "mostly links");
  });

  it("finds the block that holds the page's prose, not in page chrome", () => {
    const doc = parseDocument(
      page(`<aside>${paras(1, 9)}</aside><main><div id="body">${paras(10, 11)}</div></main>`),
    );
    assert.equal(pageProse(doc).container, null, "most prose is in an aside: no container");
    const doc2 = parseDocument(
      page(`<nav><a href="/">Home</a></nav><main><div id="body">${paras(1, 6)}</div></main>`),
    );
    assert.equal(pageProse(doc2).container?.getAttribute("id"), "body");
  });
});

describe("other readings", () => {
  it("a teaser in the markup, the full article in JSON-LD: the JSON-LD body is read", () => {
    const body = Array.from({ length: 8 }, (_, i) => sentence(i + 1)).join("\n");
    const ld = JSON.stringify({ "@type": "NewsArticle", headline: "Clashes", articleBody: body });
    const r = extractHtml(
      page(
        `<article><p>${sentence(1)}</p><p>Subscribe to read the rest.</p></article>`,
        `<script type="application/ld+json">${ld}</script>`,
      ),
    );
    assert.equal(r.method, "json-ld");
    assert.equal(r.blocks.length, 8);
    assert.ok(
      r.decisions.some((d) => /its JSON-LD articleBody \d+: the articleBody is read/.test(d)),
    );
  });

  it("an article repeated in <noscript> is read; a 'please enable JavaScript' one is not", () => {
    const r = readPage(
      page(
        `<div class="post-body"><script type="text/template">${paras(1, 4)}</script><noscript>${paras(1, 4)}</noscript></div><noscript><p>Please enable JavaScript.</p></noscript>`,
      ),
    );
    assert.match(r.text, /Paragraph 4 reports/);
    assert.doesNotMatch(r.text, /enable JavaScript/);
  });

  it("a heading with nothing under it is dropped; the standfirst is found apart from the body", () => {
    const r = readPage(
      page(
        `<header><h1>Clashes at the border post</h1><p class="dek">Fighting went on for a second night, officials said.</p></header><article>${paras(1, 4)}<h3>More from the region</h3></article>`,
        '<meta name="description" content="Fighting went on for a second night, officials said.">',
      ),
    );
    assert.doesNotMatch(r.text, /More from the region/);
    assert.ok(r.dropped.includes("More from the region"));
    assert.equal(r.page.lead, "Fighting went on for a second night, officials said.");
  });

  it("boilerplate in look-alike letters is matched as the Latin it imitates", () => {
    assert.equal(unconfuse("Аdvеrtіѕе wіth us"), "Advertise with us");
    assert.equal(unconfuse("Москва"), "Москва", "Cyrillic words are left alone");
    const r = readPage(
      page(
        `<article>${paras(1, 3)}<p>Аdvеrtіѕе wіth the most visited news site in the region.</p></article>`,
      ),
    );
    assert.doesNotMatch(r.text, /most visited news site/);
  });
});
