// Who may hand out a project's work and watch its progress: its managers and
// admins (the policy's `manage`); an archived project is read-only.

import type { CurrentUser } from "@/lib/auth/access";
import { permissionsInProject } from "@/lib/auth/policy";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";

export interface ManagedProject {
  id: string;
  name: string;
  archived: boolean;
}

/** The project when `user` manages it; null when there is no such project or they do not (answered as not found). */
export async function findManagedProject(user: CurrentUser, projectId: string, client: Database = db()): Promise<ManagedProject | null> {
  if (!isRecordId(projectId)) return null;
  const [permissions, project] = await Promise.all([
    permissionsInProject(user, projectId, client),
    client.project.findUnique({ where: { id: projectId }, select: { id: true, name: true, archivedAt: true } }),
  ]);
  if (!project || !permissions.manage) return null;
  return { id: project.id, name: project.name, archived: project.archivedAt !== null };
}
