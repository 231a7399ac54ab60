import path from "node:path";

/**
 * Where Hopper's database files live. Paths are taken from the working
 * directory: npm scripts, `next start` and the tests all run from the
 * repository root (a module-relative path would point into `.next` once
 * Next bundles the code).
 */

export function defaultMigrationsDirectory(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

export function defaultSchemaPath(): string {
  return path.join(process.cwd(), "prisma", "schema.prisma");
}

export function defaultEmbeddedDataDirectory(): string {
  return path.join(process.cwd(), ".data", "postgres");
}
