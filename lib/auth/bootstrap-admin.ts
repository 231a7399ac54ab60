import { db, type Database } from "@/lib/db/client";
import { createFirstAdmin, hasAnyUser, UserError } from "@/lib/users";

/**
 * Creates the first administrator from HOPPER_ADMIN_EMAIL and
 * HOPPER_ADMIN_PASSWORD (and optional HOPPER_ADMIN_NAME) when the
 * installation has no accounts yet; otherwise does nothing. Called at start,
 * as an alternative to the /setup page.
 */
export async function ensureBootstrapAdmin(client: Database = db(), env: Record<string, string | undefined> = process.env): Promise<void> {
  const email = env.HOPPER_ADMIN_EMAIL;
  const password = env.HOPPER_ADMIN_PASSWORD;
  if (!email && !password) return;
  if (!email || !password) throw new Error("Set both HOPPER_ADMIN_EMAIL and HOPPER_ADMIN_PASSWORD, or neither.");
  if (await hasAnyUser(client)) return;
  try {
    const admin = await createFirstAdmin({ email, password, name: env.HOPPER_ADMIN_NAME ?? "Administrator" }, client);
    console.log(`Created the first administrator, ${admin.email}, from HOPPER_ADMIN_EMAIL.`);
  } catch (error) {
    // Another process set Hopper up first: that is the state we wanted.
    if (error instanceof UserError && error.code === "SETUP_DONE") return;
    if (error instanceof UserError) throw new Error(`HOPPER_ADMIN_EMAIL/HOPPER_ADMIN_PASSWORD: ${error.message}`, { cause: error });
    throw error;
  }
}
