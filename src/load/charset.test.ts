import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import { PROJECT_ROOT } from "../core/data-files.ts";
import { decodeBytes, documentCharset, normalizeCharset, repairMojibake } from "./charset.ts";
import { loadHtml } from "./html-loader.ts";
import { decodeWithInfo } from "./sniff.ts";
import { docOf } from "./test-helpers.ts";

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, "fixtures", "encoding", name));

/** What every fixture says, read right. */
const RIGHT = ["Bogotá", "café", "Carrera Séptima", "Plaza de Bolívar"];
/** What the same words look like read wrong. */
const MOJIBAKE = /Ã|â€|Â|\uFFFD|�/;

function readsRight(text: string, name: string): void {
  for (const w of RIGHT) assert.ok(text.includes(w), `${name}: "${w}" not in the text`);
  assert.doesNotMatch(text, MOJIBAKE, `${name}: mojibake`);
}

describe("charset: which encoding, checked against the bytes", () => {
  it("Windows-1252 declared by <meta http-equiv>", () => {
    const d = decodeBytes(fixture("windows-1252.html"), "w");
    assert.deepEqual([d.encoding, d.from], ["windows1252", "document"]);
    readsRight(d.text, "windows-1252");
    assert.ok(d.text.includes("“The curfew will stay in force until calm returns,”"));
  });

  it("a Latin-1 page under a header that says UTF-8: the header is checked and set aside", () => {
    const d = decodeBytes(fixture("latin-1.html"), "l", "UTF-8");
    assert.deepEqual([d.encoding, d.from], ["windows1252", "document"]);
    readsRight(d.text, "latin-1");
    assert.ok(d.notes.some((n) => /declared UTF-8, but \d+ byte\(s\) are not UTF-8/.test(n)));
  });

  it("UTF-8 with a byte-order mark: the mark decides and is not kept", () => {
    const d = decodeBytes(fixture("utf-8-bom.html"), "b", "iso-8859-1");
    assert.deepEqual([d.encoding, d.from], ["utf8", "bom"]);
    assert.ok(d.text.startsWith("<!DOCTYPE html>"));
    readsRight(d.text, "bom");
  });

  it("declared Shift_JIS over UTF-8 bytes: read as UTF-8, and noted", () => {
    const d = decodeBytes(fixture("shift-jis-declared-utf-8.html"), "s");
    assert.deepEqual([d.encoding, d.from], ["utf8", "utf-8"]);
    readsRight(d.text, "shift-jis");
    assert.ok(d.notes.some((n) => /declared Shift_JIS, but the bytes are UTF-8/.test(n)));
  });

  it("a real Shift_JIS page is read as Shift_JIS", () => {
    const bytes = iconv.encode('<meta charset="shift_jis"><p>東京で抗議デモ</p>', "shift_jis");
    const d = decodeBytes(bytes, "sjis");
    assert.equal(d.encoding, "shift_jis");
    assert.ok(d.text.includes("東京で抗議デモ"));
  });

  it("UTF-8 with a paragraph pasted in Windows-1252 reads as both", () => {
    const d = decodeBytes(fixture("mixed-utf-8-windows-1252.html"), "m");
    assert.equal(d.from, "mixed");
    readsRight(d.text, "mixed");
    assert.ok(d.notes.some((n) => /mixed encodings/.test(n)));
  });

  it("mojibake from an earlier misreading is repaired", () => {
    const d = decodeBytes(fixture("mojibake.html"), "j");
    readsRight(d.text, "mojibake");
    assert.ok(d.notes.some((n) => /repaired \d+ run/.test(n)));
    assert.deepEqual(repairMojibake("cafÃ© â€œquotedâ€\u009d"), {
      text: "café “quoted”",
      repaired: 3,
    });
    assert.equal(repairMojibake("â€œquotedâ€\uFFFD").text, "“quoted”");
  });

  it("does not 'repair' text that only looks odd", () => {
    for (const s of ["NESCAFÉ® and NESTLÉ®", "Ã is a letter", "ÂGE", "São Paulo", "naïve façade"]) {
      assert.equal(repairMojibake(s).text, s);
    }
  });

  it("no declaration: chardet's guess, checked", () => {
    const bytes = iconv.encode(
      "<p>Les manifestants se sont rassemblés devant la préfecture à Besançon, où la police a procédé à des interpellations.</p>",
      "windows-1252",
    );
    const d = decodeBytes(bytes, "g");
    assert.equal(d.from, "sniffed");
    assert.ok(d.text.includes("rassemblés devant la préfecture à Besançon"));
  });

  it("bytes no encoding reads are a clear error, not text with holes", () => {
    // Declared UTF-8 BOM, then mostly broken sequences.
    const broken = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("text "),
      Buffer.alloc(200, 0xc3),
    ]);
    assert.throws(() => decodeBytes(broken, "broken.html"), {
      code: "INPUT_ENCODING",
      message: /broken\.html: cannot be decoded as text: \d+ of its characters are undecodable/,
    });
  });

  it("labels: Latin-1 is read as Windows-1252 (as browsers do); unknown labels are null", () => {
    assert.equal(normalizeCharset("ISO-8859-1"), "windows1252");
    assert.equal(normalizeCharset("x-no-such-charset"), null);
    assert.equal(
      documentCharset(Buffer.from('<?xml version="1.0" encoding="ISO-8859-15"?><rss/>')),
      "ISO-8859-15",
    );
    assert.equal(decodeWithInfo(Buffer.from("plain ascii"), "a").from, "ascii");
  });
});

describe("charset: through the HTML loader", () => {
  for (const [name, header] of [
    ["windows-1252.html", null],
    ["latin-1.html", "utf-8"],
    ["utf-8-bom.html", null],
    ["shift-jis-declared-utf-8.html", null],
    ["mixed-utf-8-windows-1252.html", null],
    ["mojibake.html", null],
  ] as const) {
    it(`${name}: the stored text and title read right`, () => {
      const text = decodeWithInfo(fixture(name), name, header).text;
      const doc = docOf(loadHtml(text, { id: name, origin: name }));
      readsRight(doc.text, name);
      assert.equal(doc.title, "Curfew imposed in Bogotá after clashes");
    });
  }
});
