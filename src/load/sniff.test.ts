import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { decodeText, formatOfPath, GUNZIP_MAX_BYTES, gunzip, sniffFormat } from "./sniff.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("bytes to text", () => {
  it("reads UTF-8 and strips nothing", () => {
    assert.equal(decodeText(bytes("Al-Qā’im — “quoted”"), "x"), "Al-Qā’im — “quoted”");
  });

  it("rejects NUL bytes as binary", () => {
    assert.throws(() => decodeText(new Uint8Array([0x41, 0x00, 0x42]), "x.txt"), {
      code: "INPUT_BINARY",
      input: "x.txt",
    });
  });

  it("rejects random bytes as binary", () => {
    const data = randomBytes(4096).map((b) => (b === 0 ? 1 : b));
    assert.throws(() => decodeText(data, "noise"), { code: "INPUT_BINARY" });
  });

  it("rejects many control characters as binary", () => {
    const data = bytes(`${"\u0001\u0002\u0003 text ".repeat(50)}`);
    assert.throws(() => decodeText(data, "ctl"), { code: "INPUT_BINARY" });
  });

  it("reads legacy Windows-1252 text instead of calling it binary", () => {
    // "Café in Bogotá" with é and á as single bytes.
    const latin1 = new Uint8Array([
      ...bytes("Caf"),
      0xe9,
      ...bytes(" in Bogot"),
      0xe1,
      ...bytes(" was attacked."),
    ]);
    assert.equal(decodeText(latin1, "x"), "Café in Bogotá was attacked.");
  });

  it("honours a declared charset and a UTF-16 byte-order mark", () => {
    assert.equal(decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9]), "x", "iso-8859-1"), "Café");
    const utf16 = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]);
    assert.equal(decodeText(utf16, "x"), "Hi");
  });
});

describe("gzip", () => {
  it("a gzipped file that decompresses past the limit is a clear error, not a full memory", () => {
    const bomb = gzipSync(Buffer.alloc(GUNZIP_MAX_BYTES + 1024), { level: 1 });
    assert.throws(() => gunzip(bomb, "bomb.html.gz"), {
      code: "INPUT_UNREADABLE",
      message: /bomb\.html\.gz: cannot be read \(decompresses to more than 64 MB/,
    });
  });
});

describe("formats", () => {
  it("from file names, gzip included", () => {
    assert.deepEqual(formatOfPath("a/b/page.HTML.gz"), { format: "html", gzip: true });
    assert.deepEqual(formatOfPath("notes.md"), { format: "markdown", gzip: false });
    assert.deepEqual(formatOfPath("feed.atom"), { format: "feed", gzip: false });
    assert.deepEqual(formatOfPath("photo.jpg"), { format: null, gzip: false });
  });

  it("from content", () => {
    assert.equal(sniffFormat("<!DOCTYPE html><html><body><p>x</p></body></html>"), "html");
    assert.equal(sniffFormat("\n  <html lang=en><p>x"), "html");
    assert.equal(sniffFormat("<div><p>Two soldiers were killed.</p></div>"), "html");
    assert.equal(sniffFormat('<?xml version="1.0"?><rss version="2.0"><channel/></rss>'), "feed");
    assert.equal(sniffFormat('<feed xmlns="http://www.w3.org/2005/Atom"></feed>'), "feed");
    assert.equal(sniffFormat('{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}'), "jsonl");
    assert.equal(sniffFormat("Two soldiers were killed <3 km> from the border."), "text");
    assert.equal(sniffFormat("Plain text"), "text");
  });
});
