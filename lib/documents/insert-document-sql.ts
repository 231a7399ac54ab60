// One INSERT statement that stores a document with its gold set: data-modifying
// CTEs run as a single statement, so the document is stored whole or not at all
// in one round trip (foreign keys are checked at the statement's end).

import type { SetNumbering } from "@/lib/annotation/index-allocation";
import type { AnnotationRows } from "./annotation-rows";

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

export interface SqlStatement {
  /** Names the statement so each connection plans it once. */
  name: string;
  text: string;
  values: unknown[];
}

const json = (value: unknown) => (value == null ? null : JSON.stringify(value));

/** Collects a statement's values; `param` and `column` return the typed placeholders to write into its text. */
export function sqlParameters() {
  const values: unknown[] = [];
  const param = (value: unknown, type: string) => {
    values.push(value);
    return `$${values.length}::${type}`;
  };
  const column = <T>(rows: T[], pick: (row: T) => unknown, type: string) => param(rows.map(pick), `${type}[]`);
  return { values, param, column };
}

export type SqlParameters = ReturnType<typeof sqlParameters>;

/** Each table's columns besides `id` and `setId`, as the inserts below list them. */
const COLUMNS = {
  Span: ["index", "startOffset", "endOffset", "text"],
  Hopper: ["index", "relation", "position", "layout"],
  Event: ["hopperId", "index", "type", "subtype", "realis", "nuggetSpanId", "position", "layout", "nuggetLayout"],
  Argument: ["eventId", "spanId", "role", "entityType", "externalReference", "position", "layout", "roleLayout"],
} as const;

/**
 * The CTEs (`sp`, `h`, `ev`, `a`) that insert one set's rows with unnest: one
 * parameter per column, so the statement's text does not depend on the row count.
 * `setId` is the set's placeholder. With `upsert`, a row whose id is taken
 * replaces the stored row's columns instead of failing.
 */
export function annotationRowInserts(rows: AnnotationRows, setId: string, { column }: SqlParameters, { upsert = false } = {}): string[] {
  const insertInto = (table: keyof typeof COLUMNS) => `INSERT INTO "${table}" ("id","setId",${COLUMNS[table].map((name) => `"${name}"`).join(",")})`;
  const onConflict = (table: keyof typeof COLUMNS) =>
    upsert ? ` ON CONFLICT ("id") DO UPDATE SET ${COLUMNS[table].map((name) => `"${name}" = EXCLUDED."${name}"`).join(", ")}` : "";
  return [
    `sp AS (${insertInto("Span")}
        SELECT u.id, ${setId}, u.index, u.s, u.e, u.t FROM unnest(${column(rows.spans, (r) => r.id, "uuid")},
          ${column(rows.spans, (r) => r.index, "text")}, ${column(rows.spans, (r) => r.startOffset, "int")},
          ${column(rows.spans, (r) => r.endOffset, "int")}, ${column(rows.spans, (r) => r.text, "text")}) AS u(id, index, s, e, t)${onConflict("Span")})`,
    `h AS (${insertInto("Hopper")}
        SELECT u.id, ${setId}, u.index, u.relation, u.position, u.layout FROM unnest(${column(rows.hoppers, (r) => r.id, "uuid")},
          ${column(rows.hoppers, (r) => r.index, "int")}, ${column(rows.hoppers, (r) => r.relation, "text")},
          ${column(rows.hoppers, (r) => r.position, "int")}, ${column(rows.hoppers, (r) => json(r.layout), "jsonb")})
          AS u(id, index, relation, position, layout)${onConflict("Hopper")})`,
    `ev AS (${insertInto("Event")}
        SELECT u.id, ${setId}, u.hopper, u.index, u.type, u.subtype, u.realis, u.nugget, u.position, u.layout, u.nugget_layout
        FROM unnest(${column(rows.events, (r) => r.id, "uuid")}, ${column(rows.events, (r) => r.hopperId, "uuid")},
          ${column(rows.events, (r) => r.index, "text")}, ${column(rows.events, (r) => r.type, "text")},
          ${column(rows.events, (r) => r.subtype, "text")}, ${column(rows.events, (r) => r.realis, "text")},
          ${column(rows.events, (r) => r.nuggetSpanId, "uuid")}, ${column(rows.events, (r) => r.position, "int")},
          ${column(rows.events, (r) => json(r.layout), "jsonb")}, ${column(rows.events, (r) => json(r.nuggetLayout), "jsonb")})
          AS u(id, hopper, index, type, subtype, realis, nugget, position, layout, nugget_layout)${onConflict("Event")})`,
    `a AS (${insertInto("Argument")}
        SELECT u.id, ${setId}, u.event, u.span, u.role, u.entity, u.ref, u.position, u.layout, u.role_layout
        FROM unnest(${column(rows.arguments, (r) => r.id, "uuid")}, ${column(rows.arguments, (r) => r.eventId, "uuid")},
          ${column(rows.arguments, (r) => r.spanId, "uuid")}, ${column(rows.arguments, (r) => r.role, "text")},
          ${column(rows.arguments, (r) => r.entityType, "text")}, ${column(rows.arguments, (r) => json(r.externalReference), "jsonb")},
          ${column(rows.arguments, (r) => r.position, "int")}, ${column(rows.arguments, (r) => json(r.layout), "jsonb")},
          ${column(rows.arguments, (r) => json(r.roleLayout), "jsonb")})
          AS u(id, event, span, role, entity, ref, position, layout, role_layout)${onConflict("Argument")})`,
  ];
}

export function insertDocumentStatement(
  document: DocumentRow,
  gold: { setId: string; rows: AnnotationRows; numbering: SetNumbering } | null,
): SqlStatement {
  const params = sqlParameters();
  const { param } = params;

  const parts = [
    `d AS (INSERT INTO "Document" ("id","projectId","sourcefile","name","content","title","date","info","layout","importWarnings")
      VALUES (${param(document.id, "uuid")}, ${param(document.projectId, "uuid")}, ${param(document.sourcefile, "text")},
        ${param(document.name, "text")}, ${param(document.content, "text")}, ${param(document.title, "text")},
        ${param(document.date, "text")}, ${param(json(document.info), "jsonb")}, ${param(json(document.layout), "jsonb")},
        ${param(json(document.importWarnings), "jsonb")}))`,
  ];
  if (gold) {
    const setId = param(gold.setId, "uuid");
    parts.push(
      `s AS (INSERT INTO "AnnotationSet" ("id","documentId","kind","status","version","lastEventNumber","lastSpanNumber","lastHopperIndex","updatedAt")
        VALUES (${setId}, ${param(document.id, "uuid")}, 'GOLD', 'IMPORTED', 0, ${param(gold.numbering.event, "bigint")},
          ${param(gold.numbering.span, "bigint")}, ${param(gold.numbering.hopper, "bigint")}, CURRENT_TIMESTAMP))`,
      ...annotationRowInserts(gold.rows, setId, params),
    );
  }
  return { name: gold ? "insert-document-with-gold-set" : "insert-document", text: `WITH ${parts.join(",\n")}\nSELECT 1`, values: params.values };
}
