// Case-sensitive and case-insensitive parts in one regular expression, without the modifier
// groups `(?i:...)` and `(?-i:...)`. V8 (Node 24) gives wrong answers for those groups once it
// has compiled certain other patterns: the claimant pattern stopped finding "THE CINCHONERO
// POPULAR LIBERATION MOVEMENT, WHICH ... CLAIMED RESPONSIBILITY" after a run over other
// headlines (nodejs/node#60030). The rewrite below says the same with plain character classes.

/**
 * `source` without modifier groups: wherever the pattern ignores case (`ignoreCase` outside
 * any group, `(?i:` inside one, not `(?-i:`), each ASCII letter becomes a class of both cases
 * ("k" → "[kK]", "[a-f]" → "[a-fA-F]"), and `\p{Lu}` any cased letter, as `i` reads it.
 * Compile the result without the `i` flag. Other escapes (`\s`, `\b`, `\u00e9`) are kept as
 * they are; letters beyond ASCII keep their case.
 */
export function withoutCaseGroups(source: string, ignoreCase: boolean): string {
  let out = "";
  // the case mode of each open group, innermost last
  const modes: boolean[] = [];
  const current = () => (modes.length ? modes[modes.length - 1] : ignoreCase);
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === "\\") {
      const end = escapeEnd(source, i);
      const escaped = source.slice(i, end);
      // under `i`, "\p{Lu}" matches a letter of either case
      out += current() && CASED.has(escaped) ? "[\\p{Lu}\\p{Ll}\\p{Lt}]" : escaped;
      i = end;
    } else if (ch === "[") {
      const end = classEnd(source, i);
      const body = source.slice(i, end);
      out += current() ? bothCasesInClass(body) : body;
      i = end;
    } else if (ch === "(") {
      const m = /^\(\?(-?)i:/.exec(source.slice(i, i + 5));
      if (m) {
        modes.push(m[1] !== "-");
        out += "(?:";
        i += m[0].length;
      } else {
        modes.push(current());
        // "(?:", "(?=", "(?<!": the group's own syntax, not letters to match
        const head = /^\((?:\?(?:<[=!]|[:=!]|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(i));
        const len = head ? head[0].length : 1;
        out += source.slice(i, i + len);
        i += len;
      }
    } else if (ch === ")") {
      modes.pop();
      out += ch;
      i++;
    } else if (current() && /[A-Za-z]/.test(ch)) {
      out += `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Whether a pattern holds a modifier group that withoutCaseGroups() rewrites. */
export function hasCaseGroups(source: string): boolean {
  return /\(\?-?i:/.test(source);
}

/** The index just past the escape at `at` ("\s", "\p{Lu}", "\u00e9", "\x41", "\u{1F600}"). */
function escapeEnd(source: string, at: number): number {
  const next = source[at + 1];
  if ((next === "p" || next === "P" || next === "u") && source[at + 2] === "{") {
    const close = source.indexOf("}", at + 3);
    return close < 0 ? source.length : close + 1;
  }
  if (next === "u" && /^[0-9A-Fa-f]{4}$/.test(source.slice(at + 2, at + 6))) return at + 6;
  if (next === "x" && /^[0-9A-Fa-f]{2}$/.test(source.slice(at + 2, at + 4))) return at + 4;
  if (next === "c" && /[A-Za-z]/.test(source[at + 2] ?? "")) return at + 3;
  return Math.min(at + 2, source.length);
}

/** The index just past the character class opening at `at`. */
function classEnd(source: string, at: number): number {
  let i = at + 1;
  if (source[i] === "^") i++;
  if (source[i] === "]") i++;
  while (i < source.length && source[i] !== "]")
    i = source[i] === "\\" ? escapeEnd(source, i) : i + 1;
  return Math.min(i + 1, source.length);
}

/** "[a-fx]" → "[a-fxA-FX]": each letter or letter range of the class, added in the other case. */
function bothCasesInClass(body: string): string {
  const inner = body.slice(body[1] === "^" ? 2 : 1, -1);
  let extra = "";
  let i = 0;
  while (i < inner.length) {
    if (inner[i] === "\\") {
      const end = escapeEnd(inner, i);
      if (CASED.has(inner.slice(i, end))) extra += "\\p{Lu}\\p{Ll}\\p{Lt}";
      i = end;
      continue;
    }
    const a = inner[i];
    const range = inner[i + 1] === "-" && i + 2 < inner.length ? inner[i + 2] : null;
    if (range && /[A-Za-z]/.test(a) && /[A-Za-z]/.test(range)) {
      extra += `${swapCase(a)}-${swapCase(range)}`;
      i += 3;
    } else {
      if (/[A-Za-z]/.test(a)) extra += swapCase(a);
      i += range ? 3 : 1;
    }
  }
  return `${body.slice(0, -1)}${extra}]`;
}

/** Letter categories that, ignoring case, stand for any cased letter. */
const CASED = new Set([String.raw`\p{Lu}`, String.raw`\p{Ll}`, String.raw`\p{Lt}`]);

function swapCase(c: string): string {
  return c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
}

/**
 * `new RegExp(source, flags)`, with any modifier group rewritten by withoutCaseGroups(): the
 * way to compile a pattern that may hold one (data files' `(?-i:may)`, "may" the verb and not
 * the month).
 */
export function caseRegExp(source: string, flags: string): RegExp {
  if (!hasCaseGroups(source)) return new RegExp(source, flags);
  return new RegExp(withoutCaseGroups(source, flags.includes("i")), flags.replace("i", ""));
}
