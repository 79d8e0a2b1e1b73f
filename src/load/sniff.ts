// From bytes to text, and from text to a format: the guards that keep a JPEG, a zip or a
// UTF-16 spreadsheet export from reaching the text cleaner, and the guesses that let stdin and
// files without a known extension be read at all.
import { extname } from "node:path";
import { gunzipSync } from "node:zlib";
import { errors } from "../core/errors.ts";
import { type Decoded, decodeBytes, headerCharset } from "./charset.ts";

export type Format = "text" | "markdown" | "html" | "feed" | "jsonl";

/** How much of the start of the bytes the binary check reads. */
export const SNIFF_BYTES = 8192;

/**
 * Above this share of control characters (other than tab, newline, carriage return, form
 * feed, escape) the data is not text. Text has next to none; random bytes have ~11%.
 */
export const MAX_CONTROL_SHARE = 0.05;

/**
 * Above this share of bytes that start no UTF-8 sequence, undeclared data is not text
 * (charset.ts, where the check runs).
 */
export { MAX_INVALID_UTF8_SHARE } from "./charset.ts";

/** Extensions read from files and directories, with the format each holds. */
export const EXTENSION_FORMATS: Record<string, Format> = {
  ".txt": "text",
  ".md": "markdown",
  ".html": "html",
  ".htm": "html",
  ".xml": "feed",
  ".rss": "feed",
  ".atom": "feed",
  ".jsonl": "jsonl",
};

/** The format a file name promises ("page.html.gz" is HTML), and whether it is gzipped. */
export function formatOfPath(path: string): { format: Format | null; gzip: boolean } {
  let name = path.toLowerCase();
  const gzip = name.endsWith(".gz");
  if (gzip) name = name.slice(0, -3);
  return { format: EXTENSION_FORMATS[extname(name)] ?? null, gzip };
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * A gzipped file may hold at most this much: sixfold the fetch limit for one page. Beyond it
 * is a compression bomb or a data dump, not a news file.
 */
export const GUNZIP_MAX_BYTES = 64 * 1024 * 1024;

/** Gunzips, or yields the `unreadable` error naming the input. */
export function gunzip(bytes: Uint8Array, input: string): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: GUNZIP_MAX_BYTES });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) {
      throw errors.unreadable(
        input,
        `decompresses to more than ${GUNZIP_MAX_BYTES / 1024 / 1024} MB: a compression bomb, or not a news file`,
      );
    }
    throw errors.unreadable(input, `not valid gzip: ${(e as Error).message}`);
  }
}

/** The charset a Content-Type header names, if any. */
export function declaredCharset(head: string): string | null {
  return headerCharset(head)?.toLowerCase() ?? null;
}

/**
 * Bytes to text. Throws the `binary` error when the bytes are not text (NUL bytes or many
 * control characters in the first SNIFF_BYTES, or undeclared and mostly invalid UTF-8), and
 * INPUT_ENCODING when no encoding reads them cleanly. Which encoding, and how declarations are
 * checked against the bytes: charset.ts.
 */
export function decodeText(
  bytes: Uint8Array,
  input: string,
  charset: string | null = null,
): string {
  return decodeWithInfo(bytes, input, charset).text;
}

/** decodeText, with the encoding used and what was noted on the way. */
export function decodeWithInfo(
  bytes: Uint8Array,
  input: string,
  charset: string | null = null,
): Decoded {
  const utf16 =
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (!utf16) {
    const head = bytes.subarray(0, SNIFF_BYTES);
    let controls = 0;
    for (const b of head) {
      if (b === 0) throw errors.binary(input);
      if (
        (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) ||
        b === 0x7f
      ) {
        controls++;
      }
    }
    if (head.length > 0 && controls / head.length > MAX_CONTROL_SHARE) throw errors.binary(input);
  }
  return decodeBytes(bytes, input, charset);
}

/** Guesses the format of content that came without a telling name (stdin, odd extensions). */
export function sniffFormat(text: string): Format {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, "")
    .trimStart();
  const lower = head.toLowerCase();
  if (/^<\?xml\b/.test(lower) || /^<(rss|feed|rdf:rdf)\b/.test(lower)) {
    return /<(rss|feed|rdf:rdf)\b/.test(lower) ? "feed" : "html";
  }
  if (/^<!doctype html|^<html\b|^<head\b|^<body\b/.test(lower)) return "html";
  // A JSON Feed is one JSON object naming its spec in "version".
  if (head.startsWith("{") && /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head)) {
    return "feed";
  }
  // Even a first line that fails to parse is meant as JSONL: its error names the line.
  if (head.startsWith("{")) return "jsonl";
  // A fragment of markup with paragraph or block tags is HTML, not text with a stray "<".
  if (/^</.test(head) && /<\/(p|div|article|section|body|h[1-6]|li|span|a)>/i.test(lower))
    return "html";
  return "text";
}
