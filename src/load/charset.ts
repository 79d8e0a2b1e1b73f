// Which encoding a page's bytes are in, and their text. Declarations are evidence, not truth:
// servers send "charset=utf-8" for Latin-1 pages and pages declare Shift_JIS over UTF-8 bytes,
// and a wrong guess stores mojibake ("cafÃ©", "â€™") that no later stage can tell from text.
// So every declaration is checked against the bytes before it is used:
//
//   1. a byte-order mark decides;
//   2. bytes without any non-ASCII byte read the same in every encoding sitrep meets;
//   3. bytes that are valid UTF-8 (with some non-ASCII) are UTF-8, whatever is declared: legacy
//      text is valid UTF-8 by accident only in a few two-letter pairs ("Ã©"), never page-long;
//   4. otherwise the HTTP header's charset, then the page's own (<meta charset>, http-equiv,
//      the XML declaration), each used only if it decodes the bytes without an undecodable
//      sequence;
//   5. mostly UTF-8 with a few stray legacy bytes (a CMS pasting Latin-1 into a UTF-8 page)
//      reads as UTF-8 with the stray bytes read as Windows-1252;
//   6. otherwise the encoding chardet finds most likely, checked the same way;
//   7. text that is still UTF-8 read as Windows-1252 (mojibake, from a source that got it wrong
//      before us) is repaired.
//
// Bytes that no encoding reads cleanly are an INPUT_ENCODING error, not text with holes.
import { analyse } from "chardet";
import iconv from "iconv-lite";
import { errors } from "../core/errors.ts";

export type CharsetSource = "bom" | "ascii" | "utf-8" | "header" | "document" | "mixed" | "sniffed";

export interface Decoded {
  text: string;
  /** The encoding the text was read in, as iconv-lite names it ("utf8", "windows1252", ...). */
  encoding: string;
  from: CharsetSource;
  /** What was declared and not used, or repaired: for the document's log. */
  notes: string[];
}

/**
 * Labels that WHATWG reads as Windows-1252 (browsers do: a page declaring ISO-8859-1 with curly
 * quotes at 0x93/0x94 shows them), so sitrep does too.
 */
const WINDOWS_1252_LABELS = new Set([
  "iso-8859-1",
  "iso8859-1",
  "iso_8859-1",
  "latin1",
  "latin-1",
  "l1",
  "us-ascii",
  "ascii",
  "cp819",
  "ibm819",
  "cp1252",
  "windows-1252",
  "x-cp1252",
]);

/** A charset label as iconv-lite knows it, or null when it reads no such encoding. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, "");
  if (!l) return null;
  if (WINDOWS_1252_LABELS.has(l)) return "windows1252";
  if (l === "utf-8" || l === "utf8" || l === "unicode-1-1-utf-8") return "utf8";
  // x-sjis, shift-jis, ms_kanji and the like: iconv-lite knows most aliases itself.
  return iconv.encodingExists(l) ? l : null;
}

/** The charset a Content-Type header names ("text/html; charset=UTF-8"), if any. */
export function headerCharset(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m ? m[1] : null;
}

/** How far into the bytes a page's own declaration is looked for (WHATWG's prescan reads 1024). */
export const DECLARATION_SCAN_BYTES = 4096;

/** The charset a document declares: <meta charset>, <meta http-equiv content>, or <?xml encoding?>. */
export function documentCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, DECLARATION_SCAN_BYTES)).toString("latin1");
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1];
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta ? meta[1] : null;
}

// ------------------------------------------------------------------ UTF-8 by hand

/** Length of the valid UTF-8 sequence at `i` (1 for ASCII), or 0 when the byte there starts none. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  let n: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) {
    n = 2;
    min = 0x80;
  } else if (b >= 0xe0 && b <= 0xef) {
    n = 3;
    min = 0x800;
  } else if (b >= 0xf0 && b <= 0xf4) {
    n = 4;
    min = 0x10000;
  } else return 0;
  if (i + n > bytes.length) return 0;
  let cp = b & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    const c = bytes[i + k];
    if ((c & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return n;
}

export interface Utf8Census {
  /** Non-ASCII characters in valid UTF-8 sequences. */
  multibyte: number;
  /** Bytes that start no valid UTF-8 sequence. */
  invalid: number;
}

export function utf8Census(bytes: Uint8Array): Utf8Census {
  let multibyte = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const n = utf8SequenceAt(bytes, i);
    if (n === 0) {
      invalid++;
      i++;
    } else {
      if (n > 1) multibyte++;
      i += n;
    }
  }
  return { multibyte, invalid };
}

