import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { requiredDatabaseUrl } from "@/lib/db/required-database-url";
import { processSingleton } from "@/lib/process-singleton";

/**
 * Prisma for everyday data access, plus its connection pool for the few bulk
 * paths (imports) where Prisma's per-query cost would dominate.
 */
export type Database = PrismaClient & { readonly pool: pg.Pool };

/** What the bulk paths need of a Database: its pool. The CLI's import and export pass a bare pool, so they never load Prisma. */
export type DatabasePool = Pick<Database, "pool">;

export function createDatabaseClient(databaseUrl: string): Database {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle connection's error (a restarted server, a dropped test database) is no failure: the pool
  // drops the connection and opens another for the next query. Unheard, the error would end the process.
  pool.on("error", () => {});
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  return Object.assign(client, { pool });
}

/**
 * The process's client (one pool for every page and route: see process-singleton.ts), created on first use: `next build`
 * imports route modules without a database, so nothing may connect at import time.
 */
export function db(): Database {
  return processSingleton("database", () => createDatabaseClient(requiredDatabaseUrl()));
}
