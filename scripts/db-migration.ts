// `tsx scripts/db-migration.ts <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that brings the migrations up to prisma/schema.prisma, as `prisma migrate dev
// --create-only` would (that command needs Prisma's native engine, which cannot run here).
// The migrations are replayed in a temporary database on DATABASE_URL's server, or on a
// throwaway embedded PostgreSQL when DATABASE_URL is unset.

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startThrowawayServer } from "@/lib/db/database-url";
import { LOCK_FILE, LOCK_FILE_CONTENT } from "@/lib/db/migration-files";
import { defaultMigrationsDirectory } from "@/lib/db/paths";
import { diffFromMigrationsToSchema } from "@/lib/db/schema-engine";

/** Prisma's folder names: a UTC timestamp, then the name in snake case. */
function folderName(name: string, now = new Date()): string {
  const timestamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  return `${timestamp}_${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "")}`;
}

async function main(): Promise<void> {
  const name = process.argv[2] ?? "";
  if (!/[a-z0-9]/i.test(name)) {
    console.error("Usage: tsx scripts/db-migration.ts <name>   (e.g. add_document_tags)");
    process.exit(2);
  }
  const server = await startThrowawayServer();
  let sql: string;
  try {
    sql = await diffFromMigrationsToSchema(server.url);
  } finally {
    await server.stop();
  }
  if (!sql) {
    console.log("The migrations already match prisma/schema.prisma: no migration written.");
    return;
  }
  const directory = defaultMigrationsDirectory();
  const folder = path.join(directory, folderName(name));
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), sql);
  if (!existsSync(path.join(directory, LOCK_FILE))) writeFileSync(path.join(directory, LOCK_FILE), LOCK_FILE_CONTENT);
  console.log(`Wrote ${path.relative(process.cwd(), folder)}/migration.sql: read it (and any warnings at its top) before committing.`);
}

main().catch((error) => {
  console.error(`db-migration: ${(error as Error).message}`);
  process.exit(1);
});
