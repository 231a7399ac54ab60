import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import pg from "pg";
import { checksum, readMigrations } from "./migration-files";
import { applyMigrations } from "./migrations";
import { defaultMigrationsDirectory } from "./paths";
import { createTestDatabase, type TestDatabase } from "./test-database";

const migrations = readMigrations(defaultMigrationsDirectory());
const databases: TestDatabase[] = [];
const folders: string[] = [];

after(async () => {
  // Each DROP DATABASE waits for a checkpoint; at once they share it.
  await Promise.all(databases.map((database) => database.drop()));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function emptyDatabase(): Promise<string> {
  const database = await createTestDatabase({ migrate: false });
  databases.push(database);
  return database.url;
}

/** A migrations folder of our own: a copy of the real one, then the given migrations written into it. */
function migrationsFolder(extra: Record<string, string> = {}): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "hopper-migrations-"));
  folders.push(folder);
  cpSync(defaultMigrationsDirectory(), folder, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(path.join(folder, name));
    writeFileSync(path.join(folder, name, "migration.sql"), sql);
  }
  return folder;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

test("the repository has migrations, in Prisma's layout", () => {
  assert.ok(migrations.length > 0);
  for (const migration of migrations) assert.match(migration.name, /^\d{14}_[a-z0-9_]+$/);
  assert.match(readFileSync(path.join(defaultMigrationsDirectory(), "migration_lock.toml"), "utf8"), /^provider = "postgresql"$/m);
});

