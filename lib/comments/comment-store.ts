// Comment threads of annotation sets in PostgreSQL. Every write notifies the
// set's viewers (NOTIFY in the same statement, ids only), so new replies reach
// open editors through the set's stream. Who may see a set's threads is who may
// see the set (lib/auth/policy.ts); callers check that first.

import { inTransaction } from "@/lib/db/transaction";
import { db, type DatabasePool } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { mentionsIn, type Mentionable } from "./comment-body";
import { describeCommentTarget, parseCommentTarget, type CommentTarget } from "./comment-target";
import { renderCommentMarkdown } from "./render-markdown";

export const COMMENTS_CHANNEL = "hopper_comments";

export interface ThreadComment {
  id: string;
  author: string;
  authorId: string;
  /** Markdown as written, and as safe HTML. */
  body: string;
  html: string;
  createdAt: string;
}

export interface CommentThread {
  id: string;
  setId: string;
  /** Stored form (comment-target.ts), null for the document, and in words. */
  target: string | null;
  about: string;
  resolved: boolean;
  comments: ThreadComment[];
}

interface CommentRow {
  id: string;
  setId: string;
  target: string | null;
  parentId: string | null;
  authorId: string;
  author: string;
  body: string;
  resolvedAt: Date | null;
  createdAt: Date;
}

const COMMENT_COLUMNS = `c."id", c."setId", c."target", c."parentId", c."authorId", COALESCE(NULLIF(u."name", ''), u."email") AS "author", c."body", c."resolvedAt", c."createdAt"`;

function threadsOf(rows: CommentRow[]): CommentThread[] {
  const threads = new Map<string, CommentThread>();
  for (const row of rows) {
    const comment: ThreadComment = {
      id: row.id,
      author: row.author,
      authorId: row.authorId,
      body: row.body,
      html: renderCommentMarkdown(row.body),
      createdAt: row.createdAt.toISOString(),
    };
    if (row.parentId === null) {
      const target = parseCommentTarget(row.target);
      threads.set(row.id, {
        id: row.id,
        setId: row.setId,
        target: row.target,
        about: target ? describeCommentTarget(target) : "something no longer known",
        resolved: row.resolvedAt !== null,
        comments: [comment],
      });
    } else {
      threads.get(row.parentId)?.comments.push(comment);
    }
  }
  return [...threads.values()];
}

/** The set's threads, oldest first, each with its comments in order. */
export async function listSetThreads(setId: string, client: DatabasePool = db()): Promise<CommentThread[]> {
  if (!isRecordId(setId)) return [];
  const { rows } = await client.pool.query<CommentRow>(
    `SELECT ${COMMENT_COLUMNS} FROM "Comment" c JOIN "User" u ON u."id" = c."authorId"
      WHERE c."setId" = $1 ORDER BY c."parentId" NULLS FIRST, c."createdAt", c."id"`,
    [setId],
  );
  return threadsOf(rows);
}

/** The project's members, to find whom a comment mentions. */
async function projectMembers(client: DatabasePool, projectId: string): Promise<Mentionable[]> {
  const { rows } = await client.pool.query<Mentionable>(
    `SELECT u."id", u."name", u."email" FROM "ProjectMember" m JOIN "User" u ON u."id" = m."userId" WHERE m."projectId" = $1 AND NOT u."disabled"`,
    [projectId],
  );
  return rows;
}

const NOTIFY = `SELECT pg_notify('${COMMENTS_CHANNEL}', json_build_object('set', $1::text)::text)`;

export interface NewThread {
  setId: string;
  documentId: string;
  projectId: string;
  target: CommentTarget;
  targetText: string | null;
  body: string;
  authorId: string;
}

/** Opens a thread with its first comment; its id. */
export async function createThread(thread: NewThread, client: DatabasePool = db()): Promise<string> {
  const mentioned = mentionsIn(thread.body, await projectMembers(client, thread.projectId));
  return inTransaction(client, async (connection) => {
    const { rows } = await connection.query<{ id: string }>(
      `INSERT INTO "Comment" ("id", "documentId", "setId", "target", "authorId", "body", "mentionedIds")
        VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6::uuid[]) RETURNING "id"`,
      [thread.documentId, thread.setId, thread.targetText, thread.authorId, thread.body, mentioned],
    );
    await connection.query(NOTIFY, [thread.setId]);
    return rows[0].id;
  });
}

export class NoSuchThreadError extends Error {
  constructor() {
    super("No such thread on this set.");
  }
}

/** Adds a reply to a thread of the set. */
export async function replyToThread(
  reply: { setId: string; projectId: string; threadId: string; body: string; authorId: string },
  client: DatabasePool = db(),
): Promise<string> {
  if (!isRecordId(reply.threadId)) throw new NoSuchThreadError();
  const mentioned = mentionsIn(reply.body, await projectMembers(client, reply.projectId));
  return inTransaction(client, async (connection) => {
    const { rows } = await connection.query<{ id: string }>(
      `INSERT INTO "Comment" ("id", "documentId", "setId", "target", "parentId", "authorId", "body", "mentionedIds")
        SELECT gen_random_uuid(), t."documentId", t."setId", t."target", t."id", $3, $4, $5::uuid[] FROM "Comment" t
        WHERE t."id" = $1 AND t."setId" = $2 AND t."parentId" IS NULL RETURNING "id"`,
      [reply.threadId, reply.setId, reply.authorId, reply.body, mentioned],
    );
    if (!rows[0]) throw new NoSuchThreadError();
    await connection.query(NOTIFY, [reply.setId]);
    return rows[0].id;
  });
}

