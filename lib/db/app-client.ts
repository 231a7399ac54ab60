// The app's Prisma client, loaded on first use: data access that also serves
// the CLI defaults to it, while the CLI passes a pool of its own and so never loads Prisma.

import type { Database } from "./client";

export async function appClient(): Promise<Database> {
  return (await import("./client")).db();
}
