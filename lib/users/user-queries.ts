import type { Role } from "@/generated/prisma/enums";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { USER_SUMMARY_FIELDS, type UserSummary } from "./user-summary";

export function listUsers(client: Database = db()): Promise<UserSummary[]> {
  return client.user.findMany({ select: USER_SUMMARY_FIELDS, orderBy: { email: "asc" } });
}

/**
 * The account behind a session, or null when it was deleted or disabled, or
 * the session's `epoch` is not the account's any more (a password reset): each
 * signs it out. `mustChangePassword` is there only when an administrator reset
 * the password and the account has not chosen a new one yet.
 */
export async function findActiveUser(
  userId: string,
  client: Database = db(),
  epoch = 0,
): Promise<{ id: string; email: string; name: string; role: Role; mustChangePassword?: true } | null> {
  if (!isRecordId(userId)) return null;
  const user = await client.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, disabled: true, mustChangePassword: true, sessionEpoch: true },
  });
  if (!user || user.disabled || user.sessionEpoch !== epoch) return null;
  const active = { id: user.id, email: user.email, name: user.name, role: user.role };
  return user.mustChangePassword ? { ...active, mustChangePassword: true } : active;
}

/** False only on a fresh installation, which must be set up before anyone can sign in. */
export async function hasAnyUser(client: Database = db()): Promise<boolean> {
  return (await client.user.findFirst({ select: { id: true } })) !== null;
}
