import { db, type Database } from "@/lib/db/client";
import { normalizeEmail } from "@/lib/users";
import { checkLoginAllowed, clearAccountFailures, recordLoginFailure } from "./login-rate-limit";
import { hashPassword, verifyPassword } from "./password";
import type { SignInFailure } from "./sign-in-error";

export type PasswordSignIn = { ok: true; userId: string; sessionEpoch: number } | ({ ok: false } & SignInFailure);

let decoyHash: Promise<string> | undefined;

/** A real hash to verify against for unknown emails, so response times do not reveal which accounts exist. */
function decoy(): Promise<string> {
  decoyHash ??= hashPassword("decoy password that matches no account");
  return decoyHash;
}

/**
 * Checks an email and password, within the per-account and per-address
 * limits on failed attempts. A wrong password counts against both; a correct
 * one clears the account's count. A disabled account with the right password
 * is told so rather than counted.
 */
export async function signInWithPassword(
  attempt: { email: string; password: string; address: string },
  client: Database = db(),
  now = new Date(),
): Promise<PasswordSignIn> {
  const source = { email: normalizeEmail(attempt.email), address: attempt.address };
  const allowance = await checkLoginAllowed(source, client, now);
  if (!allowance.allowed) return { ok: false, reason: "rate-limited", retryAfterMinutes: Math.ceil(allowance.retryAfterMs / 60_000) };

  const user = await client.user.findUnique({
    where: { email: source.email },
    select: { id: true, passwordHash: true, disabled: true, sessionEpoch: true },
  });
  const matches = await verifyPassword(user?.passwordHash ?? (await decoy()), attempt.password);
  if (!user || !matches) {
    await recordLoginFailure(source, client, now);
    return { ok: false, reason: "invalid" };
  }
  if (user.disabled) return { ok: false, reason: "disabled" };
  await clearAccountFailures(source.email, client);
  return { ok: true, userId: user.id, sessionEpoch: user.sessionEpoch };
}
