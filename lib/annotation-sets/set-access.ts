// Who may see and edit an annotation set: the one place these rules live.

import type { SetKind } from "@/generated/prisma/enums";
import { canViewGold, canViewProject, type CurrentUser } from "@/lib/auth/access";
import { db, type Database } from "@/lib/db/client";
import { findAnnotationSetSummary, type AnnotationSetSummary } from "./set-state";

export interface SetOwnership {
  projectId: string;
  kind: SetKind;
  annotatorId: string | null;
}

/** "none" is answered as "no such set", so a set's existence is not revealed to who may not see it. */
export type SetAccess = { level: "none" } | { level: "view"; whyNotEdit: string } | { level: "edit" };

/**
 * Everyone must be able to view the set's project. Annotators see and edit
 * only their own set (annotation is blind); admins edit any annotator's set;
 * reviewers only view them until adjudication exists. Gold sets are for
 * admins and reviewers to view, and nobody edits them here yet.
 */
export async function annotationSetAccess(user: CurrentUser, set: SetOwnership): Promise<SetAccess> {
  if (!(await canViewProject(user, set.projectId))) return { level: "none" };
  if (set.kind === "GOLD") {
    return canViewGold(user) ? { level: "view", whyNotEdit: "Gold annotation sets cannot be edited in the editor yet." } : { level: "none" };
  }
  if (set.annotatorId === user.id || user.role === "ADMIN") return { level: "edit" };
  if (user.role === "REVIEWER") return { level: "view", whyNotEdit: "Reviewers can view annotators' sets but not edit them." };
  return { level: "none" };
}

export type VisibleSet = { set: AnnotationSetSummary; access: Exclude<SetAccess, { level: "none" }> };

/** The set with what `user` may do with it; null when there is no such set or the user may not see it. */
export async function findVisibleSet(user: CurrentUser, setId: string, client: Database = db()): Promise<VisibleSet | null> {
  const set = await findAnnotationSetSummary(setId, client);
  if (!set) return null;
  const access = await annotationSetAccess(user, set);
  return access.level === "none" ? null : { set, access };
}
