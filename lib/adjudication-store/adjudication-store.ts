// Adjudicating a document in the database: its annotators' sets and its gold
// set read together, the gold started with what the annotators agree on, and
// the reviewer's decisions applied. An accepted version goes into the gold
// through saveOperations, the editor's own save path, built on the gold's
// current version: a save answered "behind" (another reviewer saved first) is
// built again on the newer gold, so concurrent reviewers never lose a
// decision. Decisions are kept in AdjudicationDecision: a rejection changes
// nothing in the gold, and the counter must know it was decided; each keeps
// the client id its operations were saved under, so undoing it takes exactly
// them back (lib/annotation-sets/revert-save.ts), after whatever came since.

import { randomUUID } from "node:crypto";
import { adjudicationState, type AdjudicationDecision, type AdjudicationState } from "@/lib/adjudication/adjudication-state";
import { findDisagreements, type Disagreements } from "@/lib/adjudication/disagreements";
import type { AnnotatorSet } from "@/lib/adjudication/event-rows";
import {
  acceptVersionOperations,
  agreedGoldOperations,
  InvalidGroupingError,
  regroupOperations,
  rejectOperations,
  UnknownVersionError,
} from "@/lib/adjudication/gold-operations";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import { loadAnnotationSet, saveOperations, type AnnotationSetState } from "@/lib/annotation-sets";
import { revertClientSave } from "@/lib/annotation-sets/revert-save";
import type { CurrentUser } from "@/lib/auth/access";
import { permissionsInProject, type ProjectPermissions } from "@/lib/auth/policy";
import { setMove } from "@/lib/auth/workflow";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";

/** What the adjudication page and route show: the disagreements with the gold's versions and the decisions, and the gold itself. */
export interface DocumentAdjudication {
  documentId: string;
  documentName: string;
  projectId: string;
  goldSetId: string;
  goldVersion: number;
  adjudicated: boolean;
  /** The gold set's document: the text, and the annotations as adjudicated so far. */
  gold: AnnotationSetState["document"];
  state: AdjudicationState;
}

export type AdjudicationRequest =
  | { action: "accept"; itemId: string; annotatorId: string }
  | { action: "reject"; itemId: string; reason?: string }
  /** The reviewer's own grouping of a hopper cluster: its events' row keys, one list per hopper. */
  | { action: "regroup"; itemId: string; groups: string[][] }
  /** The item becomes undecided again, and what its decision changed in the gold is taken back. */
  | { action: "undo"; itemId: string }
  | { action: "mark-adjudicated" };

export type AdjudicationResult =
  | { ok: true; adjudication: DocumentAdjudication }
  /** not-found: no such document, or the user is no reviewer of it (annotation is blind: they learn nothing). invalid: a malformed decision. */
  | { ok: false; reason: "not-found" | "refused" | "conflict" | "invalid"; message: string };

type StoredDecisionKind = "ACCEPTED" | "REJECTED" | "REGROUPED";

/** The clientId of the gold's starting save: every reviewer opening at once sends the same one, so it is stored once. */
const AGREED_CLIENT_ID = "adjudication-agreed";
/** Concurrent decisions on one gold each rebuild and retry; more than this many in a row means something else is wrong. */
const MAX_ATTEMPTS = 8;

interface Loaded {
  documentId: string;
  documentName: string;
  projectId: string;
  permissions: ProjectPermissions;
  model: Disagreements;
  gold: AnnotationSetState;
}

/** The document's adjudication as `user` may see it: reviewers, managers and admins only; the gold starts with the agreed part. */
export async function openAdjudication(user: CurrentUser, documentId: string, client: Database = db()): Promise<AdjudicationResult> {
  const loaded = await loadForReviewer(user, documentId, client);
  if (!loaded.ok) return loaded;
  const started = await startGold(loaded.value, client);
  if (!started.ok) return started;
  return { ok: true, adjudication: await describe(started.value, client) };
}

