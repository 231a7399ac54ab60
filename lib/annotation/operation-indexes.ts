// The event, span and hopper indexes operations name: to reserve them when
// allocating new ones, and to keep a set's numbering past every number it has used.

import { mapOperationIndexes, type IndexMapping } from "./operation-kinds";
import type { AnnotationOperation } from "./operation-types";

export interface OperationIndexes {
  events: Set<string>;
  spans: Set<string>;
  hoppers: Set<number>;
}

/** The indexes the operations name. */
export function collectOperationIndexes(operations: readonly AnnotationOperation[]): OperationIndexes {
  const found: OperationIndexes = { events: new Set(), spans: new Set(), hoppers: new Set() };
  const record =
    <T>(set: Set<T>) =>
    (index: T) => (set.add(index), index);
  const mapping: IndexMapping = { event: record(found.events), span: record(found.spans), hopper: record(found.hoppers) };
  for (const operation of operations) mapOperationIndexes(operation, mapping);
  return found;
}
