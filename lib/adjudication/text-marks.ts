// The adjudication page's text cut at every item's boundaries (Recogito-style,
// as lib/annotation/highlight-segments.ts does for spans): each segment lists
// the items covering it, so overlapping items never nest DOM elements.

import type { AdjudicationItem } from "./disagreements";
import type { EventRow } from "./event-rows";

export interface MarkedSegment {
  start: number;
  end: number;
  itemIds: string[];
}

export function markedSegments(length: number, items: readonly { id: string; startOffset: number; endOffset: number }[]): MarkedSegment[] {
  const inside = items.filter((item) => item.startOffset < item.endOffset && item.startOffset >= 0 && item.endOffset <= length);
  const cuts = [...new Set([0, length, ...inside.flatMap((item) => [item.startOffset, item.endOffset])])].sort((a, b) => a - b);
  const segments: MarkedSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    segments.push({ start, end, itemIds: inside.filter((item) => item.startOffset < end && item.endOffset > start).map((item) => item.id) });
  }
  return segments;
}

/** Where each item shows in the text: its extent, or for a hopper cluster each of its events. */
export function itemMarks(items: readonly AdjudicationItem[], rows: readonly EventRow[]): { id: string; startOffset: number; endOffset: number }[] {
  const rowByKey = new Map(rows.map((row) => [row.key, row]));
  return items.flatMap((item) =>
    item.kind === "hoppers"
      ? item.rowKeys.map((key) => ({ id: item.id, startOffset: rowByKey.get(key)!.startOffset, endOffset: rowByKey.get(key)!.endOffset }))
      : [{ id: item.id, startOffset: item.startOffset, endOffset: item.endOffset }],
  );
}
