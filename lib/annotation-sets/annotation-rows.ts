// Maps a CASIE document's annotations to the rows of one annotation set and
// back. Pure: set-rows.ts and the SQL builders decide how rows reach the database.

import { randomUUID } from "node:crypto";
import type {
  CasieArgument,
  CasieEvent,
  CasieExternalReference,
  CasieHopper,
  CasieNugget,
  CasieRole,
  CasieSpan,
  ObjectLayout,
} from "@/lib/casie/types";

export interface SpanRow {
  id: string;
  setId: string;
  index: string;
  startOffset: number;
  endOffset: number;
  text: string;
}

export interface HopperRow {
  id: string;
  setId: string;
  index: number;
  relation: string | null;
  position: number;
  layout: ObjectLayout | null;
}

export interface EventRow {
  id: string;
  setId: string;
  hopperId: string;
  index: string;
  type: string;
  subtype: string;
  realis: string;
  nuggetSpanId: string;
  position: number;
  layout: ObjectLayout | null;
  nuggetLayout: ObjectLayout | null;
}

export interface ArgumentRow {
  id: string;
  setId: string;
  eventId: string;
  spanId: string;
  role: string;
  entityType: string;
  externalReference: CasieExternalReference | null;
  position: number;
  layout: ObjectLayout | null;
  roleLayout: ObjectLayout | null;
}

export interface AnnotationRows {
  spans: SpanRow[];
  hoppers: HopperRow[];
  events: EventRow[];
  arguments: ArgumentRow[];
}

/** The row of a hopper at `position` in the set's list. */
export function hopperRowOf(setId: string, id: string, hopper: CasieHopper, position: number): HopperRow {
  return { id, setId, index: hopper.index, relation: hopper.relation ?? null, position, layout: hopper.layout ?? null };
}

export function spanRowOf(setId: string, id: string, span: CasieSpan): SpanRow {
  return { id, setId, index: span.index, startOffset: span.startOffset, endOffset: span.endOffset, text: span.text };
}

/** The row of an event at `position` in its hopper, its nugget stored as span row `nuggetSpanId`. */
export function eventRowOf(setId: string, id: string, event: CasieEvent, hopperId: string, nuggetSpanId: string, position: number): EventRow {
  return {
    id,
    setId,
    hopperId,
    index: event.index,
    type: event.type,
    subtype: event.subtype,
    realis: event.realis,
    nuggetSpanId,
    position,
    layout: event.layout ?? null,
    nuggetLayout: event.nugget.layout ?? null,
  };
}

export function argumentRowOf(setId: string, id: string, argument: CasieArgument, eventId: string, spanId: string, position: number): ArgumentRow {
  return {
    id,
    setId,
    eventId,
    spanId,
    role: argument.role.type,
    entityType: argument.entityType,
    externalReference: argument.externalReference ?? null,
    position,
    layout: argument.layout ?? null,
    roleLayout: argument.role.layout ?? null,
  };
}

/** Rows for a set holding `hoppers`; a `T` shared by several nuggets or arguments becomes one span row. */
export function annotationRowsFromHoppers(setId: string, hoppers: CasieHopper[], newId: () => string = randomUUID): AnnotationRows {
  const rows: AnnotationRows = { spans: [], hoppers: [], events: [], arguments: [] };
  const spanIds = new Map<string, string>();
  const spanId = (span: CasieSpan): string => {
    let id = spanIds.get(span.index);
    if (id === undefined) {
      id = newId();
      spanIds.set(span.index, id);
      rows.spans.push(spanRowOf(setId, id, span));
    }
    return id;
  };
  hoppers.forEach((hopper, hopperPosition) => {
    const hopperId = newId();
    rows.hoppers.push(hopperRowOf(setId, hopperId, hopper, hopperPosition));
    hopper.events.forEach((event, eventPosition) => {
      const eventId = newId();
      rows.events.push(eventRowOf(setId, eventId, event, hopperId, spanId(event.nugget), eventPosition));
      event.arguments.forEach((argument, argumentPosition) => {
        rows.arguments.push(argumentRowOf(setId, newId(), argument, eventId, spanId(argument), argumentPosition));
      });
    });
  });
  return rows;
}

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

/** The hoppers a set's rows describe, in document order. Rows may come in any order. */
export function hoppersFromAnnotationRows(rows: AnnotationRows): CasieHopper[] {
  const spans = new Map(rows.spans.map((span) => [span.id, span]));
  const spanFields = (id: string): CasieSpan => {
    const span = spans.get(id);
    if (!span) throw new Error(`annotation rows reference a missing span ${id}`);
    return { index: span.index, startOffset: span.startOffset, endOffset: span.endOffset, text: span.text };
  };

  const argumentsByEvent = groupBy(rows.arguments, (argument) => argument.eventId);
  const eventsByHopper = groupBy(rows.events, (event) => event.hopperId);

  return [...rows.hoppers].sort(byPosition).map((hopperRow): CasieHopper => {
    const events = (eventsByHopper.get(hopperRow.id) ?? []).sort(byPosition).map((eventRow): CasieEvent => {
      const argumentList = (argumentsByEvent.get(eventRow.id) ?? []).sort(byPosition).map((argumentRow): CasieArgument => {
        const argument: CasieArgument = {
          ...spanFields(argumentRow.spanId),
          entityType: argumentRow.entityType,
          role: withLayout<CasieRole>({ type: argumentRow.role }, argumentRow.roleLayout),
        };
        if (argumentRow.externalReference) argument.externalReference = argumentRow.externalReference;
        return withLayout(argument, argumentRow.layout);
      });
      const event: CasieEvent = {
        index: eventRow.index,
        type: eventRow.type,
        subtype: eventRow.subtype,
        realis: eventRow.realis,
        nugget: withLayout<CasieNugget>(spanFields(eventRow.nuggetSpanId), eventRow.nuggetLayout),
        arguments: argumentList,
      };
      return withLayout(event, eventRow.layout);
    });
    const hopper: CasieHopper = { index: hopperRow.index, events };
    if (hopperRow.relation !== null) hopper.relation = hopperRow.relation;
    return withLayout(hopper, hopperRow.layout);
  });
}

function withLayout<T extends { layout?: ObjectLayout }>(value: T, layout: ObjectLayout | null): T {
  if (layout) value.layout = layout;
  return value;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
