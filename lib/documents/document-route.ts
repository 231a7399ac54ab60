// The one wrapper of route handlers about one document: the session, the
// document's lookup with what the user may do in its project, and the refusal
// (a document in a project the user may not see is answered as if it did not exist).

import { requireApiUser, type CurrentUser } from "@/lib/auth/access";
import { permissionsInProject, type ProjectPermissions } from "@/lib/auth/policy";
import { jsonError } from "@/lib/http/json-error";
import { loadGoldDocument, type GoldDocument } from "./load";

export interface DocumentRequest {
  request: Request;
  user: CurrentUser;
  document: GoldDocument;
  permissions: ProjectPermissions;
}

type Handler = (request: Request, context: { params: Promise<{ documentId: string }> }) => Promise<Response>;

export function documentRoute(handle: (request: DocumentRequest) => Promise<Response>): Handler {
  return async (request, { params }) => {
    const user = await requireApiUser(request);
    if (user instanceof Response) return user;
    const document = await loadGoldDocument((await params).documentId);
    const permissions = document ? await permissionsInProject(user, document.projectId) : null;
    if (!document || !permissions?.view) return jsonError(404, "not-found", "No such document.");
    return handle({ request, user, document, permissions });
  };
}