/** UTF-8, with each byte that starts no valid sequence read as Windows-1252. */
function decodeMixed(bytes: Uint8Array): string {
  let out = "";
  let start = 0;
  const utf8 = new TextDecoder("utf-8");
  for (let i = 0; i < bytes.length; ) {
    const n = utf8SequenceAt(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += utf8.decode(bytes.subarray(start, i));
    out += decodeAs(bytes.subarray(i, i + 1), "windows1252");
    i++;
    start = i;
  }
  return out + utf8.decode(bytes.subarray(start));
}

// ------------------------------------------------------------------ mojibake

// Windows-1252's bytes 0x80-0x9F, the characters a UTF-8 continuation byte turns into when
// UTF-8 is read as Windows-1252 ("’" = E2 80 99 shows as "â€™").
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const TO_CP1252_BYTE = new Map<string, number>();
for (let i = 0; i < CP1252_HIGH.length; i++) TO_CP1252_BYTE.set(CP1252_HIGH[i], 0x80 + i);
for (let b = 0xa0; b <= 0xff; b++) TO_CP1252_BYTE.set(String.fromCharCode(b), b);

const CONTINUATION = `[\\u00A0-\\u00BF${CP1252_HIGH.replace(/[\\\]^-]/g, "\\$&")}]`;
/**
 * A UTF-8 lead byte read as Windows-1252, then its continuation bytes read the same way. Two-byte
 * leads are only those of the letters mojibake is made of (Ã and Â for Latin-1, Å and Ä for
 * Latin Extended-A, Î Ï Ð Ñ for Greek and Cyrillic): "NESCAFÉ®" is an É before a ®, not
 * mojibake of "ɮ".
 */
const MOJIBAKE = new RegExp(
  `(?:[\\u00C2-\\u00C5\\u00CE-\\u00D1]${CONTINUATION}|[\\u00E0-\\u00EF]${CONTINUATION}{2}|[\\u00F0-\\u00F4]${CONTINUATION}{3})+`,
  "gu",
);

/** What repaired text may hold: letters and punctuation of the scripts news is written in. */
const PLAUSIBLE =
  /^[\u00A0-\u017F\u0370-\u052F\u0590-\u06FF\u0E00-\u0E7F\u2000-\u206F\u20A0-\u20CF\u2100-\u214F\u3000-\u9FFF\uAC00-\uD7AF\uFF00-\uFFEF]+$/u;

/**
 * Repairs text that went through a UTF-8 → Windows-1252 misreading ("cafÃ©" → "café",
 * "â€™" → "’"). Each run is re-encoded and read as UTF-8, and replaced only when that reads
 * cleanly; text without such runs is returned as it was.
 */
export function repairMojibake(text: string): { text: string; repaired: number } {
  let repaired = 0;
  // "”" is E2 80 9D, and 0x9D is one of Windows-1252's holes: a misreading that went through a
  // strict decoder left "â€" and a replacement character. Nothing else ends that way in news.
  const closed = text.replace(/â€\uFFFD/g, () => {
    repaired++;
    return "”";
  });
  const fixed = closed.replace(MOJIBAKE, (run) => {
    const bytes: number[] = [];
    for (const ch of run) {
      const b = TO_CP1252_BYTE.get(ch);
      if (b === undefined) return run;
      bytes.push(b);
    }
    try {
      const out = new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
      if (!PLAUSIBLE.test(out)) return run;
      repaired++;
      return out;
    } catch {
      return run;
    }
  });
  return { text: fixed, repaired };
}

// ------------------------------------------------------------------ decoding

/**
 * Undecodable characters (U+FFFD) above this share of the non-ASCII characters mean the bytes
 * are in no encoding tried. A page may carry a few of its own (a broken database export), and
 * keeps them; more is a clear error, not text with holes.
 */
export const MAX_UNDECODABLE_SHARE = 0.02;

/**
 * Above this share of bytes that start no UTF-8 sequence, undeclared data is not text in any
 * encoding sitrep reads. Text in a legacy 8-bit encoding (Latin-1, Windows-1252) has one per
 * accented letter, a few percent; compressed or encrypted data has one in two.
 */
export const MAX_INVALID_UTF8_SHARE = 0.2;

/** How much of the start the binary check reads. */
const BINARY_SNIFF_BYTES = 8192;

/** Below this confidence (0-100) chardet's guess is noise. */
export const SNIFF_MIN_CONFIDENCE = 10;

/**
 * Stray bytes count as pasted legacy text inside a UTF-8 page when valid multibyte UTF-8
 * characters outnumber them at least this many times.
 */
export const MIXED_MIN_UTF8_PER_STRAY = 2;

function undecodable(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === "\uFFFD") n++;
  return n;
}

function literalReplacements(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  }
  return n;
}

function nonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) n++;
  return n;
}

/**
 * The bytes in `encoding`. Windows-1252 as browsers read it: its five unassigned bytes are the
 * C1 controls of the same number, not undecodable (iconv-lite's table has holes there).
 */
