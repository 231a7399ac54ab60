// A set's state at a version as the server last read or wrote it: its
// document, and for every annotation the row that stores it. With it, a save
// needs no read: the rows a change touches are found from what the operations
// changed. Applying an operation shares every untouched hopper and event with
// the state before it (apply is pure), so a hopper still at its place as the
// same object holds no change, and only the others are compared.

import { randomUUID } from "node:crypto";
import type { SetNumbering } from "@/lib/annotation/index-allocation";
import { sameJson } from "@/lib/annotation/same-json";
import type { CasieDocument, CasieEvent, CasieHopper, CasieSpan } from "@/lib/casie/types";
import {
  argumentRowOf,
  eventRowOf,
  hopperRowOf,
  spanRowOf,
  type AnnotationRows,
  type ArgumentRow,
  type EventRow,
  type HopperRow,
  type SpanRow,
} from "./annotation-rows";

/** What a save changes in a set's rows: usually a row or two of hundreds. */
export interface AnnotationRowChanges {
  /** Rows that are new or differ from the stored row with their id. */
  upsert: AnnotationRows;
  /** Ids of stored rows the new state does not have. */
  remove: { spans: string[]; hoppers: string[]; events: string[]; arguments: string[] };
}

export interface SetSnapshot {
  setId: string;
  version: number;
  numbering: SetNumbering;
  document: CasieDocument;
  rows: SnapshotRows;
}

/** The stored rows, found by what they store. */
export interface SnapshotRows {
  hoppers: Map<number, HopperRow>;
  events: Map<string, EventRow>;
  spans: Map<string, SpanRow>;
  /** How many nuggets and arguments name each `T`: a span row goes when none does. */
  spanUses: Map<string, number>;
  /** Each event's argument rows, by position. */
  arguments: Map<string, ArgumentRow[]>;
}

export function snapshotOf(setId: string, version: number, numbering: SetNumbering, document: CasieDocument, rows: AnnotationRows): SetSnapshot {
  const events = new Map(rows.events.map((row) => [row.index, row]));
  const eventIndexById = new Map(rows.events.map((row) => [row.id, row.index]));
  const argumentsByEvent = new Map<string, ArgumentRow[]>();
  for (const row of [...rows.arguments].sort((a, b) => a.position - b.position)) {
    const eventIndex = eventIndexById.get(row.eventId)!;
    const list = argumentsByEvent.get(eventIndex);
    if (list) list.push(row);
    else argumentsByEvent.set(eventIndex, [row]);
  }
  const spanUses = new Map<string, number>();
  for (const hopper of document.hoppers) for (const event of hopper.events) countUses(spanUses, event, 1);
  return {
    setId,
    version,
    numbering,
    document,
    rows: {
      hoppers: new Map(rows.hoppers.map((row) => [row.index, row])),
      events,
      spans: new Map(rows.spans.map((row) => [row.index, row])),
      spanUses,
      arguments: argumentsByEvent,
    },
  };
}

function countUses(uses: Map<string, number>, event: CasieEvent, delta: 1 | -1): void {
  for (const span of [event.nugget, ...event.arguments]) uses.set(span.index, (uses.get(span.index) ?? 0) + delta);
}

/**
 * The row changes that store `next` (the snapshot's document with operations
 * applied), and a function that moves the snapshot to `next` once they are
 * written. Reads only the hoppers that changed.
 */
