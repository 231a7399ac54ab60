// The one error an operation raises when it does not fit a document.

import type { AnnotationOperation } from "../operation-types";

/** The operation does not fit the document; `message` says what was expected and what was found. */
export class OperationConflictError extends Error {
  /** The operation that did not fit (inside a batch: the member that failed). */
  readonly operation: AnnotationOperation;

  constructor(message: string, operation: AnnotationOperation) {
    super(message);
    this.name = "OperationConflictError";
    this.operation = operation;
  }
}
