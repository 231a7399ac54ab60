// A project's agreement from the database: its annotation sets read document by document,
// with plain pg (the CLI never loads Prisma): a fixed number of queries per
// batch of documents, at most one batch in memory, whatever the project's size.

import { hoppersFromAnnotationRows } from "@/lib/annotation-sets/annotation-rows";
import { readSetsRows } from "@/lib/annotation-sets/set-rows";
import type { DatabasePool } from "@/lib/db/client";
import { ProjectAgreementBuilder, type DocumentSets, type ProjectAgreement } from "./project-agreement";

/** The set statuses `hopper agreement` compares unless told otherwise: sets nobody has edited yet (NEW) are left out. */
export const DEFAULT_COMPARED_STATUSES = ["IN_PROGRESS", "SUBMITTED", "IMPORTED", "ADJUDICATED"] as const;

/** Every set status, the ones a comparison may be restricted to. */
export const SET_STATUSES = ["NEW", ...DEFAULT_COMPARED_STATUSES] as const;
export type ComparedStatus = (typeof SET_STATUSES)[number];

/** A project by its name (the CLI's) or its id (the app's). */
export type ProjectRef = { name: string } | { id: string };

export interface ProjectSetsOptions {
  client: DatabasePool;
  /** Set statuses to compare. */
  statuses?: readonly string[];
  /** Compare the gold set too, as the annotator named `gold`. */
  withGold?: boolean;
  batchSize?: number;
}

export const GOLD_ANNOTATOR = "gold";

export class UnknownProjectError extends Error {}

/** The project's documents with their annotators' sets (annotators named by e-mail), by document name. */
export async function* readProjectDocumentSets(project: ProjectRef, options: ProjectSetsOptions): AsyncGenerator<DocumentSets> {
  const { pool } = options.client;
  const { rows: projects } =
    "id" in project
      ? await pool.query<{ id: string }>('SELECT "id" FROM "Project" WHERE "id" = $1', [project.id])
      : await pool.query<{ id: string }>('SELECT "id" FROM "Project" WHERE "name" = $1', [project.name]);
  if (!projects.length) throw new UnknownProjectError("id" in project ? `no project with id ${project.id}` : `no project named "${project.name}"`);
  const { rows: documents } = await pool.query<{ id: string; name: string }>(
    'SELECT "id", "name" FROM "Document" WHERE "projectId" = $1 ORDER BY "name", "id"',
    [projects[0].id],
  );
  const batchSize = options.batchSize ?? 250;
  for (let start = 0; start < documents.length; start += batchSize) {
    const batch = documents.slice(start, start + batchSize);
    const { rows: sets } = await pool.query<{ id: string; documentId: string; annotator: string }>(
      `SELECT s."id", s."documentId", CASE WHEN s."kind" = 'GOLD' THEN $3 ELSE u."email" END AS "annotator"
         FROM "AnnotationSet" s LEFT JOIN "User" u ON u."id" = s."annotatorId"
        WHERE s."documentId" = ANY($1::uuid[]) AND s."status"::text = ANY($2::text[])
          AND (s."kind" = 'ANNOTATOR' OR ($4 AND s."kind" = 'GOLD'))`,
      [batch.map((document) => document.id), [...(options.statuses ?? DEFAULT_COMPARED_STATUSES)], GOLD_ANNOTATOR, options.withGold ?? false],
    );
    // Agreement compares annotations, never their key order: the layouts are not read.
    const rows = await readSetsRows(
      pool,
      sets.map((set) => set.id),
      { layouts: false },
    );
    for (const document of batch) {
      const own = sets.filter((set) => set.documentId === document.id);
      yield {
        documentId: document.id,
        name: document.name,
        sets: own.map((set) => ({ annotator: set.annotator, hoppers: hoppersFromAnnotationRows(rows.get(set.id)!) })),
      };
    }
  }
}

/** The agreement of the project's sets, streamed through the builder batch by batch. */
export async function loadProjectAgreement(project: ProjectRef, options: ProjectSetsOptions): Promise<ProjectAgreement> {
  const builder = new ProjectAgreementBuilder();
  for await (const document of readProjectDocumentSets(project, options)) builder.add(document);
  return builder.result();
}
