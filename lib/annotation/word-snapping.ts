// Word boundaries in the article text, for snapping selections to whole words,
// double-click selection, word-wise keyboard moves and span edge keys. A word is
// a run of letters, digits and marks, kept together across in-word punctuation:
// "don't", "CVE-2017-0144", "v1.2.3", "e-mail", "example.com", "1,000,000".
// The rules follow the CASIE corpus's spans: a possessive or contracted ending
// is not part of the word ("Google" in "Google’s", "they" in "they've"); quotes
// and brackets at a selection's edges go unless the selection closes them
// ("Domain Name System (DNS)", "“Wanna Cry” ransomware") and is not wholly inside
// them ("“phishing”" gives phishing); a currency sign goes with its amount
// ("$75,000") and an abbreviation keeps its period ("Apple Inc.").

/** A half-open range of `content`. */
export interface TextRange {
  start: number;
  end: number;
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}_]/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const CURRENCY = /\p{Sc}/u;
/** Punctuation that joins two word characters into one word. */
const JOINERS = "-'’.@";
/** What a selection's edges shed: white space and sentence punctuation, dashes, quotes and brackets (not $, %, # and the like). */
const TRIMMED = /[\s.,;:!?…—–"'“”‘’«»()[\]{}<>]/u;
/** Marks that enclose words, each with its partner; a selection keeps one whose partner it also holds. */
const OPENERS: Record<string, string> = { "(": ")", "[": "]", "{": "}", "“": "”", '"': '"', "«": "»" };
const CLOSERS: Record<string, string> = { ")": "(", "]": "[", "}": "{", "”": "“", '"': '"', "»": "«" };
/** Marks the span edge keys stop beside, besides words: quotes and brackets. */
const ENCLOSERS = /["'“”‘’«»()[\]{}]/u;
/** An English clitic after an apostrophe: possessive 's, and 're, 've, 'll, 'd, 'm. */
const CLITIC = /^['’](?:s|re|ve|ll|d|m)(?![\p{L}\p{N}\p{M}_])/iu;
/** Words whose period belongs to them. */
const ABBREVIATIONS = new Set(["Inc", "Ltd", "Corp", "Co", "Bros", "Jr", "Sr", "Dr", "Mr", "Mrs", "Ms", "St", "U.S", "U.K", "e.g", "i.e"]);

/**
 * The selection widened to whole words at each end and stripped of the white
 * space, punctuation and possessive endings around it; null when nothing but
 * those was selected. A reversed selection (end before start) is read the other way round.
 */
export function snapToWordBoundaries(content: string, start: number, end: number): TextRange | null {
  let from = clamp(Math.min(start, end), content.length);
  let to = clamp(Math.max(start, end), content.length);
  for (let trimming = true; trimming && from < to;) {
    const [before, after] = [from, to];
    while (from < to && TRIMMED.test(content[from]) && !closedWithin(content, from, to)) from++;
    while (to > from && TRIMMED.test(content[to - 1]) && !openedWithin(content, from, to - 1) && !abbreviationPeriod(content, to - 1)) to--;
    const clitic = cliticEndingAt(content, to);
    if (clitic > from) to = clitic;
    // Marks around the whole selection go: “phishing” is annotated as phishing.
    if (to - from > 2 && wrapsAll(content, from, to)) {
      from++;
      to--;
    }
    trimming = from !== before || to !== after;
  }
  if (from === to) return null;
  while (from > 0 && inWord(content, from - 1) && inWord(content, from)) from--;
  while (to < content.length && inWord(content, to) && inWord(content, to - 1)) to++;
  if (from > 0 && CURRENCY.test(content[from - 1]) && DIGIT.test(content[from])) from--;
  if (content[to] === "." && abbreviationPeriod(content, to)) to++;
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

/**
 * Where a span's edge goes when moved by a word: to the next (or previous)
 * start of a token, for a span's start, or end of one, for its end; null when
 * there is none that way. Tokens are words, clitic endings, and single quotes
 * or brackets, so a span can take in or shed “…” or (…) and a possessive 's.
 */
export function spanEdgeStop(content: string, offset: number, edge: "start" | "end", direction: "backward" | "forward"): number | null {
  // No span starts with a clitic ending.
  const stops = tokens(content).flatMap((token) => (edge === "end" ? [token.end] : token.clitic ? [] : [token.start]));
  if (direction === "forward") return stops.find((stop) => stop > offset) ?? null;
  return stops.findLast((stop) => stop < offset) ?? null;
}

interface Token extends TextRange {
  clitic: boolean;
}

let tokenCache: { content: string; tokens: Token[] } | null = null;

/** The content's words, clitic endings and enclosing marks, in order (the last content's are kept: edge keys ask again and again). */
function tokens(content: string): Token[] {
  if (tokenCache?.content === content) return tokenCache.tokens;
  const found: Token[] = [];
  for (let i = 0; i < content.length;) {
    const clitic = cliticLength(content, i);
    let end = i + 1;
    if (clitic) end = i + clitic;
    else if (inWord(content, i) || (CURRENCY.test(content[i]) && DIGIT.test(content[i + 1] ?? ""))) {
      while (end < content.length && inWord(content, end)) end++;
      if (content[end] === "." && abbreviationPeriod(content, end)) end++;
    } else if (!ENCLOSERS.test(content[i])) {
      i++;
      continue;
    }
    found.push({ start: i, end, clitic: clitic > 0 });
    i = end;
  }
  tokenCache = { content, tokens: found };
  return found;
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
  return JOINERS.includes(character) && WORD_CHARACTER.test(before) && WORD_CHARACTER.test(after) && !cliticLength(content, i);
}

/** The length of the clitic ending ('s, 've…) that starts at `i`, after a letter; 0 when there is none. */
function cliticLength(content: string, i: number): number {
  if (i === 0 || !LETTER.test(content[i - 1])) return 0;
  return CLITIC.exec(content.slice(i, i + 4))?.[0].length ?? 0;
}

/** Where a clitic ending that ends at `end` starts; -1 when none does. */
function cliticEndingAt(content: string, end: number): number {
  for (let start = end - 2; start >= end - 3; start--) if (start > 0 && cliticLength(content, start) === end - start) return start;
  return -1;
}

/** The opening mark at `at` is closed before `end`. */
function closedWithin(content: string, at: number, end: number): boolean {
  const closer = OPENERS[content[at]];
  const closing = closer === undefined ? -1 : content.indexOf(closer, at + 1);
  return closing !== -1 && closing < end;
}

/** The closing mark at `at` was opened at or after `start`. */
function openedWithin(content: string, start: number, at: number): boolean {
  const opener = CLOSERS[content[at]];
  return opener !== undefined && at > start && content.lastIndexOf(opener, at - 1) >= start;
}

/** The mark at `start` opens, and the one before `end` is the first to close it. */
function wrapsAll(content: string, start: number, end: number): boolean {
  const closer = OPENERS[content[start]];
  return closer !== undefined && content.indexOf(closer, start + 1) === end - 1;
}

/** The period at `at` ends an abbreviation ("Inc.", "U.S."). */
function abbreviationPeriod(content: string, at: number): boolean {
  if (content[at] !== ".") return false;
  let start = at;
  while (start > 0 && inWord(content, start - 1)) start--;
  return ABBREVIATIONS.has(content.slice(start, at));
}

function clamp(offset: number, length: number): number {
  return Math.max(0, Math.min(Math.trunc(offset) || 0, length));
}
