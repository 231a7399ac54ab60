import { z } from "zod";
import { setMoveRoute } from "@/lib/assignments/set-move-route";
import { submitSet } from "@/lib/assignments/submission";

/** The annotator submits their set as they saw it (`{ "version": n }`): read-only to them until a reviewer reopens it. */
export const POST = setMoveRoute(z.object({ version: z.int().min(0) }).strict(), ({ user, permissions, set, body }) =>
  submitSet(user, permissions, set, body.version),
);
