// JSONL: one document a line, `{"id", "text" | "html", "published"?, "title"?, "url"?}`. A bad
// line is an error item naming the line; the lines around it load as usual.
import { errors } from "../core/errors.ts";
import { isoDate } from "./dates.ts";
import { loadHtml } from "./html-loader.ts";
import type { LoadItem, Source } from "./load-item.ts";
import { loadText } from "./text-loader.ts";

const OPTIONAL_STRINGS = ["text", "html", "published", "title", "url"] as const;

/** YYYY-MM-DD, or an ISO 8601 timestamp whose date part is taken as written. */
function publishedDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  return m ? isoDate(+m[1], +m[2], +m[3]) : null;
}

/** One JSONL line to a document or an error. `line` is 1-based; `input` names the file. */
export function loadJsonlLine(
  line: string,
  lineNo: number,
  input: string,
  override: string | null = null,
): LoadItem {
  // The error names "file.jsonl:LINE", as Document.origin does, so it can be found and fixed.
  const fail = (why: string): LoadItem => ({
    error: errors.jsonlLine(input, lineNo, why),
  });
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (e) {
    return fail(`not valid JSON (${(e as Error).message})`);
  }
  if (!record || typeof record !== "object" || Array.isArray(record)) {
    return fail('expected a JSON object like {"id": "...", "text": "..."}');
  }
  const r = record as Record<string, unknown>;
  // Data sets number their records; an integer id is as stable as a string one.
  const id = Number.isInteger(r.id) ? String(r.id) : r.id;
  if (typeof id !== "string" || !id.trim()) return fail('missing "id" (a non-empty string)');
  for (const key of OPTIONAL_STRINGS) {
    if (r[key] !== undefined && r[key] !== null && typeof r[key] !== "string") {
      return fail(
        `"${key}" must be a string, not ${Array.isArray(r[key]) ? "an array" : typeof r[key]}`,
      );
    }
  }
  const text = r.text as string | null | undefined;
  const html = r.html as string | null | undefined;
  if (!text?.trim() && !html?.trim()) return fail('no "text" or "html" to read');
  const given = (r.published as string | null | undefined)?.trim() || null;
  const published = given === null ? null : publishedDate(given);
  if (given !== null && published === null) {
    return fail(`"published" "${given}" is not a date: use YYYY-MM-DD`);
  }
  const source: Source = {
    id: id.trim(),
    origin: `${input}:${lineNo}`,
    url: (r.url as string | null | undefined)?.trim() || null,
    title: (r.title as string | null | undefined)?.trim() || null,
    published,
    override,
  };
  // A record's text is one article's body, and often a one-line snippet: its first line is
  // taken for a title only when no title came with it and more text follows.
  return text?.trim()
    ? loadText(text, source, { detectTitle: !source.title })
    : loadHtml(html as string, source);
}

/** Every line of a JSONL file; blank lines are skipped. */
export function* loadJsonl(
  content: string,
  input: string,
  override: string | null = null,
): Generator<LoadItem> {
  const lines = content.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/^\uFEFF/, "").trim();
    if (!line) continue;
    yield loadJsonlLine(line, i + 1, input, override);
  }
}
