// Who says so: the source a sentence attributes its account to ("according to three US
// officials", "Iraq's Joint Operations Command said"). Every claim carries it.
import type { Sentence, Span } from "../core/types.ts";

const SAY =
  "said|says|say|stated|states|reported|reports|claimed|claims|confirmed|confirms|announced|announces|told|added|noted|indicated|revealed|alleged|alleges|acknowledged|insisted|asserted|denounced|accused|estimated|is\\s+investigating|investigated|documented|recorded|put\\s+the\\s+(?:death\\s+)?toll";

/** "according to X", "as reported by X", "X said ...". Sources longer than this are not names. */
const MAX_SOURCE_WORDS = 9;

const ACCORDING =
  /\b(?:according\s+to|as\s+reported\s+by|reported\s+by|quoted\s+by|per)\s+([^,.;:"“”]+)/iu;
const SUBJECT_SAYS = new RegExp(
  `^(?:[^,;:"“”]*?,\\s+)?((?:[\\p{L}\\p{N}'’.-]+\\s+){0,${MAX_SOURCE_WORDS - 1}}?[\\p{L}\\p{N}'’.-]+)\\s+(?:(?:has|had|have|also|later|previously|earlier|then)\\s+)?(${SAY})\\b`,
  "iu",
);
const TRAILING_SAID = new RegExp(
  `,\\s*["”]?\\s*((?:[\\p{L}\\p{N}'’.-]+\\s+){0,${MAX_SOURCE_WORDS - 1}}?[\\p{L}\\p{N}'’.-]+)\\s+(?:${SAY})\\s*[.,]?\\s*$`,
  "iu",
);
const SAID_TRAILING = new RegExp(
  `,\\s*["”]?\\s*(?:${SAY})\\s+((?:[\\p{L}\\p{N}'’.-]+\\s+){0,${MAX_SOURCE_WORDS - 1}}?[\\p{L}\\p{N}'’.-]+)\\s*\\.?\\s*$`,
  "iu",
);

/** Pronouns and bare determiners are not sources anyone can check. */
const NOT_A_SOURCE =
  /^(?:it|he|she|they|we|i|you|this|that|there|which|who|the\s+report|reports?)$/i;

export interface Attribution extends Span {
  /** The source as the text names it, without a leading article. */
  source: string;
  /** The reporting verb ("reported", "denounced"), or null for "according to". */
  verb: string | null;
  rule: string;
}

export function attributionOf(sentence: Sentence): Attribution | null {
  const s = sentence.text;
  for (const [re, rule] of [
    [ACCORDING, "source:according-to"],
    [TRAILING_SAID, "source:trailing-said"],
    [SAID_TRAILING, "source:said-trailing"],
    [SUBJECT_SAYS, "source:subject-says"],
  ] as const) {
    const m = re.exec(s);
    if (!m) continue;
    const raw = m[1].trim().replace(/^(?:the|a|an)\s+/i, "");
    if (!raw || NOT_A_SOURCE.test(raw) || raw.split(/\s+/).length > MAX_SOURCE_WORDS) continue;
    const at = s.indexOf(m[1], m.index);
    const start = sentence.start + at + (m[1].length - m[1].trimStart().length);
    const verb = rule === "source:subject-says" ? (m[2] ?? null) : null;
    return { start, end: start + m[1].trim().length, text: m[1].trim(), source: raw, verb, rule };
  }
  return null;
}
