// What a save changes in a set's rows. A save usually touches one or two rows
// of a few hundred; writing only those (instead of replacing every row, each
// with its foreign-key checks) keeps a save to a few milliseconds. Pure.

import { sameJson } from "@/lib/annotation/same-json";
import type { AnnotationRows } from "@/lib/annotation-sets/annotation-rows";

export interface AnnotationRowChanges {
  /** Rows that are new or differ from the stored row with their id. */
  upsert: AnnotationRows;
  /** Ids of stored rows the new state does not have. */
  remove: { spans: string[]; hoppers: string[]; events: string[]; arguments: string[] };
}

/**
 * The changes that turn `stored` into `next`. `next` comes from the row
 * mapping with fresh ids; a row that stands for a stored one (the same span
 * `T`, hopper index, event `E`, or argument position of the same event) takes
 * the stored row's id, and references follow.
 */
export function annotationRowChanges(stored: AnnotationRows, next: AnnotationRows): AnnotationRowChanges {
  const finalIds = new Map<string, string>();
  const settle = (freshId: string, storedId: string | undefined) => {
    const id = storedId ?? freshId;
    finalIds.set(freshId, id);
    return id;
  };
  const idOf = (freshId: string) => finalIds.get(freshId)!;

  const storedSpans = new Map(stored.spans.map((row) => [row.index, row.id]));
  const storedHoppers = new Map(stored.hoppers.map((row) => [row.index, row.id]));
  const storedEvents = new Map(stored.events.map((row) => [row.index, row.id]));
  const storedArguments = new Map(stored.arguments.map((row) => [`${row.eventId}#${row.position}`, row.id]));

  const rows: AnnotationRows = {
    spans: next.spans.map((row) => ({ ...row, id: settle(row.id, storedSpans.get(row.index)) })),
    hoppers: next.hoppers.map((row) => ({ ...row, id: settle(row.id, storedHoppers.get(row.index)) })),
    events: [],
    arguments: [],
  };
  rows.events = next.events.map((row) => ({
    ...row,
    id: settle(row.id, storedEvents.get(row.index)),
    hopperId: idOf(row.hopperId),
    nuggetSpanId: idOf(row.nuggetSpanId),
  }));
  rows.arguments = next.arguments.map((row) => {
    const eventId = idOf(row.eventId);
    return { ...row, id: settle(row.id, storedArguments.get(`${eventId}#${row.position}`)), eventId, spanId: idOf(row.spanId) };
  });

  return {
    upsert: {
      spans: changedRows(stored.spans, rows.spans),
      hoppers: changedRows(stored.hoppers, rows.hoppers),
      events: changedRows(stored.events, rows.events),
      arguments: changedRows(stored.arguments, rows.arguments),
    },
    remove: {
      spans: removedIds(stored.spans, rows.spans),
      hoppers: removedIds(stored.hoppers, rows.hoppers),
      events: removedIds(stored.events, rows.events),
      arguments: removedIds(stored.arguments, rows.arguments),
    },
  };
}

function changedRows<T extends { id: string }>(stored: T[], next: T[]): T[] {
  const byId = new Map(stored.map((row) => [row.id, row]));
  // Stored JSON columns come back from jsonb with their keys reordered: compare by value, not by text.
  return next.filter((row) => !sameJson(byId.get(row.id), row));
}

function removedIds(stored: { id: string }[], next: { id: string }[]): string[] {
  const kept = new Set(next.map((row) => row.id));
  return stored.filter((row) => !kept.has(row.id)).map((row) => row.id);
}
