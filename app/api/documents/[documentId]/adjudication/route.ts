import { adjudicationRequestSchema } from "@/lib/adjudication-store/adjudication-request";
import { decide, mayAdjudicate, openAdjudication, type AdjudicationResult } from "@/lib/adjudication-store/adjudication-store";
import { requireApiUser } from "@/lib/auth/access";
import { jsonError } from "@/lib/http/json-error";
import { checkMutationRequest, readJsonBody } from "@/lib/http/request-guard";

const MAX_BODY_BYTES = 64 * 1024;

type Context = { params: Promise<{ documentId: string }> };

/** The document's disagreements, the gold's versions and the decisions; reviewers only (to anyone else the document does not exist). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const user = await requireApiUser(request);
  if (user instanceof Response) return user;
  return answer(await openAdjudication(user, (await params).documentId));
}

/**
 * A decision: accept an annotator's version of an item, reject them all (with an optional reason), regroup a hopper
 * cluster, undo an item's decision, or mark the document adjudicated.
 */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const user = await requireApiUser(request);
  if (user instanceof Response) return user;
  const refused = checkMutationRequest(request, { maxBytes: MAX_BODY_BYTES });
  if (refused) return refused;
  const { documentId } = await params;
  // Nobody but a reviewer learns whether the document exists, even from a bad body.
  if (!(await mayAdjudicate(user, documentId))) return jsonError(404, "not-found", "No such document.");
  const body = await readJsonBody(request, { maxBytes: MAX_BODY_BYTES, schema: adjudicationRequestSchema });
  if (!body.ok) return body.response;
  return answer(await decide(user, documentId, body.value));
}

function answer(result: AdjudicationResult): Response {
  if (result.ok) return Response.json(result.adjudication, { headers: { "Cache-Control": "private, no-store" } });
  switch (result.reason) {
    case "not-found":
      return jsonError(404, "not-found", result.message);
    case "refused":
      return jsonError(403, "forbidden", result.message);
    case "conflict":
      return jsonError(409, "conflict", result.message);
    case "invalid":
      return jsonError(400, "invalid-request", result.message);
  }
}
