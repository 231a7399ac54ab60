import { randomUUID } from "node:crypto";
import pg from "pg";
import { checksum, matchesChecksum, readMigrations, type MigrationFile } from "./migration-files";
import { defaultMigrationsDirectory } from "./paths";

/**
 * Applies the SQL migrations in prisma/migrations, recording them in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does, so the
 * database stays a normal Prisma-migrated database. Runs at every app and
 * CLI start; with nothing to do it costs one connection and two queries.
 */

export interface ApplyMigrationsOptions {
  migrationsDirectory?: string;
  /** How long to wait for another process that is migrating the same database. */
  lockTimeoutMs?: number;
}

/** Prisma Migrate's advisory lock key: taking the same one keeps us and `prisma migrate` from running at once. */
const MIGRATE_LOCK_KEY = 72707369;

/** `_prisma_migrations` as Prisma's schema engine creates it on PostgreSQL. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Applies every pending migration and returns their names (empty when the database was up to date). */
export async function applyMigrations(databaseUrl: string, options: ApplyMigrationsOptions = {}): Promise<string[]> {
  const migrations = readMigrations(options.migrationsDirectory ?? defaultMigrationsDirectory());
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await lockMigrations(client, options.lockTimeoutMs ?? 60_000);
    // Read under the lock: another process may have just applied what was pending.
    const pending = pendingMigrations(migrations, await readHistory(client));
    for (const migration of pending) await applyMigration(client, migration);
    return pending.map((migration) => migration.name);
  } finally {
    // Closing the session releases the advisory lock.
    await client.end();
  }
}

async function lockMigrations(client: pg.Client, timeoutMs: number): Promise<void> {
  await client.query(`SET lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK_KEY]);
  } catch (error) {
    if ((error as { code?: string }).code === "55P03") {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for another process to finish migrating the database ` +
          `(it holds advisory lock ${MIGRATE_LOCK_KEY}).`,
        { cause: error },
      );
    }
    throw error;
  }
  await client.query("RESET lock_timeout");
}

/** The recorded migrations, creating the table on a database Prisma has never migrated. */
async function readHistory(client: pg.Client): Promise<MigrationRow[]> {
  const { rows } = await client.query<{ exists: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists");
  if (!rows[0].exists) {
    await refuseNonEmptySchema(client);
    await client.query(CREATE_MIGRATIONS_TABLE);
    return [];
  }
  const history = await client.query<MigrationRow>(
    "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at",
  );
  return history.rows;
}

/** Like `prisma migrate deploy`, never migrate a database whose tables were made some other way. */
async function refuseNonEmptySchema(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() LIMIT 5",
  );
  if (rows.length > 0) {
    throw new Error(
      `The database already has tables (${rows.map((row) => row.name).join(", ")}) but no migration history ` +
        "(_prisma_migrations): it was not created by Hopper's migrations. Use an empty database.",
    );
  }
}

/** The migrations still to apply, after checking that the recorded history is one these migrations can continue. */
function pendingMigrations(migrations: MigrationFile[], history: MigrationRow[]): MigrationFile[] {
  const live = history.filter((row) => row.rolled_back_at === null);
  const failed = live.filter((row) => row.finished_at === null);
  if (failed.length > 0) {
    throw new Error(
      `Migration ${failed.map((row) => row.migration_name).join(", ")} started but never finished on this database ` +
        "(recorded in _prisma_migrations without finished_at). Check the database, then mark it rolled back " +
        "(UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '…') to retry it.",
    );
  }
  const known = new Map(migrations.map((migration) => [migration.name, migration]));
  for (const row of live) {
    const migration = known.get(row.migration_name);
    if (!migration) {
      throw new Error(
        `The database has migration ${row.migration_name} applied, which this version of Hopper does not have ` +
          "(was it migrated by a newer version?). Refusing to run against it.",
      );
    }
    if (!matchesChecksum(migration.sql, row.checksum)) {
      throw new Error(
        `Migration ${row.migration_name} was changed after it was applied to this database ` +
          "(its checksum differs from the one in _prisma_migrations). Restore the original migration.sql " +
          "and put the change in a new migration.",
      );
    }
  }
  const applied = new Set(live.map((row) => row.migration_name));
  return migrations.filter((migration) => !applied.has(migration.name));
}

/** One migration in one transaction, recorded in the same steps as Prisma records it. */
async function applyMigration(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query("INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES ($1, $2, now(), $3)", [
      id,
      checksum(migration.sql),
      migration.name,
    ]);
    // No parameters, so pg uses the simple query protocol: the whole file, `$$` bodies included, runs as written.
    await client.query(migration.sql);
    await client.query("UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1 WHERE id = $1", [id]);
    await client.query("UPDATE _prisma_migrations SET finished_at = clock_timestamp() WHERE id = $1", [id]);
    await client.query("COMMIT");
  } catch (error) {
    // A lost connection cannot roll back, but the server already has; the migration's error is the one to report.
    await client.query("ROLLBACK").catch(() => {});
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, { cause: error });
  }
}
