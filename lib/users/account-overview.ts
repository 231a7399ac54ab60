// What a signed-in user sees of their own account: who they are, their global
// role and the projects they are a member of, with their role in each.

import type { ProjectRole, Role } from "@/generated/prisma/enums";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";

export interface AccountOverview {
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  mustChangePassword: boolean;
  projects: { id: string; name: string; role: ProjectRole; archived: boolean }[];
}

export async function accountOverview(userId: string, client: Database = db()): Promise<AccountOverview | null> {
  if (!isRecordId(userId)) return null;
  const user = await client.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      role: true,
      createdAt: true,
      mustChangePassword: true,
      memberships: { select: { role: true, project: { select: { id: true, name: true, archivedAt: true } } }, orderBy: { project: { name: "asc" } } },
    },
  });
  if (!user) return null;
  const { memberships, ...account } = user;
  return {
    ...account,
    projects: memberships.map(({ role, project }) => ({ id: project.id, name: project.name, role, archived: project.archivedAt !== null })),
  };
}
