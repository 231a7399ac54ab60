// The one wrapper of /api/annotation-sets/:setId route handlers: the session,
// the Origin and body-size checks of a change, the set's lookup with what the
// user may do, the refusals and the error mapping, written once.

import { requireApiUser, type CurrentUser } from "@/lib/auth/access";
import { jsonError } from "@/lib/http/json-error";
import { checkMutationRequest } from "@/lib/http/request-guard";
import { AnnotationSetNotFoundError } from "./save-operations";
import { findVisibleSet, type VisibleSet } from "./set-access";

export interface SetRequest extends VisibleSet {
  request: Request;
  user: CurrentUser;
}

type Handler = (request: Request, context: { params: Promise<{ setId: string }> }) => Promise<Response>;

const NO_SUCH_SET = () => jsonError(404, "not-found", "No such annotation set.");

/**
 * A handler for one set. With `edits`, the request changes the set: it must
 * come from this site with a body of at most `maxBodyBytes`, and the user
 * must be allowed to edit the set.
 */
export function annotationSetRoute(handle: (request: SetRequest) => Promise<Response>, options: { edits?: { maxBodyBytes: number } } = {}): Handler {
  return async (request, { params }) => {
    if (options.edits) {
      const refused = checkMutationRequest(request, { maxBytes: options.edits.maxBodyBytes });
      if (refused) return refused;
    }
    const user = await requireApiUser(request);
    if (user instanceof Response) return user;
    const visible = await findVisibleSet(user, (await params).setId);
    if (!visible) return NO_SUCH_SET();
    if (options.edits && visible.access.level !== "edit") return jsonError(403, "forbidden", visible.access.whyNotEdit);
    try {
      return await handle({ request, user, ...visible });
    } catch (error) {
      // Deleted since it was looked up.
      if (error instanceof AnnotationSetNotFoundError) return NO_SUCH_SET();
      throw error;
    }
  };
}
