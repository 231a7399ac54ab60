// A document's progress in SQL, for the queries that list, filter or count
// documents by status: the counts lib/auth/workflow.ts's documentStatus reads,
// and the same rule as a CASE where the database must filter or group by it
// (document-progress-sql.test.ts holds the two to each other).

/**
 * A lateral join giving, for the document aliased `d`, `progress."assigned"`
 * (its assignments), `progress."submitted"` (of their sets, those submitted)
 * and `progress."goldAdjudicated"`. Index lookups only: Assignment's primary
 * key and AnnotationSet's (documentId, kind, annotatorId).
 */
export const DOCUMENT_PROGRESS_JOIN = `LEFT JOIN LATERAL (
    SELECT count(*)::int AS "assigned", count(*) FILTER (WHERE s."status" = 'SUBMITTED')::int AS "submitted",
      EXISTS (SELECT 1 FROM "AnnotationSet" g WHERE g."documentId" = d."id" AND g."kind" = 'GOLD' AND g."status" = 'ADJUDICATED') AS "goldAdjudicated"
    FROM "Assignment" a
    LEFT JOIN "AnnotationSet" s ON s."documentId" = a."documentId" AND s."kind" = 'ANNOTATOR' AND s."annotatorId" = a."annotatorId"
    WHERE a."documentId" = d."id"
  ) progress ON true`;

/** documentStatus over DOCUMENT_PROGRESS_JOIN's columns: 'unassigned', 'in-annotation', 'ready-for-adjudication' or 'adjudicated'. */
export const DOCUMENT_STATUS_SQL = `CASE WHEN progress."goldAdjudicated" THEN 'adjudicated'
    WHEN progress."assigned" = 0 THEN 'unassigned'
    WHEN progress."submitted" >= progress."assigned" THEN 'ready-for-adjudication'
    ELSE 'in-annotation' END`;
