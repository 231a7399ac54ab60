// How many values outside the project's tagset each document's sets hold, for
// the document list: the editor's checks (lib/annotation/checks.ts) in one query.

import { db, type DatabasePool } from "@/lib/db/client";
import { tagsetProblemsCtes } from "./tagset-problems-sql";

/** Problems by document id, for `documentIds` (null: every document of the project); documents without any are left out. */
export async function countTagsetProblems(
  projectId: string,
  documentIds: string[] | null,
  client: DatabasePool = db(),
): Promise<Map<string, number>> {
  const tagset = `(SELECT p."tagset" FROM "Project" p WHERE p."id" = $1)`;
  const ctes = tagsetProblemsCtes({
    sets: `SELECT s."id", s."documentId" FROM "AnnotationSet" s JOIN "Document" d ON d."id" = s."documentId"
      WHERE d."projectId" = $1 AND ($2::uuid[] IS NULL OR d."id" = ANY($2::uuid[]))`,
    before: tagset,
    after: tagset,
  });
  const { rows } = await client.pool.query<{ documentId: string; problems: number }>(
    `WITH ${ctes} SELECT "documentId", count(*)::int AS "problems" FROM problems WHERE "before" GROUP BY "documentId"`,
    [projectId, documentIds],
  );
  return new Map(rows.map((row) => [row.documentId, row.problems]));
}
