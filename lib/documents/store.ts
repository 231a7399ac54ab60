// Writes and reads documents with their gold sets. Every write is atomic: a
// document is stored whole or not at all. The set rows themselves are
// lib/annotation-sets' to map, write and read.

import { randomUUID } from "node:crypto";
import { documentNumbering } from "@/lib/annotation/index-allocation";
import { annotationRowsFromHoppers, hoppersFromAnnotationRows } from "@/lib/annotation-sets/annotation-rows";
import { readSetsRows } from "@/lib/annotation-sets/set-rows";
import type { CasieDocument, CasieIssue } from "@/lib/casie/types";
import { db, type Database } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { casieDocumentFromRecord, documentLayoutColumn, type DocumentRecord } from "./document-record";
import { insertDocumentStatement } from "./insert-document-sql";

export interface NewDocument {
  projectId: string;
  /** Export file stem, e.g. `2602`. */
  name: string;
  casie: CasieDocument;
  warnings: CasieIssue[];
  /** Store the file's hoppers as the document's gold set (annotated files), or no set (raw articles). */
  withGoldSet: boolean;
  /** Replace a document with the same sourcefile instead of refusing. */
  replace: boolean;
}

export class DocumentExistsError extends Error {
  constructor(readonly sourcefile: string) {
    super(`a document with sourcefile ${sourcefile} is already in the project (use --replace to replace it)`);
  }
}

const UNIQUE_VIOLATION = "23505";

/** Stores one document and its gold set atomically; returns the new document's id. */
export async function createDocument(input: NewDocument, client: Database = db()): Promise<string> {
  const { casie } = input;
  const document = {
    id: randomUUID(),
    projectId: input.projectId,
    sourcefile: casie.sourcefile,
    name: input.name,
    content: casie.content,
    title: casie.info?.title ?? "",
    date: casie.info?.date ?? "",
    info: casie.info ?? null,
    layout: documentLayoutColumn(casie),
    importWarnings: input.warnings,
  };
  const setId = randomUUID();
  const gold = input.withGoldSet ? { setId, rows: annotationRowsFromHoppers(setId, casie.hoppers), numbering: documentNumbering(casie) } : null;
  const insert = insertDocumentStatement(document, gold);
  try {
    // Plain pg and one statement: imports write thousands of documents, and Prisma's per-query cost would dominate.
    if (!input.replace) await client.pool.query(insert);
    else {
      await inTransaction(client, async (connection) => {
        await connection.query('DELETE FROM "Document" WHERE "projectId" = $1 AND "sourcefile" = $2', [input.projectId, casie.sourcefile]);
        await connection.query(insert);
      });
    }
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DocumentExistsError(casie.sourcefile);
    throw error;
  }
  return document.id;
}

export interface StoredDocument {
  id: string;
  projectId: string;
  name: string;
  sourcefile: string;
  title: string;
  date: string;
  warnings: CasieIssue[];
  /** The document with its gold set's annotations (no hoppers when it has no gold set). */
  casie: CasieDocument;
  goldSetId: string | null;
  goldSetVersion: number | null;
}

/** Documents with their gold sets, in the order of `documentIds`, in a fixed number of queries. */
export async function loadGoldDocuments(documentIds: string[], client: Database = db()): Promise<StoredDocument[]> {
  if (documentIds.length === 0) return [];
  // Plain pg: exports read every row of a project, and Prisma's per-row mapping would dominate.
  const [{ rows: documents }, { rows: sets }] = await Promise.all([
    client.pool.query<DocumentRecord>('SELECT * FROM "Document" WHERE "id" = ANY($1::uuid[])', [documentIds]),
    client.pool.query<{ id: string; documentId: string; version: number }>(
      `SELECT "id", "documentId", "version" FROM "AnnotationSet" WHERE "documentId" = ANY($1::uuid[]) AND "kind" = 'GOLD'`,
      [documentIds],
    ),
  ]);
  const rowsBySet = await readSetsRows(
    client.pool,
    sets.map((set) => set.id),
  );
  const goldByDocument = new Map(sets.map((set) => [set.documentId, set]));
  const byId = new Map(documents.map((d) => [d.id, d]));
  return documentIds.flatMap((id) => {
    const document = byId.get(id);
    if (!document) return [];
    const gold = goldByDocument.get(id) ?? null;
    const casie = casieDocumentFromRecord(document, gold ? hoppersFromAnnotationRows(rowsBySet.get(gold.id)!) : []);
    return [
      {
        id: document.id,
        projectId: document.projectId,
        name: document.name,
        sourcefile: document.sourcefile,
        title: document.title,
        date: document.date,
        warnings: document.importWarnings,
        casie,
        goldSetId: gold?.id ?? null,
        goldSetVersion: gold?.version ?? null,
      },
    ];
  });
}
