// Saving edits (ProseMirror's central authority): the client's operations are
// re-applied, in one transaction holding the set's lock, to the set as it is
// now. Operations carry the values they expect, so edits made meanwhile by
// another tab or person merge when they touch other things and are refused
// as a conflict when they do not: nothing is ever overwritten blindly.

import { applyOperation, OperationConflictError } from "@/lib/annotation/apply-operation";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import type { CasieDocument } from "@/lib/casie/types";
import { db, type Database } from "@/lib/db/client";
import { annotationRowsFromHoppers } from "@/lib/documents/annotation-rows";
import { isRecordId } from "@/lib/projects/record-id";
import { loggedOperationsAfter } from "./operation-log";
import { inTransaction } from "./pool-transaction";
import { readSetState } from "./set-state";
import { annotationRowChanges } from "./set-row-changes";
import { writeSetStatement } from "./set-write-sql";

export interface SaveOperationsInput {
  setId: string;
  /** The set's version the client's operations were made on. */
  baseVersion: number;
  operations: AnnotationOperation[];
  /** Who saved; recorded in the operation log. */
  userId: string | null;
}

export type SaveOperationsResult =
  /** `remoteOperations`: what others saved since `baseVersion`, in order, for the client to rebase on; `version` counts them and the saved operations. */
  | { status: "saved"; version: number; remoteOperations: AnnotationOperation[] }
  /** Nothing was written; `document` and `version` are the set as it is now. */
  | { status: "conflict"; message: string; version: number; document: CasieDocument; remoteOperations: AnnotationOperation[] };

export class AnnotationSetNotFoundError extends Error {
  constructor(readonly setId: string) {
    super(`There is no annotation set ${setId}.`);
  }
}

export async function saveOperations(input: SaveOperationsInput, client: Database = db()): Promise<SaveOperationsResult> {
  const { setId, baseVersion, operations } = input;
  if (!isRecordId(setId)) throw new AnnotationSetNotFoundError(setId);
  return inTransaction(client, "BEGIN", async (connection) => {
    const current = await readSetState(connection, setId, { lock: true });
    if (!current) throw new AnnotationSetNotFoundError(setId);
    const { version, document } = current.state;
    if (baseVersion > version) {
      const message = `Your copy says version ${baseVersion}, but the set is at version ${version}: reload to continue.`;
      return { status: "conflict", message, version, document, remoteOperations: [] };
    }
    const remoteOperations = baseVersion < version ? await loggedOperationsAfter(connection, setId, baseVersion) : [];

    const applied = applyInOrder(document, operations);
    if ("conflict" in applied) {
      const which = operations.length > 1 ? `Edit ${applied.position + 1} of ${operations.length}` : "Your edit";
      const since = remoteOperations.length ? `the changes saved since version ${baseVersion}` : "the saved annotations";
      const message = `${which} does not fit ${since}: ${applied.conflict.message}.`;
      return { status: "conflict", message, version, document, remoteOperations };
    }

    const changes = annotationRowChanges(current.rows, annotationRowsFromHoppers(setId, applied.document.hoppers));
    await connection.query(writeSetStatement({ setId, changes, fromVersion: version, operations, userId: input.userId }));
    return { status: "saved", version: version + operations.length, remoteOperations };
  });
}

/** The document with every operation applied, or the conflict of the first that does not fit and its position. */
function applyInOrder(
  document: CasieDocument,
  operations: AnnotationOperation[],
): { document: CasieDocument } | { conflict: OperationConflictError; position: number } {
  let result = document;
  for (const [position, operation] of operations.entries()) {
    try {
      result = applyOperation(result, operation);
    } catch (error) {
      if (error instanceof OperationConflictError) return { conflict: error, position };
      throw error;
    }
  }
  return { document: result };
}
