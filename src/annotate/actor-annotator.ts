// Actors named in the text: dictionary actors (data/actors/actors.json), generic parties
// ("Iraqi police", "gunmen") and countries acting as parties ("the US responded"). The event
// stage decides who is actor1 and actor2; this stage only finds and names them.

import { caseRegExp } from "../core/case-groups.ts";
import { readJson, readTable } from "../core/data-files.ts";
import { fold } from "../core/text.ts";
import type { Actor, ActorMention, InterCode } from "../core/types.ts";
import type { CountryLexicon } from "./countries.ts";
import { matchPhrases, type PhraseMatch, phraseGap, type Token, tokenize } from "./tokens.ts";

interface AliasEntry {
  actor: Actor;
  /** Set when the alias must match as written ("US", "IS"). */
  exact: string | null;
}

interface GenericTerm {
  name: string;
  inter: InterCode;
  /** "military", "forces", "base": a party only with a country before it. */
  needsCountry: boolean;
}

export interface ActorDictionary {
  aliases: Map<string, AliasEntry[]>;
  /** Nouns that make a country name before them an adjective ("US officials"). */
  adjectiveNouns: Set<string>;
  generic: Map<string, GenericTerm[]>;
  byId: Map<string, Actor>;
  countries: CountryLexicon;
  maxWords: number;
}

/** Aliases of 2-5 capitals are acronyms; several ("US", "IS") are also English words. */
const ACRONYM = /^[A-Z][A-Z.]{1,4}$/;
const LOCATIVE =
  /\b(?:in|into|inside|across|throughout|near|at|outside|around|within|to|from|of|border\s+with)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north|south|east|west)\s+)?$/i;
/** A killing verb right before a word: "kills Palestinian". */
const KILL_VERB_BEFORE = /\b(?:kill(?:s|ed)?|shot\s+dead|murder(?:s|ed)?|execut(?:es|ed))\s+$/i;
/** "kill 3 Palestinians", "killed two Afghans": a kill verb and a count before a plural demonym. */
const KILL_VERB_BEFORE_MANY =
  /\b(?:kill(?:s|ed|ing)?|shot\s+dead|shoots?\s+dead|murder(?:s|ed|ing)?|execut(?:es|ed|ing))\s+(?:(?:at\s+least|more\s+than|\d+|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|scores\s+of|several|more|many)\s+)?$/i;
/** "Palestinians killed by", "Syrians were shot": a plural demonym as the victims of the verb after it. */
const KILLED_AFTER =
  /^\s+(?:were\s+|have\s+been\s+|had\s+been\s+|are\s+)?(?:killed|shot|wounded|injured|executed|murdered)\b/i;
/** A word that ends the noun phrase: "a Syrian with ...", "an Iraqi was ...". */
const PERSON_NOUN_ENDS = /^(?:with|in|on|at|near|by|after|during|while|for|and|was|is|has|had)$/i;
/** Up to this many words between a country adjective and a generic term ("Iraqi federal police"). */
const QUALIFIER_GAP_WORDS = 2;

