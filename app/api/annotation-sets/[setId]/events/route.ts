import { annotationSetRoute } from "@/lib/annotation-sets/set-route";
import { setChangeFeed } from "@/lib/annotation-sets/set-changes";
import { findSetForSession } from "@/lib/annotation-sets/set-access";
import { setEventStream } from "@/lib/annotation-sets/set-event-stream";

/** The set's new versions as they are saved, pushed to a viewer (Server-Sent Events); see lib/annotation-sets/set-event-stream.ts. */
export const GET = annotationSetRoute(({ request, user, set }) =>
  Promise.resolve(
    setEventStream({
      setId: set.setId,
      version: set.version,
      feed: setChangeFeed(),
      stillAllowed: async () => (await findSetForSession(user.id, set.setId)).visible !== null,
      signal: request.signal,
    }),
  ),
);
