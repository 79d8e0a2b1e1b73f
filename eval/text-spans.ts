// Finding an annotated sentence again in the clean text sitrep read. The data sets give their
// sentences as strings (WikiEvents' character offsets drift where the source glued a headline to
// the body), and the loader rewraps lines and collapses spaces, so a sentence is found by its
// characters with all whitespace left out, in order through the document.

export interface Range {
  start: number;
  end: number;
}

/** The text without whitespace, and for each kept character its offset in the text. */
function squeeze(text: string): { chars: string; at: number[] } {
  let chars = "";
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) continue;
    chars += text[i];
    at.push(i);
  }
  return { chars, at };
}

/**
 * Where each sentence is in `text` (null when it is not there), searching from where the
 * previous one was found, so that a sentence told twice is found at its own place. A sentence
 * not found from there is looked for from the start before giving up.
 */
export function locateSentences(text: string, sentences: string[]): (Range | null)[] {
  const hay = squeeze(text);
  let from = 0;
  return sentences.map((s) => {
    const needle = squeeze(s).chars;
    if (!needle) return null;
    let i = hay.chars.indexOf(needle, from);
    if (i < 0) i = hay.chars.indexOf(needle);
    if (i < 0) return null;
    from = i + needle.length;
    return { start: hay.at[i], end: hay.at[i + needle.length - 1] + 1 };
  });
}

/** Two half-open ranges share at least one character. */
export function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}
