// Imported annotations into a set that has none yet (an annotator's set given
// a file's annotations to correct, say): trusted data, so it bypasses what a
// save checks, but it is logged as one operation like any edit, so windows
// catch up with it and the set's history holds its values (an undo may bring
// back an imported value outside the tagset).

import { operationsBuildingAnnotations } from "@/lib/annotation/build-operations";
import { documentNumbering } from "@/lib/annotation/index-allocation";
import type { CasieDocument } from "@/lib/casie/types";
import { db, type DatabasePool } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { snapshotChanges, snapshotOf } from "./set-snapshot";
import { AnnotationSetNotFoundError, SetNotEditableError } from "./save-operations";
import { readSetBody, readSetHead } from "./set-state";
import { writeSetStatement } from "./set-write-sql";

export class SetNotEmptyError extends Error {}

/** Gives the empty set `setId` the annotations of `document` (whose text must be the set's document's); returns the set's new version. */
export async function importIntoEmptySet(
  setId: string,
  document: CasieDocument,
  userId: string | null,
  client: DatabasePool = db(),
): Promise<number> {
  return inTransaction(client, async (connection) => {
    const head = await readSetHead(connection, setId, { lock: true });
    if (!head) throw new AnnotationSetNotFoundError(setId);
    if (head.archived) throw new SetNotEditableError("The project is archived: it is read-only.");
    if (head.content !== document.content) throw new Error("the imported annotations are for another text");
    const { state, rows } = await readSetBody(connection, head);
    if (state.version !== 0 || state.document.hoppers.length > 0)
      throw new SetNotEmptyError(`the set already has annotations (version ${state.version})`);
    const operations = operationsBuildingAnnotations(document);
    if (!operations.length) return state.version;
    const { changes } = snapshotChanges(snapshotOf(setId, 0, state.numbering, state.document, rows), {
      ...state.document,
      hoppers: document.hoppers,
    });
    const operation = { kind: "batch" as const, label: "Import annotations", operations };
    const numbering = documentNumbering(document);
    await connection.query(
      writeSetStatement({
        setId,
        changes,
        fromVersion: 0,
        tagsetHash: null,
        clientId: null,
        operations: [{ seq: null, operation }],
        userId,
        numbering,
      }),
    );
    return 1;
  });
}
