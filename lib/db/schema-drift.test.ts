import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import pg from "pg";
import { testServerUrl } from "./database-url";
import { defaultMigrationsDirectory, defaultSchemaPath } from "./paths";
import { checkDrift, diffFromMigrationsToSchema } from "./schema-engine";
import { createTestDatabase, type TestDatabase } from "./test-database";

// The proof that prisma/migrations builds exactly the database prisma/schema.prisma describes,
// checked with Prisma's own schema engine. When it fails, write the missing migration with
// `tsx scripts/db-migration.ts <name>`.

let database: TestDatabase;

before(async () => {
  database = await createTestDatabase();
});

after(async () => {
  await database.drop();
});

async function databaseNames(): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return new Set((await client.query<{ datname: string }>("SELECT datname FROM pg_database")).rows.map((row) => row.datname));
  } finally {
    await client.end();
  }
}

test("a freshly migrated database has no drift from schema.prisma", async () => {
  assert.deepEqual(await checkDrift(database.url), { inSync: true, sql: "" });
});

test("the migrations need no new migration to match schema.prisma, and leave no database behind", async () => {
  const databasesBefore = await databaseNames();
  assert.equal(await diffFromMigrationsToSchema(testServerUrl()), "");
  const ours = /^(prisma_migrate_shadow_db_|hopper_schema_engine_)/;
  const left = [...(await databaseNames())].filter((name) => ours.test(name) && !databasesBefore.has(name));
  assert.deepEqual(left, []);
});

test("a change to the schema gives the migration SQL it needs", async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "hopper-schema-"));
  try {
    const schemaPath = path.join(folder, "schema.prisma");
    const schema = readFileSync(defaultSchemaPath(), "utf8");
    writeFileSync(schemaPath, schema.replace(/(model LoginAttempt \{\n)/, "$1  note String?\n"));
    assert.equal(
      await diffFromMigrationsToSchema(testServerUrl(), { schemaPath }),
      '-- AlterTable\nALTER TABLE "LoginAttempt" ADD COLUMN     "note" TEXT;\n',
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("migrations with `$$` function bodies replay whole in the engine's shadow database", async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "hopper-migrations-"));
  try {
    cpSync(defaultMigrationsDirectory(), folder, { recursive: true });
    mkdirSync(path.join(folder, "29990101000000_function"));
    const body = "CREATE FUNCTION hopper_join(a TEXT, b TEXT) RETURNS TEXT AS $$\nBEGIN\n  RETURN a || ';' || b;\nEND;\n$$ LANGUAGE plpgsql;\n";
    writeFileSync(path.join(folder, "29990101000000_function", "migration.sql"), body);
    assert.equal(await diffFromMigrationsToSchema(testServerUrl(), { migrationsDirectory: folder }), "");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("drift is reported with the SQL that would repair it", async () => {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('ALTER TABLE "User" DROP COLUMN "name"');
  } finally {
    await client.end();
  }
  const drift = await checkDrift(database.url);
  assert.equal(drift.inSync, false);
  assert.match(drift.sql, /ALTER TABLE "User" ADD COLUMN\s+"name" TEXT NOT NULL DEFAULT ''/);
});
