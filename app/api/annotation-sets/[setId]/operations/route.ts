import { saveRequestSchema, saveResponseStatus } from "@/lib/annotation/sync-protocol";
import { saveOperations } from "@/lib/annotation-sets";
import { annotationSetRoute } from "@/lib/annotation-sets/set-route";
import { readJsonBody } from "@/lib/http/request-guard";

/** A save holds an editor's unsaved operations: a few KiB usually, a whole re-annotated document at most. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Saves a window's operations made on `baseVersion` of the set (the wire
 * contract is lib/annotation/sync-protocol.ts): 200 when they are stored, 409
 * with what the window lacks, or why an operation was refused, when nothing was.
 */
export const POST = annotationSetRoute(
  async ({ request, user, set }) => {
    const body = await readJsonBody(request, { maxBytes: MAX_BODY_BYTES, schema: saveRequestSchema });
    if (!body.ok) return body.response;
    const result = await saveOperations({ setId: set.setId, ...body.value, userId: user.id });
    return Response.json(result, { status: saveResponseStatus(result) });
  },
  { edits: { maxBodyBytes: MAX_BODY_BYTES } },
);
