import { decode } from "next-auth/jwt";
import { sessionSecret } from "./session-secret";

// next-auth names the cookie with the __Secure- prefix when it runs over HTTPS.
// The token holds only an id, so it is never split into numbered chunks.
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

interface CookieJar {
  get(name: string): { value: string } | undefined;
}

/**
 * Tokens decoded lately, by secret and token: decoding derives the key with
 * HKDF each time, the largest cost of a save's request, and an editor sends
 * the same token with every save. Expiry is still checked on every use.
 */
const decoded = new Map<string, { session: Session; expiresAt: number }>();
const MAX_DECODED = 1000;

/** A session as its token names it: the account, and the account's session epoch when it signed in (0 in tokens older than epochs). */
export interface Session {
  userId: string;
  epoch: number;
}

/**
 * The session in a request's next-auth session cookie, or null when there is
 * none or it is expired, forged or made with another secret. Whether the
 * account may still act (and the epoch is still its own) is for the caller to
 * check against the database.
 */
export async function readSession(cookies: CookieJar, secret: string = sessionSecret()): Promise<Session | null> {
  for (const name of SESSION_COOKIES) {
    const token = cookies.get(name)?.value;
    if (!token) continue;
    const key = `${secret}\u0000${token}`;
    const known = decoded.get(key);
    if (known && known.expiresAt > Date.now()) return known.session;
    try {
      const payload = await decode({ token, secret });
      if (typeof payload?.sub === "string") {
        const session = { userId: payload.sub, epoch: typeof payload.epoch === "number" ? payload.epoch : 0 };
        if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value!);
        decoded.set(key, { session, expiresAt: typeof payload.exp === "number" ? payload.exp * 1000 : 0 });
        return session;
      }
    } catch {
      // An undecryptable or expired token is the same as no session.
    }
  }
  return null;
}
