// Writes and reads documents with their gold sets, with plain pg (and COPY for
// writes): imports and exports handle thousands of documents, where Prisma's
// per-query and per-row cost would dominate. Every write is one transaction: a
// document is stored whole or not at all. The set rows themselves are
// lib/annotation-sets' to map and read.

import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { operationsBuildingAnnotations } from "@/lib/annotation/build-operations";
import { documentNumbering } from "@/lib/annotation/index-allocation";
import { annotationRowsFromHoppers, hoppersFromAnnotationRows, type AnnotationRows } from "@/lib/annotation-sets/annotation-rows";
import { readSetsRows } from "@/lib/annotation-sets/set-rows";
import type { CasieDocument, CasieIssue } from "@/lib/casie/types";
import { appClient } from "@/lib/db/app-client";
import type { DatabasePool } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import { casieDocumentFromRecord, documentLayoutColumn, type DocumentRecord } from "./document-record";
import { documentCopies, type AnnotatorSetInsert, type DocumentInsert, type TableCopy } from "./document-copy";

export interface NewDocument {
  projectId: string;
  /** Export file stem, e.g. `2602`. */
  name: string;
  casie: CasieDocument;
  warnings: CasieIssue[];
  /** Store the file's hoppers as the document's gold set (annotated files), or no set (raw articles). */
  withGoldSet: boolean;
  /** Store those hoppers as this annotator's set instead of the gold set, and assign them the document. */
  annotator?: { annotatorId: string; assignedById: string | null };
  /** Replace a document with the same sourcefile instead of refusing. */
  replace: boolean;
  /** The imported file, when the gold set serializes back to exactly its bytes: exports write it while the set is unchanged. */
  importedText?: string;
}

export class DocumentExistsError extends Error {
  constructor(readonly sourcefile: string) {
    super(`a document with sourcefile ${sourcefile} is already in the project (use --replace to replace it)`);
  }
}

const UNIQUE_VIOLATION = "23505";

/** Stores one document and its gold set atomically; returns the new document's id. */
export async function createDocument(input: NewDocument, client?: DatabasePool): Promise<string> {
  try {
    const [id] = await createDocuments([input], client);
    return id;
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DocumentExistsError(input.casie.sourcefile);
    throw error;
  }
}

/**
 * Stores documents with their gold sets in one transaction, all of them or
 * none: when PostgreSQL refuses one (a sourcefile already in its project, a
 * value out of range), nothing is stored and its error is thrown. Those marked
 * `replace` first take their namesakes' place. Returns the new documents' ids.
 */
export async function createDocuments(inputs: readonly NewDocument[], client?: DatabasePool): Promise<string[]> {
  const database = client ?? (await appClient());
  const inserts = inputs.map(documentInsert);
  const copies = documentCopies(inserts, new Date());
  const replacing = inputs.filter((input) => input.replace);
  await inTransaction(database, async (connection) => {
    if (replacing.length) {
      await connection.query(
        `DELETE FROM "Document" d USING unnest($1::uuid[], $2::text[]) AS r("projectId", "sourcefile")
          WHERE d."projectId" = r."projectId" AND d."sourcefile" = r."sourcefile"`,
        [replacing.map((input) => input.projectId), replacing.map((input) => input.casie.sourcefile)],
      );
    }
    for (const copy of copies) await copyIn(connection, copy);
  });
  return inserts.map(({ document }) => document.id);
}

async function copyIn(connection: pg.PoolClient, { sql, data }: TableCopy): Promise<void> {
  await pipeline(Readable.from([data]), connection.query(copyFrom(sql)));
}

function documentInsert(input: NewDocument): DocumentInsert {
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
  if (!input.withGoldSet) return { document, gold: null };
  const setId = randomUUID();
  return {
    document,
    gold: {
      setId,
      rows: annotationRowsFromHoppers(setId, casie.hoppers),
      numbering: documentNumbering(casie),
      importedText: input.annotator ? null : (input.importedText ?? null),
      annotator: input.annotator ? annotatorSetInsert(input.annotator, casie) : null,
    },
  };
}

/**
 * An annotator's imported set is logged as one operation that builds its
 * annotations, as importIntoEmptySet logs it, so its history and undo start from empty.
 */
function annotatorSetInsert(annotator: NonNullable<NewDocument["annotator"]>, casie: CasieDocument): AnnotatorSetInsert {
  const operations = operationsBuildingAnnotations(casie);
  return {
    ...annotator,
    log: operations.length ? { id: randomUUID(), operation: { kind: "batch", label: "Import annotations", operations } } : null,
  };
}

export interface StoredDocument {
  id: string;
  projectId: string;
  name: string;
  sourcefile: string;
  title: string;
  date: string;
  warnings: CasieIssue[];
  /** The document with its gold set's annotations (no hoppers when it has no gold set, or they were not read). */
  casie: CasieDocument;
  goldSetId: string | null;
  goldSetVersion: number | null;
}

/**
 * Documents with their gold sets, in the order of `documentIds`, in a fixed number of queries. Without `annotations`, the
 * gold sets' rows are not read (no hoppers): for pages that read the set they show on their own.
 */
export async function loadGoldDocuments(
  documentIds: string[],
  client?: DatabasePool,
  { annotations = true }: { annotations?: boolean } = {},
): Promise<StoredDocument[]> {
  if (documentIds.length === 0) return [];
  const { pool } = client ?? (await appClient());
  const [{ rows: documents }, { rows: sets }] = await Promise.all([
    pool.query<DocumentRecord>('SELECT * FROM "Document" WHERE "id" = ANY($1::uuid[])', [documentIds]),
    pool.query<{ id: string; documentId: string; version: number }>(
      `SELECT "id", "documentId", "version" FROM "AnnotationSet" WHERE "documentId" = ANY($1::uuid[]) AND "kind" = 'GOLD'`,
      [documentIds],
    ),
  ]);
  const rowsBySet = annotations
    ? await readSetsRows(
        pool,
        sets.map((set) => set.id),
      )
    : new Map<string, AnnotationRows>();
  const goldByDocument = new Map(sets.map((set) => [set.documentId, set]));
  const byId = new Map(documents.map((d) => [d.id, d]));
  return documentIds.flatMap((id) => {
    const document = byId.get(id);
    if (!document) return [];
    const gold = goldByDocument.get(id) ?? null;
    const goldRows = gold && rowsBySet.get(gold.id);
    const casie = casieDocumentFromRecord(document, goldRows ? hoppersFromAnnotationRows(goldRows) : []);
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

/** The sourcefiles of a project's documents. */
export async function sourcefilesInProject(projectId: string, client: DatabasePool): Promise<Set<string>> {
  const { rows } = await client.pool.query<{ sourcefile: string }>('SELECT "sourcefile" FROM "Document" WHERE "projectId" = $1', [projectId]);
  return new Set(rows.map((row) => row.sourcefile));
}

/**
 * The imported files of those documents whose gold sets are still as imported
 * (version 0: every save raises it), by document id: their exports, byte for byte.
 */
export async function loadUnchangedImportedTexts(documentIds: string[], client: DatabasePool): Promise<Map<string, string>> {
  const { rows } = await client.pool.query<{ documentId: string; importedText: string }>(
    `SELECT "documentId", "importedText" FROM "AnnotationSet"
      WHERE "documentId" = ANY($1::uuid[]) AND "kind" = 'GOLD' AND "version" = 0 AND "importedText" IS NOT NULL`,
    [documentIds],
  );
  return new Map(rows.map((row) => [row.documentId, row.importedText]));
}
