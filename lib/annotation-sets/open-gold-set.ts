// The gold set of a document opened in the editor, for who may edit it
// (reviewers, managers and admins: lib/auth/workflow.ts says so).

import type { CurrentUser } from "@/lib/auth/access";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import type { OpenedAnnotatorSet } from "./open-annotator-set";
import { findVisibleSet } from "./set-access";
import { loadSetForEditing } from "./cached-set-load";

/**
 * "not-found" when the document has no gold set or the user may not see it
 * (annotators never do: annotation is blind); "read-only" with the reason when
 * they may see it but not edit it (an archived project).
 */
export type OpenGoldSetResult = OpenedAnnotatorSet | { refused: "not-found" } | { refused: "read-only"; why: string };

export async function openGoldSet(user: CurrentUser, documentId: string, client: Database = db()): Promise<OpenGoldSetResult> {
  const notFound = { refused: "not-found" } as const;
  if (!isRecordId(documentId)) return notFound;
  const { rows } = await client.pool.query<{ id: string }>(`SELECT "id" FROM "AnnotationSet" WHERE "documentId" = $1 AND "kind" = 'GOLD'`, [
    documentId,
  ]);
  const visible = rows[0] && (await findVisibleSet(user, rows[0].id, client));
  if (!visible) return notFound;
  if (visible.access.level !== "edit") return { refused: "read-only", why: visible.access.whyNotEdit };
  const state = await loadSetForEditing(visible.set.setId, client);
  return state
    ? { setId: state.setId, status: state.status, version: state.version, numbering: state.numbering, document: state.document }
    : notFound;
}
