// The route handlers that move a set through the workflow (submit, reopen):
// the set route's session and lookup, then the Origin and body checks of a
// change, the body's validation, and the move's answer as JSON.

import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/access";
import { permissionsInProject, type ProjectPermissions } from "@/lib/auth/policy";
import { annotationSetRoute } from "@/lib/annotation-sets/set-route";
import type { AnnotationSetSummary } from "@/lib/annotation-sets/set-state";
import { jsonError } from "@/lib/http/json-error";
import { checkMutationRequest, readJsonBody } from "@/lib/http/request-guard";
import type { MoveResult } from "./submission";

const MAX_BODY_BYTES = 16 * 1024;

export function setMoveRoute<Body>(
  schema: z.ZodType<Body>,
  move: (input: { user: CurrentUser; permissions: ProjectPermissions; set: AnnotationSetSummary; body: Body }) => Promise<MoveResult>,
) {
  return annotationSetRoute(async ({ request, user, set }) => {
    const refused = checkMutationRequest(request, { maxBytes: MAX_BODY_BYTES });
    if (refused) return refused;
    const body = await readJsonBody(request, { maxBytes: MAX_BODY_BYTES, schema });
    if (!body.ok) return body.response;
    const permissions = await permissionsInProject(user, set.projectId);
    const result = await move({ user, permissions, set, body: body.value });
    if (result.ok) return Response.json({ status: result.status }, { headers: { "Cache-Control": "no-store" } });
    return result.reason === "refused" ? jsonError(403, "forbidden", result.message) : jsonError(409, "conflict", result.message);
  });
}
