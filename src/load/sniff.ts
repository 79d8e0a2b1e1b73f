// From bytes to text, and from text to a format: the guards that keep a JPEG, a zip or a
// UTF-16 spreadsheet export from reaching the text cleaner, and the guesses that let stdin and
// files without a known extension be read at all.
import { extname } from "node:path";
import { gunzipSync } from "node:zlib";
import { errors } from "../core/errors.ts";

export type Format = "text" | "markdown" | "html" | "feed" | "jsonl";

/** How much of the start of the bytes the binary check reads. */
export const SNIFF_BYTES = 8192;

/**
 * Above this share of control characters (other than tab, newline, carriage return, form
 * feed, escape) the data is not text. Text has next to none; random bytes have ~11%.
 */
export const MAX_CONTROL_SHARE = 0.05;

/**
 * Above this share of undecodable characters the data is not text in any encoding we read.
 * Text in a legacy 8-bit encoding (Latin-1, Windows-1252) has one per accented letter, a few
 * percent of characters; compressed or encrypted data has one in two.
 */
export const MAX_INVALID_UTF8_SHARE = 0.2;

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

/** Gunzips, or yields the `unreadable` error naming the input. */
export function gunzip(bytes: Uint8Array, input: string): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch (e) {
    throw errors.unreadable(input, `not valid gzip: ${(e as Error).message}`);
  }
}

/** The charset a Content-Type header or an HTML <meta> names, if any. */
export function declaredCharset(head: string): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

function decoderFor(label: string | null): InstanceType<typeof TextDecoder> | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/**
 * Bytes to text. Throws the `binary` error when the bytes are not text: NUL bytes or many
 * control characters in the first SNIFF_BYTES, or mostly invalid UTF-8 there. Text that is
 * not UTF-8 is read in its declared charset, else as Windows-1252 (the usual legacy one).
 */
export function decodeText(
  bytes: Uint8Array,
  input: string,
  charset: string | null = null,
): string {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes);
  }
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
  const declared = decoderFor(charset);
  if (declared && declared.encoding !== "utf-8") return declared.decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8 throughout: text in a legacy encoding, or binary data.
  }
  const sample = new TextDecoder("utf-8").decode(head, { stream: true });
  let invalid = 0;
  for (const ch of sample) if (ch === "\uFFFD") invalid++;
  if (invalid / Math.max(1, sample.length) > MAX_INVALID_UTF8_SHARE) throw errors.binary(input);
  const fromMeta = decoderFor(declaredCharset(sample.slice(0, 2048)));
  return (
    fromMeta && fromMeta.encoding !== "utf-8" ? fromMeta : new TextDecoder("windows-1252")
  ).decode(bytes);
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
  // Even a first line that fails to parse is meant as JSONL: its error names the line.
  if (head.startsWith("{")) return "jsonl";
  // A fragment of markup with paragraph or block tags is HTML, not text with a stray "<".
  if (/^</.test(head) && /<\/(p|div|article|section|body|h[1-6]|li|span|a)>/i.test(lower))
    return "html";
  return "text";
}
