// robots.txt as RFC 9309 reads it: the group for sitrep's product token (else "*"), Allow and
// Disallow rules with "*" and "$", the longest matching rule wins and Allow wins a tie; and
// Crawl-delay, which the RFC leaves out but many sites set, honoured up to a cap.

export interface RobotsRule {
  allow: boolean;
  /** The path pattern as written: "/private/", "/*.pdf$". */
  pattern: string;
  regex: RegExp;
}

export interface Robots {
  rules: RobotsRule[];
  /** Seconds between requests the site asks for, when it does. */
  crawlDelay: number | null;
}

/** Everything allowed: no robots.txt (4xx), or an empty one. */
export const ALLOW_ALL: Robots = { rules: [], crawlDelay: null };

/** robots.txt files are cut here (RFC 9309 asks crawlers to read at least 500 KiB). */
export const ROBOTS_MAX_BYTES = 500 * 1024;

function patternRegex(pattern: string): RegExp {
  const anchored = pattern.endsWith("$");
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}${anchored ? "$" : ""}`);
}

/**
 * The rules of the group that applies to `agent` (its product token, e.g. "sitrep"): the groups
 * naming it, merged, else the "*" groups.
 */
export function parseRobots(text: string, agent: string): Robots {
  const token = agent.toLowerCase();
  interface Group {
    agents: string[];
    rules: RobotsRule[];
    crawlDelay: number | null;
  }
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, "").trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key === "user-agent") {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], crawlDelay: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === "allow" || key === "disallow") {
      // "Disallow:" with no path allows everything: no rule.
      if (value)
        current.rules.push({ allow: key === "allow", pattern: value, regex: patternRegex(value) });
    } else if (key === "crawl-delay") {
      const n = Number(value);
      if (Number.isFinite(n) && n >= 0) current.crawlDelay = n;
    }
  }
  const mine = groups.filter((g) => g.agents.some((a) => a !== "*" && token.startsWith(a)));
  const chosen = mine.length ? mine : groups.filter((g) => g.agents.includes("*"));
  return {
    rules: chosen.flatMap((g) => g.rules),
    crawlDelay: chosen.map((g) => g.crawlDelay).find((d) => d !== null) ?? null,
  };
}

/** Whether `path` (path and query of a URL) may be fetched; the rule that decided, if any. */
export function robotsAllow(
  robots: Robots,
  path: string,
): { allowed: boolean; rule: RobotsRule | null } {
  if (path === "/robots.txt") return { allowed: true, rule: null };
  let best: RobotsRule | null = null;
  for (const rule of robots.rules) {
    if (!rule.regex.test(path)) continue;
    if (
      !best ||
      rule.pattern.length > best.pattern.length ||
      (rule.pattern.length === best.pattern.length && rule.allow && !best.allow)
    ) {
      best = rule;
    }
  }
  return { allowed: best ? best.allow : true, rule: best };
}
