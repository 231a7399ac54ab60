import type { LoadResponse } from "@/lib/annotation/sync-protocol";
import { loadSetForReading, operationsSince } from "@/lib/annotation-sets";
import { annotationSetRoute } from "@/lib/annotation-sets/set-route";
import { jsonError } from "@/lib/http/json-error";

const PRIVATE = { "Cache-Control": "private, no-store" };

/**
 * The set as a window starts from it (lib/annotation/sync-protocol.ts's
 * LoadResponse). With `?since=<version>`: the operations saved after that
 * version, paged, for a window catching up.
 */
export const GET = annotationSetRoute(async ({ request, set, access }) => {
  const since = new URL(request.url).searchParams.get("since");
  if (since !== null) {
    if (!/^\d{1,9}$/.test(since)) return jsonError(400, "invalid-request", `since must be a version number, not ${JSON.stringify(since)}.`);
    const log = await operationsSince(set.setId, Number(since));
    return log ? Response.json(log, { headers: PRIVATE }) : jsonError(404, "not-found", "No such annotation set.");
  }
  const state = await loadSetForReading(set.setId);
  if (!state) return jsonError(404, "not-found", "No such annotation set.");
  const { version, kind, numbering, document } = state;
  const body: LoadResponse = { setId: set.setId, kind, version, numbering, document, canEdit: access.level === "edit" };
  return Response.json(body, { headers: PRIVATE });
});
