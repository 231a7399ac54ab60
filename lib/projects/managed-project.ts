// For the pages of a project's managers (settings, members, tagset): the
// project when the signed-in user manages it, archived or not, else the
// page's answer (404 when they may not see it, 403 when they may but not manage it).

import { forbidden, notFound } from "next/navigation";
import type { CurrentUser } from "@/lib/auth/access";
import { checkManager } from "./project-access";
import { findProject, type ProjectSummary } from "./queries";

export async function requireManagedProject(
  user: CurrentUser,
  projectId: string,
): Promise<Omit<ProjectSummary, "documentCount"> & { archived: boolean }> {
  const allowed = await checkManager(user, projectId, { archiving: true });
  if (!allowed.ok) {
    if (allowed.code === "forbidden") forbidden();
    notFound();
  }
  const project = await findProject(projectId);
  if (!project) notFound();
  return { ...project, archived: allowed.archived };
}
