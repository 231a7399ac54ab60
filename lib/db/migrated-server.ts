// The app's database server with Hopper's migrations applied: where the app and
// every CLI command begin. Free of Prisma, so that CLI commands needing only
// plain pg (import, export) do not load it.

import { openDatabaseServer, type DatabaseServer } from "./database-url";
import { applyMigrations } from "./migrations";

/** DATABASE_URL's server or the embedded one, migrated; stop() stops the embedded server, if any. */
export async function openMigratedServer(env: Record<string, string | undefined> = process.env): Promise<DatabaseServer> {
  const server = await openDatabaseServer(env);
  try {
    await applyMigrations(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}
