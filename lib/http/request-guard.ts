import type { z } from "zod";
import { jsonError } from "./json-error";

type Env = Record<string, string | undefined>;

function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

function tooLarge(maxBytes: number): Response {
  return jsonError(413, "too-large", `Request body too large: the limit is ${describeBytes(maxBytes)}.`);
}

/** The host the client addressed: the proxy's X-Forwarded-Host when it is trusted, else Host. */
function requestHost(request: Request, env: Env): string {
  const forwarded = env.HOPPER_TRUST_PROXY === "1" ? request.headers.get("x-forwarded-host")?.split(",")[0].trim() : undefined;
  return forwarded || request.headers.get("host") || new URL(request.url).host;
}

function sameHost(origin: URL, host: string): boolean {
  try {
    // Parsed with the origin's scheme so an explicit default port (`:443`) compares equal to none.
    return new URL(`${origin.protocol}//${host}`).host === origin.host;
  } catch {
    return false;
  }
}

/**
 * Refuses a request that a page on another site could have made with the
 * user's cookies. Browsers send Origin with every state-changing request; a
 * request without it comes from a non-browser client (which cannot ride on a
 * victim's cookies) unless Sec-Fetch-Site says it crossed sites.
 */
function checkOrigin(request: Request, env: Env): Response | null {
  const origin = request.headers.get("origin");
  if (origin === null) {
    const site = request.headers.get("sec-fetch-site");
    return site === "cross-site" || site === "same-site" ? jsonError(403, "cross-origin", "Cross-origin request refused.") : null;
  }
  const host = requestHost(request, env);
  let originUrl: URL | undefined;
  try {
    originUrl = new URL(origin);
  } catch {
    // "null" (sandboxed frames, some redirects) and garbage are refused below.
  }
  if (originUrl && sameHost(originUrl, host)) return null;
  return jsonError(403, "cross-origin", `Cross-origin request refused: Origin ${origin} does not match this server (${host}).`);
}

/**
 * The checks every state-changing route handler starts with (Next.js gives
 * route handlers no CSRF protection): same-origin, and a declared body no
 * larger than `maxBytes`. Returns null when the request may proceed, else the
 * 403 or 413 response to send. Read the body with readBodyBytes or
 * readJsonBody, which enforce the cap on the bytes actually sent.
 */
export function checkMutationRequest(request: Request, limits: { maxBytes: number }, env: Env = process.env): Response | null {
  const refused = checkOrigin(request, env);
  if (refused) return refused;
  const declared = Number(request.headers.get("content-length") ?? 0);
  return declared > limits.maxBytes ? tooLarge(limits.maxBytes) : null;
}

/** The request body, or a 413 response as soon as more than `maxBytes` arrive (Content-Length may lie or be absent). */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | Response> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export type JsonBody<T> = { ok: true; value: T } | { ok: false; response: Response };

/**
 * Reads a JSON body of at most `maxBytes`, validated by `schema` when given.
 * Failures come back as responses: 415 (not JSON), 413 (too large), 400
 * (malformed or invalid, naming the first problem).
 */
export async function readJsonBody<T = unknown>(request: Request, options: { maxBytes: number; schema?: z.ZodType<T> }): Promise<JsonBody<T>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return { ok: false, response: jsonError(415, "unsupported-media-type", "Expected a JSON body (Content-Type: application/json).") };
  }
  const bytes = await readBodyBytes(request, options.maxBytes);
  if (bytes instanceof Response) return { ok: false, response: bytes };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, response: jsonError(400, "invalid-json", "Request body is not valid JSON.") };
  }
  if (!options.schema) return { ok: true, value: value as T };
  const parsed = options.schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
  return { ok: false, response: jsonError(400, "invalid-request", `Invalid request: ${where}${issue.message}`) };
}
