// The wire contract between the editor and /api/annotation-sets, imported by
// both sides: what a save sends and every answer it can get, the catch-up and
// the whole set. The server is the authority (prosemirror-collab): it accepts
// operations only on its current version and otherwise answers with what the
// window lacks; the window rebases and sends again (lib/annotation/collab.ts).

import { z } from "zod";
import type { CasieDocument } from "@/lib/casie/types";
import type { SetNumbering } from "./index-allocation";
import { annotationOperationSchema } from "./operation-schema";
import type { RefusalCode } from "./operation-validation";
import type { AnnotationOperation } from "./operation-types";

/** Far more than an editor ever holds unsaved; every operation of a save is applied and logged in one transaction. */
export const MAX_OPERATIONS_PER_SAVE = 1000;

/** At most this many logged operations in one answer; a window further behind pages through the catch-up. */
export const MAX_OPERATIONS_PER_ANSWER = 500;

/** A window's id: random, chosen when the editor opens; with a sequence number it names each operation the window makes. */
export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "a client id is 8 to 64 letters, digits, _ or -");

export const saveRequestSchema = z.strictObject({
  /** The set's version the operations were made on: the server's current one, or the save is answered "behind". */
  baseVersion: z.int().nonnegative(),
  clientId: clientIdSchema,
  operations: z
    .array(z.strictObject({ seq: z.int32().positive(), operation: annotationOperationSchema }))
    .min(1)
    .max(MAX_OPERATIONS_PER_SAVE)
    .refine((operations) => operations.every((entry, i) => i === 0 || entry.seq > operations[i - 1].seq), "seq numbers must increase"),
});

export type SaveRequest = z.infer<typeof saveRequestSchema>;

/** An operation as the set's log holds it: the version it made, and the window that sent it (null for imports and older saves). */
export interface LoggedOperation {
  version: number;
  clientId: string | null;
  seq: number | null;
  operation: AnnotationOperation;
}

export type SaveResponse =
  /** Every operation was stored, in order, the last at `version` (also the answer to a retry of a save already stored). */
  | { status: "saved"; version: number }
  /**
   * Nothing was stored: the set has moved on since `baseVersion`. `operations`
   * are the first of those saved since (this window's own included, when an
   * earlier answer was lost); `complete` is false when more follow (GET ?since=).
   */
  | { status: "behind"; version: number; operations: LoggedOperation[]; complete: boolean }
  /** Nothing was stored: operation `seq` does not fit the set at its current version. */
  | { status: "refused"; version: number; seq: number; code: SaveRefusalCode; message: string }
  /** Nothing was stored: the window knows a version the server does not (a restored database); it must load the set again. */
  | { status: "reload"; version: number; message: string };

/**
 * Why an operation was refused: it does not fit the set's state (a conflict),
 * it was saved already, or it brings a value no annotator's edit can produce
 * (outside the tagset, a span that is not the text, …: operation-validation.ts).
 */
export type SaveRefusalCode = "operation-conflict" | "duplicate-operation" | RefusalCode;

/** The HTTP status of a save's answer: 422 for operations no edit can produce, 409 for the rest of what was not stored. */
export function saveResponseStatus(response: SaveResponse): number {
  if (response.status === "saved") return 200;
  if (response.status === "refused" && response.code !== "operation-conflict" && response.code !== "duplicate-operation") return 422;
  return 409;
}

/** GET /api/annotation-sets/:id?since=<version>: the operations after `since`, paged. */
export interface SinceResponse {
  /** The set's current version. */
  version: number;
  operations: LoggedOperation[];
  /** False when more operations follow the last one given. */
  complete: boolean;
}

/** GET /api/annotation-sets/:id: the whole set, as a window starts from it. */
export interface LoadResponse {
  setId: string;
  kind: "GOLD" | "ANNOTATOR";
  version: number;
  numbering: SetNumbering;
  document: CasieDocument;
  canEdit: boolean;
}

/** Every refusal from a route handler: a message for people and a code for programs. */
export interface ErrorBody {
  error: string;
  code: string;
}
