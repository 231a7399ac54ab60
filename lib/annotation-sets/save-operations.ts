// Saving edits (prosemirror-collab's authority): a window's operations are
// applied, in one transaction holding the set's lock, only on the version
// they were made on, which must be the set's current one. A window behind it
// gets what it lacks instead, rebases its operations (lib/annotation/collab.ts)
// and sends them again, so the server and every window apply the same
// operations in the same order. Each operation is logged with the window's id
// and sequence number, so a retried save whose answer was lost is recognized
// and answered as the first time, never applied twice.

import { numberingAfter } from "@/lib/annotation/index-allocation";
import { applyOperation, OperationConflictError } from "@/lib/annotation/operation-kinds";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import { MAX_OPERATIONS_PER_ANSWER, type SaveResponse } from "@/lib/annotation/sync-protocol";
import type { CasieDocument } from "@/lib/casie/types";
import { db, type Database } from "@/lib/db/client";
import { annotationRowsFromHoppers } from "@/lib/annotation-sets/annotation-rows";
import { isRecordId } from "@/lib/db/record-id";
import { loggedOperationsAfter, storedVersions } from "./operation-log";
import { inTransaction } from "@/lib/db/transaction";
import { readSetBody, readSetHead } from "./set-state";
import { annotationRowChanges } from "./set-row-changes";
import { writeSetStatement } from "./set-write-sql";

export interface SaveOperationsInput {
  setId: string;
  /** The set's version the operations were made on. */
  baseVersion: number;
  /** The window that made them, and each one's number there. */
  clientId: string;
  operations: { seq: number; operation: AnnotationOperation }[];
  /** Who saved; recorded in the operation log. */
  userId: string | null;
}

export class AnnotationSetNotFoundError extends Error {
  constructor(readonly setId: string) {
    super(`There is no annotation set ${setId}.`);
  }
}

const UNIQUE_VIOLATION = "23505";

export async function saveOperations(input: SaveOperationsInput, client: Database = db()): Promise<SaveResponse> {
  const { setId, baseVersion, clientId, operations } = input;
  if (!isRecordId(setId)) throw new AnnotationSetNotFoundError(setId);
  return inTransaction(client, async (connection) => {
    const head = await readSetHead(connection, setId, { lock: true });
    if (!head) throw new AnnotationSetNotFoundError(setId);
    const { version } = head;
    if (baseVersion > version) {
      return {
        status: "reload",
        version,
        message: `Your copy says version ${baseVersion}, but the set is at version ${version}: reload to continue.`,
      };
    }
    const seqs = operations.map((entry) => entry.seq);
    if (baseVersion < version) {
      const stored = await storedVersions(connection, setId, clientId, seqs);
      // A retry of a save that was stored, whose answer was lost: answered as the first time.
      if (stored.size === operations.length) return { status: "saved", version: Math.max(...stored.values()) };
      const since = await loggedOperationsAfter(connection, setId, baseVersion, MAX_OPERATIONS_PER_ANSWER);
      return { status: "behind", version, operations: since, complete: (since.at(-1)?.version ?? baseVersion) >= version };
    }
    const { state, rows } = await readSetBody(connection, head);
    const applied = applyInOrder(state.document, operations);
    if ("conflict" in applied) {
      const which = operations.length > 1 ? `Edit ${applied.position + 1} of ${operations.length}` : "Your edit";
      const message = `${which} does not fit the saved annotations: ${applied.conflict.message}.`;
      return { status: "refused", version, seq: operations[applied.position].seq, code: "operation-conflict", message };
    }
    const changes = annotationRowChanges(rows, annotationRowsFromHoppers(setId, applied.document.hoppers));
    const numbering = numberingAfter(
      state.numbering,
      operations.map((entry) => entry.operation),
    );
    try {
      await connection.query("SAVEPOINT write_operations");
      await connection.query(writeSetStatement({ setId, changes, fromVersion: version, clientId, operations, userId: input.userId, numbering }));
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      // The window sent, on the current version, operations it had saved before: a client fault, refused rather than applied twice.
      await connection.query("ROLLBACK TO SAVEPOINT write_operations");
      const stored = await storedVersions(connection, setId, clientId, seqs);
      const seq = seqs.find((candidate) => stored.has(candidate)) ?? seqs[0];
      return { status: "refused", version, seq, code: "duplicate-operation", message: `Edit ${seq} of this window is saved already.` };
    }
    return { status: "saved", version: version + operations.length };
  });
}

/** The document with every operation applied, or the conflict of the first that does not fit and its position. */
function applyInOrder(
  document: CasieDocument,
  operations: { operation: AnnotationOperation }[],
): { document: CasieDocument } | { conflict: OperationConflictError; position: number } {
  let result = document;
  for (const [position, { operation }] of operations.entries()) {
    try {
      result = applyOperation(result, operation);
    } catch (error) {
      if (error instanceof OperationConflictError) return { conflict: error, position };
      throw error;
    }
  }
  return { document: result };
}
