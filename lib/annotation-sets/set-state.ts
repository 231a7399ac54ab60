// Reads an annotation set: what it is, and the CASIE document it makes with
// its document's text (lib/documents does the row mapping).

import type pg from "pg";
import type { SetKind, SetStatus } from "@/generated/prisma/enums";
import type { SetNumbering } from "@/lib/annotation/index-allocation";
import type { CasieDocument, CasieHopper } from "@/lib/casie/types";
import { db, type DatabasePool } from "@/lib/db/client";
import { casieDocumentFromRecord, type DocumentContentRecord } from "@/lib/documents/document-record";
import { hoppersFromAnnotationRows, type AnnotationRows } from "./annotation-rows";
import { readSetsRows } from "./set-rows";
import { isRecordId } from "@/lib/db/record-id";
import { inTransaction } from "@/lib/db/transaction";

export interface AnnotationSetSummary {
  setId: string;
  documentId: string;
  projectId: string;
  kind: SetKind;
  annotatorId: string | null;
  status: SetStatus;
  /** Whether the document is assigned to the set's annotator (lib/auth/workflow.ts). */
  assigned: boolean;
  version: number;
  /** The highest numbers the set has ever used: new `E`/`T`/hopper numbers go past them. */
  numbering: SetNumbering;
}

export interface AnnotationSetState extends AnnotationSetSummary {
  /** The document's text and metadata with this set's hoppers. */
  document: CasieDocument;
}

export const SUMMARY_COLUMNS = `s."id" AS "setId", s."documentId", d."projectId", s."kind", s."annotatorId", s."status", s."version",
  EXISTS (SELECT 1 FROM "Assignment" a WHERE a."documentId" = s."documentId" AND a."annotatorId" = s."annotatorId") AS "assigned",
  json_build_object('event', s."lastEventNumber", 'span', s."lastSpanNumber", 'hopper', s."lastHopperIndex") AS "numbering"`;
const FROM_SET = `FROM "AnnotationSet" s JOIN "Document" d ON d."id" = s."documentId" JOIN "Project" p ON p."id" = d."projectId" WHERE s."id" = $1`;

/** The set without its annotations (enough to check access), or null when there is no such set. */
export async function findAnnotationSetSummary(setId: string, client: DatabasePool = db()): Promise<AnnotationSetSummary | null> {
  if (!isRecordId(setId)) return null;
  const { rows } = await client.pool.query<AnnotationSetSummary>(`SELECT ${SUMMARY_COLUMNS} ${FROM_SET}`, [setId]);
  return rows[0] ?? null;
}

/** The set with its document, or null when there is no such set. Read in one snapshot, so the version matches the annotations. */
export async function loadAnnotationSet(setId: string, client: DatabasePool = db()): Promise<AnnotationSetState | null> {
  if (!isRecordId(setId)) return null;
  const read = await inTransaction(client, (connection) => readSetState(connection, setId, { lock: false }), { readOnly: true });
  return read?.state ?? null;
}

/**
 * The set's state, and the rows it was mapped from, as `connection`'s
 * transaction sees them. `lock` takes the set's row for update: every write
 * to a set's annotations holds that lock, so saves to one set run one after another.
 */
export async function readSetState(
  connection: pg.PoolClient,
  setId: string,
  { lock }: { lock: boolean },
): Promise<{ state: AnnotationSetState; rows: AnnotationRows } | null> {
  const found = await readSetHead(connection, setId, { lock });
  return found && readSetBody(connection, found);
}

/** The set's summary and its document's text, without the annotations: enough to decide whether a save can apply. */
/** `tagsetHash`: md5 of the project's tagset as stored, which a save's write is guarded by; `archived`: the project is read-only. */
export type SetHead = AnnotationSetSummary & DocumentContentRecord & { tagset: unknown; tagsetHash: string; archived: boolean };

export async function readSetHead(connection: pg.PoolClient, setId: string, { lock }: { lock: boolean }): Promise<SetHead | null> {
  const { rows } = await connection.query<SetHead>(
    `SELECT ${SUMMARY_COLUMNS}, d."content", d."sourcefile", d."info", d."layout", p."tagset", md5(p."tagset"::text) AS "tagsetHash",
      p."archivedAt" IS NOT NULL AS "archived" ${FROM_SET}${lock ? " FOR UPDATE OF s" : ""}`,
    [setId],
  );
  return rows[0] ?? null;
}

/** The set's annotations added to its head. */
export async function readSetBody(connection: pg.PoolClient, head: SetHead): Promise<{ state: AnnotationSetState; rows: AnnotationRows }> {
  const annotationRows = (await readSetsRows(connection, [head.setId])).get(head.setId)!;
  return { state: setStateOf(head, hoppersFromAnnotationRows(annotationRows)), rows: annotationRows };
}

/** The set's state: its head's summary, and its document's text with `hoppers`. */
export function setStateOf(head: SetHead, hoppers: CasieHopper[]): AnnotationSetState {
  const { content, sourcefile, info, layout, tagset: _tagset, tagsetHash: _tagsetHash, archived: _archived, ...summary } = head;
  return { ...summary, document: casieDocumentFromRecord({ content, sourcefile, info, layout }, hoppers) };
}