export async function decide(
  user: CurrentUser,
  documentId: string,
  request: AdjudicationRequest,
  client: Database = db(),
): Promise<AdjudicationResult> {
  const loaded = await loadForReviewer(user, documentId, client);
  if (!loaded.ok) return loaded;
  const started = await startGold(loaded.value, client);
  if (!started.ok) return started;
  const context = started.value;
  if (context.permissions.archived) return { ok: false, reason: "refused", message: "The project is archived: it is read-only." };
  const decided = async (
    build: (gold: AnnotationSetState) => AnnotationOperation[],
    decision: { itemId: string; decision: StoredDecisionKind; annotatorId: string | null; reason: string | null },
  ): Promise<AdjudicationResult> => {
    const saved = await saveDecidedOperations(context, user, client, build);
    if (!saved.ok) return saved;
    await recordDecision(client, context, user, { ...decision, goldClientId: saved.clientId });
    return { ok: true, adjudication: await describe({ ...context, gold: saved.gold }, client) };
  };
  switch (request.action) {
    case "accept":
      return decided((gold) => acceptVersionOperations(context.model, request.itemId, request.annotatorId, gold.document, gold.numbering), {
        itemId: request.itemId,
        decision: "ACCEPTED",
        annotatorId: request.annotatorId,
        reason: null,
      });
    case "reject":
      // What an earlier acceptance put into the gold for this item leaves it (gold-operations.ts says what that is).
      return decided((gold) => rejectOperations(context.model, request.itemId, gold.document, gold.numbering), {
        itemId: request.itemId,
        decision: "REJECTED",
        annotatorId: null,
        reason: request.reason?.trim() || null,
      });
    case "regroup":
      return decided((gold) => regroupOperations(context.model, request.itemId, request.groups, gold.document, gold.numbering), {
        itemId: request.itemId,
        decision: "REGROUPED",
        annotatorId: null,
        reason: null,
      });
    case "undo":
      return undoDecision(context, user, client, request.itemId);
    case "mark-adjudicated":
      return markAdjudicated(context, user, client);
  }
}

/** Whether `user` reviews the document's project (false too when there is no such document). */
export async function mayAdjudicate(user: CurrentUser, documentId: string, client: Database = db()): Promise<boolean> {
  if (!isRecordId(documentId)) return false;
  const document = await client.document.findUnique({ where: { id: documentId }, select: { projectId: true } });
  return document !== null && (await permissionsInProject(user, document.projectId, client)).review;
}

async function loadForReviewer(
  user: CurrentUser,
  documentId: string,
  client: Database,
): Promise<{ ok: true; value: Loaded } | Extract<AdjudicationResult, { ok: false }>> {
  const notFound = { ok: false, reason: "not-found", message: "No such document." } as const;
  if (!isRecordId(documentId)) return notFound;
  const document = await client.document.findUnique({ where: { id: documentId }, select: { name: true, projectId: true } });
  if (!document) return notFound;
  const permissions = await permissionsInProject(user, document.projectId, client);
  if (!permissions.review) return notFound;
  const { rows } = await client.pool.query<{ setId: string; annotatorId: string; name: string }>(
    `SELECT s."id" AS "setId", s."annotatorId", COALESCE(NULLIF(u."name", ''), u."email") AS "name"
      FROM "AnnotationSet" s JOIN "User" u ON u."id" = s."annotatorId"
      WHERE s."documentId" = $1 AND s."kind" = 'ANNOTATOR' AND s."status" <> 'NEW'
      ORDER BY COALESCE(NULLIF(u."name", ''), u."email"), u."id"`,
    [documentId],
  );
  // The sets are read at once, not one after another.
  const states = await Promise.all(rows.map((row) => loadAnnotationSet(row.setId, client)));
  const sets: AnnotatorSet[] = rows.flatMap((row, i) => {
    const state = states[i];
    return state ? [{ annotatorId: row.annotatorId, name: row.name, document: state.document }] : [];
  });
  const goldSetId = await findOrCreateGoldSet(client, documentId);
  const gold = goldSetId && (await loadAnnotationSet(goldSetId, client));
  if (!gold) return notFound;
  return {
    ok: true,
    value: { documentId, documentName: document.name, projectId: document.projectId, permissions, model: findDisagreements(sets), gold },
  };
}

