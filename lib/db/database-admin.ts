import pg from "pg";

/** Creating and dropping whole databases, through a connection to any database on the server. */

type Server = string | pg.ClientConfig;

/** Creates the database; with `ifMissing`, an existing one (even one created meanwhile by another process) is fine. */
export async function createDatabase(server: Server, name: string, options: { ifMissing?: boolean } = {}): Promise<void> {
  await withClient(server, async (client) => {
    if (options.ifMissing) {
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (rowCount) return;
    }
    await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`).catch((error: { code?: string }) => {
      if (!(options.ifMissing && error.code === "42P04")) throw error;
    });
  });
}

/** Drops the database if it exists, ending any session still connected to it. */
export async function dropDatabase(server: Server, name: string): Promise<void> {
  await withClient(server, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`));
}

async function withClient<T>(server: Server, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(typeof server === "string" ? { connectionString: server } : server);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
