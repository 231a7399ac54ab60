import type { PoolConfig } from "pg";

/** Connection fields of a `postgresql://user:password@host:port/database` URL. */
export type ConnectionFields = Required<Pick<PoolConfig, "host" | "port" | "user" | "database">> &
  Pick<PoolConfig, "password">;

export function connectionFields(databaseUrl: string): ConnectionFields {
  const url = parsePostgresUrl(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  return {
    // `?host=/run/postgresql` names a socket directory, as libpq allows.
    host: url.searchParams.get("host") ?? (decodeURIComponent(url.hostname.replace(/^\[|\]$/g, "")) || "localhost"),
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username) || "postgres",
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: database || "postgres",
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
