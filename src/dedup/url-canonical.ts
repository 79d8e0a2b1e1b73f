// One address per article. The same story reaches sitrep as "https://www.example.com/a?utm_source=x",
// "http://m.example.com/a/", "https://example.com/a/amp" and through Google's AMP cache; all of
// them are "https://example.com/a". What is tracking and what is an edition is data
// (data/dedup/url-rules.tsv), each rule with its reason.
import { readTable } from "../core/data-files.ts";

export interface UrlRules {
  params: Set<string>;
  paramPrefixes: string[];
  hostPrefixes: Set<string>;
  ampParams: Set<string>;
}

let defaultRules: UrlRules | null = null;

export function readUrlRules(file = "dedup/url-rules.tsv"): UrlRules {
  const rules: UrlRules = {
    params: new Set(),
    paramPrefixes: [],
    hostPrefixes: new Set(),
    ampParams: new Set(),
  };
  for (const row of readTable(file)) {
    const pattern = row.pattern.toLowerCase();
    if (row.kind === "param") rules.params.add(pattern);
    else if (row.kind === "param-prefix") rules.paramPrefixes.push(pattern);
    else if (row.kind === "host-prefix") rules.hostPrefixes.add(pattern);
    else if (row.kind === "amp-param") rules.ampParams.add(pattern);
    // amp-path rows document the path forms the code below strips.
  }
  return rules;
}

export function urlRules(): UrlRules {
  defaultRules ??= readUrlRules();
  return defaultRules;
}

/** AMP caches serve a page under their own host: "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a". */
function unwrapAmpCache(url: URL): URL {
  const path = url.pathname;
  let m: RegExpExecArray | null = null;
  if (url.hostname.endsWith(".cdn.ampproject.org")) {
    m = /^\/[a-z]\/(s\/)?(.+)$/.exec(path);
  } else if (/^(www\.)?google\.[a-z.]+$/.test(url.hostname)) {
    m = /^\/amp\/(s\/)?(.+)$/.exec(path);
  }
  if (!m) return url;
  try {
    return new URL(`${m[1] ? "https" : "http"}://${m[2]}${url.search}`);
  } catch {
    return url;
  }
}

/** Values of an AMP switch parameter that mean "the AMP edition". */
const AMP_VALUES = new Set(["", "1", "true", "amp", "yes"]);

/**
 * The canonical form of an article's address, or null for something that is not an http(s)
 * URL. Two addresses with the same canonical form serve the same article.
 */
export function canonicalUrl(
  url: string | null | undefined,
  rules: UrlRules = urlRules(),
): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = unwrapAmpCache(new URL(url.trim()));
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  // http and https of a page are one article.
  let host = u.hostname.toLowerCase().replace(/\.$/, "");
  for (;;) {
    const labels = host.split(".");
    if (labels.length > 2 && rules.hostPrefixes.has(labels[0])) host = labels.slice(1).join(".");
    else break;
  }
  const port = u.port && u.port !== "80" && u.port !== "443" ? `:${u.port}` : "";
  let path = u.pathname
    .replace(/\/amp\/?$/i, "")
    .replace(/\.amp$/i, "")
    .replace(/^\/amp(?=\/)/i, "");
  if (path.length > 1) path = path.replace(/\/+$/, "");
  if (!path) path = "/";
  const kept: [string, string][] = [];
  for (const [name, value] of u.searchParams) {
    const key = name.toLowerCase();
    if (rules.params.has(key)) continue;
    if (rules.paramPrefixes.some((p) => key.startsWith(p))) continue;
    if (rules.ampParams.has(key) && AMP_VALUES.has(value.toLowerCase())) continue;
    kept.push([name, value]);
  }
  kept.sort((a, b) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0,
  );
  const query = kept.length ? `?${new URLSearchParams(kept).toString()}` : "";
  return `https://${host}${port}${path}${query}`;
}
