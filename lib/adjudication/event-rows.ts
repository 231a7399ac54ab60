// The events of several annotators' sets lined up: one row per real-world
// event mention, holding each annotator's version of it (or none). Rows are
// built by aligning each set in turn to the rows so far (lib/agreement's
// alignment: nugget offsets, exact matches first, then the best overlaps),
// never by E or T indexes, which each set numbers on its own.

import { alignEvents, eventsOf, spanKey } from "@/lib/agreement/event-alignment";
import type { CasieDocument, CasieEvent } from "@/lib/casie/types";

export interface AnnotatorSet {
  annotatorId: string;
  /** For people: the annotator's name or email. */
  name: string;
  document: CasieDocument;
}

export interface EventRow {
  /** Stable: the distinct nugget offsets of the row's versions, sorted. */
  key: string;
  /** Each annotator's event, by annotator id; absent when the annotator does not have it. */
  events: Record<string, CasieEvent>;
  /** The hopper each annotator put their event in, by annotator id. */
  hoppers: Record<string, number>;
  /** The text the row covers, from the earliest nugget start to the latest end. */
  startOffset: number;
  endOffset: number;
}

export function alignEventRows(sets: readonly AnnotatorSet[]): EventRow[] {
  const rows: Record<string, CasieEvent>[] = [];
  const hopperOfEvent = new Map<CasieEvent, number>();
  const representatives: CasieEvent[] = [];
  const rowOfRepresentative = new Map<CasieEvent, number>();
  for (const set of sets) {
    for (const [event, hopper] of hoppersOfEvents(set.document)) hopperOfEvent.set(event, hopper);
    const alignment = alignEvents(representatives, eventsOf(set.document.hoppers));
    for (const { key, response } of alignment.matched) rows[rowOfRepresentative.get(key)!][set.annotatorId] = response;
    for (const event of alignment.responseOnly) {
      rowOfRepresentative.set(event, rows.length);
      representatives.push(event);
      rows.push({ [set.annotatorId]: event });
    }
  }
  return rows
    .map((events) => rowOf(events, hopperOfEvent))
    .sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset || a.key.localeCompare(b.key));
}

function rowOf(events: Record<string, CasieEvent>, hopperOfEvent: Map<CasieEvent, number>): EventRow {
  const nuggets = Object.values(events).map((event) => event.nugget);
  const keys = [...new Set(nuggets.map(spanKey))].sort();
  return {
    key: keys.join("+"),
    events,
    hoppers: Object.fromEntries(Object.entries(events).map(([annotatorId, event]) => [annotatorId, hopperOfEvent.get(event)!])),
    startOffset: Math.min(...nuggets.map((nugget) => nugget.startOffset)),
    endOffset: Math.max(...nuggets.map((nugget) => nugget.endOffset)),
  };
}

/** Each row's event in `document` (e.g. the gold set), aligned the same way: by the row's first version's nugget. */
export function eventsOfRows(rows: readonly EventRow[], document: CasieDocument): Map<string, CasieEvent> {
  const rowOfRepresentative = new Map(rows.map((row) => [Object.values(row.events)[0], row.key]));
  const alignment = alignEvents([...rowOfRepresentative.keys()], eventsOf(document.hoppers));
  return new Map(alignment.matched.map(({ key, response }) => [rowOfRepresentative.get(key)!, response]));
}

/** The hopper of each event of `document`. */
export function hoppersOfEvents(document: CasieDocument): Map<CasieEvent, number> {
  const hopperOfEvent = new Map<CasieEvent, number>();
  for (const hopper of document.hoppers) for (const event of hopper.events) hopperOfEvent.set(event, hopper.index);
  return hopperOfEvent;
}
