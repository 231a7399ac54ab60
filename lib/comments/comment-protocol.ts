// The wire contract of /api/annotation-sets/:setId/comments, imported by the editor and the route.

import { z } from "zod";
import { commentBodySchema } from "./comment-body";

const threadId = z.uuid();

export const commentRequestSchema = z.discriminatedUnion("action", [
  /** A new thread on the document (target null) or one annotation of the set, e.g. "event:E7". */
  z.strictObject({ action: z.literal("open"), target: z.string().max(40).nullable(), body: commentBodySchema }),
  z.strictObject({ action: z.literal("reply"), threadId, body: commentBodySchema }),
  z.strictObject({ action: z.literal("resolve"), threadId, resolved: z.boolean() }),
]);

export type CommentRequest = z.input<typeof commentRequestSchema>;

export type { CommentThread, ThreadComment } from "./comment-store";
