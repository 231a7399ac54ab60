// One INSERT statement that stores documents with their gold sets: data-modifying
// CTEs run as a single statement, so the documents are stored whole or not at all
// (foreign keys are checked at the statement's end). Each table's rows travel as one
// JSON parameter whose objects are named by column, as readSetsRows reads them back
// with json_agg, so the statement's text is the same for one document or a hundred.

import type { SetNumbering } from "@/lib/annotation/index-allocation";
import type { AnnotationRows, ArgumentRow, EventRow, HopperRow, SpanRow } from "@/lib/annotation-sets/annotation-rows";
import type { SqlStatement } from "@/lib/db/sql-parameters";

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
}

export interface DocumentInsert {
  document: DocumentRow;
  /** The imported annotations, or null for a document without a gold set (a raw article). */
  gold: GoldSetInsert | null;
}

/** The columns each insert writes; the rest take their defaults. */
const COLUMNS = {
  Document: ["id", "projectId", "sourcefile", "name", "content", "title", "date", "info", "layout", "importWarnings"],
  Span: ["id", "setId", "index", "startOffset", "endOffset", "text"],
  Hopper: ["id", "setId", "index", "relation", "position", "layout"],
  Event: ["id", "setId", "hopperId", "index", "type", "subtype", "realis", "nuggetSpanId", "position", "layout", "nuggetLayout"],
  Argument: ["id", "setId", "eventId", "spanId", "role", "entityType", "externalReference", "position", "layout", "roleLayout"],
} as const satisfies {
  Document: readonly (keyof DocumentRow)[];
  Span: readonly (keyof SpanRow)[];
  Hopper: readonly (keyof HopperRow)[];
  Event: readonly (keyof EventRow)[];
  Argument: readonly (keyof ArgumentRow)[];
};

/** The gold set's row as its JSON object: the columns the insert below takes from it. */
interface GoldSetRow {
  id: string;
  documentId: string;
  lastEventNumber: number;
  lastSpanNumber: number;
  lastHopperIndex: number;
  importedText: string | null;
}

const list = (columns: readonly string[]) => columns.map((column) => `"${column}"`).join(", ");

/** `INSERT INTO table (columns) SELECT columns FROM` the rows of parameter `$n`. */
function insertRows(table: keyof typeof COLUMNS, parameter: number): string {
  const columns = list(COLUMNS[table]);
  return `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $${parameter}::json)`;
}

const TEXT = `WITH d AS (${insertRows("Document", 1)}),
  s AS (INSERT INTO "AnnotationSet"
      ("id", "documentId", "kind", "status", "version", "lastEventNumber", "lastSpanNumber", "lastHopperIndex", "importedText", "updatedAt")
    SELECT "id", "documentId", 'GOLD', 'IMPORTED', 0, "lastEventNumber", "lastSpanNumber", "lastHopperIndex", "importedText", CURRENT_TIMESTAMP
    FROM json_populate_recordset(NULL::"AnnotationSet", $2::json)),
  sp AS (${insertRows("Span", 3)}),
  h AS (${insertRows("Hopper", 4)}),
  ev AS (${insertRows("Event", 5)}),
  a AS (${insertRows("Argument", 6)})
SELECT 1`;

export function insertDocumentsStatement(inserts: readonly DocumentInsert[]): SqlStatement {
  const golds = inserts.flatMap(({ document, gold }) => (gold ? [{ documentId: document.id, gold }] : []));
  const sets = golds.map(({ documentId, gold: { setId, numbering, importedText } }): GoldSetRow => ({
    id: setId,
    documentId,
    lastEventNumber: numbering.event,
    lastSpanNumber: numbering.span,
    lastHopperIndex: numbering.hopper,
    importedText,
  }));
  const rowsOf = (table: keyof AnnotationRows) => JSON.stringify(golds.flatMap(({ gold }): readonly object[] => gold.rows[table]));
  return {
    name: "insert-documents",
    text: TEXT,
    values: [
      JSON.stringify(inserts.map((insert) => insert.document)),
      JSON.stringify(sets),
      rowsOf("spans"),
      rowsOf("hoppers"),
      rowsOf("events"),
      rowsOf("arguments"),
    ],
  };
}
