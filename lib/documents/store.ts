// Writes and reads documents with their annotation sets. Every write is
// atomic: a document is stored whole or not at all.

import { randomUUID } from "node:crypto";
import { documentNumbering } from "@/lib/annotation/index-allocation";
import type { CasieDocument, CasieHopper, CasieInfo, CasieIssue } from "@/lib/casie/types";
import { db, type Database } from "@/lib/db/client";
import { insertDocumentStatement } from "./insert-document-sql";
import {
  annotationRowsFromHoppers,
  documentLayoutColumn,
  hoppersFromAnnotationRows,
  type AnnotationRows,
  type DocumentLayoutColumn,
} from "./annotation-rows";

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

  // Plain pg and one statement: imports write thousands of documents, and Prisma's per-query cost would dominate.
  const connection = await client.pool.connect();
  try {
    if (input.replace) {
      await connection.query("BEGIN");
      await connection.query('DELETE FROM "Document" WHERE "projectId" = $1 AND "sourcefile" = $2', [input.projectId, casie.sourcefile]);
      await connection.query(insert);
      await connection.query("COMMIT");
    } else {
      await connection.query(insert);
    }
  } catch (error) {
    if (input.replace) await connection.query("ROLLBACK").catch(() => undefined);
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DocumentExistsError(casie.sourcefile);
    throw error;
  } finally {
    connection.release();
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
  const query = <T>(text: string, values: unknown[]) => client.pool.query(text, values).then((result) => result.rows as T[]);
  const [documents, sets] = await Promise.all([
    query<DocumentRecord>('SELECT * FROM "Document" WHERE "id" = ANY($1::uuid[])', [documentIds]),
    query<{ id: string; documentId: string; version: number }>(
      `SELECT "id", "documentId", "version" FROM "AnnotationSet" WHERE "documentId" = ANY($1::uuid[]) AND "kind" = 'GOLD'`,
      [documentIds],
    ),
  ]);
  const setIds = sets.map((set) => set.id);
  const rowsOf = <T>(table: string) => query<T>(`SELECT * FROM "${table}" WHERE "setId" = ANY($1::uuid[])`, [setIds]);
  const [spans, hoppers, events, argumentRows] = setIds.length
    ? await Promise.all([
        rowsOf<AnnotationRows["spans"][number]>("Span"),
        rowsOf<AnnotationRows["hoppers"][number]>("Hopper"),
        rowsOf<AnnotationRows["events"][number]>("Event"),
        rowsOf<AnnotationRows["arguments"][number]>("Argument"),
      ])
    : [[], [], [], []];

  const rowsBySet = new Map<string, AnnotationRows>(setIds.map((id) => [id, { spans: [], hoppers: [], events: [], arguments: [] }]));
  for (const span of spans) rowsBySet.get(span.setId)!.spans.push(span);
  for (const hopper of hoppers) rowsBySet.get(hopper.setId)!.hoppers.push(hopper);
  for (const event of events) rowsBySet.get(event.setId)!.events.push(event);
  for (const argument of argumentRows) rowsBySet.get(argument.setId)!.arguments.push(argument);

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

/** The columns of a Document row that, with a set's hoppers, make up the CASIE document. */
export type DocumentContentRecord = Pick<DocumentRecord, "content" | "sourcefile" | "info" | "layout">;

export function casieDocumentFromRecord(document: DocumentContentRecord, hoppers: CasieHopper[]): CasieDocument {
  const casie: CasieDocument = { content: document.content, sourcefile: document.sourcefile, hoppers, ...(document.layout ?? {}) };
  if (document.info !== null) casie.info = document.info;
  return casie;
}

interface DocumentRecord {
  id: string;
  projectId: string;
  sourcefile: string;
  name: string;
  content: string;
  title: string;
  date: string;
  info: CasieInfo | null;
  layout: DocumentLayoutColumn | null;
  importWarnings: CasieIssue[];
}
