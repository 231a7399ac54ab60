// The database URL a running app was started with (scripts/start.ts sets it,
// embedded PostgreSQL or not). Apart from client.ts: the change feed needs it
// too, without loading Prisma.

export function requiredDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Hopper with `npm start` or set it to a PostgreSQL URL.");
  return url;
}
