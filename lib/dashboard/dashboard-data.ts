// The progress dashboard's numbers, aggregated in the database: three queries
// (run at once) whatever the project's size. bench/dashboard.ts times them on
// 1,000 documents × 3 annotators.

import { DOCUMENT_STATUSES } from "@/lib/assignments/document-statuses";
import { DOCUMENT_PROGRESS_JOIN, DOCUMENT_STATUS_SQL } from "@/lib/assignments/document-progress-sql";
import type { DocumentStatus } from "@/lib/auth/workflow";
import { db, type DatabasePool } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { dailySeries, type DayCount } from "./daily-series";

export interface AnnotatorProgress {
  id: string;
  name: string;
  /** Documents assigned to them now. */
  assigned: number;
  /** Of those, not opened or nothing saved yet; being annotated; submitted. */
  notStarted: number;
  inProgress: number;
  submitted: number;
  /** Made in their sets of the project's documents (withdrawn ones too). */
  events: number;
  arguments: number;
}

export interface DashboardData {
  documents: number;
  byStatus: { [S in DocumentStatus]: number };
  annotators: AnnotatorProgress[];
  /** Sets submitted per day (UTC), every day from the first submission to the last. */
  submissionsPerDay: DayCount[];
}

export async function loadDashboard(projectId: string, client: DatabasePool = db()): Promise<DashboardData> {
  const byStatus = Object.fromEntries(DOCUMENT_STATUSES.map((status) => [status, 0])) as DashboardData["byStatus"];
  if (!isRecordId(projectId)) return { documents: 0, byStatus, annotators: [], submissionsPerDay: [] };
  const [statuses, annotators, days] = await Promise.all([
    client.pool.query<{ status: DocumentStatus; count: number }>(
      `SELECT ${DOCUMENT_STATUS_SQL} AS "status", count(*)::int AS "count"
        FROM "Document" d ${DOCUMENT_PROGRESS_JOIN} WHERE d."projectId" = $1 GROUP BY 1`,
      [projectId],
    ),
    client.pool.query<AnnotatorProgress>(
      `WITH docs AS (SELECT "id" FROM "Document" WHERE "projectId" = $1),
        work AS (
          SELECT a."annotatorId" AS "uid", count(*)::int AS "assigned",
            count(*) FILTER (WHERE s."status" IS NULL OR s."status" = 'NEW')::int AS "notStarted",
            count(*) FILTER (WHERE s."status" = 'IN_PROGRESS')::int AS "inProgress",
            count(*) FILTER (WHERE s."status" = 'SUBMITTED')::int AS "submitted"
          FROM "Assignment" a JOIN docs ON docs."id" = a."documentId"
          LEFT JOIN "AnnotationSet" s ON s."documentId" = a."documentId" AND s."kind" = 'ANNOTATOR' AND s."annotatorId" = a."annotatorId"
          GROUP BY 1),
        made AS (
          SELECT s."annotatorId" AS "uid",
            sum((SELECT count(*) FROM "Event" e WHERE e."setId" = s."id"))::int AS "events",
            sum((SELECT count(*) FROM "Argument" r WHERE r."setId" = s."id"))::int AS "arguments"
          FROM "AnnotationSet" s JOIN docs ON docs."id" = s."documentId"
          WHERE s."kind" = 'ANNOTATOR'
          GROUP BY 1),
        people AS (
          SELECT "userId" AS "uid" FROM "ProjectMember" WHERE "projectId" = $1 AND "role" = 'ANNOTATOR'
          UNION SELECT "uid" FROM work UNION SELECT "uid" FROM made)
      SELECT u."id", COALESCE(NULLIF(u."name", ''), u."email") AS "name",
        COALESCE(work."assigned", 0) AS "assigned", COALESCE(work."notStarted", 0) AS "notStarted",
        COALESCE(work."inProgress", 0) AS "inProgress", COALESCE(work."submitted", 0) AS "submitted",
        COALESCE(made."events", 0) AS "events", COALESCE(made."arguments", 0) AS "arguments"
      FROM people JOIN "User" u ON u."id" = people."uid"
      LEFT JOIN work ON work."uid" = people."uid" LEFT JOIN made ON made."uid" = people."uid"
      ORDER BY lower(COALESCE(NULLIF(u."name", ''), u."email")), u."id"`,
      [projectId],
    ),
    client.pool.query<DayCount>(
      `SELECT to_char(s."submittedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "day", count(*)::int AS "count"
        FROM "AnnotationSet" s JOIN "Document" d ON d."id" = s."documentId"
        WHERE d."projectId" = $1 AND s."kind" = 'ANNOTATOR' AND s."status" = 'SUBMITTED' AND s."submittedAt" IS NOT NULL
        GROUP BY 1 ORDER BY 1`,
      [projectId],
    ),
  ]);
  for (const { status, count } of statuses.rows) byStatus[status] = count;
  return {
    documents: statuses.rows.reduce((sum, row) => sum + row.count, 0),
    byStatus,
    annotators: annotators.rows,
    submissionsPerDay: dailySeries(days.rows),
  };
}
