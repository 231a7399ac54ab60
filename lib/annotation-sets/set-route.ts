// The one wrapper of /api/annotation-sets/:setId route handlers: the session,
// the Origin and body-size checks of a change, the set's lookup with what the
// user may do (one query), the rate limit of saves, the refusals and the
// error mapping, written once.

import { requestSession, signedOut, type CurrentUser } from "@/lib/auth/access";
import type { Session } from "@/lib/auth/session-token";
import { jsonError } from "@/lib/http/json-error";
import { tokenBucket } from "@/lib/http/rate-limit";
import { checkMutationRequest } from "@/lib/http/request-guard";
import { AnnotationSetNotFoundError, SetNotEditableError } from "./save-operations";
import { findSetForSession, type VisibleSet } from "./set-access";

export interface SetRequest extends VisibleSet {
  request: Request;
  session: Session;
  user: CurrentUser;
}

type Handler = (request: Request, context: { params: Promise<{ setId: string }> }) => Promise<Response>;

const NO_SUCH_SET = () => jsonError(404, "not-found", "No such annotation set.");

/**
 * Saves per account: an editor sends one per edit, batching what piles up while
 * one is out, so even a fast annotator stays far below; a client that sends
 * more is told to wait rather than slowing everyone's saves.
 */
const EDITS = tokenBucket({ capacity: 120, perSecond: 40 });

/** What a viewer posts about their window (presence): never an edit, so seeing the set is enough, but it is rate-limited too. */
const VIEWER_POSTS = tokenBucket({ capacity: 60, perSecond: 20 });

/**
 * A handler for one set. With `edits`, the request changes the set: it must
 * come from this site with a body of at most `maxBodyBytes`, the user must be
 * allowed to edit the set, and their edits are rate-limited. With `viewerPosts`,
 * it is a viewer's state-changing request that is not an edit (presence): the
 * same checks of site, size and rate, for anyone who may see the set.
 */
export function annotationSetRoute(
  handle: (request: SetRequest) => Promise<Response>,
  options: { edits?: { maxBodyBytes: number }; viewerPosts?: { maxBodyBytes: number } } = {},
): Handler {
  const posted = options.edits ?? options.viewerPosts;
  const bucket = options.edits ? EDITS : VIEWER_POSTS;
  return async (request, { params }) => {
    if (posted) {
      const refused = checkMutationRequest(request, { maxBytes: posted.maxBodyBytes });
      if (refused) return refused;
    }
    const session = await requestSession(request);
    if (!session) return signedOut();
    const { user, visible } = await findSetForSession(session, (await params).setId);
    if (!user) return signedOut();
    if (!visible) return NO_SUCH_SET();
    if (options.edits && visible.access.level !== "edit") return jsonError(403, "forbidden", visible.access.whyNotEdit);
    if (posted) {
      const wait = bucket.take(user.id);
      if (wait > 0) {
        const seconds = Math.ceil(wait);
        const refusal = jsonError(429, "rate-limited", `Too many ${options.edits ? "saves" : "requests"} at once: wait ${seconds} s and send again.`);
        refusal.headers.set("Retry-After", String(seconds));
        return refusal;
      }
    }
    try {
      return await handle({ request, session, user, ...visible });
    } catch (error) {
      // Deleted since it was looked up.
      if (error instanceof AnnotationSetNotFoundError) return NO_SUCH_SET();
      if (error instanceof SetNotEditableError) return jsonError(403, "forbidden", error.message);
      throw error;
    }
  };
}
