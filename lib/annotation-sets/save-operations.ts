// Saving edits (prosemirror-collab's authority): a window's operations are
// applied, in one transaction holding the set's lock, only on the version
// they were made on, which must be the set's current one. A window behind it
// gets what it lacks instead, rebases its operations (lib/annotation/collab.ts)
// and sends them again, so the server and every window apply the same
// operations in the same order. Each operation is logged with the window's id
// and sequence number, so a retried save whose answer was lost is recognized
// and answered as the first time, never applied twice.

import { numberingAfter } from "@/lib/annotation/index-allocation";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import type { HeldClaim } from "@/lib/annotation/operation-validation";
import { checkSaveOperations, heldBy } from "@/lib/annotation/save-validation";
import { parseTagset } from "@/lib/casie/tagset";
import { MAX_OPERATIONS_PER_ANSWER, type SaveResponse } from "@/lib/annotation/sync-protocol";
import type pg from "pg";
import type { CasieDocument } from "@/lib/casie/types";
import { db, type Database } from "@/lib/db/client";
import { annotationRowsFromHoppers } from "@/lib/annotation-sets/annotation-rows";
import { isRecordId } from "@/lib/db/record-id";
import { loggedOperations, loggedOperationsAfter, storedVersions } from "./operation-log";
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
    const checked = checkSaveOperations(
      state.document,
      operations.map((entry) => entry.operation),
      parseTagset(head.tagset),
    );
    const which = (position: number) => (operations.length > 1 ? `Edit ${position + 1} of ${operations.length}` : "Your edit");
    if (!checked.ok) {
      const { position, code } = checked;
      const message =
        code === "operation-conflict"
          ? `${which(position)} does not fit the saved annotations: ${checked.message}.`
          : `${which(position)} is refused: ${checked.message}.`;
      return { status: "refused", version, seq: operations[position].seq, code, message };
    }
    const unproven = await unprovenClaims(connection, setId, state.document, checked.claims);
    if (unproven) {
      const message = `${which(unproven.position)} is refused: ${unproven.claim.message}, and the set never held it.`;
      return { status: "refused", version, seq: operations[unproven.position].seq, code: unproven.claim.code, message };
    }
    const changes = annotationRowChanges(rows, annotationRowsFromHoppers(setId, checked.document.hoppers));
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

/**
 * The first claim neither the set's document nor its operation log bears out:
 * a value outside the rules is accepted only where the set held it (the log
 * is read only when the document alone does not settle it).
 */
async function unprovenClaims(
  connection: pg.PoolClient,
  setId: string,
  document: CasieDocument,
  claims: { position: number; claim: HeldClaim }[],
): Promise<{ position: number; claim: HeldClaim } | null> {
  if (!claims.length) return null;
  let held = heldBy(document, []);
  if (claims.every(({ claim }) => held.holds(claim))) return null;
  held = heldBy(document, await loggedOperations(connection, setId));
  return claims.find(({ claim }) => !held.holds(claim)) ?? null;
}
