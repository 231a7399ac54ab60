// The assignments page's listing: one page of a project's documents, filtered
// by status, each with its status and the annotators it is assigned to (two
// queries however large the project).

import type { SetStatus } from "@/generated/prisma/enums";
import { documentStatus, type DocumentStatus } from "@/lib/auth/workflow";
import { db, type DatabasePool } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { DOCUMENTS_PER_PAGE, type SearchParams } from "@/lib/projects/document-list-query";
import { DOCUMENT_PROGRESS_JOIN, DOCUMENT_STATUS_SQL } from "./document-progress-sql";
import { DOCUMENT_STATUSES } from "./document-statuses";

export interface AssignmentListQuery {
  /** null: every status. */
  status: DocumentStatus | null;
  /** 1-based. */
  page: number;
}

export function parseAssignmentListQuery(params: SearchParams): AssignmentListQuery {
  const first = (key: string) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const page = Number.parseInt(first("page") ?? "", 10);
  return { status: DOCUMENT_STATUSES.find((status) => status === first("status")) ?? null, page: Number.isSafeInteger(page) && page > 0 ? page : 1 };
}

export interface Assignee {
  annotatorId: string;
  name: string;
  /** Their set of the document, once they opened it. */
  setId: string | null;
  setStatus: SetStatus | null;
}

export interface AssignmentDocument {
  id: string;
  name: string;
  title: string;
  status: DocumentStatus;
  assignees: Assignee[];
}

export interface AssignmentPage {
  documents: AssignmentDocument[];
  /** Documents with the filtered status. */
  total: number;
  page: number;
  pageCount: number;
}

const BY_NAME = `substring(d."name" from '^[0-9]+')::numeric NULLS LAST, d."name", d."id"`;

export async function listAssignmentPage(projectId: string, query: AssignmentListQuery, client: DatabasePool = db()): Promise<AssignmentPage> {
  if (!isRecordId(projectId)) return { documents: [], total: 0, page: 1, pageCount: 1 };
  type Row = { id: string; name: string; title: string; assigned: number; submitted: number; goldAdjudicated: boolean; total: number };
  const page = Math.max(1, query.page);
  const read = (pageNumber: number) =>
    client.pool.query<Row>(
      `SELECT d."id", d."name", d."title", progress."assigned", progress."submitted", progress."goldAdjudicated", count(*) OVER ()::int AS "total"
        FROM "Document" d ${DOCUMENT_PROGRESS_JOIN}
        WHERE d."projectId" = $1 AND ($2::text IS NULL OR ${DOCUMENT_STATUS_SQL} = $2)
        ORDER BY ${BY_NAME} LIMIT $3 OFFSET $4`,
      [projectId, query.status, DOCUMENTS_PER_PAGE, (pageNumber - 1) * DOCUMENTS_PER_PAGE],
    );
  let { rows } = await read(page);
  let shown = page;
  if (!rows.length && page > 1) {
    // Past the last page (the filter shrank the list): show the last one.
    const { rows: firstRows } = await read(1);
    shown = Math.max(1, Math.ceil((firstRows[0]?.total ?? 0) / DOCUMENTS_PER_PAGE));
    rows = shown === 1 ? firstRows : (await read(shown)).rows;
  }
  const total = rows[0]?.total ?? 0;
  const assignees = await readAssignees(
    client,
    rows.map((row) => row.id),
  );
  return {
    documents: rows.map(({ id, name, title, assigned, submitted, goldAdjudicated }) => ({
      id,
      name,
      title,
      status: documentStatus({ assigned, submitted, goldAdjudicated }),
      assignees: assignees.get(id) ?? [],
    })),
    total,
    page: shown,
    pageCount: Math.max(1, Math.ceil(total / DOCUMENTS_PER_PAGE)),
  };
}

async function readAssignees(client: DatabasePool, documentIds: string[]): Promise<Map<string, Assignee[]>> {
  const byDocument = new Map<string, Assignee[]>();
  if (!documentIds.length) return byDocument;
  const { rows } = await client.pool.query<Assignee & { documentId: string }>(
    `SELECT a."documentId", a."annotatorId", COALESCE(NULLIF(u."name", ''), u."email") AS "name", s."id" AS "setId", s."status" AS "setStatus"
      FROM "Assignment" a JOIN "User" u ON u."id" = a."annotatorId"
      LEFT JOIN "AnnotationSet" s ON s."documentId" = a."documentId" AND s."kind" = 'ANNOTATOR' AND s."annotatorId" = a."annotatorId"
      WHERE a."documentId" = ANY($1::uuid[])
      ORDER BY lower(COALESCE(NULLIF(u."name", ''), u."email")), u."id"`,
    [documentIds],
  );
  for (const { documentId, ...assignee } of rows) byDocument.set(documentId, [...(byDocument.get(documentId) ?? []), assignee]);
  return byDocument;
}
