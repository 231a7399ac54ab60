// Creating, renaming, describing, archiving and unarchiving projects, with who
// may do it checked first (project-access.ts). A new project starts with the
// CASIE tagset.

import { Prisma } from "@/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/access";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import { db, type Database } from "@/lib/db/client";
import { checkManager, refuse, SIGNED_OUT, type ProjectResult } from "./project-access";
import { projectDetailsSchema, type ProjectDetails } from "./project-input";

const nameTaken = (name: string) => refuse("conflict", `A project named "${name}" exists already: choose another name.`);

function readDetails(input: ProjectDetails): ProjectResult<{ name: string; description: string }> {
  const parsed = projectDetailsSchema.safeParse(input);
  return parsed.success ? { ok: true, ...parsed.data } : refuse("invalid", parsed.error.issues[0].message);
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Creates a project (administrators only); its name must be free. */
export async function createProject(
  actor: CurrentUser | null,
  input: ProjectDetails,
  client: Database = db(),
): Promise<ProjectResult<{ projectId: string }>> {
  if (!actor) return SIGNED_OUT;
  if (actor.role !== "ADMIN") return refuse("forbidden", "Only administrators create projects.");
  const details = readDetails(input);
  if (!details.ok) return details;
  try {
    const project = await client.project.create({
      data: { name: details.name, description: details.description, tagset: DEFAULT_CASIE_TAGSET as unknown as Prisma.InputJsonValue },
      select: { id: true },
    });
    return { ok: true, projectId: project.id };
  } catch (error) {
    if (isUniqueViolation(error)) return nameTaken(details.name);
    throw error;
  }
}

/** Renames and describes a project (its managers and administrators, while it is not archived). */
export async function updateProjectDetails(
  actor: CurrentUser | null,
  projectId: string,
  input: ProjectDetails,
  client: Database = db(),
): Promise<ProjectResult> {
  const allowed = await checkManager(actor, projectId, {}, client);
  if (!allowed.ok) return allowed;
  const details = readDetails(input);
  if (!details.ok) return details;
  try {
    await client.project.update({ where: { id: projectId }, data: { name: details.name, description: details.description } });
    return { ok: true };
  } catch (error) {
    if (isUniqueViolation(error)) return nameTaken(details.name);
    throw error;
  }
}

/** Archives (read-only, hidden from lists by default) or unarchives a project. */
export async function setProjectArchived(
  actor: CurrentUser | null,
  projectId: string,
  archived: boolean,
  client: Database = db(),
): Promise<ProjectResult> {
  const allowed = await checkManager(actor, projectId, { archiving: true }, client);
  if (!allowed.ok) return allowed;
  // Archiving an archived project keeps the time it was first archived.
  await client.project.updateMany({
    where: { id: projectId, archivedAt: archived ? null : { not: null } },
    data: { archivedAt: archived ? new Date() : null },
  });
  return { ok: true };
}
