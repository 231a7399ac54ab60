// Word boundaries in the article text, for snapping selections to whole words,
// double-click selection and word-wise keyboard moves. A word is a run of
// letters, digits and marks, kept together across in-word punctuation:
// "don't", "CVE-2017-0144", "v1.2.3", "e-mail", "example.com", "1,000,000".

/** A half-open range of `content`. */
export interface TextRange {
  start: number;
  end: number;
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}_]/u;
const DIGIT = /\p{Nd}/u;
/** Punctuation that joins two word characters into one word. */
const JOINERS = "-'’.@";
/** What a selection's edges shed: white space and sentence punctuation, quotes and brackets (not $, %, # and the like). */
const TRIMMED = /[\s.,;:!?"'“”‘’«»()[\]{}<>]/u;

/**
 * The selection widened to whole words at each end and stripped of the white
 * space and punctuation around it; null when nothing but those was selected.
 * A reversed selection (end before start) is read the other way round.
 */
export function snapToWordBoundaries(content: string, start: number, end: number): TextRange | null {
  let from = clamp(Math.min(start, end), content.length);
  let to = clamp(Math.max(start, end), content.length);
  while (from < to && TRIMMED.test(content[from])) from++;
  while (to > from && TRIMMED.test(content[to - 1])) to--;
  if (from === to) return null;
  while (from > 0 && inWord(content, from - 1) && inWord(content, from)) from--;
  while (to < content.length && inWord(content, to) && inWord(content, to - 1)) to++;
  return { start: from, end: to };
}

/**
 * The word at `offset` (what a double-click selects): the word the character
 * at `offset` belongs to, else the word ending just before it, else the single
 * punctuation character there; null on white space.
 */
export function wordAt(content: string, offset: number): TextRange | null {
  const at = clamp(offset, content.length);
  const inside = inWord(content, at) ? at : at > 0 && inWord(content, at - 1) ? at - 1 : -1;
  if (inside === -1) return at < content.length && !/\s/u.test(content[at]) ? { start: at, end: at + 1 } : null;
  let start = inside;
  let end = inside + 1;
  while (start > 0 && inWord(content, start - 1)) start--;
  while (end < content.length && inWord(content, end)) end++;
  return { start, end };
}

/** Where Ctrl+Right goes: the end of the word at or after `offset`. */
export function nextWordBoundary(content: string, offset: number): number {
  let i = clamp(offset, content.length);
  while (i < content.length && !inWord(content, i)) i++;
  while (i < content.length && inWord(content, i)) i++;
  return i;
}

/** Where Ctrl+Left goes: the start of the word at or before `offset`. */
export function previousWordBoundary(content: string, offset: number): number {
  let i = clamp(offset, content.length);
  while (i > 0 && !inWord(content, i - 1)) i--;
  while (i > 0 && inWord(content, i - 1)) i--;
  return i;
}

/** Whether the character at `i` is part of a word. */
function inWord(content: string, i: number): boolean {
  const character = content[i];
  if (character === undefined) return false;
  if (WORD_CHARACTER.test(character)) return true;
  const before = content[i - 1];
  const after = content[i + 1];
  if (before === undefined || after === undefined) return false;
  // A comma joins only digit groups: "1,000" is a word, "a,b" two.
  if (character === ",") return DIGIT.test(before) && DIGIT.test(after);
  return JOINERS.includes(character) && WORD_CHARACTER.test(before) && WORD_CHARACTER.test(after);
}

function clamp(offset: number, length: number): number {
  return Math.max(0, Math.min(Math.trunc(offset) || 0, length));
}
