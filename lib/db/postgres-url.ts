import type { PoolConfig } from "pg";

/**
 * The connection fields of a `postgresql://user:password@host:port/database`
 * URL. What the URL leaves out stays undefined, so pg fills it in exactly as
 * it does for the URL itself (PGUSER, the OS user, …).
 */
export type ConnectionFields = Pick<PoolConfig, "host" | "port" | "user" | "password" | "database">;

export function connectionFields(databaseUrl: string): ConnectionFields {
  const url = parsePostgresUrl(databaseUrl);
  return {
    // `?host=/run/postgresql` names a socket directory, as libpq allows.
    host: url.searchParams.get("host") ?? (decodeURIComponent(url.hostname.replace(/^\[|\]$/g, "")) || undefined),
    port: url.port ? Number(url.port) : undefined,
    user: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
  };
}

/** The URL of another database on the same server, with the same credentials. */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = parsePostgresUrl(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

function parsePostgresUrl(databaseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error("The database URL is not a valid URL (expected postgresql://user:password@host:port/database).");
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new Error(`The database URL must start with postgresql:// (got ${url.protocol}//).`);
  }
  return url;
}
