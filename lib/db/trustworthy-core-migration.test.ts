// The trustworthy-core migration on a database that already holds data:
// existing sets start their numbering from what they hold, existing tagsets
// get the corpus's hopper relation, and two gold sets of one document stop the
// upgrade with a message that says which document, rather than failing on the index.

import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import pg from "pg";
import { readMigrations } from "./migration-files";
import { applyMigrations } from "./migrations";
import { defaultMigrationsDirectory } from "./paths";
import { createTestDatabase, type TestDatabase } from "./test-database";

const MIGRATION = "20261130233216_trustworthy_core";
const databases: TestDatabase[] = [];
const folders: string[] = [];
after(async () => {
  await Promise.all(databases.map((database) => database.drop()));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A database migrated up to (not including) the trustworthy-core migration. */
async function databaseBefore(): Promise<string> {
  const database = await createTestDatabase({ migrate: false });
  databases.push(database);
  const folder = mkdtempSync(path.join(os.tmpdir(), "hopper-migrations-"));
  folders.push(folder);
  cpSync(path.join(defaultMigrationsDirectory(), "migration_lock.toml"), path.join(folder, "migration_lock.toml"));
  for (const { name } of readMigrations(defaultMigrationsDirectory())) {
    if (name >= MIGRATION) break;
    cpSync(path.join(defaultMigrationsDirectory(), name), path.join(folder, name), { recursive: true });
  }
  await applyMigrations(database.url, { migrationsDirectory: folder });
  return database.url;
}

async function run(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

const SEED = `
  INSERT INTO "Project" ("id","name","tagset","updatedAt") VALUES ('00000000-0000-4000-8000-00000000000a', 'Cyber', '{"realis": []}', now());
  INSERT INTO "Document" ("id","projectId","sourcefile","name","content") VALUES ('00000000-0000-4000-8000-00000000000d', '00000000-0000-4000-8000-00000000000a', '1.txt', '1', 'Hackers stole data.');
  INSERT INTO "AnnotationSet" ("id","documentId","kind","status","updatedAt") VALUES ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-00000000000d', 'GOLD', 'IMPORTED', now());
  INSERT INTO "Span" ("id","setId","index","startOffset","endOffset","text") VALUES
    ('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-000000000005', 'T12', 8, 13, 'stole'),
    ('00000000-0000-4000-8000-0000000000f2', '00000000-0000-4000-8000-000000000005', 'T7x', 0, 7, 'Hackers');
  INSERT INTO "Hopper" ("id","setId","index","position") VALUES ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-000000000005', 4, 0);
  INSERT INTO "Event" ("id","setId","hopperId","index","type","subtype","realis","nuggetSpanId","position") VALUES
    ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-0000000000b1', 'E9', 'Attack', 'Databreach', 'Actual', '00000000-0000-4000-8000-0000000000f1', 0);
`;

test("existing sets start from the numbers they hold; existing tagsets get the hopper relation", async () => {
  const url = await databaseBefore();
  await run(url, SEED);
  assert.deepEqual(await applyMigrations(url), [
    MIGRATION,
    ...readMigrations(defaultMigrationsDirectory())
      .map((m) => m.name)
      .filter((name) => name > MIGRATION),
  ]);
  assert.deepEqual(
    await run(url, `SELECT "lastEventNumber"::int AS e, "lastSpanNumber"::int AS t, "lastHopperIndex"::int AS h FROM "AnnotationSet"`),
    [{ e: 9, t: 12, h: 4 }],
  );
  assert.deepEqual(await run(url, `SELECT "tagset" FROM "Project"`), [{ tagset: { realis: [], hopperRelations: ["Same"] } }]);
});

test("two gold sets of one document stop the upgrade with a message naming it, and nothing is half-applied", async () => {
  const url = await databaseBefore();
  await run(url, SEED);
  await run(
    url,
    `INSERT INTO "AnnotationSet" ("id","documentId","kind","status","updatedAt") VALUES ('00000000-0000-4000-8000-000000000006', '00000000-0000-4000-8000-00000000000d', 'GOLD', 'IMPORTED', now())`,
  );
  await assert.rejects(applyMigrations(url), /Document 1\.txt \(00000000-0000-4000-8000-00000000000d\) has 2 gold annotation sets/);
  assert.deepEqual(await run(url, `SELECT count(*)::int AS n FROM information_schema.columns WHERE column_name = 'lastEventNumber'`), [{ n: 0 }]);
});
