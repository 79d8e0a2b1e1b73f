// Removes page furniture by name before the article is looked for: newsletter boxes, related
// stories, share bars, author bios, adverts, comment threads. Sites name these elements for
// their stylesheets, and the names are stable across sites ("newsletter", "related", "share"),
// so a table of name patterns (data/page-boilerplate.tsv) finds them; Readability would leave
// those that sit inside the block it picks. Every removal is logged with its reason.

import { caseRegExp } from "../core/case-groups.ts";
import { readTable } from "../core/data-files.ts";
import type { DomDocument, DomElement } from "./html-dom.ts";

export interface PruneRule {
  pattern: RegExp;
  kind: string;
  reason: string;
}

let defaultRules: PruneRule[] | null = null;

export function readPruneRules(file = "page-boilerplate.tsv"): PruneRule[] {
  return readTable(file).map((row) => ({
    pattern: caseRegExp(row.pattern, "i"),
    kind: row.kind,
    reason: row.reason,
  }));
}

export function pruneRules(): PruneRule[] {
  defaultRules ??= readPruneRules();
  return defaultRules;
}

/**
 * Class names that say what a post is about or how it is set, not what an element is:
 * WordPress puts "tag-social-media" or "category-related-news" on the article element itself,
 * and "no-share" or "has-comments" name a state of the article, not a share bar.
 */
const NOT_A_ROLE =
  /^(?:tag|tags|category|categories|cat|topic|topics|section|postid|term|no|not|has|is|with|without|show|hide|enable|disable|allow|can)-/i;

/**
 * An element holding more than this share of the page's text is the article or its frame,
 * whatever its name says ("comment" is a section of some papers; a news site's "social" desk).
 * Boxes of furniture hold a few percent each; articles with all their chrome at least a third.
 */
export const PRUNE_MAX_TEXT_SHARE = 0.4;

/** Elements never removed by name: the page itself and the markup that names an article body. */
const NEVER_PRUNED = new Set(["html", "head", "body", "main"]);

export interface Pruned {
  tag: string;
  name: string;
  kind: string;
  reason: string;
  chars: number;
}

function matchName(
  element: DomElement,
  rules: PruneRule[],
): { name: string; rule: PruneRule } | null {
  const names: string[] = [];
  const id = element.getAttribute("id");
  if (id) names.push(id);
  const cls = element.getAttribute("class");
  if (cls) for (const c of cls.split(/\s+/)) if (c && !NOT_A_ROLE.test(c)) names.push(c);
  for (const name of names) {
    for (const rule of rules) if (rule.pattern.test(name)) return { name, rule };
  }
  return null;
}

/** Removes the named furniture from `doc` in place; returns what went, in document order. */
export function prunePage(doc: DomDocument, rules: PruneRule[] = pruneRules()): Pruned[] {
  const body = doc.body;
  if (!body) return [];
  const total = (body.textContent ?? "").replace(/\s+/g, "").length;
  const pruned: Pruned[] = [];
  const candidates = body.querySelectorAll("[class],[id]");
  for (let i = 0; i < candidates.length; i++) {
    const element = candidates[i];
    if (NEVER_PRUNED.has(element.localName) || !element.isConnected) continue;
    const hit = matchName(element, rules);
    if (!hit) continue;
    if (element.getAttribute("itemprop") === "articleBody") continue;
    if (element.querySelector('[itemprop="articleBody"]')) continue;
    const chars = (element.textContent ?? "").replace(/\s+/g, "").length;
    if (total > 0 && chars / total > PRUNE_MAX_TEXT_SHARE) continue;
    pruned.push({
      tag: element.localName,
      name: hit.name,
      kind: hit.rule.kind,
      reason: hit.rule.reason,
      chars,
    });
    element.remove();
  }
  return pruned;
}
