import { annotationSetRoute } from "@/lib/annotation-sets/set-route";
import { readJsonBody } from "@/lib/http/request-guard";
import { jsonError } from "@/lib/http/json-error";
import { presenceRequestSchema } from "@/lib/presence/presence-protocol";
import { movePresence } from "@/lib/presence/presence-store";

const MAX_BODY_BYTES = 1024;

/**
 * The viewer's window is on another event now. The window is present while its
 * stream (…/events?client=) is open; this only says where it is, and never
 * touches the set's annotations, log or undo history.
 */
export const POST = annotationSetRoute(
  async ({ request, user }) => {
    const body = await readJsonBody(request, { maxBytes: MAX_BODY_BYTES, schema: presenceRequestSchema });
    if (!body.ok) return body.response;
    const moved = await movePresence(body.value.clientId, user.id, body.value.eventIndex);
    return moved
      ? new Response(null, { status: 204 })
      : jsonError(404, "not-found", "No open window of yours has this client id: open the set's stream first.");
  },
  { viewerPosts: { maxBodyBytes: MAX_BODY_BYTES } },
);
