// Repairing every shift-explained span of a project's gold sets at once: the
// repairs the editor's checks offer one by one (lib/annotation/shift-repairs.ts),
// saved through the one save path as any window's edits are, each span's repair
// its own logged operation. A set another window changed meanwhile is read again
// and its repairs worked out anew, so nobody's edit is lost.

import { randomUUID } from "node:crypto";
import { shiftRepairs, type ShiftRepair } from "@/lib/annotation/shift-repairs";
import { countNoun } from "@/lib/count-noun";
import type { CurrentUser } from "@/lib/auth/access";
import { db, type DatabasePool } from "@/lib/db/client";
import { loadGoldDocuments } from "@/lib/documents/store";
import { checkGoldEditor, type ProjectResult } from "@/lib/projects/project-access";
import { findProjectById } from "@/lib/projects/project-store";
import { saveOperations, SetNotEditableError } from "./save-operations";
import { loadAnnotationSet } from "./set-state";

export interface DocumentShiftRepairs {
  documentId: string;
  documentName: string;
  setId: string;
  repairs: ShiftRepair[];
}

export interface RepairedDocument {
  documentId: string;
  documentName: string;
  repaired: ShiftRepair[];
  /** Repairs the save refused (the set changed so that they no longer fit), with why. */
  refused: { repair: ShiftRepair; message: string }[];
}

/** Gold sets are read this many documents at a time: memory stays flat as the project grows. */
const BATCH_SIZE = 250;

/** A save that finds the set moved on is tried again on the new version this many times before the document is given up. */
const MAX_ATTEMPTS = 5;

/** What a repair would change: the gold sets of the project with shift-explained spans, by document name. */
export async function findShiftRepairs(projectId: string, client: DatabasePool): Promise<DocumentShiftRepairs[]> {
  const { rows } = await client.pool.query<{ id: string }>(
    `SELECT d."id" FROM "Document" d WHERE d."projectId" = $1
      AND EXISTS (SELECT 1 FROM "AnnotationSet" s WHERE s."documentId" = d."id" AND s."kind" = 'GOLD') ORDER BY d."name", d."id"`,
    [projectId],
  );
  const found: DocumentShiftRepairs[] = [];
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const documents = await loadGoldDocuments(
      rows.slice(start, start + BATCH_SIZE).map((row) => row.id),
      client,
    );
    for (const document of documents) {
      const repairs = shiftRepairs(document.casie);
      if (repairs.length && document.goldSetId)
        found.push({ documentId: document.id, documentName: document.name, setId: document.goldSetId, repairs });
    }
  }
  return found;
}

/**
 * Repairs every shift-explained span of the project's gold sets, as `userId`
 * (null: the command line) saving them. Refuses an archived project whole.
 */
export async function repairShiftedSpans(
  projectId: string,
  { userId, client }: { userId: string | null; client: DatabasePool },
): Promise<RepairedDocument[]> {
  const project = await findProjectById(projectId, client);
  if (project?.archived) throw new SetNotEditableError("The project is archived: it is read-only.");
  const window = { clientId: `repair-${randomUUID()}`, seq: 0 };
  const repaired: RepairedDocument[] = [];
  for (const document of await findShiftRepairs(projectId, client)) {
    repaired.push({
      documentId: document.documentId,
      documentName: document.documentName,
      ...(await repairGoldSet(document.setId, userId, window, client)),
    });
  }
  return repaired;
}

/** One set's repairs, saved together on its current version. */
async function repairGoldSet(
  setId: string,
  userId: string | null,
  window: { clientId: string; seq: number },
  client: DatabasePool,
): Promise<Pick<RepairedDocument, "repaired" | "refused">> {
  const refused: RepairedDocument["refused"] = [];
  let repairs: ShiftRepair[] = [];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS;) {
    const state = await loadAnnotationSet(setId, client);
    repairs = state ? shiftRepairs(state.document).filter((repair) => !refused.some((r) => r.repair.spanIndex === repair.spanIndex)) : [];
    if (!state || !repairs.length) return { repaired: [], refused };
    const operations = repairs.map((repair) => ({ seq: ++window.seq, operation: repair.operation }));
    const response = await saveOperations({ setId, baseVersion: state.version, clientId: window.clientId, operations, userId }, client);
    switch (response.status) {
      case "saved":
        return { repaired: repairs, refused };
      case "refused":
        // Nothing was stored: the others are saved without the refused one.
        refused.push({ repair: repairs[operations.findIndex((entry) => entry.seq === response.seq)], message: response.message });
        break;
      case "behind":
      case "reload":
        attempt++;
        break;
    }
  }
  const busy = "others kept changing the set meanwhile: run the repair again";
  return { repaired: [], refused: [...refused, ...repairs.map((repair) => ({ repair, message: busy }))] };
}

/** What a repair did, in one line: `Repaired 21 shifted spans in 2 documents`, and what it could not. */
export function summarizeRepairs(documents: RepairedDocument[]): string {
  const repaired = documents.filter((document) => document.repaired.length);
  const spans = repaired.reduce((sum, document) => sum + document.repaired.length, 0);
  const refused = documents.reduce((sum, document) => sum + document.refused.length, 0);
  const summary = `Repaired ${countNoun(spans, "shifted span")} in ${countNoun(repaired.length, "document")}`;
  return refused ? `${summary}; ${countNoun(refused, "span")} could not be repaired` : summary;
}

/** What a repair of the project would change, for who may make it (checkGoldEditor). */
export async function shiftRepairsFor(actor: CurrentUser | null, projectId: string): Promise<ProjectResult<{ documents: DocumentShiftRepairs[] }>> {
  const allowed = await checkGoldEditor(actor, projectId);
  return allowed.ok ? { ok: true, documents: await findShiftRepairs(projectId, db()) } : allowed;
}

/** The project's repair made by `actor`, when they may make it (checkGoldEditor). */
export async function repairShiftedSpansAs(actor: CurrentUser | null, projectId: string): Promise<ProjectResult<{ documents: RepairedDocument[] }>> {
  const allowed = await checkGoldEditor(actor, projectId);
  return allowed.ok ? { ok: true, documents: await repairShiftedSpans(projectId, { userId: actor!.id, client: db() }) } : allowed;
}
