// Which documents and sets an export takes, read with plain pg (the CLI never
// loads Prisma): the project, the chosen annotators (accounts with sets in the
// project; anyone else is refused by name), how many documents and files there
// will be, and the documents themselves page by page in name order, so memory
// stays flat however large the project.

import type { Tagset } from "@/lib/casie/tagset";
import { DOCUMENT_PROGRESS_JOIN, DOCUMENT_STATUS_SQL } from "@/lib/assignments/document-progress-sql";
import type { DocumentStatus } from "@/lib/auth/workflow";
import type { DatabasePool } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { exportFileName, nameSharedSql } from "./export-file-name";
import type { DatasetSelection } from "./export-query";

/** Why an export cannot start: an unknown project or annotator, or nothing to export. */
export class ExportRefusal extends Error {}

export interface ExportProject {
  id: string;
  name: string;
  tagset: Tagset;
}

export interface ExportAnnotator {
  id: string;
  email: string;
}

/** The selection resolved against the database. */
export interface ResolvedSelection {
  project: ExportProject;
  statuses: readonly DocumentStatus[];
  /** Null: the gold sets. */
  annotators: readonly ExportAnnotator[] | null;
}

export interface ExportDocument {
  id: string;
  name: string;
  /** The name its files take (export-file-name.ts). */
  fileName: string;
  sourcefile: string;
  status: DocumentStatus;
}

export async function findExportProject(where: { id: string } | { name: string }, client: DatabasePool): Promise<ExportProject> {
  if ("id" in where && !isRecordId(where.id)) throw new ExportRefusal("No such project.");
  const { rows } = await client.pool.query<ExportProject>(
    `SELECT "id", "name", "tagset" FROM "Project" WHERE ${"id" in where ? '"id" = $1' : '"name" = $1'}`,
    ["id" in where ? where.id : where.name],
  );
  if (!rows.length) throw new ExportRefusal("id" in where ? "No such project." : `no project named "${where.name}"`);
  return rows[0];
}

/** The accounts with annotator sets in the project, by e-mail: whose sets can be exported. */
export async function listExportAnnotators(projectId: string, client: DatabasePool): Promise<ExportAnnotator[]> {
  const { rows } = await client.pool.query<ExportAnnotator>(
    `SELECT u."id", u."email" FROM "User" u
      WHERE EXISTS (SELECT 1 FROM "AnnotationSet" s JOIN "Document" d ON d."id" = s."documentId"
                     WHERE s."annotatorId" = u."id" AND s."kind" = 'ANNOTATOR' AND d."projectId" = $1)
      ORDER BY u."email"`,
    [projectId],
  );
  return rows;
}

export async function resolveSelection(project: ExportProject, selection: DatasetSelection, client: DatabasePool): Promise<ResolvedSelection> {
  if (!selection.statuses.length) throw new ExportRefusal("Choose at least one document status.");
  if (selection.sets.kind === "gold") return { project, statuses: selection.statuses, annotators: null };
  if (!selection.sets.emails.length) throw new ExportRefusal("Choose at least one annotator whose sets to export.");
  const known = new Map((await listExportAnnotators(project.id, client)).map((annotator) => [annotator.email, annotator]));
  const emails = selection.sets.emails.map((email) => email.toLowerCase());
  const unknown = emails.filter((email) => !known.has(email));
  if (unknown.length) throw new ExportRefusal(`No sets of ${unknown.join(", ")} in ${project.name}: choose among the project's annotators.`);
  return { project, statuses: selection.statuses, annotators: emails.map((email) => known.get(email)!) };
}

/** The WHERE clause of the selected documents of `d`, with its parameters from $1. */
function selectedDocuments(selection: ResolvedSelection): { where: string; parameters: unknown[] } {
  const parameters: unknown[] = [selection.project.id, selection.statuses];
  let where = `d."projectId" = $1 AND (${DOCUMENT_STATUS_SQL}) = ANY($2::text[])`;
  if (selection.annotators) {
    parameters.push(selection.annotators.map((annotator) => annotator.id));
    where += ` AND EXISTS (SELECT 1 FROM "AnnotationSet" s WHERE s."documentId" = d."id" AND s."kind" = 'ANNOTATOR' AND s."annotatorId" = ANY($3::uuid[]))`;
  }
  return { where, parameters };
}

/** How many documents the export takes and how many files (one per document and set) it writes. */
export async function countSelection(selection: ResolvedSelection, client: DatabasePool): Promise<{ documents: number; files: number }> {
  const { where, parameters } = selectedDocuments(selection);
  const files = selection.annotators
    ? `(SELECT count(*) FROM "AnnotationSet" s WHERE s."documentId" = d."id" AND s."kind" = 'ANNOTATOR' AND s."annotatorId" = ANY($3::uuid[]))`
    : "1";
  const { rows } = await client.pool.query<{ documents: number; files: number }>(
    `SELECT count(*)::int AS "documents", COALESCE(sum(${files}), 0)::int AS "files" FROM "Document" d ${DOCUMENT_PROGRESS_JOIN} WHERE ${where}`,
    parameters,
  );
  return rows[0];
}

/** The selected documents in pages of `pageSize`, by name (then id): each page a query that starts after the last one's end. */
export async function* selectedDocumentPages(selection: ResolvedSelection, pageSize: number, client: DatabasePool): AsyncGenerator<ExportDocument[]> {
  const { where, parameters } = selectedDocuments(selection);
  const after = parameters.length + 1;
  let last: ExportDocument | undefined;
  for (;;) {
    const { rows } = await client.pool.query<Omit<ExportDocument, "fileName"> & { nameShared: boolean }>(
      `SELECT d."id", d."name", ${nameSharedSql("d")} AS "nameShared", d."sourcefile", ${DOCUMENT_STATUS_SQL} AS "status"
         FROM "Document" d ${DOCUMENT_PROGRESS_JOIN}
        WHERE ${where} AND ($${after}::text IS NULL OR (d."name", d."id") > ($${after}::text, $${after + 1}::uuid))
        ORDER BY d."name", d."id" LIMIT $${after + 2}`,
      [...parameters, last?.name ?? null, last?.id ?? null, pageSize],
    );
    const documents = rows.map(({ nameShared, ...document }) => ({ ...document, fileName: exportFileName({ ...document, nameShared }) }));
    if (documents.length) yield documents;
    if (documents.length < pageSize) return;
    last = documents.at(-1);
  }
}
