import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import pg from "pg";
import { testServerUrl } from "./database-url";
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
