/** Stands for every client when their address cannot be trusted, so they share one limit. */
export const UNKNOWN_CLIENT_ADDRESS = "unknown";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The address a request came from, for rate limiting. X-Forwarded-For's first
 * entry is used only behind a trusted proxy (HOPPER_TRUST_PROXY=1): otherwise
 * any client could write it, and Next.js fills it from the socket only when
 * the client did not. Route handlers have no other view of the socket.
 */
export function clientAddress(headers: HeaderSource, env: Record<string, string | undefined> = process.env): string {
  if (env.HOPPER_TRUST_PROXY !== "1") return UNKNOWN_CLIENT_ADDRESS;
  const first = readHeader(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  return first || UNKNOWN_CLIENT_ADDRESS;
}
