import { annotationSetRoute } from "@/lib/annotation-sets/set-route";
import { readSetHistory } from "@/lib/annotation-sets/set-history";
import { versionParameter } from "@/lib/annotation-sets/version-parameter";
import { jsonError } from "@/lib/http/json-error";

/** The set's changes in words, newest first, a page at a time (`?before=<version>` for older ones); see lib/annotation-sets/set-history.ts. */
export const GET = annotationSetRoute(async ({ request, set }) => {
  const before = versionParameter(new URL(request.url), "before");
  if (before !== null && typeof before === "object") return jsonError(400, "invalid-request", before.error);
  return Response.json(await readSetHistory(set.setId, { before }), { headers: { "Cache-Control": "private, no-store" } });
});