export function snapshotChanges(
  snapshot: SetSnapshot,
  next: CasieDocument,
  newId: () => string = randomUUID,
): { changes: AnnotationRowChanges; commit: (version: number, numbering: SetNumbering) => void } {
  const { setId, rows } = snapshot;
  const upsert: AnnotationRows = { spans: [], hoppers: [], events: [], arguments: [] };
  const remove: AnnotationRowChanges["remove"] = { spans: [], hoppers: [], events: [], arguments: [] };
  const before = new Map(snapshot.document.hoppers.map((hopper, position) => [hopper.index, { hopper, position }]));
  const hopperRows = new Map<number, HopperRow | null>();
  const eventRows = new Map<string, EventRow | null>();
  const spanRows = new Map<string, SpanRow | null>();
  const argumentRows = new Map<string, ArgumentRow[] | null>();
  const uses = new Map<string, number>();

  const changed = next.hoppers.flatMap((hopper, position) => {
    const was = before.get(hopper.index);
    return was && was.hopper === hopper && was.position === position ? [] : [{ hopper, position }];
  });
  const nextIndexes = new Set(next.hoppers.map((hopper) => hopper.index));
  const removedHoppers = snapshot.document.hoppers.filter((hopper) => !nextIndexes.has(hopper.index));
  // Events of the hoppers that changed, before and after: only they can have changed.
  const oldEvents = [
    ...changed.map(({ hopper }) => before.get(hopper.index)?.hopper).filter((hopper): hopper is CasieHopper => !!hopper),
    ...removedHoppers,
  ].flatMap((hopper) => hopper.events);
  const newEvents = new Set(changed.flatMap(({ hopper }) => hopper.events.map((event) => event.index)));
  for (const event of oldEvents) countUses(uses, event, -1);

  const spanId = (span: CasieSpan): string => {
    const stored = spanRows.get(span.index) ?? rows.spans.get(span.index);
    const row = spanRowOf(setId, stored?.id ?? newId(), span);
    if (!stored || !sameJson(stored, row)) {
      if (!spanRows.has(span.index) || !sameJson(spanRows.get(span.index), row)) upsert.spans.push(row);
      spanRows.set(span.index, row);
    }
    return row.id;
  };

  for (const { hopper, position } of changed) {
    const storedHopper = rows.hoppers.get(hopper.index);
    const hopperRow = hopperRowOf(setId, storedHopper?.id ?? newId(), hopper, position);
    if (!sameJson(storedHopper, hopperRow)) {
      upsert.hoppers.push(hopperRow);
      hopperRows.set(hopper.index, hopperRow);
    }
    hopper.events.forEach((event, eventPosition) => {
      countUses(uses, event, 1);
      const storedEvent = rows.events.get(event.index);
      const eventRow = eventRowOf(setId, storedEvent?.id ?? newId(), event, hopperRow.id, spanId(event.nugget), eventPosition);
      if (!sameJson(storedEvent, eventRow)) {
        upsert.events.push(eventRow);
        eventRows.set(event.index, eventRow);
      }
      const storedArguments = rows.arguments.get(event.index) ?? [];
      let argumentsChanged = storedArguments.length !== event.arguments.length;
      const argumentList = event.arguments.map((argument, argumentPosition) => {
        const stored = storedArguments[argumentPosition] as ArgumentRow | undefined;
        const row = argumentRowOf(setId, stored?.id ?? newId(), argument, eventRow.id, spanId(argument), argumentPosition);
        if (!sameJson(stored, row)) {
          upsert.arguments.push(row);
          argumentsChanged = true;
        }
        return row;
      });
      for (const extra of storedArguments.slice(event.arguments.length)) remove.arguments.push(extra.id);
      if (argumentsChanged) argumentRows.set(event.index, argumentList);
    });
  }
  for (const event of oldEvents) {
    if (newEvents.has(event.index)) continue;
    const stored = rows.events.get(event.index);
    if (stored) remove.events.push(stored.id);
    for (const argument of rows.arguments.get(event.index) ?? []) remove.arguments.push(argument.id);
    eventRows.set(event.index, null);
    argumentRows.set(event.index, null);
  }
  for (const hopper of removedHoppers) {
    const stored = rows.hoppers.get(hopper.index);
    if (stored) remove.hoppers.push(stored.id);
    hopperRows.set(hopper.index, null);
  }
  for (const [index, delta] of uses) {
    if (delta === 0 || (rows.spanUses.get(index) ?? 0) + delta > 0) continue;
    const stored = rows.spans.get(index);
    if (stored) remove.spans.push(stored.id);
    spanRows.set(index, null);
  }

  const commit = (version: number, numbering: SetNumbering) => {
    const apply = <K, V>(target: Map<K, V>, changes: Map<K, V | null>) => {
      for (const [key, value] of changes) {
        if (value === null) target.delete(key);
        else target.set(key, value);
      }
    };
    apply(rows.hoppers, hopperRows);
    apply(rows.events, eventRows);
    apply(rows.spans, spanRows);
    apply(rows.arguments, argumentRows);
    for (const [index, delta] of uses) {
      const count = (rows.spanUses.get(index) ?? 0) + delta;
      if (count > 0) rows.spanUses.set(index, count);
      else rows.spanUses.delete(index);
    }
    snapshot.document = next;
    snapshot.version = version;
    snapshot.numbering = numbering;
  };
  return { changes: { upsert, remove }, commit };
}
