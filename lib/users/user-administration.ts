import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { db, type Database } from "@/lib/db/client";
import { UserError } from "./user-error";
import { withUserAdministrationLock } from "./user-lock";
import { USER_SUMMARY_FIELDS, type UserSummary } from "./user-summary";

async function findTarget(tx: Prisma.TransactionClient, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: USER_SUMMARY_FIELDS });
  if (!user) throw new UserError("NOT_FOUND", "That account no longer exists.");
  return user;
}

/** Refuses a change that would leave no enabled administrator to manage Hopper. */
async function ensureAnotherActiveAdmin(tx: Prisma.TransactionClient, target: UserSummary): Promise<void> {
  if (target.role !== "ADMIN" || target.disabled) return;
  const others = await tx.user.count({ where: { role: "ADMIN", disabled: false, id: { not: target.id } } });
  if (others === 0) {
    throw new UserError("LAST_ADMIN", `${target.email} is the last active administrator; make another account an administrator first.`);
  }
}

/** Changes an account's role. An administrator cannot change their own role, and the last active administrator stays one. */
export function setUserRole(actorId: string, userId: string, role: Role, client: Database = db()): Promise<UserSummary> {
  return withUserAdministrationLock(client, async (tx) => {
    const target = await findTarget(tx, userId);
    if (target.role === role) return target;
    if (actorId === userId) throw new UserError("SELF_CHANGE", "You cannot change your own role; ask another administrator.");
    if (role !== "ADMIN") await ensureAnotherActiveAdmin(tx, target);
    return tx.user.update({ where: { id: userId }, data: { role }, select: USER_SUMMARY_FIELDS });
  });
}

/** Disables or re-enables an account; a disabled account is signed out at once. Nobody can disable themselves or the last active administrator. */
export function setUserDisabled(actorId: string, userId: string, disabled: boolean, client: Database = db()): Promise<UserSummary> {
  return withUserAdministrationLock(client, async (tx) => {
    const target = await findTarget(tx, userId);
    if (target.disabled === disabled) return target;
    if (disabled) {
      if (actorId === userId) throw new UserError("SELF_CHANGE", "You cannot disable your own account.");
      await ensureAnotherActiveAdmin(tx, target);
    }
    return tx.user.update({ where: { id: userId }, data: { disabled }, select: USER_SUMMARY_FIELDS });
  });
}