export function loadActorDictionary(countries: CountryLexicon): ActorDictionary {
  const actors = readJson<Actor[]>("actors/actors.json");
  const aliases = new Map<string, AliasEntry[]>();
  let maxWords = 1;
  const add = (alias: string, actor: Actor) => {
    // "People's Protection Units" as the tokens read it: the possessive "'s" is no part of a word
    const key = fold(alias.replace(/['’]s\b/gu, ""));
    if (!key) return;
    maxWords = Math.max(maxWords, key.split(" ").length);
    const entry: AliasEntry = { actor, exact: ACRONYM.test(alias) ? alias : null };
    const list = aliases.get(key) ?? [];
    if (!list.some((e) => e.actor.id === actor.id && e.exact === entry.exact)) list.push(entry);
    aliases.set(key, list);
  };
  for (const a of actors) {
    add(a.name, a);
    for (const alias of a.aliases) add(alias, a);
  }
  const generic = new Map<string, GenericTerm[]>();
  for (const r of readTable("actors/generic-actors.tsv")) {
    generic.set(fold(r.term), [
      {
        name: r.name,
        inter: Number(r.inter) as InterCode,
        needsCountry: r.needs_country === "yes",
      },
    ]);
  }
  const adjectiveNouns = new Set(
    readTable("actors/country-adjective-nouns.tsv").map((r) => fold(r.noun)),
  );
  return {
    aliases,
    generic,
    adjectiveNouns,
    byId: new Map(actors.map((a) => [a.id, a])),
    countries,
    maxWords,
  };
}

export function countryActor(iso: string, countries: CountryLexicon): Actor {
  return {
    id: `country:${iso}`,
    name: countries.name(iso),
    aliases: [],
    inter: 1,
    iso,
    affiliations: [],
  };
}

/** A generic actor with its country filled in, or "{country}" left for the event stage. */
export function genericActor(
  term: GenericTerm,
  iso: string | null,
  countries: CountryLexicon,
): Actor {
  const name = iso
    ? term.name.replace(
        "{country}",
        term.name.includes("of {country}") ? countries.nameAfterOf(iso) : countries.name(iso),
      )
    : term.name;
  return {
    id: `generic:${fold(name)}`,
    name,
    aliases: [],
    inter: term.inter,
    iso,
    affiliations: [],
  };
}

export function annotateActors(
  text: string,
  dict: ActorDictionary,
  tokens = tokenize(text),
): ActorMention[] {
  const allCaps = isAllCaps(text);
  const out: ActorMention[] = [];
  const taken = new Uint8Array(tokens.length);
  const acceptNamed = (m: PhraseMatch<AliasEntry>) =>
    m.values.some((e) => !e.exact || (!allCaps && sameLetters(m.text, e.exact)));
  for (const m of matchPhrases(text, tokens, dict.aliases, dict.maxWords, acceptNamed)) {
    const entry = m.values.find((e) => !e.exact || sameLetters(m.text, e.exact)) ?? m.values[0];
    out.push({
      start: m.start,
      end: m.end,
      text: m.text,
      actor: entry.actor,
      rule: "actor:dictionary",
      stated: true,
    });
    taken.fill(1, m.first, m.last);
  }
  // A generic term right after a dictionary actor continues it ("Iraqi police officers").
  const freeGeneric = (x: PhraseMatch<GenericTerm>) =>
    !taken[x.first] &&
    !(
      x.first > 0 &&
      taken[x.first - 1] &&
      /^\s+$/.test(text.slice(tokens[x.first - 1].end, x.start))
    );
  for (const m of matchPhrases(text, tokens, dict.generic, 2, freeGeneric)) {
    const found = countryBefore(text, tokens, m.first, dict.countries, allCaps);
    // "Turkish warplanes target fighters": a country already in a named party qualifies no other
    const q = found && !taken.slice(found.first, m.first).some(Boolean) ? found : null;
    // "the army", "the security forces": a definite state force of the country in question; "a
    // military strike" names no party.
    const definite = /\bthe\s+$/i.test(text.slice(Math.max(0, m.start - 5), m.start));
    if (!q && m.values[0].needsCountry && !definite) continue;
    const start = q ? q.start : m.start;
    out.push({
      start,
      end: m.end,
      text: text.slice(start, m.end),
      actor: genericActor(m.values[0], q?.iso ?? null, dict.countries),
      rule: q ? "actor:generic+country" : "actor:generic",
      stated: q !== null,
    });
    taken.fill(1, q ? q.first : m.first, m.last);
  }
  const civilians = dict.generic.get("civilians")?.[0];
  let lastPlaceEnd = -1;
  out.push(...claimants(text, out));
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const c = countryAt(text, tokens, i, dict.countries, allCaps);
    if (!c) continue;
    const before = text.slice(Math.max(0, tokens[i].start - 28), tokens[i].start);
    const next = tokens[c.last];
    const gapAfter = next ? text.slice(tokens[c.last - 1].end, next.start) : "";
    // "in Jordan", "in Iraq and Syria": a country named as a place is not a party.
    if (
      LOCATIVE.test(before) ||
      (lastPlaceEnd >= 0 &&
        /^(?:,\s*|,?\s+and\s+)$/.test(text.slice(lastPlaceEnd, tokens[i].start)))
    ) {
      lastPlaceEnd = tokens[c.last - 1].end;
      i = c.last - 1;
      continue;
    }
    const byName = dict.countries.isName(tokens[i].key);
    const demonym = !byName && !/s$/i.test(tokens[c.last - 1].text);
    // "kills a Syrian", "an Iraqi was killed": one person of that nationality, a civilian unless
    // told otherwise, not the state's forces; "kill 3 Palestinians", "Palestinians killed by":
    // people of that nationality, the same
    const victims =
      !byName &&
      !demonym &&
      (KILL_VERB_BEFORE_MANY.test(before) ||
        KILLED_AFTER.test(text.slice(tokens[c.last - 1].end, tokens[c.last - 1].end + 40)));
    const onePerson =
      !!civilians &&
      (victims ||
        (demonym &&
          (/\b(?:an?|one)\s+$/i.test(before) || KILL_VERB_BEFORE.test(before)) &&
          (!next || !/^\s+$/.test(gapAfter) || PERSON_NOUN_ENDS.test(next.text))));
    // "Iraqi border areas", "US officials": an adjective before a noun, not a party.
    if (
      !onePerson &&
      next &&
      /^\s+$/.test(gapAfter) &&
      (dict.adjectiveNouns.has(next.key) || (demonym && /^\p{Ll}/u.test(next.text)))
    ) {
      i = c.last - 1;
      continue;
    }
    out.push({
      start: tokens[i].start,
      end: tokens[c.last - 1].end,
      text: text.slice(tokens[i].start, tokens[c.last - 1].end),
      actor:
        onePerson && civilians
          ? genericActor(civilians, c.iso, dict.countries)
          : countryActor(c.iso, dict.countries),
      rule: onePerson ? "actor:generic+country" : "actor:country",
      stated: true,
    });
    i = c.last - 1;
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A group the dictionary lacks still names itself when it claims an attack: "The Cinchonero
 * Popular Liberation Movement claimed responsibility". Its name becomes an actor of its own.
 */
const CLAIMANT = caseRegExp(
  String.raw`((?:(?:\p{Lu}(?:\.\p{Lu})+\.?|\p{Lu}[\p{L}'’-]*)\s+(?:(?i:of|for|the|de|del|la|and)\s+)?){1,7})(?i:has\s+|have\s+|had\s+)?(?i:claimed|assumed|accepted)\s+(?i:the\s+)?(?i:responsibility)`,
  "gu",
);
const NO_CLAIMANT = /^(?:No|None|Nobody|Neither)$/i;
const AUXILIARY = /^(?:has|have|had|also|reportedly|allegedly|later|then)$/i;
const NOT_A_CLAIMANT = /^(?:The|A|An|It|He|She|They|No|Police|Officials|Authorities|Nobody|One)$/i;
/** A date standing before the verb ("which on 25 January claimed") is not who claimed. */
const DATE_WORD =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|\d+)$/i;
/** "The X Movement, which on 25 January claimed responsibility": the claimant stands before "which". */
const CLAIMANT_WHICH = caseRegExp(
  String.raw`((?:(?:\p{Lu}(?:\.\p{Lu})+\.?|\p{Lu}[\p{L}'’-]*)\s+(?:(?i:of|for|the|de|del|la|and)\s+)?){0,6}(?:\p{Lu}(?:\.\p{Lu})+\.?|\p{Lu}[\p{L}'’-]*)),\s+(?i:which|who)\s+(?:\S+\s+){0,4}?(?i:claimed|assumed|accepted)\s+(?i:the\s+)?(?i:responsibility)`,
  "gu",
);

/**
 * Both claimant patterns end in this word. They are slow over a whole text, so they run only
 * over the stretch before each occurrence, where a match can start (claimRanges()). The same
 * case folding as the patterns' case-free words.
 */
const RESPONSIBILITY = /responsibility/giu;
/**
 * Whitespace-separated tokens between CLAIMANT_WHICH's comma and "responsibility", the
 * comma's own included: the name's last word and comma, "which", four words, the verb, "the".
 */
const WHICH_TOKENS = 8;
/** What a claimant's name and verb are made of besides ASCII: letters, ’ and spaces. */
const NAME_CHAR = /[\p{L}’\s]/u;

/**
 * Whether a UTF-16 unit may be inside a claimant's name or verb: letters, periods,
 * apostrophes, hyphens, spaces. Half of a surrogate pair counts: a stretch may only grow.
 */
function nameChar(c: number): boolean {
  if (c < 128) {
    return (
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 46 ||
      c === 39 ||
      c === 45 ||
      c === 32 ||
      (c >= 9 && c <= 13)
    );
  }
  if (c >= 0xd800 && c <= 0xdfff) return true;
  return NAME_CHAR.test(String.fromCharCode(c));
}

/** ASCII whitespace: fewer characters than \s, so tokens counted back only grow. */
function asciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Ranges [start, end) of the text that hold every match of a claimant pattern: each
 * "responsibility" and what may stand before it, `tokens` whitespace-separated tokens and
 * then a run of name characters (the name runs on to the comma or verb after it). A match
 * holds nothing but that, so none starts earlier; ranges that meet are one.
 */
function claimRanges(text: string, tokens: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  RESPONSIBILITY.lastIndex = 0;
  for (let m = RESPONSIBILITY.exec(text); m; m = RESPONSIBILITY.exec(text)) {
    let start = m.index;
    for (let t = 0; t < tokens; t++) {
      while (start > 0 && asciiSpace(text.charCodeAt(start - 1))) start--;
      while (start > 0 && !asciiSpace(text.charCodeAt(start - 1))) start--;
    }
    while (start > 0 && nameChar(text.charCodeAt(start - 1))) start--;
    for (let last = out.at(-1); last && start <= last[1]; last = out.at(-1)) {
      start = Math.min(start, last[0]);
      out.pop();
    }
    out.push([start, m.index + m[0].length]);
  }
  return out;
}

/**
 * text.matchAll(re) where every match lies in one of the ranges: the pattern has no
 * lookaround, so what it finds in a range is what it finds there in the whole text.
 */
function matchesIn(text: string, re: RegExp, ranges: Array<[number, number]>): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (const [start, end] of ranges) {
    for (const m of text.slice(start, end).matchAll(re)) {
      m.index = (m.index ?? 0) + start;
      out.push(m);
    }
  }
  return out;
}

function claimants(text: string, found: ActorMention[]): ActorMention[] {
  const out: ActorMention[] = [];
  const matches = [
    ...matchesIn(text, CLAIMANT_WHICH, claimRanges(text, WHICH_TOKENS)),
    ...matchesIn(text, CLAIMANT, claimRanges(text, 0)),
  ];
  for (const m of matches) {
    const words = m[1].trim().split(/\s+/);
    // "No guerrilla group has claimed responsibility": nobody claimed
    if (NO_CLAIMANT.test(words[0] ?? "")) continue;
    while (words.length && NOT_A_CLAIMANT.test(words[0])) words.shift();
    // in capitals the auxiliary looks like a name's last word: "THE GROUP HAS CLAIMED"
    while (words.length && AUXILIARY.test(words[words.length - 1])) words.pop();
    if (!words.length || words.some((w) => DATE_WORD.test(w))) continue;
    if (out.some((a) => a.start <= (m.index ?? 0) + m[1].length && a.end >= (m.index ?? 0)))
      continue;
    const name = words.join(" ");
    const start = (m.index ?? 0) + m[1].indexOf(name);
    const end = start + name.length;
    if (found.some((a) => a.start < end && a.end > start)) continue;
    const display = name === name.toUpperCase() ? titleCase(name) : name;
    out.push({
      start,
      end,
      text: name,
      actor: {
        id: `named:${fold(name)}`,
        name: display,
        aliases: [],
        inter: 2,
        iso: null,
        affiliations: [],
      },
      rule: "actor:claimant",
      stated: true,
    });
  }
  return out;
}

function titleCase(s: string): string {
  return s
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/\b(Of|For|The|De|Del|La|And)\b/g, (w) => w.toLowerCase());
}

function sameLetters(a: string, b: string): boolean {
  return a.replace(/\./g, "") === b.replace(/\./g, "");
}

export function isAllCaps(text: string): boolean {
  // an ASCII small letter settles it without building the string of letters
  if (/[a-z]/.test(text.slice(0, 4000))) return false;
  const letters = text.slice(0, 4000).replace(/[^\p{L}]/gu, "");
  return letters.length > 40 && letters === letters.toUpperCase();
}

/** Whether a word starts with a capital: by its code for ASCII, the usual case. */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

/** A country name or demonym starting at token i (up to three words: "United Arab Emirates"). */
export function countryAt(
  text: string,
  tokens: Token[],
  i: number,
  countries: CountryLexicon,
  allCaps: boolean,
): { iso: string; last: number } | null {
  const first = tokens[i];
  // Country words are proper nouns: in mixed-case text they start with a capital.
  if (!allCaps && !startsUpper(first.text)) return null;
  let key = "";
  let found: { iso: string; last: number } | null = null;
  for (let j = i; j < Math.min(tokens.length, i + 3); j++) {
    if (j > i && !phraseGap(text, tokens[j - 1].end, tokens[j].start)) break;
    key = j === i ? tokens[j].key : `${key} ${tokens[j].key}`;
    let iso = countries.byFolded(key);
    // the exact spelling, sliced only when the folded key is no country
    if (iso === undefined && !allCaps) {
      const raw = text.slice(first.start, tokens[j].end);
      iso =
        countries.byExact(raw) ??
        (text[tokens[j].end] === "." ? countries.byExact(`${raw}.`) : undefined);
    }
    if (iso) found = { iso, last: j + 1 };
  }
  return found;
}

function countryBefore(
  text: string,
  tokens: Token[],
  at: number,
  countries: CountryLexicon,
  allCaps: boolean,
): { iso: string; start: number; first: number } | null {
  // the country ending nearest the term, and of those the longest: "DR Congo police" is the
  // Democratic Republic's, not the Congo's
  let best: { c: NonNullable<ReturnType<typeof countryAt>>; k: number } | null = null;
  for (let k = at - 1; k >= Math.max(0, at - 1 - QUALIFIER_GAP_WORDS - 2); k--) {
    const c = countryAt(text, tokens, k, countries, allCaps);
    if (!c || c.last < at - QUALIFIER_GAP_WORDS || c.last > at) continue;
    if (!best || c.last > best.c.last || (c.last === best.c.last && k < best.k)) best = { c, k };
  }
  if (!best) return null;
  const { c, k } = best;
  // "in Somalia - residents": a spaced dash ends a headline's clause as a comma does
  if (/[,;:()]|\s[-–—]\s/.test(text.slice(tokens[c.last - 1].end, tokens[at].start))) return null;
  return { iso: c.iso, start: tokens[k].start, first: k };
}
