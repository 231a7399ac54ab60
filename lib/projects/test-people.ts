// What the project tests share: on the annotation-set test world (an admin, a
// global reviewer, annotators Ann and Bob in project "Cyber", an outsider), a
// manager and a project reviewer of "Cyber".

import type { CurrentUser } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { createUser } from "@/lib/users";
import type { TestWorld } from "@/lib/annotation-sets/test-fixtures";

export interface ProjectPeople {
  manager: CurrentUser;
  projectReviewer: CurrentUser;
}

export async function addProjectPeople(world: TestWorld): Promise<ProjectPeople> {
  const person = async (name: string, role: "MANAGER" | "REVIEWER"): Promise<CurrentUser> => {
    const { id, email } = await createUser({ email: `${name}@example.org`, name, password: "a long password", role: "ANNOTATOR" });
    await db().projectMember.create({ data: { projectId: world.projectId, userId: id, role } });
    return { id, email, name, role: "ANNOTATOR" };
  };
  return { manager: await person("manny", "MANAGER"), projectReviewer: await person("rory", "REVIEWER") };
}

/** Archives or unarchives the project directly (the tests of archiving itself go through setProjectArchived). */
export async function setArchivedDirectly(projectId: string, archived: boolean): Promise<void> {
  await db().project.update({ where: { id: projectId }, data: { archivedAt: archived ? new Date() : null } });
}
