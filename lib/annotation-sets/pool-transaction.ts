import type pg from "pg";
import type { Database } from "@/lib/db/client";

/**
 * Runs `work` in one transaction on one pooled connection (plain pg: a save's
 * few statements must stay well under Prisma's per-query cost). Commits what
 * `work` did unless it throws; a connection left in an unknown state is
 * discarded rather than returned to the pool.
 */
export async function inTransaction<T>(
  client: Database,
  begin: "BEGIN" | "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
  work: (connection: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const connection = await client.pool.connect();
  let broken: Error | undefined;
  try {
    await connection.query(begin);
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
