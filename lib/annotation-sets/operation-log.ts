// Reading a set's operation log: what others saved since a client's version,
// for the client to rebase its unsaved edits on (and, later, live updates).

import type pg from "pg";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/projects/record-id";

/** The set's version and the operations that took it there from the version asked about, in order. */
export interface OperationsSince {
  version: number;
  operations: AnnotationOperation[];
}

/**
 * The operations saved after `version`, with the set's current version, read
 * in one statement so the two agree; null when there is no such set. A
 * `version` beyond the set's gives no operations.
 */
export async function operationsSince(setId: string, version: number, client: Database = db()): Promise<OperationsSince | null> {
  if (!isRecordId(setId)) return null;
  const { rows } = await client.pool.query<OperationsSince>(
    `SELECT s."version",
        COALESCE((SELECT json_agg(o."operation" ORDER BY o."version") FROM "AnnotationOperation" o
          WHERE o."setId" = s."id" AND o."version" > $2::bigint), '[]'::json) AS "operations"
      FROM "AnnotationSet" s WHERE s."id" = $1`,
    [setId, version],
  );
  return rows[0] ?? null;
}

/** Logged operations after `version`, in order, as a transaction that holds the set's lock sees them. */
export async function loggedOperationsAfter(connection: pg.PoolClient, setId: string, version: number): Promise<AnnotationOperation[]> {
  const { rows } = await connection.query<{ operation: AnnotationOperation }>(
    `SELECT "operation" FROM "AnnotationOperation" WHERE "setId" = $1 AND "version" > $2::bigint ORDER BY "version"`,
    [setId, version],
  );
  return rows.map((row) => row.operation);
}
