// The public data sets and the seed, read from ../shared at run time and never copied into the
// repository (DESIGN.md, Testing). Every reader says what it could not find, so a script can
// print "skipped: ../shared/... not found" and go on.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Document } from "../src/core/types.ts";
import { loadText } from "../src/load/text-loader.ts";
import type { ExpectedFile } from "./expectation-check.ts";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** ../shared beside the repository; SITREP_SHARED points elsewhere (or nowhere, to see the skips). */
export const SHARED_DIR = process.env.SITREP_SHARED ?? join(REPO_ROOT, "..", "shared");

/** The date the seed is read as published on: its expected.json says so, this is the fallback. */
export const SEED_PUBLISHED = "2024-02-08";

export function sharedPath(rel: string): string {
  return join(SHARED_DIR, rel);
}

/** The line a section prints when its data is absent, or null when it is there. */
export function skipIfMissing(rel: string): string | null {
  return existsSync(sharedPath(rel)) ? null : `skipped: ../shared/${rel} not found`;
}

export function readJson<T>(rel: string): T {
  return JSON.parse(readFileSync(sharedPath(rel), "utf8")) as T;
}

export type Loaded = { doc: Document } | { error: string };

// ------------------------------------------------------------------ the seed

export interface Seed {
  expected: ExpectedFile;
  raw: string;
  published: string;
}

export function readSeed(): Seed {
  const expected = readJson<ExpectedFile>("seed/expected.json");
  const raw = readFileSync(sharedPath("seed/article.txt"), "utf8");
  return { expected, raw, published: expected.published ?? SEED_PUBLISHED };
}

/** The seed as `sitrep extract --published 2024-02-08 article.txt` reads it: title off the top. */
export function loadSeedDocument(seed: Seed): Loaded {
  const item = loadText(seed.raw, {
    id: "seed",
    origin: sharedPath("seed/article.txt"),
    override: seed.published,
  });
  return "doc" in item ? { doc: item.doc } : { error: item.error.message };
}

// ------------------------------------------------------------------ cases

export interface Case {
  slug: string;
  expected: ExpectedFile;
}

export function readCases(): Case[] {
  const dir = sharedPath("cases");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "expected.json")))
    .map((e) => e.name)
    .sort()
    .map((slug) => ({ slug, expected: readJson<ExpectedFile>(`cases/${slug}/expected.json`) }));
}

type LoadInputs = typeof import("../src/load/load-inputs.ts").loadInputs;

/**
 * The HTML loader, reached through loadInputs (it gunzips and decodes the page as the CLI
 * does); a reason instead when it cannot be imported, for the "skipped" line.
 */
export async function htmlLoader(): Promise<LoadInputs | string> {
  try {
    const mod = await import("../src/load/load-inputs.ts");
    if (typeof mod.loadInputs !== "function") return "loadInputs is not exported";
    return mod.loadInputs;
  } catch (e) {
    return (e as Error).message.split("\n")[0];
  }
}

/** A case's page, `html_file` relative to ../shared/data, read as published on its expected date. */
export async function loadCaseDocument(c: Case, loadInputs: LoadInputs): Promise<Loaded> {
  if (!c.expected.html_file) return { error: "expected.json names no html_file" };
  const path = sharedPath(join("data", c.expected.html_file));
  if (!existsSync(path)) return { error: `../shared/data/${c.expected.html_file} not found` };
  for await (const item of loadInputs([path], { published: c.expected.published ?? null })) {
    return "doc" in item ? { doc: item.doc } : { error: item.error.message };
  }
  return { error: "the loader yielded no document" };
}

// ------------------------------------------------------------------ CASE 2021 Task 2

export const CASE2021_FILE = "data/case2021-task2-dev.jsonl";

export interface Case2021Record {
  id: string;
  notes: string;
  event_type: string | null;
  sub_event_type: string;
  case_label: string;
  case_subtask: number;
}

export function readCase2021(): Case2021Record[] {
  return readFileSync(sharedPath(CASE2021_FILE), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case2021Record);
}

/** A snippet is a body without a headline: no title detection, no date. */
export function loadSnippet(id: string, text: string): Loaded {
  const item = loadText(text, { id, origin: `case2021:${id}` }, { detectTitle: false });
  return "doc" in item ? { doc: item.doc } : { error: item.error.message };
}

// ------------------------------------------------------------------ news-dev

export const NEWS_DEV_DIR = "data/news-dev";

export interface NewsArticle {
  id: string;
  path: string;
  raw: string;
}

/** The articles MANIFEST.tsv lists, by its `text_file` column (relative to news-dev/). */
export function readNewsDev(): NewsArticle[] {
  const lines = readFileSync(sharedPath(`${NEWS_DEV_DIR}/MANIFEST.tsv`), "utf8")
    .split("\n")
    .filter((l) => l.trim());
  const head = lines[0].split("\t");
  const idCol = head.indexOf("id");
  const fileCol = head.indexOf("text_file");
  if (fileCol < 0) throw new Error("MANIFEST.tsv has no text_file column");
  return lines.slice(1).map((line) => {
    const cols = line.split("\t");
    const path = sharedPath(join(NEWS_DEV_DIR, cols[fileCol]));
    return { id: cols[idCol] ?? cols[fileCol], path, raw: readFileSync(path, "utf8") };
  });
}

export function loadArticle(a: NewsArticle): Loaded {
  const item = loadText(a.raw, { id: a.id, origin: a.path });
  return "doc" in item ? { doc: item.doc } : { error: item.error.message };
}
