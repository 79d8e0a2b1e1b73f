// The load stage's entry: command-line inputs (files, directories, "-", URLs) to documents.
// Each input, and each JSONL line or feed item inside one, succeeds or fails on its own: a
// bad one becomes an error item and the rest goes on.
import { createHash } from "node:crypto";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { errors, isSitrepError, type SitrepError } from "../core/errors.ts";
import { type FetchResult, HttpClient } from "../fetch/http-client.ts";
import { headerCharset } from "./charset.ts";
import { loadFeed } from "./feed-loader.ts";
import { loadHtml } from "./html-loader.ts";
import { loadJsonl } from "./jsonl-loader.ts";
import { type LoadItem, logLoad, type Source } from "./load-item.ts";
import { decodeWithInfo, type Format, formatOfPath, gunzip, isGzip, sniffFormat } from "./sniff.ts";
import { loadText } from "./text-loader.ts";

export { FETCH_MAX_BYTES, FETCH_TIMEOUT_MS } from "../fetch/http-client.ts";
export type { LoadItem } from "./load-item.ts";

/** An id made from a URL longer than this is cut and given a hash of the URL, to stay unique. */
const MAX_ID_CHARS = 80;

export interface LoadOptions {
  /** --published, already checked to be YYYY-MM-DD: overrides every document's date. */
  published?: string | null;
  /** Where "-" reads from (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /**
   * Fetches URLs (politeness, robots.txt, limits: src/fetch). Default: a client made for this
   * call and closed at its end, so the politeness holds across its URLs.
   */
  http?: HttpClient;
}

/** Documents and errors from command-line inputs, in input order, directories sorted. */
export async function* loadInputs(
  inputs: string[],
  opts: LoadOptions = {},
): AsyncGenerator<LoadItem> {
  const override = opts.published ?? null;
  // File names give ids; two "report.txt" in different folders must not share one.
  const fileIds = new Map<string, number>();
  let own: HttpClient | null = null;
  const http = () => {
    if (opts.http) return opts.http;
    own ??= new HttpClient();
    return own;
  };
  try {
    for (const input of inputs) yield* loadInput(input, override, opts.stdin, fileIds, http);
  } finally {
    (own as HttpClient | null)?.close();
  }
}

async function* loadInput(
  input: string,
  override: string | null,
  stdin: NodeJS.ReadableStream | undefined,
  fileIds: Map<string, number>,
  http: () => HttpClient,
): AsyncGenerator<LoadItem> {
  try {
    if (input === "-") {
      yield* loadStdin(stdin ?? process.stdin, override);
    } else if (/^https?:\/\//i.test(input)) {
      yield* loadUrl(input, override, http());
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
      yield { error: errors.unsupported(input, "only http:// and https:// URLs can be fetched") };
    } else {
      yield* loadPath(input, override, fileIds);
    }
  } catch (e) {
    yield { error: asSitrepError(e, input) };
  }
}

/** Known problems pass through; anything else is a bug, reported without its stack. */
function asSitrepError(e: unknown, input: string): SitrepError {
  if (isSitrepError(e)) return e;
  return errors.stage("load", input, e instanceof Error ? e.message : String(e));
}

function ioError(e: unknown, path: string): SitrepError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return errors.notFound(path);
  if (code === "EACCES" || code === "EPERM") return errors.unreadable(path, "permission denied");
  return errors.unreadable(path, code ?? (e as Error).message);
}

// ------------------------------------------------------------------ files and directories

async function* loadPath(
  path: string,
  override: string | null,
  fileIds: Map<string, number>,
): AsyncGenerator<LoadItem> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (e) {
    yield { error: ioError(e, path) };
    return;
  }
  if (info.isDirectory()) {
    for await (const entry of walk(path, new Set())) {
      if (typeof entry === "string") yield* loadFile(entry, override, fileIds);
      else yield { error: entry };
    }
  } else if (info.isFile()) {
    yield* loadFile(path, override, fileIds);
  } else {
    yield { error: errors.unsupported(path, "is neither a file nor a directory") };
  }
}

/** Ids from file names repeat across folders ("a/report.txt", "b/report.txt"): later ones get "-2", "-3". */
function uniqueId(item: LoadItem, seen: Map<string, number>): LoadItem {
  if (!("doc" in item)) return item;
  const n = (seen.get(item.doc.id) ?? 0) + 1;
  seen.set(item.doc.id, n);
  if (n === 1) return item;
  const id = `${item.doc.id}-${n}`;
  logLoad(item.log, `id: "${item.doc.id}" already used by an earlier file, this one is "${id}"`);
  return { doc: { ...item.doc, id }, log: item.log };
}

/** Files under `dir` with a known extension, sorted, recursively; hidden entries skipped. */
async function* walk(dir: string, visited: Set<string>): AsyncGenerator<string | SitrepError> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (e) {
    yield ioError(e, dir);
    return;
  }
  // A symbolic link back up the tree would walk forever.
  if (visited.has(real)) return;
  visited.add(real);
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield ioError(e, dir);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // A dangling link in a folder is not an input anyone asked for.
      }
    }
    if (isDir) yield* walk(path, visited);
    else if (isFile && formatOfPath(entry.name).format) yield path;
  }
}

