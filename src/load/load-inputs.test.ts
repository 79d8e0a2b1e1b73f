import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { idFromPath, idFromUrl, loadInputs } from "./load-inputs.ts";
import { collect, docOf, errorOf, fixture } from "./test-helpers.ts";

const ARTICLE =
  "Two soldiers were killed when fighters attacked an army post near the border on Saturday, the ministry said.";

describe("loadInputs: files and directories", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "sitrep-load-"));
    mkdirSync(join(dir, "sub"));
    mkdirSync(join(dir, "other"));
    writeFileSync(join(dir, "b.txt"), ARTICLE);
    writeFileSync(join(dir, "a.html.gz"), gzipSync(readFileSync(fixture("page.html"))));
    copyFileSync(fixture("notes.md"), join(dir, "sub", "c.md"));
    writeFileSync(
      join(dir, "sub", "d.jsonl"),
      `{"id":"j1","text":${JSON.stringify(ARTICLE)}}\n{oops\n`,
    );
    writeFileSync(join(dir, "other", "b.txt"), ARTICLE);
    writeFileSync(join(dir, "photo.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0x00]));
    writeFileSync(join(dir, ".hidden.txt"), ARTICLE);
    writeFileSync(join(dir, "binary.txt"), Buffer.from([0x48, 0x00, 0x01, 0x02, 0xff, 0x00]));
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "story"), ARTICLE);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("walks a directory recursively in sorted order, taking known extensions only", async () => {
    const items = await collect(loadInputs([dir]));
    const names = items.map((i) =>
      ("doc" in i ? i.doc.origin : i.error.input)?.slice(dir.length + 1),
    );
    assert.deepEqual(names, [
      "a.html.gz",
      "b.txt",
      "binary.txt",
      "empty.txt",
      "other/b.txt",
      "sub/c.md",
      "sub/d.jsonl:1",
      "sub/d.jsonl:2",
    ]);
    const page = docOf(items[0]);
    assert.equal(page.id, "a");
    assert.equal(page.title, "Drone strike hits fuel depot in border province");
    assert.equal(errorOf(items[2]).code, "INPUT_BINARY");
    assert.equal(errorOf(items[3]).code, "INPUT_EMPTY");
    assert.equal(
      docOf(items[5]).title,
      "Protesters Clash With Police In Harbour City",
      "Markdown read as Markdown",
    );
    assert.equal(docOf(items[6]).id, "j1");
    assert.equal(errorOf(items[7]).code, "JSONL_MALFORMED");
  });

  it("keeps ids from file names unique: a second b.txt becomes b-2", async () => {
    const items = await collect(loadInputs([dir]));
    assert.equal(docOf(items[1]).id, "b");
    assert.equal(docOf(items[4]).id, "b-2");
  });

  it("reads explicit files of any extension by their content", async () => {
    const [item] = await collect(loadInputs([join(dir, "story")]));
    assert.equal(docOf(item).text, ARTICLE);
  });

  it("reports a missing file as `notFound` and goes on with the next input", async () => {
    const items = await collect(loadInputs([join(dir, "missing.txt"), join(dir, "b.txt")]));
    const error = errorOf(items[0]);
    assert.equal(error.code, "INPUT_NOT_FOUND");
    assert.equal(error.input, join(dir, "missing.txt"));
    assert.equal(docOf(items[1]).id, "b");
  });

  it("reports an unreadable file as `unreadable`", async (t) => {
    if (process.getuid?.() === 0) {
      t.skip("running as root: file permissions do not stop reading");
      return;
    }
    const path = join(dir, "locked.txt");
    writeFileSync(path, ARTICLE, { mode: 0o000 });
    const [item] = await collect(loadInputs([path]));
    assert.equal(errorOf(item).code, "INPUT_UNREADABLE");
  });

  it("reports the empty fixture and the all-boilerplate fixture as `empty`, the French one as `notEnglish`", async () => {
    const items = await collect(
      loadInputs([fixture("empty.txt"), fixture("only-boilerplate.txt"), fixture("french.txt")]),
    );
    assert.deepEqual(
      items.map((i) => errorOf(i).code),
      ["INPUT_EMPTY", "INPUT_EMPTY", "INPUT_NOT_ENGLISH"],
    );
    assert.equal(errorOf(items[0]).input, fixture("empty.txt"));
  });

  it("applies --published to every document", async () => {
    const items = await collect(
      loadInputs([fixture("page.html"), fixture("feed.atom")], { published: "2024-02-08" }),
    );
    const docs = items.filter((i) => "doc" in i).map(docOf);
    assert.equal(docs.length, 3);
    assert.ok(docs.every((d) => d.published === "2024-02-08"));
    assert.ok(
      items[0] &&
        "log" in items[0] &&
        items[0].log.some((l) => /--published overrides 2024-03-05/.test(l.reason)),
    );
  });

  it("refuses URL schemes it cannot fetch", async () => {
    const [item] = await collect(loadInputs(["ftp://example.com/a.txt"]));
    assert.equal(errorOf(item).code, "INPUT_UNSUPPORTED");
  });

  it("makes stable ids from paths and URLs", () => {
    assert.equal(idFromPath("reports/Vessa depot strike.html.gz"), "Vessa depot strike");
    assert.equal(idFromPath("/x/my.story.txt"), "my.story");
    assert.equal(
      idFromUrl("https://www.example.com/2024/02/08/strike.html"),
      "example-com-2024-02-08-strike-html",
    );
    const long = idFromUrl(`https://example.com/${"a-very-long-slug-".repeat(10)}`);
    assert.ok(long.length <= 80 && /-[0-9a-f]{8}$/.test(long), long);
    assert.equal(long, idFromUrl(`https://example.com/${"a-very-long-slug-".repeat(10)}`));
  });
});

