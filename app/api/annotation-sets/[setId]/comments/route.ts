import { loadSetForReading } from "@/lib/annotation-sets";
import { annotationSetRoute } from "@/lib/annotation-sets/set-route";
import { commentRequestSchema } from "@/lib/comments/comment-protocol";
import { createThread, listSetThreads, NoSuchThreadError, replyToThread, setThreadResolved } from "@/lib/comments/comment-store";
import { commentTargetExists, parseCommentTarget } from "@/lib/comments/comment-target";
import { jsonError } from "@/lib/http/json-error";
import { readJsonBody } from "@/lib/http/request-guard";

const PRIVATE = { "Cache-Control": "private, no-store" };
/** A comment is at most 10,000 characters (comment-body.ts): its JSON, escapes included, stays well below this. */
const MAX_BODY_BYTES = 64 * 1024;

/** The set's comment threads: whoever may see the set may read them (annotation stays blind). */
export const GET = annotationSetRoute(async ({ set }) => Response.json({ threads: await listSetThreads(set.setId) }, { headers: PRIVATE }));

/** Opens a thread, replies to one, or resolves or reopens one: whoever may see the set may discuss it. */
export const POST = annotationSetRoute(
  async ({ request, user, set }) => {
    const body = await readJsonBody(request, { maxBytes: MAX_BODY_BYTES, schema: commentRequestSchema });
    if (!body.ok) return body.response;
    const command = body.value;
    try {
      switch (command.action) {
        case "open": {
          const target = parseCommentTarget(command.target);
          if (!target) return jsonError(422, "invalid-request", `${JSON.stringify(command.target)} names no event, argument or hopper.`);
          const state = await loadSetForReading(set.setId);
          if (!state || !commentTargetExists(state.document, target)) {
            return jsonError(422, "invalid-request", `The set has no ${command.target}: a thread opens on something the set holds.`);
          }
          const id = await createThread({
            setId: set.setId,
            documentId: set.documentId,
            projectId: set.projectId,
            target,
            targetText: command.target,
            body: command.body,
            authorId: user.id,
          });
          return Response.json({ id }, { status: 201 });
        }
        case "reply": {
          const id = await replyToThread({
            setId: set.setId,
            projectId: set.projectId,
            threadId: command.threadId,
            body: command.body,
            authorId: user.id,
          });
          return Response.json({ id }, { status: 201 });
        }
        case "resolve":
          await setThreadResolved(set.setId, command.threadId, command.resolved);
          return new Response(null, { status: 204 });
      }
    } catch (error) {
      if (error instanceof NoSuchThreadError) return jsonError(404, "not-found", error.message);
      throw error;
    }
  },
  { viewerPosts: { maxBodyBytes: MAX_BODY_BYTES } },
);
