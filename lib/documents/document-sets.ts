// The annotation sets of one document that a user may see, for the document
// page: one query lists them, and who may see which set is the policy's to say.

import type { SetKind, SetStatus } from "@/generated/prisma/enums";
import type { CurrentUser } from "@/lib/auth/access";
import { permissionsInProject, setAccess } from "@/lib/auth/policy";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";

export interface DocumentSet {
  setId: string;
  kind: SetKind;
  annotatorId: string | null;
  /** The annotator's name, else their email; null for the gold set. */
  annotatorName: string | null;
  status: SetStatus;
  /** Whether the document is assigned to the set's annotator. */
  assigned: boolean;
  version: number;
  /** Why a reviewer or manager reopened the set, shown to its annotator. */
  reopenNote: string | null;
  /** Whether the user may edit the set (lib/auth/workflow.ts). */
  editable: boolean;
}

/** The document's sets that `user` may see: the gold set first, then the user's own, then the others by annotator. */
export async function visibleDocumentSets(user: CurrentUser, documentId: string, client: Database = db()): Promise<DocumentSet[]> {
  if (!isRecordId(documentId)) return [];
  const { rows } = await client.pool.query<Omit<DocumentSet, "editable"> & { projectId: string }>(
    `SELECT s."id" AS "setId", s."kind", s."annotatorId", s."status", s."version", s."reopenNote", d."projectId",
        EXISTS (SELECT 1 FROM "Assignment" a WHERE a."documentId" = s."documentId" AND a."annotatorId" = s."annotatorId") AS "assigned",
        NULLIF(COALESCE(NULLIF(u."name", ''), u."email"), '') AS "annotatorName"
      FROM "AnnotationSet" s JOIN "Document" d ON d."id" = s."documentId" LEFT JOIN "User" u ON u."id" = s."annotatorId"
      WHERE s."documentId" = $1`,
    [documentId],
  );
  if (!rows.length) return [];
  const permissions = await permissionsInProject(user, rows[0].projectId, client);
  const visible = rows.flatMap(({ projectId: _projectId, ...set }) => {
    const { level } = setAccess(user, permissions, set);
    return level === "none" ? [] : [{ ...set, editable: level === "edit" }];
  });
  const rank = (set: DocumentSet) => (set.kind === "GOLD" ? 0 : set.annotatorId === user.id ? 1 : 2);
  return visible.sort((a, b) => rank(a) - rank(b) || (a.annotatorName ?? "").localeCompare(b.annotatorName ?? ""));
}
