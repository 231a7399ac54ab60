// CASIE files imported as an annotator's sets on documents already in the
// project (a second annotator's files of the same articles, say), so double
// annotations can be compared and adjudicated: the annotator's set on each
// document gets the file's annotations when it has none yet, and the document
// is assigned to them, as an import of a new document does. Loaded only when
// needed: it writes through lib/annotation-sets, which brings Prisma's client.

import type { CasieDocument } from "@/lib/casie/types";
import type { DatabasePool } from "@/lib/db/client";

export type ExistingDocumentOutcome = { ok: true; documentId: string } | { ok: false; reason: string };

export async function importIntoExistingDocument(
  projectId: string,
  document: CasieDocument,
  annotator: { annotatorId: string; assignedById: string | null },
  client: DatabasePool,
): Promise<ExistingDocumentOutcome> {
  const { importIntoEmptySet, SetNotEmptyError } = await import("@/lib/annotation-sets/import-into-set");
  const { rows } = await client.pool.query<{ id: string; content: string }>(
    'SELECT "id", "content" FROM "Document" WHERE "projectId" = $1 AND "sourcefile" = $2',
    [projectId, document.sourcefile],
  );
  const target = rows[0];
  if (!target) return { ok: false, reason: `no document ${document.sourcefile} in the project` };
  if (target.content !== document.content) return { ok: false, reason: `its content is not the text of ${document.sourcefile} in the project` };
  const setId = await annotatorSetOn(target.id, annotator.annotatorId, client);
  try {
    await importIntoEmptySet(setId, document, annotator.annotatorId, client);
  } catch (error) {
    if (error instanceof SetNotEmptyError) return { ok: false, reason: `the annotator's set on ${document.sourcefile} already has annotations` };
    throw error;
  }
  await client.pool.query(`INSERT INTO "Assignment" ("documentId", "annotatorId", "assignedById") VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
    target.id,
    annotator.annotatorId,
    annotator.assignedById,
  ]);
  return { ok: true, documentId: target.id };
}

/** The annotator's set on the document, created (empty, NEW) when they have none. */
export async function annotatorSetOn(documentId: string, annotatorId: string, client: DatabasePool): Promise<string> {
  const { rows } = await client.pool.query<{ id: string }>(
    `WITH created AS (
       INSERT INTO "AnnotationSet" ("id","documentId","kind","annotatorId","status","version","updatedAt")
       VALUES (gen_random_uuid(), $1, 'ANNOTATOR', $2, 'NEW', 0, CURRENT_TIMESTAMP)
       ON CONFLICT ("documentId","kind","annotatorId") DO NOTHING RETURNING "id")
     SELECT "id" FROM created UNION ALL
     SELECT "id" FROM "AnnotationSet" WHERE "documentId" = $1 AND "kind" = 'ANNOTATOR' AND "annotatorId" = $2`,
    [documentId, annotatorId],
  );
  return rows[0].id;
}
