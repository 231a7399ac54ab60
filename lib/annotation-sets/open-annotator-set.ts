import type { SetStatus } from "@/generated/prisma/enums";
import type { CurrentUser } from "@/lib/auth/access";
import type { SetNumbering } from "@/lib/annotation/index-allocation";
import type { CasieDocument } from "@/lib/casie/types";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { ownSetOpening, permissionsInProject } from "@/lib/auth/policy";
import { loadSetForEditing } from "./cached-set-load";

export interface OpenedAnnotatorSet {
  setId: string;
  status: SetStatus;
  version: number;
  numbering: SetNumbering;
  /** The document's text with the user's own annotations (none on first open: annotation is blind). */
  document: CasieDocument;
}

export type OpenAnnotatorSetResult = OpenedAnnotatorSet | { refused: "not-found" } | { refused: "not-assigned"; why: string };

/**
 * The user's own annotation set for the document, created empty on first
 * open, when the policy lets them open one (annotators: on documents assigned
 * to them). "not-found" when there is no such document or the user may not
 * see its project.
 */
export async function openOwnAnnotatorSet(user: CurrentUser, documentId: string, client: Database = db()): Promise<OpenAnnotatorSetResult> {
  const notFound = { refused: "not-found" } as const;
  if (!isRecordId(documentId)) return notFound;
  const { rows } = await client.pool.query<{ projectId: string; assigned: boolean }>(
    `SELECT d."projectId", EXISTS (SELECT 1 FROM "Assignment" a WHERE a."documentId" = d."id" AND a."annotatorId" = $2) AS "assigned"
      FROM "Document" d WHERE d."id" = $1`,
    [documentId, user.id],
  );
  const document = rows[0];
  if (!document) return notFound;
  const permissions = await permissionsInProject(user, document.projectId, client);
  if (!permissions.view) return notFound;
  const opening = ownSetOpening(permissions, document.assigned);
  if (!opening.allowed) return { refused: "not-assigned", why: opening.why };

  const setId = await findOrCreateAnnotatorSet(client, documentId, user.id);
  const state = setId && (await loadSetForEditing(setId, client));
  return state
    ? { setId: state.setId, status: state.status, version: state.version, numbering: state.numbering, document: state.document }
    : notFound;
}

/** The user's own set as openOwnAnnotatorSet opens it, or null, for callers that need no reason. */
export async function openAnnotatorSet(user: CurrentUser, documentId: string, client: Database = db()): Promise<OpenedAnnotatorSet | null> {
  const opened = await openOwnAnnotatorSet(user, documentId, client);
  return "setId" in opened ? opened : null;
}

const FOREIGN_KEY_VIOLATION = "23503";

/**
 * The unique (documentId, kind, annotatorId) index, not a prior lookup, keeps
 * two tabs opening at once to one set: the loser's insert waits for the
 * winner's and does nothing, and its next statement sees the winner's row.
 */
async function findOrCreateAnnotatorSet(client: Database, documentId: string, annotatorId: string): Promise<string | null> {
  try {
    const created = await client.pool.query<{ id: string }>(
      `INSERT INTO "AnnotationSet" ("id","documentId","kind","annotatorId","status","version","updatedAt")
        VALUES (gen_random_uuid(), $1, 'ANNOTATOR', $2, 'NEW', 0, CURRENT_TIMESTAMP)
        ON CONFLICT ("documentId","kind","annotatorId") DO NOTHING RETURNING "id"`,
      [documentId, annotatorId],
    );
    if (created.rows[0]) return created.rows[0].id;
  } catch (error) {
    // The document was deleted since it was looked up.
    if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return null;
    throw error;
  }
  const existing = await client.pool.query<{ id: string }>(
    `SELECT "id" FROM "AnnotationSet" WHERE "documentId" = $1 AND "kind" = 'ANNOTATOR' AND "annotatorId" = $2`,
    [documentId, annotatorId],
  );
  return existing.rows[0]?.id ?? null;
}
