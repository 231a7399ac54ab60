/** Stands for clients whose request names no address at all. */
export const UNKNOWN_CLIENT_ADDRESS = "unknown";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The address a request came from, for rate limiting. Route handlers have no
 * view of the socket: Next.js fills X-Forwarded-For from it when the client
 * sent none. Behind a trusted proxy (HOPPER_TRUST_PROXY=1) the first entry is
 * the client the proxy saw; without one it is the socket's address for every
 * honest client. A client that forges the header only escapes the per-address
 * limit (the per-account limit still holds) — far better than one shared key
 * for everybody, which would let anyone lock every account out.
 */
export function clientAddress(headers: HeaderSource, env: Record<string, string | undefined> = process.env): string {
  const entries = readHeader(headers, "x-forwarded-for")?.split(",") ?? [];
  const chosen = env.HOPPER_TRUST_PROXY === "1" ? entries[0] : entries.at(-1);
  return chosen?.trim() || UNKNOWN_CLIENT_ADDRESS;
}
