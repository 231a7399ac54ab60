// The wire contract of /api/documents/:id/adjudication, imported by the page and the route.

import { z } from "zod";
import type { AdjudicationRequest } from "./adjudication-store";

export const REJECTION_REASON_MAX_LENGTH = 2000;
/** Item ids are offsets and row keys; a hopper cluster's id lists its events' offsets. */
const ITEM_ID_MAX_LENGTH = 20_000;

export const adjudicationRequestSchema: z.ZodType<AdjudicationRequest> = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("accept"), itemId: z.string().min(1).max(ITEM_ID_MAX_LENGTH), annotatorId: z.uuid() }),
  z.strictObject({
    action: z.literal("reject"),
    itemId: z.string().min(1).max(ITEM_ID_MAX_LENGTH),
    reason: z.string().max(REJECTION_REASON_MAX_LENGTH).optional(),
  }),
  z.strictObject({ action: z.literal("mark-adjudicated") }),
]);
