import { saveRequestSchema } from "@/lib/annotation/sync-protocol";
import { AnnotationSetNotFoundError, findVisibleSet, saveOperations } from "@/lib/annotation-sets";
import { requireApiUser } from "@/lib/auth/access";
import { jsonError } from "@/lib/http/json-error";
import { checkMutationRequest, readJsonBody } from "@/lib/http/request-guard";

/** A save holds an editor's unsaved operations: a few KiB usually, a whole re-annotated document at most. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Saves a window's operations made on `baseVersion` of the set (the wire
 * contract is lib/annotation/sync-protocol.ts): 200 when they are stored, 409
 * with what the window lacks, or why an operation was refused, when nothing was.
 */
export async function POST(request: Request, { params }: { params: Promise<{ setId: string }> }) {
  const refused = checkMutationRequest(request, { maxBytes: MAX_BODY_BYTES });
  if (refused) return refused;
  const user = await requireApiUser(request);
  if (user instanceof Response) return user;
  const { setId } = await params;
  const visible = await findVisibleSet(user, setId);
  if (!visible) return jsonError(404, "No such annotation set.");
  if (visible.access.level !== "edit") return jsonError(403, visible.access.whyNotEdit);

  const body = await readJsonBody(request, { maxBytes: MAX_BODY_BYTES, schema: saveRequestSchema });
  if (!body.ok) return body.response;
  try {
    const result = await saveOperations({ setId, ...body.value, userId: user.id });
    return Response.json(result, { status: result.status === "saved" ? 200 : 409 });
  } catch (error) {
    if (error instanceof AnnotationSetNotFoundError) return jsonError(404, "No such annotation set.");
    throw error;
  }
}
