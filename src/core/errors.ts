// One error catalogue: every error sitrep reports to a user is made here, with a code and a
// message that names the input and suggests the fix. The CLI prints `message` on one line.

export type ErrorCode =
  | "INPUT_NOT_FOUND"
  | "INPUT_UNREADABLE"
  | "INPUT_BINARY"
  | "INPUT_ENCODING"
  | "INPUT_EMPTY"
  | "INPUT_NOT_ENGLISH"
  | "INPUT_UNSUPPORTED"
  | "JSONL_MALFORMED"
  | "FEED_MALFORMED"
  | "BAD_DATE"
  | "BAD_OPTION"
  | "FETCH_FAILED"
  | "FETCH_DISALLOWED"
  | "GAZETTEER_MISSING"
  | "DB_ERROR"
  | "STAGE_FAILED";

export class SitrepError extends Error {
  readonly code: ErrorCode;
  /** The input the error is about: a path, URL, "stdin", "file.jsonl:12". */
  readonly input: string | null;

  constructor(code: ErrorCode, message: string, input: string | null = null) {
    super(input ? `${input}: ${message}` : message);
    this.name = "SitrepError";
    this.code = code;
    this.input = input;
  }
}

export const errors = {
  notFound: (input: string) =>
    new SitrepError("INPUT_NOT_FOUND", "no such file or directory", input),
  unreadable: (input: string, why: string) =>
    new SitrepError("INPUT_UNREADABLE", `cannot be read (${why})`, input),
  binary: (input: string) =>
    new SitrepError(
      "INPUT_BINARY",
      "looks like binary data, not text, HTML, a feed or JSONL",
      input,
    ),
  encoding: (input: string, why: string) =>
    new SitrepError("INPUT_ENCODING", `cannot be decoded as text: ${why}`, input),
  empty: (input: string) =>
    new SitrepError("INPUT_EMPTY", "is empty: no article text to read", input),
  notEnglish: (input: string, detail: string) =>
    new SitrepError(
      "INPUT_NOT_ENGLISH",
      `does not look like English (${detail}); sitrep reads English text only`,
      input,
    ),
  unsupported: (input: string, why: string) => new SitrepError("INPUT_UNSUPPORTED", why, input),
  /** Names the line as the input ("stories.jsonl:3"), so the message reads like a compiler's. */
  jsonlLine: (input: string, line: number, why: string) =>
    new SitrepError("JSONL_MALFORMED", why, `${input}:${line}`),
  feed: (input: string, why: string) =>
    new SitrepError("FEED_MALFORMED", `is not a readable RSS/Atom feed (${why})`, input),
  badDate: (value: string, option = "--published") =>
    new SitrepError(
      "BAD_DATE",
      `${option} "${value}" is not a valid date: use YYYY-MM-DD, e.g. 2024-02-08`,
    ),
  badOption: (message: string) => new SitrepError("BAD_OPTION", message),
  fetch: (url: string, why: string) => new SitrepError("FETCH_FAILED", why, url),
  /** robots.txt keeps sitrep out (or could not be read, which RFC 9309 treats the same). */
  disallowed: (url: string, why: string) => new SitrepError("FETCH_DISALLOWED", why, url),
  gazetteerMissing: (path: string) =>
    new SitrepError(
      "GAZETTEER_MISSING",
      `the GeoNames index is missing; build it with \`npm run build:gazetteer\``,
      path,
    ),
  db: (target: string, why: string) => new SitrepError("DB_ERROR", why, target),
  stage: (stage: string, docId: string, why: string) =>
    new SitrepError("STAGE_FAILED", `stage ${stage} failed: ${why}`, docId),
};

export function isSitrepError(e: unknown): e is SitrepError {
  return e instanceof SitrepError;
}
