// Handing documents to a project's annotators, and taking them back: by hand,
// balanced ("each to N annotators"), withdrawn or moved. Callers have checked
// that the asking user manages the project; these check what is handed to
// whom. Withdrawing or moving keeps the work done: the annotator's set stays
// for the reviewers (read-only to them, lib/auth/workflow.ts).

import type pg from "pg";
import { db, type DatabasePool } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { inTransaction } from "@/lib/db/transaction";
import { countNoun } from "@/lib/count-noun";
import { planBalancedAssignments } from "./balance";

/** A refused assignment change, with a message for the manager. */
export class AssignmentError extends Error {}

export interface ProjectAnnotator {
  id: string;
  /** Their name, else their email. */
  name: string;
  email: string;
  /** Documents of the project assigned to them now. */
  assigned: number;
}

/** The project's annotators (members with the annotator role, accounts not disabled) with their workload, by name. */
export async function listProjectAnnotators(projectId: string, client: DatabasePool = db()): Promise<ProjectAnnotator[]> {
  if (!isRecordId(projectId)) return [];
  return readAnnotators(client.pool, projectId);
}

async function readAnnotators(connection: pg.Pool | pg.PoolClient, projectId: string): Promise<ProjectAnnotator[]> {
  const { rows } = await connection.query<ProjectAnnotator>(
    `SELECT u."id", COALESCE(NULLIF(u."name", ''), u."email") AS "name", u."email",
        (SELECT count(*)::int FROM "Assignment" a JOIN "Document" d ON d."id" = a."documentId"
          WHERE a."annotatorId" = u."id" AND d."projectId" = $1) AS "assigned"
      FROM "ProjectMember" m JOIN "User" u ON u."id" = m."userId"
      WHERE m."projectId" = $1 AND m."role" = 'ANNOTATOR' AND NOT u."disabled"
      ORDER BY lower(COALESCE(NULLIF(u."name", ''), u."email")), u."id"`,
    [projectId],
  );
  return rows;
}

function checkIds(ids: readonly string[], what: string): void {
  if (ids.some((id) => !isRecordId(id))) throw new AssignmentError(`Some ${what} could not be read; reload the page and try again.`);
}

/** Refuses documents that are not in the project (deleted since the page was shown, or from elsewhere). */
async function checkDocuments(connection: pg.PoolClient, projectId: string, documentIds: readonly string[]): Promise<void> {
  checkIds(documentIds, "documents");
  const { rows } = await connection.query<{ count: number }>(
    `SELECT count(*)::int AS "count" FROM "Document" WHERE "projectId" = $1 AND "id" = ANY($2::uuid[])`,
    [projectId, [...new Set(documentIds)]],
  );
  if (rows[0].count !== new Set(documentIds).size)
    throw new AssignmentError("Some of the selected documents are no longer in this project; reload the page.");
}

/** Refuses anyone who is not one of the project's annotators. */
async function checkAnnotators(connection: pg.PoolClient, projectId: string, annotatorIds: readonly string[]): Promise<ProjectAnnotator[]> {
  checkIds(annotatorIds, "annotators");
  const annotators = await readAnnotators(connection, projectId);
  const known = new Set(annotators.map((annotator) => annotator.id));
  if (annotatorIds.some((id) => !known.has(id))) throw new AssignmentError("Documents are handed only to the project's annotators.");
  return annotators;
}

/** Serializes the changes to one project's assignments, so balancing reads workloads no other change is altering. */
async function lockProjectAssignments(connection: pg.PoolClient, projectId: string): Promise<void> {
  await connection.query(`SELECT pg_advisory_xact_lock(hashtextextended('hopper-assignments:' || $1, 0))`, [projectId]);
}

async function insertAssignments(
  connection: pg.PoolClient,
  pairs: { documentId: string; annotatorId: string }[],
  assignedById: string | null,
): Promise<number> {
  if (!pairs.length) return 0;
  const { rowCount } = await connection.query(
    `INSERT INTO "Assignment" ("documentId", "annotatorId", "assignedById")
      SELECT * , $3::uuid FROM unnest($1::uuid[], $2::uuid[])
      ON CONFLICT ("documentId", "annotatorId") DO NOTHING`,
    [pairs.map((pair) => pair.documentId), pairs.map((pair) => pair.annotatorId), assignedById],
  );
  return rowCount ?? 0;
}

export interface AssignmentChange {
  projectId: string;
  documentIds: readonly string[];
  /** The manager making the change (null: the CLI). */
  byUserId: string | null;
}

/** Each document to each of the annotators (those it has already are left as they are). */
export async function assignByHand(change: AssignmentChange & { annotatorIds: readonly string[] }, client: DatabasePool = db()): Promise<string> {
  if (!change.documentIds.length || !change.annotatorIds.length) throw new AssignmentError("Select documents and at least one annotator.");
  return inTransaction(client, async (connection) => {
    await lockProjectAssignments(connection, change.projectId);
    await checkDocuments(connection, change.projectId, change.documentIds);
    await checkAnnotators(connection, change.projectId, change.annotatorIds);
    const pairs = [...new Set(change.documentIds)].flatMap((documentId) => change.annotatorIds.map((annotatorId) => ({ documentId, annotatorId })));
    const created = await insertAssignments(connection, pairs, change.byUserId);
    return `${countNoun(created, "assignment")} made${created < pairs.length ? ` (${pairs.length - created} existed already)` : ""}.`;
  });
}