/** The unique index on gold sets, not a prior lookup, keeps two reviewers opening at once to one gold set. */
async function findOrCreateGoldSet(client: Database, documentId: string): Promise<string | null> {
  await client.pool.query(
    `INSERT INTO "AnnotationSet" ("id","documentId","kind","annotatorId","status","version","updatedAt")
      VALUES (gen_random_uuid(), $1, 'GOLD', NULL, 'NEW', 0, CURRENT_TIMESTAMP)
      ON CONFLICT ("documentId") WHERE "kind" = 'GOLD' DO NOTHING`,
    [documentId],
  );
  const { rows } = await client.pool.query<{ id: string }>(`SELECT "id" FROM "AnnotationSet" WHERE "documentId" = $1 AND "kind" = 'GOLD'`, [
    documentId,
  ]);
  return rows[0]?.id ?? null;
}

/** A gold set never written to gets the agreed part, once: every reviewer sends it under the same client id and sequence number. */
async function startGold(context: Loaded, client: Database): Promise<{ ok: true; value: Loaded } | Extract<AdjudicationResult, { ok: false }>> {
  const { gold } = context;
  if (gold.version !== 0 || gold.document.hoppers.length || context.permissions.archived) return { ok: true, value: context };
  const operations = agreedGoldOperations(context.model, gold.document, gold.numbering);
  if (!operations.length) return { ok: true, value: context };
  const label = "Start the gold with what the annotators agree on";
  const response = await saveOperations(
    {
      setId: gold.setId,
      baseVersion: 0,
      clientId: AGREED_CLIENT_ID,
      operations: [{ seq: 1, operation: { kind: "batch", label, operations } }],
      userId: null,
    },
    client,
  );
  if (response.status === "refused" || response.status === "reload") return { ok: false, reason: "conflict", message: response.message };
  const reloaded = await loadAnnotationSet(gold.setId, client);
  return reloaded ? { ok: true, value: { ...context, gold: reloaded } } : { ok: false, reason: "not-found", message: "No such document." };
}

/**
 * The operations `build` makes from the gold, saved on the version they were
 * built on; when another save came first, built again on the gold it left.
 */
async function saveDecidedOperations(
  context: Loaded,
  user: CurrentUser,
  client: Database,
  build: (gold: AnnotationSetState) => AnnotationOperation[],
): Promise<{ ok: true; gold: AnnotationSetState; clientId: string | null } | Extract<AdjudicationResult, { ok: false }>> {
  let gold = context.gold;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    let operations: AnnotationOperation[];
    try {
      operations = build(gold);
    } catch (error) {
      if (error instanceof UnknownVersionError) return { ok: false, reason: "conflict", message: error.message };
      if (error instanceof InvalidGroupingError) return { ok: false, reason: "invalid", message: error.message };
      throw error;
    }
    if (!operations.length) return { ok: true, gold, clientId: null };
    const clientId = `adjudication-${randomUUID()}`;
    const response = await saveOperations(
      {
        setId: gold.setId,
        baseVersion: gold.version,
        clientId,
        operations: operations.map((operation, i) => ({ seq: i + 1, operation })),
        userId: user.id,
      },
      client,
    );
    if (response.status === "refused" || response.status === "reload") return { ok: false, reason: "conflict", message: response.message };
    const reloaded = await loadAnnotationSet(gold.setId, client);
    if (!reloaded) return { ok: false, reason: "not-found", message: "No such document." };
    gold = reloaded;
    if (response.status === "saved") return { ok: true, gold, clientId };
  }
  return { ok: false, reason: "conflict", message: "The gold set kept changing while your decision was saved: try again." };
}

async function recordDecision(
  client: Database,
  context: Loaded,
  user: CurrentUser,
  decision: { itemId: string; decision: StoredDecisionKind; annotatorId: string | null; reason: string | null; goldClientId: string | null },
): Promise<void> {
  await client.pool.query(
    `INSERT INTO "AdjudicationDecision" ("id","goldSetId","itemId","decision","annotatorId","reason","reviewerId","decidedAt","goldClientId")
      VALUES (gen_random_uuid(), $1, $2, $3::"AdjudicationDecisionKind", $4, $5, $6, CURRENT_TIMESTAMP, $7)
      ON CONFLICT ("goldSetId","itemId") DO UPDATE SET "decision" = EXCLUDED."decision", "annotatorId" = EXCLUDED."annotatorId",
        "reason" = EXCLUDED."reason", "reviewerId" = EXCLUDED."reviewerId", "decidedAt" = EXCLUDED."decidedAt",
        "goldClientId" = EXCLUDED."goldClientId"`,
    [context.gold.setId, decision.itemId, decision.decision, decision.annotatorId, decision.reason, user.id, decision.goldClientId],
  );
}

