// Submitting an annotator's set and reopening it: the moves of
// lib/auth/workflow.ts made in the database. Each is one conditional update,
// so a move decided on a set's status applies only if the status is still it
// (a save or another move in between makes it answer "changed").

import type { SetStatus } from "@/generated/prisma/enums";
import type { Actor, ProjectPermissions } from "@/lib/auth/policy";
import { setMove, type MoveSubject } from "@/lib/auth/workflow";
import { db, type DatabasePool } from "@/lib/db/client";

export const REOPEN_NOTE_MAX_LENGTH = 2000;

export type MoveResult = { ok: true; status: SetStatus } | { ok: false; reason: "refused" | "changed"; message: string };

interface SetToMove extends MoveSubject {
  setId: string;
  version: number;
}

/**
 * The annotator submits their set as they saw it at `version`: refused when
 * the workflow does not allow it, "changed" when the set moved on meanwhile
 * (an edit from another window they have not seen).
 */
export async function submitSet(
  actor: Actor,
  permissions: ProjectPermissions,
  set: SetToMove,
  seenVersion: number,
  client: DatabasePool = db(),
): Promise<MoveResult> {
  const move = setMove("submit", actor, permissions, set);
  if (!move.allowed) return { ok: false, reason: "refused", message: move.why };
  const { rowCount } = await client.pool.query(
    `UPDATE "AnnotationSet" SET "status" = $4::"SetStatus", "submittedAt" = CURRENT_TIMESTAMP, "reopenNote" = NULL, "updatedAt" = CURRENT_TIMESTAMP
      WHERE "id" = $1 AND "status" = $2::"SetStatus" AND "version" = $3
        AND EXISTS (SELECT 1 FROM "Assignment" a WHERE a."documentId" = "AnnotationSet"."documentId" AND a."annotatorId" = "AnnotationSet"."annotatorId")`,
    [set.setId, set.status, seenVersion, move.to],
  );
  if (!rowCount)
    return { ok: false, reason: "changed", message: "The set changed since you last saw it (another window?): reload and submit again." };
  return { ok: true, status: move.to };
}

/** A reviewer or manager reopens a submitted set, with a note its annotator sees. */
export async function reopenSet(
  actor: Actor,
  permissions: ProjectPermissions,
  set: SetToMove,
  note: string,
  client: DatabasePool = db(),
): Promise<MoveResult> {
  const move = setMove("reopen", actor, permissions, set);
  if (!move.allowed) return { ok: false, reason: "refused", message: move.why };
  const { rowCount } = await client.pool.query(
    `UPDATE "AnnotationSet" SET "status" = $3::"SetStatus", "submittedAt" = NULL, "reopenNote" = $4, "updatedAt" = CURRENT_TIMESTAMP
      WHERE "id" = $1 AND "status" = $2::"SetStatus"`,
    [set.setId, set.status, move.to, note],
  );
  if (!rowCount) return { ok: false, reason: "changed", message: "The set changed meanwhile: reload the page." };
  return { ok: true, status: move.to };
}
