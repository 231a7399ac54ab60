// What every operation kind must say about itself (ProseMirror's Step, as a
// typed table rather than classes): how it applies and inverts, which indexes
// it names, how it is rebased over others' edits, how it reads to people and
// what it is about. operation-kinds.ts holds one spec per kind, typed so that a
// missing kind or member does not compile.

import type { CasieDocument } from "@/lib/casie/types";
import type { AnnotationOperation } from "../operation-types";
import type { HeldValues, ValidationContext } from "../operation-validation";

export type OperationKind = AnnotationOperation["kind"];
export type OperationOf<K extends OperationKind> = Extract<AnnotationOperation, { kind: K }>;

/** Throws the operation's OperationConflictError with `message`. */
export type Conflict = (message: string) => never;

export interface IndexMapping {
  event(index: string): string;
  span(index: string): string;
  hopper(index: number): number;
}

/** Which of an operation's insertions put something last, in the state it was made on: a rebase keeps them last. */
export interface Appends {
  event?: boolean;
  argument?: boolean;
  hopper?: boolean;
}

/** What an operation is about, for the editor to select after an undo or redo. */
export interface OperationSubject {
  event?: string;
  span?: string;
  hopper?: number;
}

export interface OperationKindSpec<K extends OperationKind> {
  /** The document with the operation applied; calls `conflict` when it does not fit. Pure: the input is never changed. */
  apply(document: CasieDocument, operation: OperationOf<K>, conflict: Conflict): CasieDocument;
  /** The operation that undoes this one; inverting twice gives it back. */
  invert(operation: OperationOf<K>): AnnotationOperation;
  /** The same operation with every event, span and hopper index it names passed through `map`. */
  mapIndexes(operation: OperationOf<K>, map: IndexMapping): OperationOf<K>;
  /** For a rebase: which insertions appended, in `made`, the state the operation was made on. */
  appends(made: CasieDocument, operation: OperationOf<K>): Appends;
  /**
   * For a rebase: positions looked up again in `document`, where the
   * operation still names the same things (an append still appends).
   */
  relocate(document: CasieDocument, operation: OperationOf<K>, appends: Appends): OperationOf<K>;
  /** For people: undo and redo entries, dropped edits ("Set E7's realis to Generic"). */
  describe(operation: OperationOf<K>): string;
  subject(operation: OperationOf<K>): OperationSubject;
  /**
   * For a save: what the operation brings must be what an annotator's edit can
   * produce (operation-validation.ts), checked on `document`, the state it
   * applies to; values only a restore can bring become claims.
   */
  validate(document: CasieDocument, operation: OperationOf<K>, context: ValidationContext): void;
  /** Every value the operation names, before and after: what a set that logged it has held. */
  held(operation: OperationOf<K>, values: HeldValues): void;
}
