// Every operation kind's behaviour, one spec per kind (operations/*.ts), and
// the functions that dispatch on an operation's kind. The table's type makes a
// missing kind, or a missing member of a kind's spec, a compile error.

import type { CasieDocument } from "@/lib/casie/types";
import type { AnnotationOperation } from "./operation-types";
import type { HeldValues, ValidationContext } from "./operation-validation";
import { addArgumentKind, removeArgumentKind } from "./operations/argument-list";
import { createEventKind, deleteEventKind } from "./operations/event-lifecycle";
import { createHopperKind, deleteHopperKind, setHopperRelationKind } from "./operations/hopper-lifecycle";
import type { Appends, IndexMapping, OperationKind, OperationKindSpec, OperationOf, OperationSubject } from "./operations/kind-spec";
import { moveEventKind } from "./operations/move-event";
import { OperationConflictError } from "./operations/operation-conflict";
import { setArgumentAttributesKind } from "./operations/set-argument-attributes";
import { setEventAttributesKind } from "./operations/set-event-attributes";
import { setSpanBoundsKind } from "./operations/set-span-bounds";

export type { Appends, IndexMapping, OperationKind, OperationOf, OperationSubject };
export { OperationConflictError };

/** Several operations applied as one step (one undo, one save); a rebase handles its members one by one. */
const batchKind: OperationKindSpec<"batch"> = {
  apply: (document, { operations }) => operations.reduce(applyOperation, document),
  invert: ({ label, operations }) => ({ kind: "batch", label, operations: operations.map(invertOperation).reverse() }),
  mapIndexes: (operation, map) => ({ ...operation, operations: operation.operations.map((member) => mapOperationIndexes(member, map)) }),
  appends: () => ({}),
  relocate: (_document, operation) => operation,
  describe: ({ label }) => label,
  subject: ({ operations }) => (operations.length ? operationSubject(operations[0]) : {}),
  validate(document, { operations }, context) {
    let current = document;
    for (const member of operations) {
      validateOperation(current, member, context);
      current = applyOperation(current, member);
    }
  },
  held: ({ operations }, values) => {
    for (const member of operations) heldValuesOf(member, values);
  },
};

const OPERATION_KINDS: { [K in OperationKind]: OperationKindSpec<K> } = {
  createEvent: createEventKind,
  deleteEvent: deleteEventKind,
  setEventAttributes: setEventAttributesKind,
  addArgument: addArgumentKind,
  removeArgument: removeArgumentKind,
  setArgumentAttributes: setArgumentAttributesKind,
  setSpanBounds: setSpanBoundsKind,
  moveEvent: moveEventKind,
  createHopper: createHopperKind,
  deleteHopper: deleteHopperKind,
  setHopperRelation: setHopperRelationKind,
  batch: batchKind,
};

function specOf<K extends OperationKind>(kind: K): OperationKindSpec<K> {
  return OPERATION_KINDS[kind];
}

/**
 * Applying is pure: the result shares every untouched object with the input
 * (layouts included) and the input is never changed. An operation that does
 * not fit (a value someone else changed, an index taken or gone, offsets
 * outside the content) throws an OperationConflictError instead of being
 * applied approximately.
 */
export function applyOperation(document: CasieDocument, operation: AnnotationOperation): CasieDocument {
  const conflict = (message: string): never => {
    throw new OperationConflictError(message, operation);
  };
  return specOf(operation.kind).apply(document, operation, conflict);
}

export function applyOperations(document: CasieDocument, operations: readonly AnnotationOperation[]): CasieDocument {
  return operations.reduce(applyOperation, document);
}

/** The operation that undoes `operation`; inverting twice gives `operation` back. */
export function invertOperation(operation: AnnotationOperation): AnnotationOperation {
  return specOf(operation.kind).invert(operation);
}

/** The operation with every event, span and hopper index it names passed through `map`. */
export function mapOperationIndexes<T extends AnnotationOperation>(operation: T, map: IndexMapping): T {
  return specOf(operation.kind).mapIndexes(operation, map) as T;
}

export function appendsOf(made: CasieDocument, operation: AnnotationOperation): Appends {
  return specOf(operation.kind).appends(made, operation);
}

export function relocateOperation(document: CasieDocument, operation: AnnotationOperation, appends: Appends): AnnotationOperation {
  return specOf(operation.kind).relocate(document, operation, appends);
}

/** A short description for people: undo and redo entries ("Set E7's realis to Generic"), dropped edits. */
export function describeOperation(operation: AnnotationOperation): string {
  return specOf(operation.kind).describe(operation);
}

export function operationSubject(operation: AnnotationOperation): OperationSubject {
  return specOf(operation.kind).subject(operation);
}

/** Checks what the operation brings, on the state it applies to (operation-validation.ts); a batch's members each on the state the previous left. */
export function validateOperation(document: CasieDocument, operation: AnnotationOperation, context: ValidationContext): void {
  specOf(operation.kind).validate(document, operation, context);
}

/** Adds every value the operation names to `values`. */
export function heldValuesOf(operation: AnnotationOperation, values: HeldValues): void {
  specOf(operation.kind).held(operation, values);
}
