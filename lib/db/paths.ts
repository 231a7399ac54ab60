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

/** Where the embedded PostgreSQL's programs and the app's cluster are found or put. */
export interface EmbeddedLocations {
  /** The clone: its node_modules holds the programs, its `.data/postgres` the app's cluster. */
  repository: string;
  /** Run as root, copies of the programs the postgres user cannot run inside the clone. */
  binaryCache: string;
  /** Run as root, the clusters of clones the postgres user cannot enter. */
  clusters: string;
}

export function defaultEmbeddedLocations(): EmbeddedLocations {
  return { repository: process.cwd(), binaryCache: "/var/cache/hopper", clusters: "/var/lib/hopper" };
}

/** The app's cluster in the clone (or the link to it, see appClusterDirectory). */
export function cloneClusterDirectory(repository: string): string {
  return path.join(repository, ".data", "postgres");
}
