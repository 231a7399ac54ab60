// Presence kept in PostgreSQL, so every app process sees every window: a row
// per open editor window (its set, its account, the event it is on), and a
// NOTIFY naming the document whenever one changes, so each process tells its
// viewers of that document. Rows are kept fresh by the window's stream and
// count as gone once stale: a process that dies cannot remove its windows.

import type { SetKind, SetStatus } from "@/generated/prisma/enums";
import { db, type DatabasePool } from "@/lib/db/client";

export const PRESENCE_CHANNEL = "hopper_presence";

/** A window not seen for this long has gone (its stream refreshes it far more often). */
export const PRESENCE_STALE_SECONDS = 45;

export interface PresenceWindow {
  clientId: string;
  userId: string;
  /** The account's name, else its email. */
  name: string;
  setId: string;
  setKind: SetKind;
  setAnnotatorId: string | null;
  setStatus: SetStatus;
  /** Whether the document is assigned to the set's annotator (lib/auth/workflow.ts). */
  setAssigned: boolean;
  /** The set's annotator's name (else email), null for the gold set. */
  setAnnotatorName: string | null;
  eventIndex: string | null;
}

/**
 * The window `clientId` of `userId` is viewing `setId` (a set of `documentId`).
 * A client id another account already holds is left alone: false.
 */
export async function enterPresence(
  window: { clientId: string; userId: string; setId: string; documentId: string },
  client: DatabasePool = db(),
): Promise<boolean> {
  const { rows } = await client.pool.query(
    `WITH entered AS (
        INSERT INTO "Presence" ("clientId", "setId", "documentId", "userId", "eventIndex", "seenAt") VALUES ($1, $2, $3, $4, NULL, now())
        ON CONFLICT ("clientId") DO UPDATE SET "setId" = EXCLUDED."setId", "documentId" = EXCLUDED."documentId", "seenAt" = now()
          WHERE "Presence"."userId" = EXCLUDED."userId"
        RETURNING 1)
      SELECT pg_notify('${PRESENCE_CHANNEL}', json_build_object('document', $3::text)::text) FROM entered`,
    [window.clientId, window.setId, window.documentId, window.userId],
  );
  return rows.length > 0;
}

/** The window is on `eventIndex` now (null: no event). Only its own account may move it; false when there is no such window of theirs. */
export async function movePresence(clientId: string, userId: string, eventIndex: string | null, client: DatabasePool = db()): Promise<boolean> {
  const { rows } = await client.pool.query(
    `WITH old AS (SELECT "eventIndex" FROM "Presence" WHERE "clientId" = $1 AND "userId" = $2 FOR UPDATE),
      moved AS (UPDATE "Presence" p SET "eventIndex" = $3, "seenAt" = now() FROM old WHERE p."clientId" = $1
        RETURNING p."documentId", old."eventIndex" IS DISTINCT FROM $3 AS "changed")
      SELECT CASE WHEN "changed" THEN pg_notify('${PRESENCE_CHANNEL}', json_build_object('document', "documentId"::text)::text) END FROM moved`,
    [clientId, userId, eventIndex],
  );
  return rows.length > 0;
}

/** The windows' streams are still open. */
export async function touchPresence(clientIds: string[], client: DatabasePool = db()): Promise<void> {
  if (clientIds.length) await client.pool.query(`UPDATE "Presence" SET "seenAt" = now() WHERE "clientId" = ANY($1::text[])`, [clientIds]);
}

/** The window closed. */
export async function leavePresence(clientId: string, userId: string, client: DatabasePool = db()): Promise<void> {
  await client.pool.query(
    `WITH left_window AS (DELETE FROM "Presence" WHERE "clientId" = $1 AND "userId" = $2 RETURNING "documentId")
      SELECT pg_notify('${PRESENCE_CHANNEL}', json_build_object('document', "documentId"::text)::text) FROM left_window`,
    [clientId, userId],
  );
}

/** The document's open windows (stale ones left out), by account name; who may see which is the policy's to say. */
export async function readPresence(documentId: string, client: DatabasePool = db()): Promise<PresenceWindow[]> {
  const { rows } = await client.pool.query<PresenceWindow>(
    `SELECT p."clientId", p."userId", COALESCE(NULLIF(u."name", ''), u."email") AS "name", p."setId", s."kind" AS "setKind",
        s."annotatorId" AS "setAnnotatorId", s."status" AS "setStatus",
        EXISTS (SELECT 1 FROM "Assignment" x WHERE x."documentId" = s."documentId" AND x."annotatorId" = s."annotatorId") AS "setAssigned", NULLIF(COALESCE(NULLIF(a."name", ''), a."email"), '') AS "setAnnotatorName",
        p."eventIndex"
      FROM "Presence" p JOIN "User" u ON u."id" = p."userId" JOIN "AnnotationSet" s ON s."id" = p."setId" LEFT JOIN "User" a ON a."id" = s."annotatorId"
      WHERE p."documentId" = $1 AND p."seenAt" > now() - make_interval(secs => $2) AND NOT u."disabled"
      ORDER BY 3, p."clientId"`,
    [documentId, PRESENCE_STALE_SECONDS],
  );
  return rows;
}
