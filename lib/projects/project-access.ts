// Who may change a project, asked of the policy (lib/auth/policy.ts) for the
// project's actions: a refusal with a code and a message, or the go-ahead. A
// project the asker may not see is answered as missing, so its existence is
// not revealed; an archived one refuses every change but unarchiving.

import type { CurrentUser } from "@/lib/auth/access";
import { mayArchiveProject, projectPermissions, projectStanding } from "@/lib/auth/policy";
import { setMove } from "@/lib/auth/workflow";
import { db, type Database } from "@/lib/db/client";

export type RefusalCode = "signed-out" | "forbidden" | "not-found" | "archived" | "invalid" | "conflict";

export interface Refusal {
  ok: false;
  code: RefusalCode;
  error: string;
}

/** What a project's action answers: the go-ahead's data, or why not. */
export type ProjectResult<T extends object = object> = ({ ok: true } & T) | Refusal;

export const refuse = (code: RefusalCode, error: string): Refusal => ({ ok: false, code, error });

export const SIGNED_OUT = refuse("signed-out", "Sign in to continue.");
export const NO_SUCH_PROJECT = refuse("not-found", "There is no such project.");
export const ARCHIVED = refuse("archived", "The project is archived: it is read-only until it is unarchived.");

/**
 * Whether `actor` may change the project: its managers and admins, and only
 * while it is not archived (with `archiving`, also when it is: the one change
 * an archived project takes).
 */
export async function checkManager(
  actor: CurrentUser | null,
  projectId: string,
  { archiving = false }: { archiving?: boolean } = {},
  client: Database = db(),
): Promise<ProjectResult<{ archived: boolean }>> {
  if (!actor) return SIGNED_OUT;
  const standing = await projectStanding(actor, projectId, client);
  if (!standing) return NO_SUCH_PROJECT;
  const permissions = projectPermissions(actor, standing.memberRole, standing.archived);
  if (!permissions.view) return NO_SUCH_PROJECT;
  if (!mayArchiveProject(actor, standing.memberRole)) return refuse("forbidden", "Only the project's managers and administrators change it.");
  if (!archiving && !permissions.manage) return ARCHIVED;
  return { ok: true, archived: standing.archived };
}

/** Whether `actor` may edit the project's gold sets (lib/auth/workflow.ts): its reviewers, managers and admins, while it is not archived. */
export async function checkGoldEditor(actor: CurrentUser | null, projectId: string, client: Database = db()): Promise<ProjectResult> {
  if (!actor) return SIGNED_OUT;
  const standing = await projectStanding(actor, projectId, client);
  if (!standing) return NO_SUCH_PROJECT;
  const permissions = projectPermissions(actor, standing.memberRole, standing.archived);
  if (!permissions.view) return NO_SUCH_PROJECT;
  if (standing.archived) return ARCHIVED;
  const edit = setMove("edit", actor, permissions, { kind: "GOLD", annotatorId: null, status: "IMPORTED", assigned: false });
  return edit.allowed ? { ok: true } : refuse("forbidden", edit.why);
}
