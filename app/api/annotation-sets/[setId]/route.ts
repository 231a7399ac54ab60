import type { LoadResponse } from "@/lib/annotation/sync-protocol";
import { findVisibleSet, loadAnnotationSet, operationsSince } from "@/lib/annotation-sets";
import { requireApiUser } from "@/lib/auth/access";
import { jsonError } from "@/lib/http/json-error";

const PRIVATE = { "Cache-Control": "private, no-store" };

/**
 * The set's document and version, and whether the user may edit it. With
 * `?since=<version>`: only the set's version and the operations saved after
 * that version, for a client catching up.
 */
export async function GET(request: Request, { params }: { params: Promise<{ setId: string }> }) {
  const user = await requireApiUser(request);
  if (user instanceof Response) return user;
  const { setId } = await params;
  const visible = await findVisibleSet(user, setId);
  if (!visible) return jsonError(404, "No such annotation set.");

  const since = new URL(request.url).searchParams.get("since");
  if (since !== null) {
    if (!/^\d{1,15}$/.test(since)) return jsonError(400, `since must be a version number, not ${JSON.stringify(since)}.`);
    const log = await operationsSince(setId, Number(since));
    return log ? Response.json(log, { headers: PRIVATE }) : jsonError(404, "No such annotation set.");
  }
  const state = await loadAnnotationSet(setId);
  if (!state) return jsonError(404, "No such annotation set.");
  const { version, kind, numbering, document } = state;
  const body: LoadResponse = { setId, kind, version, numbering, document, canEdit: visible.access.level === "edit" };
  return Response.json(body, { headers: PRIVATE });
}
