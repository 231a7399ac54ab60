import { createDatabaseClient, type Database } from "./client";
import { openMigratedServer } from "./migrated-server";

export interface OpenDatabase {
  url: string;
  client: Database;
  embedded: boolean;
  /** The embedded server's cluster: where the data lives. */
  dataDirectory?: string;
  /** Disconnects the client and stops the embedded server, if any. */
  close(): Promise<void>;
}

/** The app's database, migrated and connected through Prisma: what app start and the CLI's account commands begin with. */
export async function openDatabase(env: Record<string, string | undefined> = process.env): Promise<OpenDatabase> {
  const server = await openMigratedServer(env);
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
