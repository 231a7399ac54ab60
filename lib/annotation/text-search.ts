// Finding a phrase in the article text, as the editor's find command does: every
// occurrence (ignoring case, not overlapping), the next or previous one from the
// caret with wrap-around, and its place among them ("6 of 14").

import type { TextRange } from "./word-snapping";

/** Every occurrence of `query` in `content`, in text order; none for an empty query. Offsets are the content's own (case is folded without changing lengths). */
export function findOccurrences(content: string, query: string): TextRange[] {
  if (!query) return [];
  const pattern = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "giu");
  return [...content.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/**
 * The position in `occurrences` of the next one starting at or after `caret.end`
 * (the previous one starting before `caret.start` when `backwards`), wrapping
 * around the text; -1 when there are none.
 */
export function nearestOccurrence(occurrences: readonly TextRange[], caret: TextRange, backwards: boolean): number {
  if (!occurrences.length) return -1;
  if (backwards) {
    const before = occurrences.findLastIndex((occurrence) => occurrence.start < caret.start);
    return before === -1 ? occurrences.length - 1 : before;
  }
  const after = occurrences.findIndex((occurrence) => occurrence.start >= caret.end);
  return after === -1 ? 0 : after;
}

/** "6 of 14": the occurrence at `position` among all of them. */
export function occurrencePlace(position: number, count: number): string {
  return `${position + 1} of ${count}`;
}