/** "reports/Vessa depot strike.html.gz" -> "Vessa depot strike". */
export function idFromPath(path: string): string {
  let name = basename(path);
  if (name.toLowerCase().endsWith(".gz")) name = name.slice(0, -3);
  const dot = name.lastIndexOf(".");
  return (dot > 0 ? name.slice(0, dot) : name) || name;
}

/** "https://www.example.com/2024/02/08/strike.html" -> "example-com-2024-02-08-strike-html". */
export function idFromUrl(url: string): string {
  let key = url;
  try {
    const u = new URL(url);
    key = `${u.hostname.replace(/^www\./, "")}${u.pathname}${u.search}`;
  } catch {
    // Not a URL after all: the slug of the string is still stable.
  }
  const slug = key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_ID_CHARS) return slug || "url";
  const hash = createHash("sha1").update(url).digest("hex").slice(0, 8);
  return `${slug.slice(0, MAX_ID_CHARS - 9)}-${hash}`;
}

async function* loadFile(
  path: string,
  override: string | null,
  fileIds: Map<string, number>,
): AsyncGenerator<LoadItem> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    yield { error: ioError(e, path) };
    return;
  }
  const source: Source = { id: idFromPath(path), origin: path, override };
  for await (const item of loadBytes(bytes, source, formatOfPath(path).format)) {
    // JSONL lines and feed items bring their own ids; only the file's own document is named by it.
    yield "doc" in item && item.doc.origin === path ? uniqueId(item, fileIds) : item;
  }
}

// ------------------------------------------------------------------ stdin and URLs

async function* loadStdin(
  stream: NodeJS.ReadableStream,
  override: string | null,
): AsyncGenerator<LoadItem> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream)
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  } catch (e) {
    yield { error: errors.unreadable("stdin", (e as Error).message) };
    return;
  }
  yield* loadBytes(Buffer.concat(chunks), { id: "stdin", origin: "stdin", override }, null);
}

function formatOfContentType(contentType: string): Format | null {
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (/^application\/(rss|atom|rdf)\+xml$/.test(type) || type === "application/feed+json") {
    return "feed";
  }
  if (
    type === "application/x-ndjson" ||
    type === "application/jsonl" ||
    type === "application/x-jsonlines"
  ) {
    return "jsonl";
  }
  if (type === "text/markdown") return "markdown";
  if (type === "text/plain") return "text";
  return null; // text/xml and application/xml may be a feed or XHTML: the content says which.
}

async function* loadUrl(
  url: string,
  override: string | null,
  http: HttpClient,
): AsyncGenerator<LoadItem> {
  let fetched: FetchResult;
  try {
    fetched = await http.get(url);
  } catch (e) {
    yield { error: asSitrepError(e, url) };
    return;
  }
  yield* loadFetched(fetched, override);
}

/** The documents of a fetched page or feed: its format from the Content-Type, else the URL, else the content. */
export async function* loadFetched(
  fetched: FetchResult,
  override: string | null = null,
  id: string = idFromUrl(fetched.finalUrl),
): AsyncGenerator<LoadItem> {
  const contentType = fetched.contentType ?? "";
  const format =
    formatOfContentType(contentType) ?? formatOfPath(new URL(fetched.finalUrl).pathname).format;
  const source: Source = { id, origin: fetched.url, url: fetched.finalUrl, override };
  yield* loadBytes(fetched.body, source, format, headerCharset(contentType));
}

// ------------------------------------------------------------------ bytes to documents

async function* loadBytes(
  data: Uint8Array,
  source: Source,
  format: Format | null,
  charset: string | null = null,
): AsyncGenerator<LoadItem> {
  const input = source.origin;
  let bytes = data;
  try {
    if (isGzip(bytes)) bytes = gunzip(bytes, input);
    if (bytes.length === 0) {
      yield { error: errors.empty(input) };
      return;
    }
    const decoded = decodeWithInfo(bytes, input, charset);
    const content = decoded.text;
    if (!content.trim()) {
      yield { error: errors.empty(input) };
      return;
    }
    const kind = format ?? sniffFormat(content);
    // How the bytes were decoded, when it took more than reading UTF-8, goes in each document's log.
    const noted = (item: LoadItem): LoadItem => {
      if ("doc" in item) for (const n of decoded.notes) logLoad(item.log, `encoding: ${n}`);
      return item;
    };
    switch (kind) {
      case "text":
      case "markdown":
        yield noted(loadText(content, source, { markdown: kind === "markdown" }));
        break;
      case "html":
        yield noted(loadHtml(content, source));
        break;
      case "jsonl":
        for (const item of loadJsonl(content, input, source.override ?? null)) yield noted(item);
        break;
      case "feed":
        for (const item of loadFeed(content, input, source.override ?? null)) yield noted(item);
        break;
    }
  } catch (e) {
    yield { error: asSitrepError(e, input) };
  }
}
