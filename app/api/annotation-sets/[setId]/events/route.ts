import { clientIdSchema } from "@/lib/annotation/sync-protocol";
import { findSetForSession } from "@/lib/annotation-sets/set-access";
import { setChangeFeed } from "@/lib/annotation-sets/set-changes";
import { setEventStream } from "@/lib/annotation-sets/set-event-stream";
import { annotationSetRoute } from "@/lib/annotation-sets/set-route";
import { permissionsInProject } from "@/lib/auth/policy";
import { jsonError } from "@/lib/http/json-error";
import { enterPresence, leavePresence, readPresence, touchPresence } from "@/lib/presence/presence-store";
import { presenceViews } from "@/lib/presence/presence-views";

/**
 * The set's new versions as they are saved, pushed to a viewer (Server-Sent
 * Events; see lib/annotation-sets/set-event-stream.ts). With `?client=<id>`,
 * the viewer's window is present on the document while the stream is open,
 * and the stream tells it who else is there.
 */
export const GET = annotationSetRoute(({ request, session, user, set }) => {
  const client = new URL(request.url).searchParams.get("client");
  if (client !== null && !clientIdSchema.safeParse(client).success)
    return Promise.resolve(jsonError(400, "invalid-request", "client must be a window's client id."));
  const window = client && { clientId: client, userId: user.id, setId: set.setId, documentId: set.documentId };
  return Promise.resolve(
    setEventStream({
      setId: set.setId,
      version: set.version,
      feed: setChangeFeed(),
      stillAllowed: async () => (await findSetForSession(session, set.setId)).visible !== null,
      signal: request.signal,
      presence: window
        ? {
            documentId: set.documentId,
            enter: () => enterPresence(window),
            touch: () => touchPresence([window.clientId]),
            leave: () => leavePresence(window.clientId, user.id),
            visibleWindows: async () =>
              presenceViews(
                { actor: user, permissions: await permissionsInProject(user, set.projectId), setId: set.setId, clientId: window.clientId },
                await readPresence(set.documentId),
              ),
          }
        : undefined,
    }),
  );
});
