// The one statement that stores a save: the set's changed rows, its operation
// log entries and its new version. Data-modifying CTEs run as one statement,
// so foreign keys are checked once all of it is done (an event may move to a
// new hopper in the same statement that deletes its old one).

import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import { annotationRowInserts, sqlParameters, type SqlStatement } from "@/lib/documents/insert-document-sql";
import type { AnnotationRowChanges } from "./set-row-changes";

export interface SetWrite {
  setId: string;
  changes: AnnotationRowChanges;
  /** The version the operations were applied to; they become versions fromVersion + 1, + 2, … */
  fromVersion: number;
  operations: AnnotationOperation[];
  userId: string | null;
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
  const parts = [
    removeFrom("da", "Argument", remove.arguments),
    removeFrom("de", "Event", remove.events),
    removeFrom("dh", "Hopper", remove.hoppers),
    removeFrom("ds", "Span", remove.spans),
    ...annotationRowInserts(write.changes.upsert, setId, params, { upsert: true }),
    `log AS (INSERT INTO "AnnotationOperation" ("id","setId","version","userId","operation")
        SELECT gen_random_uuid(), ${setId}, ${fromVersion} + u.n, ${param(write.userId, "uuid")}, u.op
        FROM unnest(${param(
          write.operations.map((operation) => JSON.stringify(operation)),
          "jsonb[]",
        )}) WITH ORDINALITY AS u(op, n))`,
  ];
  return {
    name: "write-annotation-set",
    text: `WITH ${parts.join(",\n")}
      UPDATE "AnnotationSet" SET "version" = ${param(write.fromVersion + write.operations.length, "int")},
        "status" = CASE WHEN "status" = 'NEW' THEN 'IN_PROGRESS' ELSE "status" END, "updatedAt" = CURRENT_TIMESTAMP
      WHERE "id" = ${setId}`,
    values: params.values,
  };
}
