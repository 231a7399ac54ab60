// The rows that store documents with their gold sets (or an annotator's set, with
// its assignment), as COPY's text format takes them: one COPY per table, the cheapest way into PostgreSQL. store.ts runs them in
// one transaction, so the documents are stored whole or not at all.

import type { SetNumbering } from "@/lib/annotation/index-allocation";
import { OPERATION_FORMAT } from "@/lib/annotation/operation-format";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import type { AnnotationRows, ArgumentRow, EventRow, HopperRow, SpanRow } from "@/lib/annotation-sets/annotation-rows";

export interface DocumentRow {
  id: string;
  projectId: string;
  sourcefile: string;
  name: string;
  content: string;
  title: string;
  date: string;
  info: unknown;
  layout: unknown;
  importWarnings: unknown;
}

export interface GoldSetInsert {
  setId: string;
  rows: AnnotationRows;
  numbering: SetNumbering;
  /** The imported file, when the set serializes back to exactly its bytes (see AnnotationSet.importedText). */
  importedText: string | null;
  /** The annotator whose set this is instead of the gold set, or null. */
  annotator: AnnotatorSetInsert | null;
}

export interface AnnotatorSetInsert {
  annotatorId: string;
  /** Who imported it: the assignment's author and the logged operation's. */
  assignedById: string | null;
  /** The operation that built the annotations (version 1), or null when there are none (version 0). */
  log: { id: string; operation: AnnotationOperation } | null;
}

export interface DocumentInsert {
  document: DocumentRow;
  /** The imported annotations, or null for a document without a gold set (a raw article). */
  gold: GoldSetInsert | null;
}

/** An imported set's row. */
interface GoldSetRow {
  id: string;
  documentId: string;
  kind: "GOLD" | "ANNOTATOR";
  annotatorId: string | null;
  status: "IMPORTED" | "NEW" | "IN_PROGRESS";
  version: number;
  lastEventNumber: number;
  lastSpanNumber: number;
  lastHopperIndex: number;
  importedText: string | null;
  updatedAt: string;
}

/** The columns each COPY writes, in its order; the rest take their defaults. */
const COLUMNS = {
  Document: ["id", "projectId", "sourcefile", "name", "content", "title", "date", "info", "layout", "importWarnings"],
  AnnotationSet: [
    "id",
    "documentId",
    "kind",
    "annotatorId",
    "status",
    "version",
    "lastEventNumber",
    "lastSpanNumber",
    "lastHopperIndex",
    "importedText",
    "updatedAt",
  ],
  Span: ["id", "setId", "index", "startOffset", "endOffset", "text"],
  Hopper: ["id", "setId", "index", "relation", "position", "layout"],
  Event: ["id", "setId", "hopperId", "index", "type", "subtype", "realis", "nuggetSpanId", "position", "layout", "nuggetLayout"],
  Argument: ["id", "setId", "eventId", "spanId", "role", "entityType", "externalReference", "position", "layout", "roleLayout"],
  AnnotationOperation: ["id", "setId", "version", "userId", "format", "operation"],
  Assignment: ["documentId", "annotatorId", "assignedById"],
} as const satisfies {
  Document: readonly (keyof DocumentRow)[];
  AnnotationSet: readonly (keyof GoldSetRow)[];
  Span: readonly (keyof SpanRow)[];
  Hopper: readonly (keyof HopperRow)[];
  Event: readonly (keyof EventRow)[];
  Argument: readonly (keyof ArgumentRow)[];
  AnnotationOperation: readonly (keyof OperationRow)[];
  Assignment: readonly (keyof AssignmentRow)[];
};

interface OperationRow {
  id: string;
  setId: string;
  version: number;
  userId: string | null;
  format: number;
  operation: AnnotationOperation;
}

interface AssignmentRow {
  documentId: string;
  annotatorId: string;
  assignedById: string | null;
}

type Table = keyof typeof COLUMNS;

export interface TableCopy {
  /** `COPY "Table" (columns) FROM STDIN`. */
  sql: string;
  /** The rows in COPY's text format. */
  data: string;
}

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };
const SPECIAL = /[\\\n\r\t]/;

/** A value in COPY's text format: `\N` for null, JSON columns as JSON text, backslash, line breaks and tabs escaped. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return SPECIAL.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]) : text;
}

function tableCopy<T extends Table>(table: T, rows: readonly Record<(typeof COLUMNS)[T][number], unknown>[]): TableCopy {
  const columns: readonly (typeof COLUMNS)[T][number][] = COLUMNS[table];
  let data = "";
  for (const row of rows) {
    let line = copyField(row[columns[0]]);
    for (let i = 1; i < columns.length; i++) line += "\t" + copyField(row[columns[i]]);
    data += line + "\n";
  }
  return { sql: `COPY "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) FROM STDIN`, data };
}

/**
 * The COPYs that store the documents, in an order that satisfies the foreign
 * keys (documents, sets, spans, hoppers, events, arguments, an annotator set's
 * logged operation and assignment); tables without rows are left out.
 * `updatedAt` is the sets' timestamp, in UTC as Prisma writes it.
 */
export function documentCopies(inserts: readonly DocumentInsert[], updatedAt: Date): TableCopy[] {
  const golds = inserts.flatMap(({ document, gold }) => (gold ? [{ documentId: document.id, gold }] : []));
  const sets = golds.map(({ documentId, gold: { setId, numbering, importedText, annotator } }): GoldSetRow => ({
    id: setId,
    documentId,
    kind: annotator ? "ANNOTATOR" : "GOLD",
    annotatorId: annotator?.annotatorId ?? null,
    status: annotator ? (annotator.log ? "IN_PROGRESS" : "NEW") : "IMPORTED",
    version: annotator?.log ? 1 : 0,
    lastEventNumber: numbering.event,
    lastSpanNumber: numbering.span,
    lastHopperIndex: numbering.hopper,
    importedText,
    updatedAt: updatedAt.toISOString().replace("Z", ""),
  }));
  const rows = golds.map(({ gold }) => gold.rows);
  const annotated = golds.flatMap(({ documentId, gold }) => (gold.annotator ? [{ documentId, setId: gold.setId, ...gold.annotator }] : []));
  const operations = annotated.flatMap(({ setId, assignedById, log }): OperationRow[] =>
    log ? [{ id: log.id, setId, version: 1, userId: assignedById, format: OPERATION_FORMAT, operation: log.operation }] : [],
  );
  const assignments = annotated.map(({ documentId, annotatorId, assignedById }): AssignmentRow => ({ documentId, annotatorId, assignedById }));
  return [
    tableCopy(
      "Document",
      inserts.map((insert) => insert.document),
    ),
    tableCopy("AnnotationSet", sets),
    tableCopy(
      "Span",
      rows.flatMap((r) => r.spans),
    ),
    tableCopy(
      "Hopper",
      rows.flatMap((r) => r.hoppers),
    ),
    tableCopy(
      "Event",
      rows.flatMap((r) => r.events),
    ),
    tableCopy(
      "Argument",
      rows.flatMap((r) => r.arguments),
    ),
    tableCopy("AnnotationOperation", operations),
    tableCopy("Assignment", assignments),
  ].filter((copy) => copy.data.length > 0);
}