test("applies every migration to a fresh database, recording _prisma_migrations as Prisma does", async () => {
  const url = await emptyDatabase();
  assert.deepEqual(
    await applyMigrations(url),
    migrations.map((migration) => migration.name),
  );

  const columns = await query(
    url,
    `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
       FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
  );
  assert.deepEqual(columns, [
    { column_name: "id", data_type: "character varying", length: 36, is_nullable: "NO", column_default: null },
    { column_name: "checksum", data_type: "character varying", length: 64, is_nullable: "NO", column_default: null },
    { column_name: "finished_at", data_type: "timestamp with time zone", length: null, is_nullable: "YES", column_default: null },
    { column_name: "migration_name", data_type: "character varying", length: 255, is_nullable: "NO", column_default: null },
    { column_name: "logs", data_type: "text", length: null, is_nullable: "YES", column_default: null },
    { column_name: "rolled_back_at", data_type: "timestamp with time zone", length: null, is_nullable: "YES", column_default: null },
    { column_name: "started_at", data_type: "timestamp with time zone", length: null, is_nullable: "NO", column_default: "now()" },
    { column_name: "applied_steps_count", data_type: "integer", length: null, is_nullable: "NO", column_default: "0" },
  ]);
  const [primaryKey] = await query(url, "SELECT conname FROM pg_constraint WHERE conrelid = '_prisma_migrations'::regclass AND contype = 'p'");
  assert.equal(primaryKey.conname, "_prisma_migrations_pkey");

  const rows = await query<{
    id: string;
    checksum: string;
    migration_name: string;
    logs: null;
    rolled_back_at: null;
    applied_steps_count: number;
    started_at: Date;
    finished_at: Date;
  }>(url, "SELECT * FROM _prisma_migrations ORDER BY migration_name");
  assert.equal(rows.length, migrations.length);
  rows.forEach((row, index) => {
    const migration = migrations[index];
    assert.equal(row.migration_name, migration.name);
    assert.match(row.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(row.checksum, checksum(migration.sql));
    assert.equal(row.logs, null);
    assert.equal(row.rolled_back_at, null);
    assert.equal(row.applied_steps_count, 1);
    assert.ok(row.finished_at >= row.started_at);
  });
  const tables = await query<{ name: string }>(url, "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'");
  assert.ok(tables.some((table) => table.name === "User"));
});

test("a second run finds nothing to do and changes nothing", async () => {
  const url = await emptyDatabase();
  await applyMigrations(url);
  const before = await query(url, "SELECT * FROM _prisma_migrations ORDER BY id");
  assert.deepEqual(await applyMigrations(url), []);
  assert.deepEqual(await query(url, "SELECT * FROM _prisma_migrations ORDER BY id"), before);
});

test("processes starting at once apply each migration exactly once", async () => {
  const url = await emptyDatabase();
  const results = await Promise.all(Array.from({ length: 4 }, () => applyMigrations(url)));
  assert.equal(results.filter((applied) => applied.length === migrations.length).length, 1);
  assert.equal(results.filter((applied) => applied.length === 0).length, 3);
  const [{ count }] = await query<{ count: string }>(url, "SELECT count(*) FROM _prisma_migrations");
  assert.equal(Number(count), migrations.length);
});

test("refuses to go on when an applied migration's file was changed", async () => {
  const url = await emptyDatabase();
  const folder = migrationsFolder();
  await applyMigrations(url, { migrationsDirectory: folder });
  const file = path.join(folder, migrations[0].name, "migration.sql");

  // Line endings do not count, as with Prisma: git may convert them.
  writeFileSync(file, migrations[0].sql.replaceAll("\n", "\r\n"));
  assert.deepEqual(await applyMigrations(url, { migrationsDirectory: folder }), []);

  writeFileSync(file, `${migrations[0].sql}\n-- an edit\n`);
  await assert.rejects(applyMigrations(url, { migrationsDirectory: folder }), /Migration \S+_init was changed after it was applied/);
});

test("refuses a database that has a migration this code does not know", async () => {
  const url = await emptyDatabase();
  await applyMigrations(url, { migrationsDirectory: migrationsFolder({ "29991231000000_from_the_future": "SELECT 1;" }) });
  await assert.rejects(applyMigrations(url), /has migration 29991231000000_from_the_future applied, which this version of Hopper does not have/);
});

test("runs each migration file whole, in its own transaction, and rolls a failing one back", async () => {
  const url = await emptyDatabase();
  const folder = migrationsFolder({
    "29990101000000_function": `CREATE FUNCTION hopper_test_join(a TEXT, b TEXT) RETURNS TEXT AS $$
BEGIN
  RETURN a || ';' || b;
END;
$$ LANGUAGE plpgsql;`,
    "29990102000000_broken": `CREATE TABLE "HalfDone" (id INT);\nSELECT no_such_function();`,
  });
  await assert.rejects(
    applyMigrations(url, { migrationsDirectory: folder }),
    /Migration 29990102000000_broken failed and was rolled back: .*no_such_function/,
  );

  const [joined] = await query<{ value: string }>(url, "SELECT hopper_test_join('a', 'b') AS value");
  assert.equal(joined.value, "a;b");
  const names = await query<{ migration_name: string }>(url, "SELECT migration_name FROM _prisma_migrations ORDER BY migration_name");
  assert.deepEqual(
    names.map((row) => row.migration_name),
    [...migrations.map((migration) => migration.name), "29990101000000_function"],
  );
  assert.deepEqual(await query(url, "SELECT to_regclass('\"HalfDone\"') AS half_done"), [{ half_done: null }]);
});

test("refuses a database whose tables were not made by the migrations", async () => {
  const url = await emptyDatabase();
  await query(url, "CREATE TABLE someone_elses (id INT)");
  await assert.rejects(applyMigrations(url), /already has tables \(someone_elses\) but no migration history/);
});

test("refuses to continue after a migration that started but never finished", async () => {
  const url = await emptyDatabase();
  await applyMigrations(url);
  await query(url, "UPDATE _prisma_migrations SET finished_at = NULL");
  await assert.rejects(applyMigrations(url), /started but never finished/);
});

test("waits for the migration lock only as long as it is told to", async () => {
  const url = await emptyDatabase();
  const holder = new pg.Client({ connectionString: url });
  await holder.connect();
  try {
    await holder.query("SELECT pg_advisory_lock(72707369)");
    await assert.rejects(applyMigrations(url, { lockTimeoutMs: 200 }), /Timed out after 200 ms waiting for another process/);
  } finally {
    await holder.end();
  }
  assert.equal((await applyMigrations(url)).length, migrations.length);
});
