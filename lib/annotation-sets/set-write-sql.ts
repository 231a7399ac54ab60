// The one statement that stores a save: the set's changed rows, its operation
// log entries and its new version and numbering. It is guarded: the set must
// still be at the version the changes were worked out on, not submitted, its
// project not archived and its tagset the one they were checked against, or nothing is
// written (the answer says so). So a save needs no transaction of its own and no lock held over
// round trips. Data-modifying CTEs run as one statement, so foreign keys are
// checked once all of it is done (an event may move to a new hopper in the same
// statement that deletes its old one). An annotator's new set is in progress
// from its first save on; the gold set keeps its status (lib/auth/workflow.ts).

import type { SetNumbering } from "@/lib/annotation/index-allocation";
import { OPERATION_FORMAT } from "@/lib/annotation/operation-format";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import { sqlParameters, type SqlStatement } from "@/lib/db/sql-parameters";
import { SET_CHANGES_CHANNEL } from "./set-changes";
import { annotationRowInserts } from "./set-rows-sql";
import type { AnnotationRowChanges } from "./set-snapshot";

export interface SetWrite {
  setId: string;
  changes: AnnotationRowChanges;
  /** The version the operations were applied to; they become versions fromVersion + 1, + 2, … */
  fromVersion: number;
  /** md5 of the project's tagset as the operations were checked against it (null: not checked, a trusted write). */
  tagsetHash: string | null;
  /** The window that sent the operations, and their numbers there (null for server-side writes such as imports). */
  clientId: string | null;
  operations: { seq: number | null; operation: AnnotationOperation }[];
  userId: string | null;
  /** The set's numbering with the operations' indexes. */
  numbering: SetNumbering;
}

/** The statement answers one row, `written`: 1 when stored, 0 when the set or its tagset had moved on (nothing was written). */
export function writeSetStatement(write: SetWrite): SqlStatement {
  const params = sqlParameters();
  const { param } = params;
  const setId = param(write.setId, "uuid");
  const guarded = "EXISTS (SELECT 1 FROM g)";
  const { remove } = write.changes;
  const removeFrom = (alias: string, table: string, ids: string[]) =>
    `${alias} AS (DELETE FROM "${table}" WHERE "setId" = ${setId} AND "id" = ANY(${param(ids, "uuid[]")}) AND ${guarded})`;
  const fromVersion = param(write.fromVersion, "int");
  const tagsetHash = param(write.tagsetHash, "text");
  const { numbering } = write;
  const seqs = param(
    write.operations.map((entry) => entry.seq),
    "int[]",
  );
  const operations = param(
    write.operations.map((entry) => JSON.stringify(entry.operation)),
    "jsonb[]",
  );
  const newVersion = param(write.fromVersion + write.operations.length, "int");
  const parts = [
    `g AS (UPDATE "AnnotationSet" s SET "version" = ${newVersion},
        "lastEventNumber" = GREATEST(s."lastEventNumber", ${param(numbering.event, "bigint")}),
        "lastSpanNumber" = GREATEST(s."lastSpanNumber", ${param(numbering.span, "bigint")}),
        "lastHopperIndex" = GREATEST(s."lastHopperIndex", ${param(numbering.hopper, "bigint")}),
        "status" = CASE WHEN s."status" = 'NEW' AND s."kind" = 'ANNOTATOR' THEN 'IN_PROGRESS' ELSE s."status" END, "updatedAt" = CURRENT_TIMESTAMP
      WHERE s."id" = ${setId} AND s."version" = ${fromVersion} AND s."status" <> 'SUBMITTED'
        AND (${tagsetHash} IS NULL OR ${tagsetHash} = (SELECT md5(p."tagset"::text) FROM "Document" d JOIN "Project" p ON p."id" = d."projectId" WHERE d."id" = s."documentId"))
        AND NOT EXISTS (SELECT 1 FROM "Document" d JOIN "Project" p ON p."id" = d."projectId" WHERE d."id" = s."documentId" AND p."archivedAt" IS NOT NULL)
      RETURNING s."id")`,
    removeFrom("da", "Argument", remove.arguments),
    removeFrom("de", "Event", remove.events),
    removeFrom("dh", "Hopper", remove.hoppers),
    removeFrom("ds", "Span", remove.spans),
    ...annotationRowInserts(write.changes.upsert, setId, params, { upsert: true, onlyIf: guarded }),
    `log AS (INSERT INTO "AnnotationOperation" ("id","setId","version","userId","clientId","seq","format","operation")
        SELECT gen_random_uuid(), ${setId}, ${fromVersion} + u.n, ${param(write.userId, "uuid")}, ${param(write.clientId, "text")}, u.seq,
          ${param(OPERATION_FORMAT, "int")}, u.op
        FROM unnest(${seqs}, ${operations}) WITH ORDINALITY AS u(seq, op, n) WHERE ${guarded})`,
  ];
  // Every viewer of the set hears of the new version when the statement commits (ids only: payloads are small).
  parts.push(`n AS (SELECT pg_notify('${SET_CHANGES_CHANNEL}', json_build_object('set', g."id", 'version', ${newVersion})::text) FROM g)`);
  return {
    name: "write-annotation-set",
    text: `WITH ${parts.join(",\n")}\nSELECT (SELECT count(*)::int FROM g) AS "written", (SELECT count(*) FROM n) AS "notified"`,
    values: params.values,
  };
}
