// One transaction on one pooled connection (plain pg: a save's few statements
// must stay well under Prisma's per-query cost).

import type pg from "pg";
import type { DatabasePool } from "./client";

/**
 * Runs `work` in one transaction: committed unless it throws. A read-only one
 * sees one snapshot (repeatable read), so what it reads belongs together. A
 * connection left in an unknown state is discarded rather than returned to the pool.
 */
export async function inTransaction<T>(
  client: DatabasePool,
  work: (connection: pg.PoolClient) => Promise<T>,
  { readOnly = false }: { readOnly?: boolean } = {},
): Promise<T> {
  const connection = await client.pool.connect();
  let broken: Error | undefined;
  try {
    await connection.query(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
    const result = await work(connection);
    await connection.query("COMMIT");
    return result;
  } catch (error) {
    await connection.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    connection.release(broken);
  }
}
