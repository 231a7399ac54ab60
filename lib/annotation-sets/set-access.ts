// Finding a set with what the asking user may do with it (the rules are lib/auth/policy.ts's).

import { permissionsInProject, setAccess, type Actor, type SetAccess } from "@/lib/auth/policy";
import { db, type Database } from "@/lib/db/client";
import { findAnnotationSetSummary, type AnnotationSetSummary } from "./set-state";

export type VisibleSet = { set: AnnotationSetSummary; access: Exclude<SetAccess, { level: "none" }> };

/** The set with what `actor` may do with it; null when there is no such set or they may not see it. */
export async function findVisibleSet(actor: Actor, setId: string, client: Database = db()): Promise<VisibleSet | null> {
  const set = await findAnnotationSetSummary(setId, client);
  if (!set) return null;
  const access = setAccess(actor, await permissionsInProject(actor, set.projectId, client), set);
  return access.level === "none" ? null : { set, access };
}
