import type { ProjectRole } from "@/generated/prisma/client";
import { db, type Database } from "@/lib/db/client";
import { normalizeEmail } from "@/lib/users/user-input";

export class MembershipError extends Error {}

/** Gives the account access to the project (annotators see only their projects), or changes its role there. */
export async function addProjectMember(
  input: { projectName: string; email: string; role: ProjectRole },
  client: Database = db(),
): Promise<{ created: boolean }> {
  const [project, user] = await Promise.all([
    client.project.findUnique({ where: { name: input.projectName }, select: { id: true } }),
    client.user.findUnique({ where: { email: normalizeEmail(input.email) }, select: { id: true } }),
  ]);
  if (!project) throw new MembershipError(`no project named "${input.projectName}"`);
  if (!user) throw new MembershipError(`no account with the email ${normalizeEmail(input.email)}`);
  const key = { projectId: project.id, userId: user.id };
  const existing = await client.projectMember.findUnique({ where: { projectId_userId: key }, select: { role: true } });
  await client.projectMember.upsert({ where: { projectId_userId: key }, create: { ...key, role: input.role }, update: { role: input.role } });
  return { created: existing === null };
}

/** Takes the account's access to the project away; its annotation sets stay. */
export async function removeProjectMember(input: { projectName: string; email: string }, client: Database = db()): Promise<boolean> {
  const { count } = await client.projectMember.deleteMany({
    where: { project: { name: input.projectName }, user: { email: normalizeEmail(input.email) } },
  });
  return count > 0;
}