/**
 * The item's decision is deleted first (of two reviewers undoing at once, one
 * does), then what it changed in the gold is taken back. A decision that
 * replaced an earlier one took back nothing of it: what the earlier one put in
 * stays until the reviewer decides again.
 */
async function undoDecision(context: Loaded, user: CurrentUser, client: Database, itemId: string): Promise<AdjudicationResult> {
  const { rows } = await client.pool.query<{ goldClientId: string | null }>(
    `DELETE FROM "AdjudicationDecision" WHERE "goldSetId" = $1 AND "itemId" = $2 RETURNING "goldClientId"`,
    [context.gold.setId, itemId],
  );
  if (!rows.length) return { ok: false, reason: "conflict", message: "That item has no decision to undo (another reviewer may have undone it)." };
  const { goldClientId } = rows[0];
  if (goldClientId) {
    const reverted = await revertClientSave(context.gold.setId, goldClientId, user.id, client);
    if (reverted.status === "failed")
      return { ok: false, reason: "conflict", message: `The decision is undone, but the gold kept its change: ${reverted.message}` };
  }
  const gold = await loadAnnotationSet(context.gold.setId, client);
  if (!gold) return { ok: false, reason: "not-found", message: "No such document." };
  return { ok: true, adjudication: await describe({ ...context, gold }, client) };
}

async function markAdjudicated(context: Loaded, user: CurrentUser, client: Database): Promise<AdjudicationResult> {
  const { gold } = context;
  const move = setMove("adjudicate", user, context.permissions, { kind: "GOLD", annotatorId: null, status: gold.status, assigned: false });
  if (!move.allowed) return { ok: false, reason: "refused", message: move.why };
  const adjudication = await describe(context, client);
  const undecided = adjudication.state.undecided;
  if (undecided) return { ok: false, reason: "conflict", message: `${undecided} disagreement${undecided === 1 ? " is" : "s are"} still undecided.` };
  await client.pool.query(`UPDATE "AnnotationSet" SET "status" = $2::"SetStatus", "updatedAt" = CURRENT_TIMESTAMP WHERE "id" = $1`, [
    gold.setId,
    move.to,
  ]);
  return { ok: true, adjudication: { ...adjudication, adjudicated: true } };
}

const DECISION_KINDS: Record<StoredDecisionKind, AdjudicationDecision["decision"]> = {
  ACCEPTED: "accepted",
  REJECTED: "rejected",
  REGROUPED: "regrouped",
};

async function describe(context: Loaded, client: Database): Promise<DocumentAdjudication> {
  const { gold } = context;
  const { rows } = await client.pool.query<Omit<AdjudicationDecision, "decision" | "decidedAt"> & { decision: StoredDecisionKind; decidedAt: Date }>(
    `SELECT a."itemId", a."decision", a."annotatorId", a."reason", a."reviewerId", COALESCE(NULLIF(u."name", ''), u."email") AS "reviewerName", a."decidedAt"
      FROM "AdjudicationDecision" a JOIN "User" u ON u."id" = a."reviewerId" WHERE a."goldSetId" = $1`,
    [gold.setId],
  );
  const decisions = rows.map((row): AdjudicationDecision => ({
    ...row,
    decision: DECISION_KINDS[row.decision],
    decidedAt: row.decidedAt.toISOString(),
  }));
  return {
    documentId: context.documentId,
    documentName: context.documentName,
    projectId: context.projectId,
    goldSetId: gold.setId,
    goldVersion: gold.version,
    adjudicated: gold.status === "ADJUDICATED",
    gold: gold.document,
    state: adjudicationState(context.model, gold.document, decisions),
  };
}
