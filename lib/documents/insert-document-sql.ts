// One INSERT statement that stores a document with its gold set: data-modifying
// CTEs run as a single statement, so the document is stored whole or not at all
// in one round trip (foreign keys are checked at the statement's end).

import type { SetNumbering } from "@/lib/annotation/index-allocation";
import type { AnnotationRows } from "@/lib/annotation-sets/annotation-rows";
import { goldSetInserts } from "@/lib/annotation-sets/set-rows-sql";
import { jsonText, sqlParameters, type SqlStatement } from "@/lib/db/sql-parameters";

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

export function insertDocumentStatement(
  document: DocumentRow,
  gold: { setId: string; rows: AnnotationRows; numbering: SetNumbering } | null,
): SqlStatement {
  const params = sqlParameters();
  const { param } = params;
  const documentId = param(document.id, "uuid");
  const parts = [
    `d AS (INSERT INTO "Document" ("id","projectId","sourcefile","name","content","title","date","info","layout","importWarnings")
      VALUES (${documentId}, ${param(document.projectId, "uuid")}, ${param(document.sourcefile, "text")},
        ${param(document.name, "text")}, ${param(document.content, "text")}, ${param(document.title, "text")},
        ${param(document.date, "text")}, ${param(jsonText(document.info), "jsonb")}, ${param(jsonText(document.layout), "jsonb")},
        ${param(jsonText(document.importWarnings), "jsonb")}))`,
    ...(gold ? goldSetInserts(gold, documentId, params) : []),
  ];
  return { name: gold ? "insert-document-with-gold-set" : "insert-document", text: `WITH ${parts.join(",\n")}\nSELECT 1`, values: params.values };
}
