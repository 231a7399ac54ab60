// Finding a set with what the asking user may do with it (the rules are lib/auth/policy.ts's).

import type { ProjectRole } from "@/generated/prisma/enums";
import type { CurrentUser } from "@/lib/auth/access";
import type { Session } from "@/lib/auth/session-token";
import { permissionsInProject, projectPermissions, setAccess, type Actor, type SetAccess } from "@/lib/auth/policy";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { findAnnotationSetSummary, SUMMARY_COLUMNS, type AnnotationSetSummary } from "./set-state";

export type VisibleSet = { set: AnnotationSetSummary; access: Exclude<SetAccess, { level: "none" }> };

/** The set with what `actor` may do with it; null when there is no such set or they may not see it. */
export async function findVisibleSet(actor: Actor, setId: string, client: Database = db()): Promise<VisibleSet | null> {
  const set = await findAnnotationSetSummary(setId, client);
  if (!set) return null;
  const access = setAccess(actor, await permissionsInProject(actor, set.projectId, client), set);
  return access.level === "none" ? null : { set, access };
}

/**
 * For a request about a set, in one query: the session's account when it is
 * still active (null: answer as signed out), and the set with what that
 * account may do with it (null: no such set, or hidden from them). A save
 * asks on every request, so this is one round trip, not three.
 */
export async function findSetForSession(
  { userId, epoch }: Session,
  setId: string,
  client: Database = db(),
): Promise<{ user: CurrentUser | null; visible: VisibleSet | null }> {
  if (!isRecordId(userId)) return { user: null, visible: null };
  type Row = {
    id: string;
    email: string;
    name: string;
    role: CurrentUser["role"];
    disabled: boolean;
    sessionEpoch: number;
    set: AnnotationSetSummary | null;
    memberRole: ProjectRole | null;
    archived: boolean;
  };
  const { rows } = await client.pool.query<Row>(
    `SELECT u."id", u."email", u."name", u."role", u."disabled", u."sessionEpoch", found."set", m."role" AS "memberRole", found."archived"
      FROM "User" u
      LEFT JOIN LATERAL (SELECT row_to_json(x) AS "set", x."projectId", x."archived" FROM (SELECT ${SUMMARY_COLUMNS},
        p."archivedAt" IS NOT NULL AS "archived"
        FROM "AnnotationSet" s JOIN "Document" d ON d."id" = s."documentId" JOIN "Project" p ON p."id" = d."projectId" WHERE s."id" = $2) x) found ON true
      LEFT JOIN "ProjectMember" m ON m."projectId" = found."projectId" AND m."userId" = u."id"
      WHERE u."id" = $1`,
    [userId, isRecordId(setId) ? setId : null],
  );
  const row = rows[0];
  if (!row || row.disabled || row.sessionEpoch !== epoch) return { user: null, visible: null };
  const user: CurrentUser = { id: row.id, email: row.email, name: row.name, role: row.role };
  if (!row.set) return { user, visible: null };
  const access = setAccess(user, projectPermissions(user, row.memberRole, row.archived), row.set);
  return { user, visible: access.level === "none" ? null : { set: row.set, access } };
}
