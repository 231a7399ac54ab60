// Reading a set's operation log: what a window lacks since its version (the
// catch-up, and a save answered "behind"), paged; and which of a window's
// operations are stored already (a retried save).

import type pg from "pg";
import { upgradeLoggedOperation } from "@/lib/annotation/operation-format";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import { MAX_OPERATIONS_PER_ANSWER, type LoggedOperation, type SinceResponse } from "@/lib/annotation/sync-protocol";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";

interface LogRow {
  version: number;
  clientId: string | null;
  seq: number | null;
  format: number;
  operation: unknown;
}

const LOG_COLUMNS = `"version", "clientId", "seq", "format", "operation"`;

function loggedOperation(row: LogRow): LoggedOperation {
  return { version: row.version, clientId: row.clientId, seq: row.seq, operation: upgradeLoggedOperation(row.format, row.operation) };
}

/** An answer carries at most this much logged JSON (and at least one operation): a window far behind pages through the rest. */
export const MAX_BYTES_PER_ANSWER = 1024 * 1024;

/** The log's operations after $2, in order: at most $3 of them and $4 bytes of JSON (but at least one). */
const PAGE = `SELECT ${LOG_COLUMNS} FROM (
    SELECT ${LOG_COLUMNS}, row_number() OVER (ORDER BY "version") AS "nth", sum(octet_length("operation"::text)) OVER (ORDER BY "version") AS "bytes"
    FROM "AnnotationOperation" WHERE "setId" = $1 AND "version" > $2::bigint ORDER BY "version" LIMIT $3
  ) page WHERE "nth" = 1 OR "bytes" <= $4 ORDER BY "version"`;

/**
 * The set's version and the operations saved after `version`, paged, read in
 * one statement so the two agree; null when there is no such set. A
 * `version` beyond the set's gives no operations.
 */
export async function operationsSince(
  setId: string,
  version: number,
  limits: { operations: number; bytes: number } = { operations: MAX_OPERATIONS_PER_ANSWER, bytes: MAX_BYTES_PER_ANSWER },
  client: Database = db(),
): Promise<SinceResponse | null> {
  if (!isRecordId(setId)) return null;
  const { rows } = await client.pool.query<{ version: number; operations: LogRow[] }>(
    `SELECT s."version", COALESCE((SELECT json_agg(o) FROM (${PAGE}) o), '[]'::json) AS "operations"
      FROM "AnnotationSet" s WHERE s."id" = $1`,
    [setId, version, limits.operations, limits.bytes],
  );
  const row = rows[0];
  if (!row) return null;
  const operations = row.operations.map(loggedOperation);
  const last = operations.at(-1)?.version ?? version;
  return { version: row.version, operations, complete: last >= row.version };
}

/** Logged operations after `version`, paged as operationsSince pages them, as a transaction that holds the set's lock sees them. */
export async function loggedOperationsAfter(connection: pg.PoolClient, setId: string, version: number): Promise<LoggedOperation[]> {
  const { rows } = await connection.query<LogRow>(PAGE, [setId, version, MAX_OPERATIONS_PER_ANSWER, MAX_BYTES_PER_ANSWER]);
  return rows.map(loggedOperation);
}

/** The versions at which the window's operations `seqs` were stored, for those that were. */
export async function storedVersions(connection: pg.PoolClient, setId: string, clientId: string, seqs: number[]): Promise<Map<number, number>> {
  const { rows } = await connection.query<{ seq: number; version: number }>(
    `SELECT "seq", "version" FROM "AnnotationOperation" WHERE "setId" = $1 AND "clientId" = $2 AND "seq" = ANY($3::int[])`,
    [setId, clientId, seqs],
  );
  return new Map(rows.map((row) => [row.seq, row.version]));
}

/** The operations window `clientId` saved to the set, in order (a save's worth: a window's saves are few). */
export async function operationsOfClient(setId: string, clientId: string, client: Database = db()): Promise<LoggedOperation[]> {
  if (!isRecordId(setId)) return [];
  const { rows } = await client.pool.query<LogRow>(
    `SELECT ${LOG_COLUMNS} FROM "AnnotationOperation" WHERE "setId" = $1 AND "clientId" = $2 ORDER BY "version"`,
    [setId, clientId],
  );
  return rows.map(loggedOperation);
}

/** Every operation the set logged, in order (to learn what values it ever held; rare, so not paged). */
export async function loggedOperations(connection: pg.PoolClient, setId: string): Promise<AnnotationOperation[]> {
  const { rows } = await connection.query<LogRow>(`SELECT ${LOG_COLUMNS} FROM "AnnotationOperation" WHERE "setId" = $1 ORDER BY "version"`, [setId]);
  return rows.map((row) => loggedOperation(row).operation);
}
