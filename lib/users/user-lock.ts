import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/lib/db/client";

// An arbitrary constant naming "changes to who may administer Hopper" among advisory locks.
const USER_ADMINISTRATION_LOCK = 4_815_162_342;

/**
 * Runs `work` in a transaction holding a database-wide advisory lock, so
 * checks such as "no user exists yet" or "another admin remains" cannot be
 * invalidated by a concurrent request between the check and the write,
 * whichever process serves it.
 */
export function withUserAdministrationLock<T>(client: Database, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return client.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${USER_ADMINISTRATION_LOCK})`);
    return work(tx);
  });
}
