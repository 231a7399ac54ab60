import { db, type Database } from "@/lib/db/client";
import { normalizeEmail } from "@/lib/users";

/** Failed sign-ins allowed within the window, per account and per client address. */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 } as const;

export interface LoginSource {
  email: string;
  address: string;
}

export type LoginAllowance = { allowed: true } | { allowed: false; retryAfterMs: number };

const accountKey = (email: string) => `email:${normalizeEmail(email)}`;
const addressKey = (address: string) => `ip:${address}`;

/** When the key's count of failures inside the window drops below `limit`, or null if it already is below. */
async function blockedUntil(client: Database, key: string, limit: number, now: Date): Promise<number | null> {
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const recent = await client.loginAttempt.findMany({
    where: { key, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  if (recent.length < limit) return null;
  // Once the limit-th newest failure leaves the window, fewer than `limit` remain.
  return recent[limit - 1].createdAt.getTime() + LOGIN_LIMITS.windowMs;
}

/** Whether a sign-in may be tried now; the lockouts are stored in the database, so every process agrees. */
export async function checkLoginAllowed(source: LoginSource, client: Database = db(), now = new Date()): Promise<LoginAllowance> {
  const until = await Promise.all([
    blockedUntil(client, accountKey(source.email), LOGIN_LIMITS.perAccount, now),
    blockedUntil(client, addressKey(source.address), LOGIN_LIMITS.perAddress, now),
  ]);
  const latest = Math.max(...until.map((time) => time ?? 0));
  return latest > now.getTime() ? { allowed: false, retryAfterMs: latest - now.getTime() } : { allowed: true };
}

/** Counts a failed sign-in against the account and the address, and forgets failures older than the window. */
export async function recordLoginFailure(source: LoginSource, client: Database = db(), now = new Date()): Promise<void> {
  await client.loginAttempt.createMany({
    data: [
      { key: accountKey(source.email), createdAt: now },
      { key: addressKey(source.address), createdAt: now },
    ],
  });
  await client.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - LOGIN_LIMITS.windowMs) } } });
}

/** A successful sign-in forgives the account's failures (not the address's: it may be guessing other accounts). */
export async function clearAccountFailures(email: string, client: Database = db()): Promise<void> {
  await client.loginAttempt.deleteMany({ where: { key: accountKey(email) } });
}