function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (encoding === "windows1252") return new TextDecoder("windows-1252").decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** The text in `encoding`, or null when it leaves undecodable sequences. */
function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    const text = decodeAs(bytes, encoding);
    return undecodable(text) > 0 ? null : text;
  } catch {
    return null;
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Bytes to text by the rules at the top of this file. `declared` is the HTTP header's charset
 * label, if any. Throws INPUT_ENCODING when no encoding reads the bytes cleanly.
 */
export function decodeBytes(
  bytes: Uint8Array,
  input: string,
  declared: string | null = null,
): Decoded {
  const notes: string[] = [];
  const finish = (text: string, encoding: string, from: CharsetSource): Decoded => {
    const fixed = repairMojibake(text);
    if (fixed.repaired) {
      notes.push(`repaired ${fixed.repaired} run(s) of UTF-8 read as Windows-1252 ("â€™" for "’")`);
    }
    // U+FFFD the page itself holds (the bytes EF BF BD) is its text; only those decoding made count.
    const bad = undecodable(fixed.text) - literalReplacements(bytes);
    if (bad > 0 && bad > MAX_UNDECODABLE_SHARE * Math.max(1, nonAscii(fixed.text))) {
      throw errors.encoding(
        input,
        `${bad} of its characters are undecodable in ${encoding}, the likeliest encoding; it may be damaged or in an encoding sitrep cannot read`,
      );
    }
    return { text: stripBom(fixed.text), encoding, from, notes };
  };

  // 1. A byte-order mark.
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return finish(new TextDecoder("utf-8").decode(bytes.subarray(3)), "utf8", "bom");
  }
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    const le = bytes[0] === 0xff;
    return finish(
      new TextDecoder(le ? "utf-16le" : "utf-16be").decode(bytes.subarray(2)),
      le ? "utf16le" : "utf16be",
      "bom",
    );
  }

  const header = declared ? normalizeCharset(declared) : null;
  const ownLabel = documentCharset(bytes);
  const own = normalizeCharset(ownLabel);
  if (declared && !header) notes.push(`the server's charset "${declared}" is unknown: ignored`);
  if (ownLabel && !own) notes.push(`the page's charset "${ownLabel}" is unknown: ignored`);

  // 2-3. ASCII, and valid UTF-8.
  const census = utf8Census(bytes);
  if (census.invalid === 0) {
    const text = new TextDecoder("utf-8").decode(bytes);
    if (census.multibyte === 0) return finish(text, "utf8", "ascii");
    for (const [label, enc] of [
      [declared, header],
      [ownLabel, own],
    ] as const) {
      if (enc && enc !== "utf8")
        notes.push(`declared ${label}, but the bytes are UTF-8: read as UTF-8`);
    }
    return finish(text, "utf8", "utf-8");
  }

  // 4. Declarations, checked.
  for (const [label, enc, from] of [
    [declared, header, "header"],
    [ownLabel, own, "document"],
  ] as const) {
    if (!enc) continue;
    if (enc === "utf8") {
      notes.push(`declared ${label}, but ${census.invalid} byte(s) are not UTF-8`);
      continue;
    }
    const text = tryDecode(bytes, enc);
    if (text !== null) return finish(text, enc, from);
    notes.push(`declared ${label}, but the bytes do not read as ${label}`);
  }

  // Undeclared, and mostly not UTF-8 at the start: compressed or encrypted data, not text.
  const head = utf8Census(bytes.subarray(0, BINARY_SNIFF_BYTES));
  const headChars = Math.min(bytes.length, BINARY_SNIFF_BYTES) - head.multibyte;
  if (head.invalid / Math.max(1, headChars) > MAX_INVALID_UTF8_SHARE) throw errors.binary(input);

  // 5. UTF-8 with a few stray legacy bytes.
  if (census.multibyte >= MIXED_MIN_UTF8_PER_STRAY * census.invalid) {
    notes.push(`mixed encodings: UTF-8 with ${census.invalid} stray byte(s), read as Windows-1252`);
    return finish(decodeMixed(bytes), "utf8+windows1252", "mixed");
  }

  // 6. The likeliest encoding by its statistics.
  const guesses = analyse(bytes);
  for (const g of guesses) {
    if (g.confidence < SNIFF_MIN_CONFIDENCE) break;
    const enc = normalizeCharset(g.name);
    if (!enc || enc === "utf8") continue;
    const text = tryDecode(bytes, enc);
    if (text !== null) {
      notes.push(`no usable declaration: read as ${g.name} (chardet, confidence ${g.confidence})`);
      return finish(text, enc, "sniffed");
    }
  }
  notes.push("no usable declaration and no confident guess: read as Windows-1252");
  return finish(decodeAs(bytes, "windows1252"), "windows1252", "sniffed");
}
