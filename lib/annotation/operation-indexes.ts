// Every event, span and hopper index an operation names, mapped by one function
// each: to rename indexes (a rebase renumbers what two annotators created
// under the same index) or just to collect them.

import type { CasieArgument, CasieEvent } from "@/lib/casie/types";
import type { AnnotationOperation, EventPlace } from "./operation-types";

export interface IndexMapping {
  event(index: string): string;
  span(index: string): string;
  hopper(index: number): number;
}

export function mapOperationIndexes(operation: AnnotationOperation, map: IndexMapping): AnnotationOperation {
  const place = (p: EventPlace): EventPlace => ({ ...p, hopperIndex: map.hopper(p.hopperIndex) });
  const argument = (a: CasieArgument): CasieArgument => ({ ...a, index: map.span(a.index) });
  const event = (e: CasieEvent): CasieEvent => ({
    ...e,
    index: map.event(e.index),
    nugget: { ...e.nugget, index: map.span(e.nugget.index) },
    arguments: e.arguments.map(argument),
  });
  switch (operation.kind) {
    case "createEvent": {
      const mapped: AnnotationOperation = { ...operation, event: event(operation.event), place: place(operation.place) };
      if (operation.newHopper) mapped.newHopper = { ...operation.newHopper, index: map.hopper(operation.newHopper.index) };
      return mapped;
    }
    case "deleteEvent": {
      const mapped: AnnotationOperation = { ...operation, event: event(operation.event), place: place(operation.place) };
      if (operation.deletedHopper) mapped.deletedHopper = { ...operation.deletedHopper, index: map.hopper(operation.deletedHopper.index) };
      return mapped;
    }
    case "setEventAttributes":
    case "setArgumentAttributes":
      return { ...operation, eventIndex: map.event(operation.eventIndex) };
    case "addArgument":
    case "removeArgument":
      return { ...operation, eventIndex: map.event(operation.eventIndex), argument: argument(operation.argument) };
    case "setSpanBounds":
      return { ...operation, spanIndex: map.span(operation.spanIndex) };
    case "moveEvent":
      return { ...operation, eventIndex: map.event(operation.eventIndex), from: place(operation.from), to: place(operation.to) };
    case "createHopper":
    case "deleteHopper":
      return { ...operation, index: map.hopper(operation.index) };
    case "setHopperRelation":
      return { ...operation, hopperIndex: map.hopper(operation.hopperIndex) };
    case "batch":
      return { ...operation, operations: operation.operations.map((member) => mapOperationIndexes(member, map)) };
  }
}

/** The indexes the operations name. */
export function collectOperationIndexes(operations: readonly AnnotationOperation[]): {
  events: Set<string>;
  spans: Set<string>;
  hoppers: Set<number>;
} {
  const found = { events: new Set<string>(), spans: new Set<string>(), hoppers: new Set<number>() };
  const record =
    <T>(set: Set<T>) =>
    (index: T) => (set.add(index), index);
  const mapping: IndexMapping = { event: record(found.events), span: record(found.spans), hopper: record(found.hoppers) };
  for (const operation of operations) mapOperationIndexes(operation, mapping);
  return found;
}