/** Resolves or reopens a thread of the set. */
export async function setThreadResolved(setId: string, threadId: string, resolved: boolean, client: DatabasePool = db()): Promise<void> {
  if (!isRecordId(threadId)) throw new NoSuchThreadError();
  await inTransaction(client, async (connection) => {
    const { rowCount } = await connection.query(
      `UPDATE "Comment" SET "resolvedAt" = CASE WHEN $3 THEN COALESCE("resolvedAt", now()) END WHERE "id" = $1 AND "setId" = $2 AND "parentId" IS NULL`,
      [threadId, setId, resolved],
    );
    if (!rowCount) throw new NoSuchThreadError();
    await connection.query(NOTIFY, [setId]);
  });
}

export type ThreadFilter = "all" | "open" | "mine" | "mentions";

export interface ListedThread extends CommentThread {
  documentId: string;
  documentName: string;
  setKind: "GOLD" | "ANNOTATOR";
  setAnnotatorId: string | null;
  setStatus: "NEW" | "IN_PROGRESS" | "SUBMITTED" | "IMPORTED" | "ADJUDICATED";
  /** Whether the document is assigned to the set's annotator (lib/auth/workflow.ts). */
  setAssigned: boolean;
  setAnnotatorName: string | null;
}

/**
 * A project's threads (or one document's), newest activity first, for a
 * viewer: `ownSetsOnly` keeps the threads of the viewer's own sets (annotators
 * see no other set; the policy says who sees which, and callers check each
 * thread's set with it too). `mine`: threads the viewer wrote in; `mentions`: threads mentioning them.
 */
export async function listThreads(
  scope: { projectId: string; documentId?: string },
  viewer: { id: string; ownSetsOnly: boolean },
  filter: ThreadFilter,
  client: DatabasePool = db(),
): Promise<ListedThread[]> {
  const { rows } = await client.pool.query<CommentRow & Omit<ListedThread, keyof CommentThread>>(
    `WITH threads AS (
        SELECT t."id" FROM "Comment" t JOIN "Document" d ON d."id" = t."documentId" JOIN "AnnotationSet" s ON s."id" = t."setId"
        WHERE d."projectId" = $1 AND ($2::uuid IS NULL OR t."documentId" = $2) AND t."parentId" IS NULL
          AND (NOT $4 OR (s."kind" = 'ANNOTATOR' AND s."annotatorId" = $3))
          AND ($5 <> 'open' OR t."resolvedAt" IS NULL)
          AND ($5 <> 'mine' OR EXISTS (SELECT 1 FROM "Comment" r WHERE (r."id" = t."id" OR r."parentId" = t."id") AND r."authorId" = $3))
          AND ($5 <> 'mentions' OR EXISTS (SELECT 1 FROM "Comment" r WHERE (r."id" = t."id" OR r."parentId" = t."id") AND $3 = ANY(r."mentionedIds")))
        ORDER BY (SELECT max(r."createdAt") FROM "Comment" r WHERE r."id" = t."id" OR r."parentId" = t."id") DESC
        LIMIT 500)
      SELECT ${COMMENT_COLUMNS}, c."documentId", d."name" AS "documentName", s."kind" AS "setKind", s."annotatorId" AS "setAnnotatorId",
          s."status" AS "setStatus", NULLIF(COALESCE(NULLIF(a."name", ''), a."email"), '') AS "setAnnotatorName",
          EXISTS (SELECT 1 FROM "Assignment" x WHERE x."documentId" = s."documentId" AND x."annotatorId" = s."annotatorId") AS "setAssigned"
        FROM "Comment" c JOIN threads th ON th."id" = COALESCE(c."parentId", c."id")
        JOIN "User" u ON u."id" = c."authorId" JOIN "Document" d ON d."id" = c."documentId" JOIN "AnnotationSet" s ON s."id" = c."setId"
        LEFT JOIN "User" a ON a."id" = s."annotatorId"
        ORDER BY c."parentId" NULLS FIRST, c."createdAt", c."id"`,
    [scope.projectId, scope.documentId ?? null, viewer.id, viewer.ownSetsOnly, filter],
  );
  const extra = new Map(rows.map((row) => [row.id, row]));
  const order = new Map<string, Date>();
  for (const row of rows) {
    const threadId = row.parentId ?? row.id;
    if (!order.has(threadId) || order.get(threadId)! < row.createdAt) order.set(threadId, row.createdAt);
  }
  return threadsOf(rows)
    .map((thread) => {
      const row = extra.get(thread.id)!;
      return {
        ...thread,
        documentId: row.documentId,
        documentName: row.documentName,
        setKind: row.setKind,
        setAnnotatorId: row.setAnnotatorId,
        setStatus: row.setStatus,
        setAnnotatorName: row.setAnnotatorName,
        setAssigned: row.setAssigned,
      };
    })
    .sort((a, b) => order.get(b.id)!.getTime() - order.get(a.id)!.getTime());
}
