// Projects by name, with plain pg: the CLI's import finds or creates its project
// through a pool of its own, without loading Prisma.

import { randomUUID } from "node:crypto";
import { DEFAULT_CASIE_TAGSET, parseTagset, type Tagset } from "@/lib/casie/tagset";
import { appClient } from "@/lib/db/app-client";
import type { DatabasePool } from "@/lib/db/client";

export interface ProjectRecord {
  id: string;
  name: string;
  tagset: Tagset;
  keepLineBreaks: boolean;
}

interface ProjectRow {
  id: string;
  name: string;
  tagset: unknown;
  keepLineBreaks: boolean;
}

const PROJECT_COLUMNS = `"id", "name", "tagset", "keepLineBreaks"`;

export async function findProjectByName(name: string, client?: DatabasePool): Promise<ProjectRecord | null> {
  const { pool } = client ?? (await appClient());
  const { rows } = await pool.query<ProjectRow>(`SELECT ${PROJECT_COLUMNS} FROM "Project" WHERE "name" = $1`, [name]);
  const [project] = rows;
  return project ? { id: project.id, name: project.name, tagset: parseTagset(project.tagset), keepLineBreaks: project.keepLineBreaks } : null;
}

/** The named project, created with the default CASIE tagset when missing (safe when two imports race). */
export async function findOrCreateProject(name: string, client?: DatabasePool): Promise<ProjectRecord & { created: boolean }> {
  const database = client ?? (await appClient());
  const existing = await findProjectByName(name, database);
  if (existing) return { ...existing, created: false };
  const { rows } = await database.pool.query<ProjectRow>(
    `INSERT INTO "Project" ("id", "name", "tagset", "updatedAt") VALUES ($1, $2, $3::jsonb, CURRENT_TIMESTAMP)
      ON CONFLICT ("name") DO NOTHING RETURNING ${PROJECT_COLUMNS}`,
    [randomUUID(), name, JSON.stringify(DEFAULT_CASIE_TAGSET)],
  );
  if (rows.length) return { id: rows[0].id, name, tagset: DEFAULT_CASIE_TAGSET, keepLineBreaks: rows[0].keepLineBreaks, created: true };
  return { ...(await findProjectByName(name, database))!, created: false };
}

/** The project with this id, and whether it is archived (read-only); null when there is none. */
export async function findProjectById(id: string, client?: DatabasePool): Promise<(ProjectRecord & { archived: boolean }) | null> {
  const { pool } = client ?? (await appClient());
  const { rows } = await pool.query<ProjectRow & { archived: boolean }>(
    `SELECT ${PROJECT_COLUMNS}, "archivedAt" IS NOT NULL AS "archived" FROM "Project" WHERE "id" = $1`,
    [id],
  );
  const [project] = rows;
  return project
    ? { id: project.id, name: project.name, tagset: parseTagset(project.tagset), keepLineBreaks: project.keepLineBreaks, archived: project.archived }
    : null;
}
