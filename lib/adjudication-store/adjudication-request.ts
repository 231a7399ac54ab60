// The wire contract of /api/documents/:id/adjudication, imported by the page and the route.

import { z } from "zod";
import type { AdjudicationRequest } from "./adjudication-store";

export const REJECTION_REASON_MAX_LENGTH = 2000;
/** Item ids are offsets and row keys; a hopper cluster's id lists its events' offsets. */
const ITEM_ID_MAX_LENGTH = 20_000;
/** A row key is its events' offsets; a cluster has at most as many events as a document may hold. */
const ROW_KEY_MAX_LENGTH = 2_000;
const GROUPING_MAX_EVENTS = 5_000;
const itemId = z.string().min(1).max(ITEM_ID_MAX_LENGTH);

export const adjudicationRequestSchema: z.ZodType<AdjudicationRequest> = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("accept"), itemId, annotatorId: z.uuid() }),
  z.strictObject({ action: z.literal("reject"), itemId, reason: z.string().max(REJECTION_REASON_MAX_LENGTH).optional() }),
  z.strictObject({
    action: z.literal("regroup"),
    itemId,
    groups: z
      .array(z.array(z.string().min(1).max(ROW_KEY_MAX_LENGTH)).min(1).max(GROUPING_MAX_EVENTS))
      .min(1)
      .max(GROUPING_MAX_EVENTS)
      .refine((groups) => groups.flat().length <= GROUPING_MAX_EVENTS, `A grouping holds at most ${GROUPING_MAX_EVENTS} events.`),
  }),
  z.strictObject({ action: z.literal("undo"), itemId }),
  z.strictObject({ action: z.literal("mark-adjudicated") }),
]);
