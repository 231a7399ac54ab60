import { createDatabaseClient, type Database } from "./client";
import { openDatabaseServer } from "./database-url";
import { applyMigrations } from "./migrations";

export interface OpenDatabase {
  url: string;
  client: Database;
  embedded: boolean;
  /** The embedded server's cluster: where the data lives. */
  dataDirectory?: string;
  /** Disconnects the client and stops the embedded server, if any. */
  close(): Promise<void>;
}

/** The app's database, migrated and connected: what app start and every CLI command begin with. */
export async function openDatabase(env: Record<string, string | undefined> = process.env): Promise<OpenDatabase> {
  const server = await openDatabaseServer(env);
  try {
    await applyMigrations(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const client = createDatabaseClient(server.url);
  return {
    url: server.url,
    client,
    embedded: server.embedded,
    dataDirectory: server.dataDirectory,
    async close() {
      await client.$disconnect();
      await server.stop();
    },
  };
}
