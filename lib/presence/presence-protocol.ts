// The wire contract of presence, imported by the editor and the route handlers.

import { z } from "zod";
import { clientIdSchema } from "@/lib/annotation/sync-protocol";

/** What a window says of itself: the event it is on (`E<n>`), or none. */
export const presenceRequestSchema = z.strictObject({
  clientId: clientIdSchema,
  eventIndex: z
    .string()
    .regex(/^E\d{1,9}$/, "an event index is E followed by digits")
    .nullable(),
});

export type PresenceRequest = z.infer<typeof presenceRequestSchema>;

export type { PresenceView } from "./presence-views";
