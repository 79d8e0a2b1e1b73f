// Shared by the load stage's tests: fixture paths and unwrapping of load items.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../core/data-files.ts";
import type { SitrepError } from "../core/errors.ts";
import type { Document } from "../core/types.ts";
import type { LoadItem } from "./load-item.ts";

export const FIXTURES = join(PROJECT_ROOT, "fixtures", "load");
/** Public data and the seed, never copied into the repository (DESIGN.md, Testing). */
export const SHARED = join(PROJECT_ROOT, "..", "shared");
export const sharedPresent = existsSync(SHARED);

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

export function docOf(item: LoadItem | undefined): Document {
  assert.ok(item, "expected an item, got none");
  if ("error" in item)
    assert.fail(`expected a document, got error ${item.error.code}: ${item.error.message}`);
  return item.doc;
}

export function errorOf(item: LoadItem | undefined): SitrepError {
  assert.ok(item, "expected an item, got none");
  if ("doc" in item)
    assert.fail(`expected an error, got document ${item.doc.id}: "${item.doc.text.slice(0, 80)}"`);
  return item.error;
}

export async function collect(
  items: AsyncIterable<LoadItem> | Iterable<LoadItem>,
): Promise<LoadItem[]> {
  const out: LoadItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}