describe("loadInputs: stdin", () => {
  const stdin = (s: string | Buffer) => Readable.from([Buffer.from(s)]);

  it("reads plain text as the document `stdin`", async () => {
    const [item] = await collect(
      loadInputs(["-"], { stdin: stdin(`Border attack\n\n${ARTICLE}`) }),
    );
    const doc = docOf(item);
    assert.deepEqual(
      [doc.id, doc.origin, doc.title, doc.text],
      ["stdin", "stdin", "Border attack", ARTICLE],
    );
  });

  it("sniffs HTML and JSONL", async () => {
    const [html] = await collect(
      loadInputs(["-"], { stdin: stdin(readFileSync(fixture("page.html"))) }),
    );
    assert.equal(docOf(html).outlet, "Riverside Daily Monitor");
    const lines = await collect(
      loadInputs(["-"], { stdin: stdin(readFileSync(fixture("stories.jsonl"))) }),
    );
    assert.equal(docOf(lines[0]).origin, "stdin:1");
    assert.equal(errorOf(lines[2]).input, "stdin:3");
  });

  it("reports empty and binary input", async () => {
    assert.equal(
      errorOf((await collect(loadInputs(["-"], { stdin: stdin("  \n") })))[0]).code,
      "INPUT_EMPTY",
    );
    const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]);
    assert.equal(
      errorOf((await collect(loadInputs(["-"], { stdin: stdin(binary) })))[0]).code,
      "INPUT_BINARY",
    );
  });
});

describe("loadInputs: URLs (a real HTTP server on loopback)", () => {
  let server: Server;
  let base: string;
  const page = readFileSync(fixture("page.html"));
  before(async () => {
    server = createServer((req, res) => {
      if (req.url === "/story") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(page);
      } else if (req.url === "/moved") {
        res.writeHead(301, { location: "/story" });
        res.end();
      } else if (req.url === "/feed") {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(readFileSync(fixture("feed.rss")));
      } else if (req.url === "/huge") {
        // No Content-Length: the limit must hold while streaming.
        res.writeHead(200, { "content-type": "text/plain" });
        const chunk = Buffer.alloc(1024 * 1024, "a");
        for (let i = 0; i < 11; i++) res.write(chunk);
        res.end();
      } else if (req.url === "/declared-huge") {
        // Declares more than the limit and then stalls: the client must not wait for the rest.
        res.writeHead(200, {
          "content-type": "text/plain",
          "content-length": String(50 * 1024 * 1024),
        });
        res.write("a");
      } else {
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not here");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it("fetches a page and reads it as HTML, with an id from the URL", async () => {
    const [item] = await collect(loadInputs([`${base}/story`]));
    const doc = docOf(item);
    assert.equal(doc.origin, `${base}/story`);
    assert.equal(doc.id, idFromUrl(`${base}/story`));
    assert.equal(doc.title, "Drone strike hits fuel depot in border province");
    assert.match(doc.text, /^A drone strike set a fuel depot ablaze/);
  });

  it("follows redirects", async () => {
    const [item] = await collect(loadInputs([`${base}/moved`]));
    assert.equal(docOf(item).id, idFromUrl(`${base}/story`));
  });

  it("reads a feed by its content type", async () => {
    const items = await collect(loadInputs([`${base}/feed`]));
    assert.equal(items.length, 3);
    assert.equal(docOf(items[0]).origin, `${base}/feed#1`);
  });

  it("reports HTTP errors, oversized bodies and refused connections as FETCH_FAILED", async () => {
    const [missing] = await collect(loadInputs([`${base}/nope`]));
    assert.equal(errorOf(missing).code, "FETCH_FAILED");
    assert.match(errorOf(missing).message, /HTTP 404/);
    for (const path of ["/huge", "/declared-huge"]) {
      const [big] = await collect(loadInputs([`${base}${path}`]));
      assert.match(errorOf(big).message, /larger than the 10 MB limit/, path);
    }
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const [refused] = await collect(loadInputs([`http://127.0.0.1:${port}/`]));
    assert.equal(errorOf(refused).code, "FETCH_FAILED");
    assert.match(errorOf(refused).message, /ECONNREFUSED/);
  });
});
