import { randomBytes } from "node:crypto";
import { after } from "node:test";
import { createDatabaseClient, type Database } from "./client";
import { testServerUrl } from "./database-url";
import { applyMigrations } from "./migrations";
import { createDatabase, dropDatabase } from "./database-admin";
import { withDatabase } from "./postgres-url";

export interface TestDatabase {
  url: string;
  /** Drops the database, ending any session still connected (disconnect clients first: a bare pg.Client would get an error event). */
  drop(): Promise<void>;
}

/**
 * A fresh database of its own for a test file, on the test server (see
 * testServerUrl), migrated unless `migrate` is false. Tests never see an
 * existing database, so they cannot touch anyone's data.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const name = `hopper_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await createDatabase(serverUrl, name);
  const url = withDatabase(serverUrl, name);
  const drop = () => dropDatabase(serverUrl, name);
  try {
    if (options.migrate !== false) await applyMigrations(url);
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, drop };
}

export interface TestDatabaseHandle {
  /** The file's database and a client on it, created on first call. */
  open(): Promise<{ url: string; client: Database }>;
}

/**
 * For a test file: a fresh database, created when the file first asks for it
 * (a top-level `before` runs as soon as it is registered, so hooks cannot be
 * relied on to run in order) and dropped after the file's tests.
 */
export function useTestDatabase(): TestDatabaseHandle {
  let opening: Promise<{ database: TestDatabase; url: string; client: Database }> | undefined;
  const open = () =>
    (opening ??= createTestDatabase().then((database) => ({ database, url: database.url, client: createDatabaseClient(database.url) })));
  after(async () => {
    if (!opening) return;
    const { database, client } = await opening;
    await client.$disconnect();
    await database.drop();
  });
  return { open };
}
