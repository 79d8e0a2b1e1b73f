// Casualty figures in a sentence: fatalities, injuries and civilian counts, each a Claim with
// its qualifier, its source and the sentence it came from.
import { literalMinimum } from "../annotate/number-annotator.ts";
import { caseRegExp } from "../core/case-groups.ts";
import type { Claim, ClaimField, NumberMention, Qualifier, Sentence } from "../core/types.ts";

const KILL_WORD =
  "killed|dead|died|die|dies|martyred|martyrs|victims|slain|shot\\s+dead|lost\\s+their\\s+lives|perished|massacred|executed|murdered|beheaded|assassinated|slaughtered|tortured\\s+to\\s+death|fatalities|deaths|bodies|corpses|killed\\s+in\\s+action";
const HURT_WORD = "injured|wounded|hurt|injuries|casualties|maimed";
// Headlines and monitors' reports use the present tense ("IS executes 5 men", "assassinates
// two soldiers"); executions, beheadings and assassinations are killings with a count.
const KILL_VERB =
  "killing|killed|kills|kill|claim(?:s|ed|ing)?\\s+the\\s+lives\\s+of|shot\\s+dead|shooting\\s+dead|gunned\\s+down|shot\\s+and\\s+killed|execut(?:e|es|ed|ing)|(?:mass\\s+)?executions?\\s+of|massacre(?:d|s)?(?:\\s+of)?|murdered|behead(?:s|ed|ing)?|assassinat(?:e|es|ed|ing)|slaughter(?:s|ed|ing)?|leaving|left|death\\s+toll\\s+(?:rose\\s+to|of|reached|climbed\\s+to|stood\\s+at)|deaths?\\s+of|(?:killings?|murders?|assassinations?)\\s+of(?:\\s+the)?|resulting\\s+in\\s+the\\s+deaths\\s+of|bodies\\s+of|corpses\\s+of";
const HURT_VERB = "injuring|injured|wounding|wounded|hurting|leaving|left|leaves|leave";
const CASUALTY_WORD = new RegExp(`\\b(?:${KILL_WORD}|${HURT_WORD}|human\\s+losses)\\b`, "i");

/**
 * Whether a sentence tells of dead or hurt, counted or not ("leaving casualties and wounded",
 * "human losses in Daraa"): a sign that something happened, whatever word told it.
 */
export function statesCasualties(sentence: string): boolean {
  return CASUALTY_WORD.test(sentence);
}
const CIVILIAN =
  /\b(?:civilians?|citizens|children|women|residents|villagers|passengers|worshippers|students|pilgrims|bystanders|farmers|shoppers|journalists|aid\s+workers|including\s+civilians)\b/i;
/** A noun phrase between a number and the casualty word: "three American soldiers killed". */
const NP = "(?:[\\p{L}'’#-]+\\s+){0,4}?(?:(?:of|from)\\s+(?:the\\s+)?(?:[\\p{L}'’-]+\\s+){1,3}?)?";
const AUX =
  "(?:(?:were|was|have\\s+been|had\\s+been|has\\s+been|have|has|had|are|is|being|reportedly|also|all)\\s+){0,3}";

/**
 * A revised toll: "raises the death toll to 14", "More casualties raise their number to 4",
 * "rises to 54 at least". The number follows the verb; the sentence must say the count is of
 * the dead (TOLL_OF_DEAD), and a count over a period ("since the start", "in 13 days") is a tally.
 */
