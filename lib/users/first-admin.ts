import { db, type Database } from "@/lib/db/client";
import { insertUser, prepareNewUser } from "./create-user";
import { UserError } from "./user-error";
import { withUserAdministrationLock } from "./user-lock";
import type { UserSummary } from "./user-summary";

/**
 * Creates the administrator of a fresh installation. The check for existing
 * accounts and the insert run under one lock, so of two concurrent setups
 * exactly one succeeds and the other gets UserError("SETUP_DONE").
 */
export async function createFirstAdmin(input: { email: string; name: string; password: string }, client: Database = db()): Promise<UserSummary> {
  const admin = await prepareNewUser({ ...input, role: "ADMIN" });
  return withUserAdministrationLock(client, async (tx) => {
    if ((await tx.user.count()) > 0) throw new UserError("SETUP_DONE", "Hopper is already set up; sign in instead.");
    return insertUser(admin, tx);
  });
}
