/** The JSON error every Hopper route handler answers with: `{ "error": "<message for people>" }`. */
export function jsonError(status: number, message: string): Response {
  return Response.json({ error: message }, { status });
}
