// Where an annotator's own set stands in the workflow, for the editor page and "open next".

import type { SetStatus } from "@/generated/prisma/enums";
import type { CurrentUser } from "@/lib/auth/access";
import { db, type DatabasePool } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";

export interface SetWorkflowState {
  status: SetStatus;
  /** Whether the document is assigned to the set's annotator. */
  assigned: boolean;
  /** Why a reviewer or manager reopened it, while it is open again. */
  reopenNote: string | null;
}

export async function setWorkflowState(setId: string, client: DatabasePool = db()): Promise<SetWorkflowState | null> {
  if (!isRecordId(setId)) return null;
  const { rows } = await client.pool.query<SetWorkflowState>(
    `SELECT s."status", CASE WHEN s."status" = 'IN_PROGRESS' THEN s."reopenNote" END AS "reopenNote",
        EXISTS (SELECT 1 FROM "Assignment" a WHERE a."documentId" = s."documentId" AND a."annotatorId" = s."annotatorId") AS "assigned"
      FROM "AnnotationSet" s WHERE s."id" = $1`,
    [setId],
  );
  return rows[0] ?? null;
}

/** The document of `setId` when it is the user's own set, else null (nobody learns about others' sets here). */
export async function ownSetDocumentId(user: CurrentUser, setId: string, client: DatabasePool = db()): Promise<string | null> {
  if (!isRecordId(setId) || !isRecordId(user.id)) return null;
  const { rows } = await client.pool.query<{ documentId: string }>(
    `SELECT "documentId" FROM "AnnotationSet" WHERE "id" = $1 AND "kind" = 'ANNOTATOR' AND "annotatorId" = $2`,
    [setId, user.id],
  );
  return rows[0]?.documentId ?? null;
}
