// Passwords after an account exists: its owner changes theirs (knowing the
// current one), an administrator resets someone's to a generated one, shown
// once, which its owner is then asked to replace at their next sign-in.

import type { CurrentUser } from "@/lib/auth/access";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { generatePassword } from "./generate-password";
import { passwordSchema } from "./user-input";

export type AccountRefusal = { ok: false; code: "signed-out" | "forbidden" | "not-found" | "invalid" | "wrong-password"; error: string };

const SIGNED_OUT: AccountRefusal = { ok: false, code: "signed-out", error: "Sign in to continue." };

/** The signed-in user's new password, when `current` is their password now; clears a reset's request for a new one. */
export async function changeOwnPassword(
  actor: CurrentUser | null,
  input: { current: string; next: string; confirm: string },
  client: Database = db(),
): Promise<{ ok: true } | AccountRefusal> {
  if (!actor) return SIGNED_OUT;
  const next = passwordSchema.safeParse(input.next);
  if (!next.success) return { ok: false, code: "invalid", error: next.error.issues[0].message };
  if (input.next !== input.confirm) return { ok: false, code: "invalid", error: "The new passwords do not match." };
  if (input.next === input.current) return { ok: false, code: "invalid", error: "Choose a password other than the current one." };
  const user = await client.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true, disabled: true } });
  if (!user || user.disabled) return SIGNED_OUT;
  if (!(await verifyPassword(user.passwordHash, input.current)))
    return { ok: false, code: "wrong-password", error: "The current password is wrong." };
  const passwordHash = await hashPassword(next.data);
  // Only over the hash just verified: two changes at once cannot both pass with the same old password.
  const { count } = await client.user.updateMany({
    where: { id: actor.id, passwordHash: user.passwordHash },
    data: { passwordHash, mustChangePassword: false },
  });
  return count ? { ok: true } : { ok: false, code: "wrong-password", error: "The password was changed meanwhile: sign in again." };
}

/** An administrator gives the account a generated password (returned, to be shown once); its owner must then choose a new one. */
export async function resetPassword(
  actor: CurrentUser | null,
  userId: string,
  client: Database = db(),
): Promise<{ ok: true; email: string; password: string } | AccountRefusal> {
  if (!actor) return SIGNED_OUT;
  if (actor.role !== "ADMIN") return { ok: false, code: "forbidden", error: "Only administrators reset passwords." };
  if (actor.id === userId) return { ok: false, code: "forbidden", error: "Change your own password on your account page." };
  if (!isRecordId(userId)) return { ok: false, code: "not-found", error: "That account no longer exists." };
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const { count } = await client.user.updateMany({
    where: { id: userId },
    data: { passwordHash, mustChangePassword: true, sessionEpoch: { increment: 1 } },
  });
  if (!count) return { ok: false, code: "not-found", error: "That account no longer exists." };
  const { email } = await client.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  return { ok: true, email, password };
}
