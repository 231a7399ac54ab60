// The JSON error every Hopper route handler answers with: a message for people
// and a code for programs, `{ "error": "…", "code": "…" }` (lib/annotation/sync-protocol.ts's ErrorBody).

export type ErrorCode =
  | "signed-out"
  | "forbidden"
  | "not-found"
  | "cross-origin"
  | "too-large"
  | "unsupported-media-type"
  | "invalid-json"
  | "invalid-request"
  | "rate-limited"
  | "conflict";

export function jsonError(status: number, code: ErrorCode, message: string): Response {
  return Response.json({ error: message, code }, { status });
}
