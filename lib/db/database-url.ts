import { startEmbeddedPostgres, startThrowawayPostgres } from "./embedded-postgres";

/**
 * The one place that reads the environment to decide which PostgreSQL Hopper
 * uses: the server DATABASE_URL names when it is set, otherwise an embedded
 * one that Hopper runs itself.
 */

export interface DatabaseServer {
  /** For the app, the URL of its database; for a throwaway server, of a database to connect to for CREATE DATABASE. */
  url: string;
  embedded: boolean;
  /** The embedded server's cluster: where the data lives. */
  dataDirectory?: string;
  /** Stops the embedded server (nothing to do for DATABASE_URL's). */
  stop(): Promise<void>;
}

type Environment = Record<string, string | undefined>;

/**
 * The app's database, for app start and the CLI: DATABASE_URL, or the
 * embedded cluster kept in `.data/postgres` (run as root from a folder the
 * postgres user cannot enter, under /var/lib/hopper; see appClusterDirectory).
 */
export async function openDatabaseServer(env: Environment = process.env): Promise<DatabaseServer> {
  if (env.DATABASE_URL) return external(env.DATABASE_URL);
  const server = await startEmbeddedPostgres();
  return { url: server.url, embedded: true, dataDirectory: server.dataDirectory, stop: () => server.stop() };
}

/**
 * A server to create throwaway databases on (test runs, writing migrations):
 * DATABASE_URL's server, or a fresh embedded cluster in a temporary directory
 * that stop() removes. DATABASE_URL's own database is never used for them.
 */
export async function startThrowawayServer(env: Environment = process.env): Promise<DatabaseServer> {
  if (env.DATABASE_URL) return external(env.DATABASE_URL);
  const server = await startThrowawayPostgres();
  return { url: server.url, embedded: true, stop: () => server.stop() };
}

/** The server tests create their databases on: the test runner's (HOPPER_TEST_SERVER_URL), else DATABASE_URL's. */
export function testServerUrl(env: Environment = process.env): string {
  const url = env.HOPPER_TEST_SERVER_URL || env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "No database server for tests: run them with `npm test`, or set HOPPER_TEST_SERVER_URL (or DATABASE_URL) " +
        "to a PostgreSQL URL with the right to CREATE DATABASE.",
    );
  }
  return url;
}

function external(url: string): DatabaseServer {
  return { url, embedded: false, stop: async () => {} };
}