/** Each document to `perDocument` of the project's annotators, the least busy first (balance.ts). */
export async function assignBalanced(change: AssignmentChange & { perDocument: number }, client: DatabasePool = db()): Promise<string> {
  if (!change.documentIds.length) throw new AssignmentError("Select the documents to assign first.");
  return inTransaction(client, async (connection) => {
    await lockProjectAssignments(connection, change.projectId);
    await checkDocuments(connection, change.projectId, change.documentIds);
    const annotators = await readAnnotators(connection, change.projectId);
    if (!annotators.length) throw new AssignmentError("This project has no annotators yet: add members with the annotator role first.");
    const { rows } = await connection.query<{ documentId: string; annotatorId: string }>(
      `SELECT "documentId", "annotatorId" FROM "Assignment" WHERE "documentId" = ANY($1::uuid[])`,
      [change.documentIds],
    );
    const existing = new Map<string, Set<string>>();
    for (const row of rows) existing.set(row.documentId, (existing.get(row.documentId) ?? new Set()).add(row.annotatorId));
    const plan = planBalancedAssignments({
      documentIds: change.documentIds,
      annotators: annotators.map((annotator) => ({ annotatorId: annotator.id, assigned: annotator.assigned })),
      existing,
      perDocument: change.perDocument,
    });
    const created = await insertAssignments(connection, plan.assignments, change.byUserId);
    const short = plan.shortDocumentIds.length
      ? ` ${countNoun(plan.shortDocumentIds.length, "document")} got fewer than ${change.perDocument}: the project has ${countNoun(annotators.length, "annotator")}.`
      : "";
    return `${countNoun(created, "assignment")} made across ${countNoun(annotators.length, "annotator")}.${short}`;
  });
}

/** Takes the documents back from the annotator; their sets stay. */
export async function withdrawAssignments(change: AssignmentChange & { annotatorId: string }, client: DatabasePool = db()): Promise<string> {
  if (!change.documentIds.length) throw new AssignmentError("Select the documents to withdraw first.");
  checkIds([...change.documentIds, change.annotatorId], "documents");
  return inTransaction(client, async (connection) => {
    await lockProjectAssignments(connection, change.projectId);
    const { rowCount } = await connection.query(
      `DELETE FROM "Assignment" a USING "Document" d
        WHERE d."id" = a."documentId" AND d."projectId" = $1 AND a."annotatorId" = $2 AND a."documentId" = ANY($3::uuid[])`,
      [change.projectId, change.annotatorId, change.documentIds],
    );
    return `${countNoun(rowCount ?? 0, "assignment")} withdrawn; work already done is kept.`;
  });
}

/** Hands the documents `from` one annotator to another: those the other has already, or `from` never had, are left alone. */
export async function moveAssignments(change: AssignmentChange & { fromId: string; toId: string }, client: DatabasePool = db()): Promise<string> {
  if (!change.documentIds.length) throw new AssignmentError("Select the documents to move first.");
  if (change.fromId === change.toId) throw new AssignmentError("Pick two different annotators to move documents between.");
  checkIds([...change.documentIds, change.fromId], "documents");
  return inTransaction(client, async (connection) => {
    await lockProjectAssignments(connection, change.projectId);
    await checkAnnotators(connection, change.projectId, [change.toId]);
    const { rows } = await connection.query<{ documentId: string }>(
      `DELETE FROM "Assignment" a USING "Document" d
        WHERE d."id" = a."documentId" AND d."projectId" = $1 AND a."annotatorId" = $2 AND a."documentId" = ANY($3::uuid[])
          AND NOT EXISTS (SELECT 1 FROM "Assignment" o WHERE o."documentId" = a."documentId" AND o."annotatorId" = $4)
        RETURNING a."documentId"`,
      [change.projectId, change.fromId, change.documentIds, change.toId],
    );
    const moved = await insertAssignments(
      connection,
      rows.map(({ documentId }) => ({ documentId, annotatorId: change.toId })),
      change.byUserId,
    );
    const left = new Set(change.documentIds).size - moved;
    return `${countNoun(moved, "document")} moved; work already done is kept.${left ? ` ${countNoun(left, "document")} left as they were (not assigned to the first, or assigned to both).` : ""}`;
  });
}

/** For the CLI: the documents named (all of the project's when none are) to the annotator with this email. */
export async function assignByNames(
  input: { projectName: string; email: string; documentNames: readonly string[] },
  client: DatabasePool = db(),
): Promise<string> {
  const { rows: projects } = await client.pool.query<{ id: string }>(`SELECT "id" FROM "Project" WHERE "name" = $1`, [input.projectName]);
  if (!projects[0]) throw new AssignmentError(`no project named "${input.projectName}"`);
  const { rows: users } = await client.pool.query<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = $1`, [input.email.trim().toLowerCase()]);
  if (!users[0]) throw new AssignmentError(`no account with the email ${input.email.trim().toLowerCase()}`);
  const { rows: documents } = await client.pool.query<{ id: string; name: string }>(
    `SELECT "id", "name" FROM "Document" WHERE "projectId" = $1 AND (cardinality($2::text[]) = 0 OR "name" = ANY($2::text[]))`,
    [projects[0].id, input.documentNames],
  );
  const missing = input.documentNames.filter((name) => !documents.some((document) => document.name === name));
  if (missing.length) throw new AssignmentError(`no document named ${missing.map((name) => `"${name}"`).join(", ")} in "${input.projectName}"`);
  if (!documents.length) throw new AssignmentError(`"${input.projectName}" has no documents`);
  return assignByHand(
    { projectId: projects[0].id, documentIds: documents.map((document) => document.id), annotatorIds: [users[0].id], byUserId: null },
    client,
  );
}
