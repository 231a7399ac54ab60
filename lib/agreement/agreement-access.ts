// Who may see a project's agreement: whoever reviews it (the policy's `review`:
// admins, reviewers, the project's reviewers and managers), archived or not,
// since they compare and adjudicate its sets. Annotators may not: the figures
// and the worst documents reveal the other annotators' sets, and annotation is blind.

import { mayArchiveProject, projectPermissions, projectStanding, type Actor } from "@/lib/auth/policy";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";

export interface ReviewedProject {
  id: string;
  name: string;
  archived: boolean;
}

/** The project, or why not: "not-found" to who may not see it (or when there is none), "forbidden" to its other members. */
export type AgreementAccess =
  | {
      allowed: true;
      project: ReviewedProject;
      /** Whether they manage the project too (archived or not): the links to its other pages. */ manages: boolean;
    }
  | { allowed: false; reason: "not-found" | "forbidden" };

export async function agreementAccess(actor: Actor, projectId: string, client: Database = db()): Promise<AgreementAccess> {
  if (!isRecordId(projectId)) return { allowed: false, reason: "not-found" };
  const [standing, project] = await Promise.all([
    projectStanding(actor, projectId, client),
    client.project.findUnique({ where: { id: projectId }, select: { id: true, name: true, archivedAt: true } }),
  ]);
  if (!standing || !project) return { allowed: false, reason: "not-found" };
  const permissions = projectPermissions(actor, standing.memberRole, standing.archived);
  if (!permissions.view) return { allowed: false, reason: "not-found" };
  if (!permissions.review) return { allowed: false, reason: "forbidden" };
  return {
    allowed: true,
    project: { id: project.id, name: project.name, archived: project.archivedAt !== null },
    manages: mayArchiveProject(actor, standing.memberRole),
  };
}
