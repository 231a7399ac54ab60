// An annotator's queue: the documents assigned to them in the projects they may
// see (archived projects are read-only and left out), with how far they got on
// each, and which to open next.

import type { CurrentUser } from "@/lib/auth/access";
import { seesEveryProject } from "@/lib/auth/policy";
import { db, type DatabasePool } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";

/** new: not opened or nothing saved yet; in-progress: being annotated (or reopened); submitted: handed in. */
export type QueueState = "new" | "in-progress" | "submitted";

export interface QueueItem {
  documentId: string;
  documentName: string;
  title: string;
  projectId: string;
  projectName: string;
  state: QueueState;
  /** Why a reviewer reopened their set, while it is open again. */
  reopenNote: string | null;
}

/** The user's assigned documents, oldest assignment first (then by project and document name). */
export async function annotatorQueue(user: CurrentUser, client: DatabasePool = db()): Promise<QueueItem[]> {
  if (!isRecordId(user.id)) return [];
  const { rows } = await client.pool.query<QueueItem>(
    `SELECT d."id" AS "documentId", d."name" AS "documentName", d."title", p."id" AS "projectId", p."name" AS "projectName",
        CASE s."status" WHEN 'SUBMITTED' THEN 'submitted' WHEN 'IN_PROGRESS' THEN 'in-progress' ELSE 'new' END AS "state",
        CASE WHEN s."status" = 'IN_PROGRESS' THEN s."reopenNote" END AS "reopenNote"
      FROM "Assignment" a
      JOIN "Document" d ON d."id" = a."documentId"
      JOIN "Project" p ON p."id" = d."projectId"
      LEFT JOIN "AnnotationSet" s ON s."documentId" = a."documentId" AND s."kind" = 'ANNOTATOR' AND s."annotatorId" = a."annotatorId"
      WHERE a."annotatorId" = $1 AND p."archivedAt" IS NULL
        AND ($2 OR EXISTS (SELECT 1 FROM "ProjectMember" m WHERE m."projectId" = p."id" AND m."userId" = $1))
      ORDER BY a."createdAt", p."name", substring(d."name" from '^[0-9]+')::numeric NULLS LAST, d."name", d."id"`,
    [user.id, seesEveryProject(user)],
  );
  return rows;
}

/** The first document of the queue not yet submitted, other than `exceptDocumentId` (the one just left); null when none is left. */
export function nextInQueue(queue: readonly QueueItem[], exceptDocumentId: string | null = null): QueueItem | null {
  return queue.find((item) => item.state !== "submitted" && item.documentId !== exceptDocumentId) ?? null;
}