const TOLL_TO =
  /\b(?:rises?|rose|risen|raises?|raising|raised|increases?|increasing|increased|climbs?|climbed|reach(?:es|ed)?|jumps?|jumped)\s+(?:(?:(?:the|their|its)\s+)?(?:[\p{L}'’-]+\s+){0,14}?)?to\s+(?:(?:at\s+least|about|around|nearly|some|more\s+than)\s+)?$/iu;
const TOLL_OF_DEAD =
  /\bdeath\s+toll\b|\bnumber\s+of\s+(?:the\s+)?(?:casualties|martyrs|dead|deaths|fatalities|victims|(?:those|people|persons|fighters|members|civilians)\s+(?:who\s+(?:were\s+killed|died)|killed))|\b(?:more|human)\s+(?:casualties|martyrs|losses|deaths)\b/iu;
const TOLL_OVER_PERIOD =
  /^[^.;]{0,80}?\b(?:since|(?:in|within|over)\s+(?:less\s+than\s+|more\s+than\s+|the\s+(?:past|last)\s+)?\d+\s+(?:hours|days|weeks|months|years))\b/iu;
/** Right after a casualty word: the count runs over a period, a tally rather than one toll. */
const OVER_PERIOD_AFTER =
  /^\s*(?:in|within|over|during)\s+(?:less\s+than\s+|more\s+than\s+|the\s+(?:past|last)\s+)?(?:\d+|\p{L}+)\s+(?:days|weeks|months|years)\b|^\s*(?:so\s+far\s+)?since\s+(?:the\s+(?:start|beginning)|january|february|march|april|may|june|july|august|september|october|november|december|\d{4})/iu;
/**
 * "casualties" beside a separate count of the wounded ("7 casualties and several wounded",
 * "leaving casualties and injured") counts the dead: the wounded are told apart.
 */
const CASUALTIES_BESIDE_HURT =
  /\bcasualties\b[^.;]{0,60}?\b(?:wounded|injured|injuries|injury)\b/iu;

/** "24 people were killed", "three soldiers wounded": a count, its victims, the casualty word. */
const NP_AFTER = new RegExp(
  `^\\s+(?:of\\s+(?:the\\s+)?)?(${NP})${AUX}(?:the\\s+)?(${KILL_WORD}|${HURT_WORD})\\b`,
  "iu",
);
/**
 * "killing at least 9", "wounding about 20", "Killing of 22", "executions by shooting against 6":
 * the verb right before a count.
 */
const VERB_BEFORE = new RegExp(
  `\\b(${KILL_VERB}|${HURT_VERB}|executions?(?:\\s+[\\p{L}-]+){0,4}?\\s+against)\\s+(?:(?:at\\s+least|more\\s+than|some|about|around|nearly|up\\s+to|a\\s+total\\s+of|an\\s+estimated)\\s+)?$`,
  "iu",
);
/** Right after a count: bodies, one or two words (quoted or not) between. */
const BODIES_AFTER = /^\s+(?:["“”'‘’]?[\p{L}-]+["“”'‘’]?\s+){0,2}?(?:bodies|corpses)\b/iu;
/** After "leaving 5": whom the count names as dead or hurt. */
const LEFT_NP = new RegExp(`^\\s+${NP}(dead|killed|${HURT_WORD})\\b`, "iu");
const IS_HURT_WORD = new RegExp(`^(?:${HURT_WORD})$`, "i");
const IS_HURT_VERB = new RegExp(`^(?:${HURT_VERB})$`, "i");

/** Right before a killing verb: a threat, vow, plan or condition, not a toll. */
const UNREAL_BEFORE_VERB =
  /\b(?:threat(?:s|en|ens|ened|ening)?|vow(?:s|ed)?|plan(?:s|ned)?|promis(?:es|ed)|pledg(?:es|ed)|will|would|could|might|may|intend(?:s|ed)?)\s+(?:to\s+)?$/i;
/** Right after a casualty word: the hurt counted with the dead ("killed and injured"). */
const KILLED_AND_HURT_AFTER = /^\s*(?:and|or)\s+(?:injured|wounded|hurt)\b/i;
/** A count's whole before "including": "310 civilians including at least 162 ...". */
const INCLUDING_BEFORE =
  /(?:^|\s)([\p{L}-]+\s+){0,2}?,?\s*including\s+(?:at\s+least\s+|about\s+|around\s+|nearly\s+|some\s+)?$/iu;

function wholeBefore(
  before: string,
  n: NumberMention,
  numbers: NumberMention[],
): NumberMention | null {
  const m = INCLUDING_BEFORE.exec(before);
  if (!m) return null;
  const at = n.start - before.length + m.index;
  const whole = numbers.find(
    (x) => x.end <= at && /^\s*$/.test(before.slice(x.end - (n.start - before.length), m.index)),
  );
  return whole && whole.value > n.value ? whole : null;
}

/** "one of the wounded", "two of the dead": some of a count told elsewhere, not a count. */
const PARTITIVE = new RegExp(`^\\s+of\\s+(?:the|those)\\s+(?:${KILL_WORD}|${HURT_WORD})\\b`, "iu");

/** Someone named by role: the noun that closes "a senior militia commander", "former armed forces chief". */
const ROLE =
  "commander|leader|member|official|officer|soldier|policeman|citizen|person|youth|teen|teenager|youngster|protester|demonstrator|villager|resident|shepherd|gunman|separatist|elder|suspect|insurgent|rebel|terrorist|inspector|sergeant|captain|lieutenant|colonel|corporal|agent|guard|driver|pilot|journalist|civilian|man|woman|child|boy|girl|fighter|militant|judge|mayor|activist|chief|general|governor|minister|priest|candidate|senator|deputy|councilman|councillor|director|president|prosecutor|attorney|businessman|lawyer|teacher|student|farmer|unionist|politician|trader|doctor|nurse|diplomat|ambassador|cleric|imam|bishop|secretary|spokesman|editor|reporter|photographer|worker|engineer|peasant|labou?rer|comrade";
const ONE_ROLE = new RegExp(`\\b(?:${ROLE})\\b`, "iu");
const ONE_VICTIM = new RegExp(
  `\\b(?:killed|killing|kills?|ston(?:e|es|ed|ing)|slaughter(?:s|ed|ing)?|execut(?:e|es|ing)|tortured\\s+to\\s+death|(?:body|corpse)\\s+of|eliminated|assassinated|assassinating|shot\\s+dead|guns?\\s+down|gunned\\s+down|executed|murdered|murdering|(?:murder|assassination|killing|slaying|execution|stoning)\\s+of)\\s+(?:an?|one|the)?\\s*((?:former\\s+|ex-)?(?:[\\p{L}'’-]+,?\\s+){0,4}?(?:${ROLE}))\\b`,
  "iu",
);
/**
 * "kills a Syrian with gunshot", "rocket kills Palestinian in Gaza": one person named by
 * nationality alone, the word ending the phrase.
 */
const ONE_NATIONAL = caseRegExp(
  String.raw`\b(?:kill(?:s|ed)?|shot\s+dead|shoots?\s+dead|murder(?:s|ed)?|execut(?:es|ed))\s+(?:an?\s+|one\s+)?((?-i:\p{Lu}\p{Ll}+(?:ian|an|i|ese|ish)))(?=\s+(?:with|in|on|at|near|by|after|during|while|for)\b|\s*[,.;:]|\s*$)`,
  "iu",
);
/** "An Iraqi was killed": the same, told in the passive. */
const ONE_NATIONAL_DIED = caseRegExp(
  String.raw`\b(?:an?|one)\s+((?-i:\p{Lu}\p{Ll}+(?:ian|an|i|ese|ish)))\s+(?:died|(?:was|has\s+been|had\s+been)\s+(?:killed|shot\s+dead|murdered|executed))\b`,
  "iu",
);
/**
 * "Inspector Eulogio Flores died in the explosion": one person named by role, then died. Not
 * "another man died": someone told apart from those before, whose event this sentence may not be.
 * Before "died", the role may name its unit at length ("the Chief of Staff of a regime forces'
 * regiment died"); before "killed" that would take a killer for the victim.
 */
const ONE_DIED = new RegExp(
  `\\b(?<!another\\s)(?:an?\\s+|the\\s+|one\\s+)?((?:${ROLE}))(?:\\s+of(?:\\s+[\\p{L}\\d'’.-]+){1,6}?(?=\\s+died\\b))?,?\\s+(?:[\\p{L}'’.,-]+\\s+){0,3}?(?:died|killed(?!\\s+(?:\\d|an?\\b|the\\b|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds|several|many))|(?:was|has\\s+been|had\\s+been)\\s+(?:killed|shot\\s+dead|murdered|assassinated)|(?:was\\s+)?tortured\\s+to\\s+death)\\b`,
  "iu",
);
/** "the murders of A, B and C": plural killings followed by their victims, up to a clause's end. */
const VICTIM_LIST =
  /\b(?:murders|killings|assassinations|deaths|massacre)\s+of\s+((?:[^.;:]{0,260}?))(?=\s*(?:[.;:]|,\s+(?:were|was|have|has|who|which)\b|\s+(?:were|was|have|has|by|in|on|at|today|yesterday|tonight)\b|$))/iu;
/** A victim the words say is no combatant: "a journalist", "3 children", "a woman". */
function isCivilianVictim(victim: string): boolean {
  return (
    CIVILIAN.test(victim) ||
    /\b(?:journalist|civilian|child|boy|girl|woman|judge|mayor|activist)\b/i.test(victim)
  );
}

/**
 * "kill a man and 3 children", "executed two soldiers and a policeman": counted victims joined
 * by "and" are one toll, their sum. The list ends where the clause goes on to place or time.
 */
const KILLED_LIST_HEAD =
  /\b(?:(?:killing|murder|massacre|assassination|execution)\s+of(?:\s+the)?|kill(?:s|ed|ing)?|execut(?:e|es|ed|ing)|slaughter(?:s|ed|ing)?|murder(?:s|ed|ing)?|assassinat(?:e|es|ed|ing)|behead(?:s|ed|ing)?|massacre(?:s|d)?|claim(?:s|ed|ing)?\s+the\s+lives\s+of)\s+/giu;
const LIST_END =
  /\s+(?:in|on|at|near|during|after|while|when|as|including|injuring|wounding|who|whose|from|for|and\s+(?:injur|wound|hurt)\w*)\b|[.;:()]|,\s+(?:and\s+)?(?:injur|wound|hurt)|,\s+(?:it|they|he|she|this|which|who|we)\b/iu;
const LISTED_PERSON = new RegExp(
  `\\b(?:(?:${ROLE})s?|children|women|men|people|persons|policemen|soldiers|jesuits|employees|nuns|monks|staff)$`,
  "iu",
);

function killedListSum(
  s: string,
  offset: number,
  numbers: NumberMention[],
): { value: number; start: number; end: number; civilians: number } | null {
  for (const head of s.matchAll(KILLED_LIST_HEAD)) {
    const from = (head.index ?? 0) + head[0].length;
    const rest = s.slice(from, from + 140);
    const cut = LIST_END.exec(rest);
    const list = (cut ? rest.slice(0, cut.index) : rest).trimEnd();
    const parts: { text: string; at: number }[] = [];
    const sep = /\s*,\s*(?:and\s+)?|\s+and\s+/giu;
    let last = 0;
    for (const m of list.matchAll(sep)) {
      parts.push({ text: list.slice(last, m.index), at: last });
      last = (m.index ?? 0) + m[0].length;
    }
    parts.push({ text: list.slice(last), at: last });
    if (parts.length < 2) continue;
    let value = 0;
    let civilians = 0;
    let ok = true;
    for (const part of parts) {
      // "two employees of the Central American University": whose, not who
      const core = part.text.replace(/\s+(?:of|from)\s.*$/i, "");
      const words = core.split(/\s+/);
      const article = /^(?:an?|one)$/i.test(words[0]);
      // "six Jesuits and two women": after a verb of killing a counted noun is people; "a" needs
      // a noun of a person ("a man and ...", not "a car and ...")
      if (
        words.length < 2 ||
        words.length > 5 ||
        (article && !LISTED_PERSON.test(core)) ||
        IS_HURT_WORD.test(words[words.length - 1]) ||
        /ed$/i.test(words[words.length - 1])
      ) {
        ok = false;
        break;
      }
      let count: number | null = null;
      if (article) count = 1;
      else {
        const at = offset + from + part.at;
        count = numbers.find((n) => n.start === at)?.value ?? null;
      }
      if (count === null) {
        ok = false;
        break;
      }
      value += count;
      if (isCivilianVictim(part.text)) civilians += count;
    }
    if (ok) return { value, start: offset + from, end: offset + from + list.length, civilians };
  }
  return null;
}

/** "A body was found dumped", "a corpse discovered": one body is one death. */
const ONE_BODY =
  /\b(?:an?|one)\s+((?:[\p{L}'’-]+\s+)?(?:body|corpse))\s+(?:(?:was|has\s+been|had\s+been)\s+)?(?:found|discovered|recovered|dumped)\b/iu;
/** A person named in a victim list: the item ends in two capitalized words ("her daughter Celina Ramos"). */
const NAMED_PERSON = /(?:^|\s)\p{Lu}[\p{L}'’.-]*\s+\p{Lu}[\p{L}'’-]*$/u;
/**
 * "Pizarro's assassination": a named person's killing is one death. The name keeps its capital;
 * wire copy writes the noun in capitals too.
 */
const NAMED_VICTIM =
  /\b(\p{Lu}[\p{L}'’-]+)['’][sS]?\s+(?:assassination|murder|killing|slaying|ASSASSINATION|MURDER|KILLING|SLAYING)\b/u;

export interface CasualtyFinding {
  claims: Claim[];
  /** Offsets of the victims' noun phrase, for the event's actor2. */
  victimSpans: { start: number; end: number }[];
}

export function extractCasualties(
  sentence: Sentence,
  numbers: NumberMention[],
  source: string | null,
): CasualtyFinding {
  const s = sentence.text;
  const claims: Claim[] = [];
  const victimSpans: { start: number; end: number }[] = [];
  const claim = (
    field: ClaimField,
    n: NumberMention | null,
    value: number | string,
    revised = false,
    qualifier: Qualifier = "exact",
  ) => {
    if (claims.some((c) => c.field === field && c.value === value)) return;
    const c: Claim = {
      field,
      value,
      qualifier: n ? n.qualifier : qualifier,
      source,
      text: s,
      start: sentence.start,
      end: sentence.end,
    };
    if (revised) c.revised = true;
    claims.push(c);
  };
  const listed = killedListSum(s, sentence.start, numbers);
  if (listed) {
    claim("fatalities", null, listed.value);
    if (listed.civilians > 0) claim("civilian_fatalities", null, listed.civilians);
    victimSpans.push({ start: listed.start, end: listed.end });
  }
  for (const n of numbers) {
    if (n.start < sentence.start || n.end > sentence.end) continue;
    if (listed && n.start >= listed.start && n.end <= listed.end) continue;
    const after = s.slice(n.end - sentence.start);
    const before = s.slice(0, n.start - sentence.start);
    if (PARTITIVE.test(after)) continue;
    const npAfter = NP_AFTER.exec(after);
    const verbBefore = VERB_BEFORE.exec(before);
    // "raises the death toll ... to 33 killed": a revision, whatever noun the count takes ("to 15
    // and more casualties in Daraa" too: that noun is another clause's)
    if (
      TOLL_TO.test(before) &&
      TOLL_OF_DEAD.test(s) &&
      !TOLL_OVER_PERIOD.test(after) &&
      !(npAfter && IS_HURT_WORD.test(npAfter[2]) && !/\band\b/i.test(npAfter[1]))
    ) {
      claim("fatalities", n, n.value, true);
      continue;
    }
    if (npAfter) {
      const word = npAfter[2].toLowerCase();
      const rest = after.slice(npAfter[0].length);
      // "two candidates have been assassinated in less than 40 days": a count over a period
      if (!IS_HURT_WORD.test(word) && OVER_PERIOD_AFTER.test(rest)) continue;
      // "350 people were killed and injured": the dead and the hurt in one count, no death toll;
      // kept as injuries, as "casualties" alone is
      const field: ClaimField =
        (IS_HURT_WORD.test(word) && !(word === "casualties" && CASUALTIES_BESIDE_HURT.test(s))) ||
        KILLED_AND_HURT_AFTER.test(rest)
          ? "injuries"
          : "fatalities";
      // "310 civilians including at least 162 children killed": the toll is the whole, the
      // count after "including" a part of it
      const whole = wholeBefore(before, n, numbers);
      const counted = whole ?? n;
      // "casualties" alone counts the dead and the hurt together: keep it as injuries, the
      // conservative reading for fatalities.
      claim(field, counted, field === "injuries" ? literalMinimum(counted) : counted.value);
      // the part's civilians are civilians among the whole: "12 people including 4 children"
      const wholeCivilian =
        whole && CIVILIAN.test(before.slice(whole.end - (n.start - before.length)));
      const civilians = wholeCivilian ? counted : CIVILIAN.test(npAfter[1]) ? n : null;
      if (civilians)
        claim(
          field === "fatalities" ? "civilian_fatalities" : "injuries",
          civilians,
          civilians.value,
        );
      victimSpans.push({ start: n.end, end: n.end + 1 + npAfter[1].length });
      continue;
    }
    // "2 “decapitated” bodies found", "the bodies of 3 men": the dead are counted by their bodies
    if (BODIES_AFTER.test(after)) {
      claim("fatalities", n, n.value);
      continue;
    }
    // "threatened to kill 10 judges", "will kill 5 hostages": a count of the threatened, not of the dead
    if (verbBefore && UNREAL_BEFORE_VERB.test(before.slice(0, verbBefore.index))) continue;
    if (verbBefore) {
      const verb = verbBefore[1].toLowerCase();
      const rest = after.slice(0, 80);
      const isLeft = /^(?:leaving|left|leaves|leave)$/.test(verb);
      let field: ClaimField | null = null;
      if (isLeft) {
        const m = LEFT_NP.exec(rest);
        if (m)
          field =
            /dead|killed/i.test(m[1]) ||
            (m[1].toLowerCase() === "casualties" && CASUALTIES_BESIDE_HURT.test(s))
              ? "fatalities"
              : "injuries";
      } else field = IS_HURT_VERB.test(verb) ? "injuries" : "fatalities";
      if (!field) continue;
      claim(field, n, field === "injuries" ? literalMinimum(n) : n.value);
      const npMatch = /^\s+((?:[\p{L}'’-]+\s*){1,5})/u.exec(rest);
      // "killed six priests by soldiers": the victims end where their killers are named
      const np = (npMatch?.[1] ?? "").replace(/\bby\b[\s\S]*$/i, "");
      const tail = rest.slice(npMatch?.[0].length ?? 0);
      if (
        field === "fatalities" &&
        (CIVILIAN.test(np) ||
          /^,?\s*(?:[\p{L}]+\s+){0,2}including\s+(?:\w+\s+)?civilians/iu.test(tail))
      ) {
        claim("civilian_fatalities", null, CIVILIAN.test(np) ? n.value : ">0");
      }
      if (np) victimSpans.push({ start: n.end, end: n.end + np.length + 1 });
    }
  }
  // Victims listed by role: "the murders of the governor of Antioquia, another judge, and the
  // police commander" are three deaths.
  const roles = VICTIM_LIST.exec(s);
  if (roles && !claims.some((c) => c.field === "fatalities")) {
    // "the massacre of the priests A, B ... along with Mrs C and her daughter D": each a victim
    const items = roles[1]
      .split(/\s*,\s*(?:and\s+|along\s+with\s+)?|\s+and\s+|\s+along\s+with\s+/i)
      .map((x) => x.trim());
    // each item one person, named or by a role in the singular: "the priests" counts no one
    const onePerson = (x: string) =>
      x.split(/\s+/).length <= 6 && (ONE_ROLE.test(x) || NAMED_PERSON.test(x));
    if (items.length >= 2 && items.every(onePerson)) claim("fatalities", null, items.length);
  }
  // A single victim: "eliminated a Kataib Hezbollah commander", "the murder of former
  // armed forces chief Alvarez", "Pizarro's assassination".
  const one =
    ONE_VICTIM.exec(s) ??
    NAMED_VICTIM.exec(s) ??
    ONE_DIED.exec(s) ??
    ONE_BODY.exec(s) ??
    ONE_NATIONAL.exec(s) ??
    ONE_NATIONAL_DIED.exec(s);
  if (one && !claims.some((c) => c.field === "fatalities")) {
    // one victim told by who they were: at least one dead, no count of the whole toll
    claim("fatalities", null, 1, false, "at least");
    if (isCivilianVictim(one[1])) claim("civilian_fatalities", null, 1, false, "at least");
    let at = sentence.start + one.index + one[0].indexOf(one[1]);
    // "NPA rebel killed", "Hamas commander died": the name before the role is the victim's party
    const modifier = /(?:^|\s)(\p{Lu}[\p{L}'’-]*\s+)$/u.exec(s.slice(0, at - sentence.start));
    if (modifier) at -= modifier[1].length;
    victimSpans.push({
      start: at,
      end: sentence.start + one.index + one[0].indexOf(one[1]) + one[1].length,
    });
  }
  // Stated absences: "without causing ... civilian casualties", "no civilians were hurt".
  if (
    /\b(?:no\s+|without\s+(?:causing\s+)?(?:any\s+)?(?:[\p{L}-]+\s+){0,3}(?:or\s+)?)civilian\s+(?:casualties|deaths|injuries)|\bno\s+civilians?\s+(?:were|was)\s+(?:killed|hurt|injured|harmed)/iu.test(
      s,
    )
  ) {
    claim("civilian_fatalities", null, 0);
  }
  if (
    /\bno\s+(?:one|casualties|deaths|injuries)\s+(?:was|were)?\s*(?:killed|hurt|injured|reported)?/i.test(
      s,
    ) &&
    !claims.some((c) => c.field === "fatalities")
  ) {
    claim("fatalities", null, 0);
  }
  return { claims: withoutRunningTally(claims), victimSpans };
}

/** How many times the act's own count a raised toll may be and still revise it. */
const REVISION_MAX_FACTOR = 5;

/**
 * "carries out a mass execution of 12 ... and raises the number of casualties to 122": a toll
 * raised far past the count the sentence gives its act counts more than that act, a running
 * tally rather than a revision.
 */
function withoutRunningTally(claims: Claim[]): Claim[] {
  const own = claims
    .filter((c) => c.field === "fatalities" && !c.revised && typeof c.value === "number")
    .map((c) => c.value as number);
  if (!own.length) return claims;
  const most = Math.max(...own);
  return claims.filter(
    (c) =>
      !(c.revised && c.field === "fatalities" && (c.value as number) > most * REVISION_MAX_FACTOR),
  );
}
