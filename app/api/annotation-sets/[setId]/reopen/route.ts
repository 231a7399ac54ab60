import { z } from "zod";
import { setMoveRoute } from "@/lib/assignments/set-move-route";
import { REOPEN_NOTE_MAX_LENGTH, reopenSet } from "@/lib/assignments/submission";

const body = z
  .object({
    note: z
      .string()
      .trim()
      .min(1, "Say why the set is reopened: its annotator reads the note.")
      .max(REOPEN_NOTE_MAX_LENGTH, `The note is at most ${REOPEN_NOTE_MAX_LENGTH} characters.`),
  })
  .strict();

/** A reviewer or manager reopens a submitted set with a note (`{ "note": "…" }`) that its annotator sees. */
export const POST = setMoveRoute(body, ({ user, permissions, set, body }) => reopenSet(user, permissions, set, body.note));
