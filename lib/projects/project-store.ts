import { parseTagset, type Tagset } from "@/lib/casie/tagset";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import { db, type Database } from "@/lib/db/client";

export interface ProjectRecord {
  id: string;
  name: string;
  tagset: Tagset;
  keepLineBreaks: boolean;
}

export async function findProjectByName(name: string, client: Database = db()): Promise<ProjectRecord | null> {
  const project = await client.project.findUnique({ where: { name } });
  return project && { id: project.id, name: project.name, tagset: parseTagset(project.tagset), keepLineBreaks: project.keepLineBreaks };
}

/** The named project, created with the default CASIE tagset when missing (safe when two imports race). */
export async function findOrCreateProject(name: string, client: Database = db()): Promise<ProjectRecord & { created: boolean }> {
  const existing = await findProjectByName(name, client);
  if (existing) return { ...existing, created: false };
  const created = await client.project.createManyAndReturn({
    // tsc needs the widening to Prisma's JSON input; typescript-eslint's view of the generated types does not.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    data: [{ name, tagset: DEFAULT_CASIE_TAGSET as object }],
    skipDuplicates: true,
  });
  if (created.length) {
    const project = created[0];
    return { id: project.id, name, tagset: DEFAULT_CASIE_TAGSET, keepLineBreaks: project.keepLineBreaks, created: true };
  }
  return { ...(await findProjectByName(name, client))!, created: false };
}
