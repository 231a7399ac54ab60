// The one statement that stores a save: the set's changed rows, its operation
// log entries and its new version and numbering. Data-modifying CTEs run as one
// statement, so foreign keys are checked once all of it is done (an event may
// move to a new hopper in the same statement that deletes its old one).

import type { SetNumbering } from "@/lib/annotation/index-allocation";
import { OPERATION_FORMAT } from "@/lib/annotation/operation-format";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import { sqlParameters, type SqlStatement } from "@/lib/db/sql-parameters";
import { annotationRowInserts } from "./set-rows-sql";
import type { AnnotationRowChanges } from "./set-row-changes";

export interface SetWrite {
  setId: string;
  changes: AnnotationRowChanges;
  /** The version the operations were applied to; they become versions fromVersion + 1, + 2, … */
  fromVersion: number;
  /** The window that sent the operations, and their numbers there (null for server-side writes such as imports). */
  clientId: string | null;
  operations: { seq: number | null; operation: AnnotationOperation }[];
  userId: string | null;
  /** The set's numbering with the operations' indexes. */
  numbering: SetNumbering;
}

/** Writes the row changes, logs the operations, and moves the set to its new version (NEW becomes IN_PROGRESS). */
export function writeSetStatement(write: SetWrite): SqlStatement {
  const params = sqlParameters();
  const { param } = params;
  const setId = param(write.setId, "uuid");
  const { remove } = write.changes;
  const removeFrom = (alias: string, table: string, ids: string[]) =>
    `${alias} AS (DELETE FROM "${table}" WHERE "setId" = ${setId} AND "id" = ANY(${param(ids, "uuid[]")}))`;
  const fromVersion = param(write.fromVersion, "int");
  const userId = param(write.userId, "uuid");
  const clientId = param(write.clientId, "text");
  const format = param(OPERATION_FORMAT, "int");
  const seqs = param(
    write.operations.map((entry) => entry.seq),
    "int[]",
  );
  const operations = param(
    write.operations.map((entry) => JSON.stringify(entry.operation)),
    "jsonb[]",
  );
  const parts = [
    removeFrom("da", "Argument", remove.arguments),
    removeFrom("de", "Event", remove.events),
    removeFrom("dh", "Hopper", remove.hoppers),
    removeFrom("ds", "Span", remove.spans),
    ...annotationRowInserts(write.changes.upsert, setId, params, { upsert: true }),
    `log AS (INSERT INTO "AnnotationOperation" ("id","setId","version","userId","clientId","seq","format","operation")
        SELECT gen_random_uuid(), ${setId}, ${fromVersion} + u.n, ${userId}, ${clientId}, u.seq, ${format}, u.op
        FROM unnest(${seqs}, ${operations}) WITH ORDINALITY AS u(seq, op, n))`,
  ];
  const { numbering } = write;
  return {
    name: "write-annotation-set",
    text: `WITH ${parts.join(",\n")}
      UPDATE "AnnotationSet" SET "version" = ${param(write.fromVersion + write.operations.length, "int")},
        "lastEventNumber" = GREATEST("lastEventNumber", ${param(numbering.event, "bigint")}),
        "lastSpanNumber" = GREATEST("lastSpanNumber", ${param(numbering.span, "bigint")}),
        "lastHopperIndex" = GREATEST("lastHopperIndex", ${param(numbering.hopper, "bigint")}),
        "status" = CASE WHEN "status" = 'NEW' THEN 'IN_PROGRESS' ELSE "status" END, "updatedAt" = CURRENT_TIMESTAMP
      WHERE "id" = ${setId}`,
    values: params.values,
  };
}
