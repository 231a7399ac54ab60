import type { CurrentUser } from "@/lib/auth/access";
import type { SetNumbering } from "@/lib/annotation/index-allocation";
import type { CasieDocument } from "@/lib/casie/types";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { permissionsInProject } from "@/lib/auth/policy";
import { loadAnnotationSet } from "./set-state";

export interface OpenedAnnotatorSet {
  setId: string;
  version: number;
  numbering: SetNumbering;
  /** The document's text with the user's own annotations (none on first open: annotation is blind). */
  document: CasieDocument;
}

/**
 * The user's own annotation set for the document, created empty on first
 * open. Null when there is no such document or the user may not see it.
 */
export async function openAnnotatorSet(user: CurrentUser, documentId: string, client: Database = db()): Promise<OpenedAnnotatorSet | null> {
  if (!isRecordId(documentId)) return null;
  const { rows } = await client.pool.query<{ projectId: string }>('SELECT "projectId" FROM "Document" WHERE "id" = $1', [documentId]);
  const document = rows[0];
  if (!document) return null;
  if (!(await permissionsInProject(user, document.projectId, client)).annotate) return null;

  const setId = await findOrCreateAnnotatorSet(client, documentId, user.id);
  const state = setId && (await loadAnnotationSet(setId, client));
  return state ? { setId: state.setId, version: state.version, numbering: state.numbering, document: state.document } : null;
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
