// Read-only queries behind the project pages. Each runs a fixed number of
// queries however many documents a project holds (1,000+ in a full corpus).

import { Prisma } from "@/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/access";
import { seesEveryProject } from "@/lib/auth/policy";
import { db, type Database } from "@/lib/db/client";
import { DOCUMENTS_PER_PAGE, type DocumentListQuery, type DocumentSortKey } from "./document-list-query";
import { isRecordId } from "@/lib/db/record-id";
import { DOCUMENT_PROGRESS_JOIN } from "@/lib/assignments/document-progress-sql";
import { documentStatus, type DocumentStatus } from "@/lib/auth/workflow";
import { countTagsetProblems } from "./tagset-problem-counts";

export interface ProjectSummary {
  id: string;
  name: string;
  description: string;
  documentCount: number;
  /** When it was archived (read-only), or null. */
  archivedAt: Date | null;
}

/** The projects `user` may view, by name, with their document counts; archived ones only when asked for. */
export async function listProjects(
  user: CurrentUser,
  client: Database = db(),
  { includeArchived = false }: { includeArchived?: boolean } = {},
): Promise<ProjectSummary[]> {
  // The policy's rule as a filter: who does not see every project sees those they are a member of.
  const projects = await client.project.findMany({
    where: { ...(seesEveryProject(user) ? {} : { members: { some: { userId: user.id } } }), ...(includeArchived ? {} : { archivedAt: null }) },
    orderBy: { name: "asc" },
    select: { id: true, name: true, description: true, archivedAt: true, _count: { select: { documents: true } } },
  });
  return projects.map(({ _count, ...project }) => ({ ...project, documentCount: _count.documents }));
}

/** The project, or null when there is none with that id. */
export async function findProject(projectId: string, client: Database = db()): Promise<Omit<ProjectSummary, "documentCount"> | null> {
  if (!isRecordId(projectId)) return null;
  return client.project.findUnique({ where: { id: projectId }, select: { id: true, name: true, description: true, archivedAt: true } });
}

export interface DocumentSummary {
  id: string;
  name: string;
  title: string;
  date: string;
  hasGold: boolean;
  /** Counts in the gold set (0 without one). */
  hopperCount: number;
  eventCount: number;
  argumentCount: number;
  /** Warnings found when the document was imported. */
  warningCount: number;
  /** Where the document stands in the team's workflow (lib/auth/workflow.ts). */
  status: DocumentStatus;
  /** Values outside the project's tagset, in all the document's sets (as the editor's checks count them). */
  tagsetProblems: number;
}

export interface DocumentPage {
  documents: DocumentSummary[];
  total: number;
  /** The page shown: the query's, brought within range. */
  page: number;
  pageCount: number;
}

/** One page of a project's documents with their gold-set counts and tagset problems: three queries. */
export async function listProjectDocuments(projectId: string, query: DocumentListQuery, client: Database = db()): Promise<DocumentPage> {
  if (!isRecordId(projectId)) return { documents: [], total: 0, page: 1, pageCount: 1 };
  // Filtering by problems needs every document's count first; otherwise only the page's are counted.
  const withProblems = query.tagsetProblems ? [...(await countTagsetProblems(projectId, null, client)).keys()] : null;
  const only = withProblems ? Prisma.sql`AND d."id" = ANY(${withProblems}::uuid[])` : Prisma.empty;
  const total = withProblems ? withProblems.length : await client.document.count({ where: { projectId } });
  const pageCount = Math.max(1, Math.ceil(total / DOCUMENTS_PER_PAGE));
  const page = Math.min(query.page, pageCount);
  const rows = await client.$queryRaw<
    (Omit<DocumentSummary, "status" | "tagsetProblems"> & { assigned: number; submitted: number; goldAdjudicated: boolean })[]
  >`
    SELECT d."id", d."name", d."title", d."date",
      gold."id" IS NOT NULL AS "hasGold",
      (SELECT count(*)::int FROM "Hopper" h WHERE h."setId" = gold."id") AS "hopperCount",
      (SELECT count(*)::int FROM "Event" e WHERE e."setId" = gold."id") AS "eventCount",
      (SELECT count(*)::int FROM "Argument" a WHERE a."setId" = gold."id") AS "argumentCount",
      CASE WHEN jsonb_typeof(d."importWarnings") = 'array' THEN jsonb_array_length(d."importWarnings") ELSE 0 END AS "warningCount",
      progress."assigned", progress."submitted", progress."goldAdjudicated"
    FROM "Document" d
    ${Prisma.raw(DOCUMENT_PROGRESS_JOIN)}
    LEFT JOIN LATERAL (
      SELECT s."id" FROM "AnnotationSet" s
      WHERE s."documentId" = d."id" AND s."kind" = 'GOLD'
      ORDER BY s."createdAt" LIMIT 1
    ) gold ON true
    WHERE d."projectId" = ${projectId}::uuid ${only}
    ORDER BY ${orderBy(query.sort, query.order === "desc" ? "DESC" : "ASC")}, d."id"
    LIMIT ${DOCUMENTS_PER_PAGE} OFFSET ${(page - 1) * DOCUMENTS_PER_PAGE}`;
  const problems = rows.length
    ? await countTagsetProblems(
        projectId,
        rows.map((row) => row.id),
        client,
      )
    : new Map<string, number>();
  const documents = rows.map(({ assigned, submitted, goldAdjudicated, ...document }) => ({
    ...document,
    status: documentStatus({ assigned, submitted, goldAdjudicated }),
    tagsetProblems: problems.get(document.id) ?? 0,
  }));
  return { documents, total, page, pageCount };
}

/** Names are export stems, mostly numbers (`2602`, `10004`): their numeric part sorts first, so 2602 comes before 10004. */
const BY_NAME = (direction: string) => `substring(d."name" from '^[0-9]+')::numeric ${direction} NULLS LAST, d."name" ${direction}`;

function orderBy(sort: DocumentSortKey, direction: "ASC" | "DESC"): Prisma.Sql {
  const clauses: Record<DocumentSortKey, string> = {
    name: BY_NAME(direction),
    date: `d."date" ${direction}, ${BY_NAME("ASC")}`,
    title: `d."title" ${direction}, ${BY_NAME("ASC")}`,
    events: `"eventCount" ${direction}, ${BY_NAME("ASC")}`,
    warnings: `"warningCount" ${direction}, ${BY_NAME("ASC")}`,
  };
  return Prisma.raw(clauses[sort]);
}
