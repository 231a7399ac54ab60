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
const decoded = new Map<string, { sub: string; expiresAt: number }>();
const MAX_DECODED = 1000;

/**
 * The account id in a request's next-auth session cookie, or null when there
 * is none or it is expired, forged or made with another secret. Whether the
 * account may still act is for the caller to check against the database.
 */
export async function sessionUserId(cookies: CookieJar, secret: string = sessionSecret()): Promise<string | null> {
  for (const name of SESSION_COOKIES) {
    const token = cookies.get(name)?.value;
    if (!token) continue;
    const key = `${secret}\u0000${token}`;
    const known = decoded.get(key);
    if (known && known.expiresAt > Date.now()) return known.sub;
    try {
      const payload = await decode({ token, secret });
      if (typeof payload?.sub === "string") {
        if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value!);
        decoded.set(key, { sub: payload.sub, expiresAt: typeof payload.exp === "number" ? payload.exp * 1000 : 0 });
        return payload.sub;
      }
    } catch {
      // An undecryptable or expired token is the same as no session.
    }
  }
  return null;
}
