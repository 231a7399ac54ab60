// The SQL that inserts annotation sets' rows: data-modifying CTEs with one
// unnest parameter per column, so a statement's text does not depend on how
// many rows it writes. Saves (set-write-sql.ts) use them.

import { jsonText, type SqlParameters } from "@/lib/db/sql-parameters";
import type { AnnotationRows } from "./annotation-rows";

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
 * `setId` is the set's placeholder; `onlyIf` a condition every insert waits for (a
 * guard CTE of the statement). With `upsert`, a row whose id is taken
 * replaces the stored row's columns instead of failing.
 */
export function annotationRowInserts(
  rows: AnnotationRows,
  setId: string,
  { column }: SqlParameters,
  { upsert = false, onlyIf = "" }: { upsert?: boolean; onlyIf?: string } = {},
): string[] {
  const where = onlyIf && ` WHERE ${onlyIf}`;
  const insertInto = (table: keyof typeof COLUMNS) => `INSERT INTO "${table}" ("id","setId",${COLUMNS[table].map((name) => `"${name}"`).join(",")})`;
  const onConflict = (table: keyof typeof COLUMNS) =>
    upsert ? ` ON CONFLICT ("id") DO UPDATE SET ${COLUMNS[table].map((name) => `"${name}" = EXCLUDED."${name}"`).join(", ")}` : "";
  return [
    `sp AS (${insertInto("Span")}
        SELECT u.id, ${setId}, u.index, u.s, u.e, u.t FROM unnest(${column(rows.spans, (r) => r.id, "uuid")},
          ${column(rows.spans, (r) => r.index, "text")}, ${column(rows.spans, (r) => r.startOffset, "int")},
          ${column(rows.spans, (r) => r.endOffset, "int")}, ${column(rows.spans, (r) => r.text, "text")}) AS u(id, index, s, e, t)${where}${onConflict("Span")})`,
    `h AS (${insertInto("Hopper")}
        SELECT u.id, ${setId}, u.index, u.relation, u.position, u.layout FROM unnest(${column(rows.hoppers, (r) => r.id, "uuid")},
          ${column(rows.hoppers, (r) => r.index, "int")}, ${column(rows.hoppers, (r) => r.relation, "text")},
          ${column(rows.hoppers, (r) => r.position, "int")}, ${column(rows.hoppers, (r) => jsonText(r.layout), "jsonb")})
          AS u(id, index, relation, position, layout)${where}${onConflict("Hopper")})`,
    `ev AS (${insertInto("Event")}
        SELECT u.id, ${setId}, u.hopper, u.index, u.type, u.subtype, u.realis, u.nugget, u.position, u.layout, u.nugget_layout
        FROM unnest(${column(rows.events, (r) => r.id, "uuid")}, ${column(rows.events, (r) => r.hopperId, "uuid")},
          ${column(rows.events, (r) => r.index, "text")}, ${column(rows.events, (r) => r.type, "text")},
          ${column(rows.events, (r) => r.subtype, "text")}, ${column(rows.events, (r) => r.realis, "text")},
          ${column(rows.events, (r) => r.nuggetSpanId, "uuid")}, ${column(rows.events, (r) => r.position, "int")},
          ${column(rows.events, (r) => jsonText(r.layout), "jsonb")}, ${column(rows.events, (r) => jsonText(r.nuggetLayout), "jsonb")})
          AS u(id, hopper, index, type, subtype, realis, nugget, position, layout, nugget_layout)${where}${onConflict("Event")})`,
    `a AS (${insertInto("Argument")}
        SELECT u.id, ${setId}, u.event, u.span, u.role, u.entity, u.ref, u.position, u.layout, u.role_layout
        FROM unnest(${column(rows.arguments, (r) => r.id, "uuid")}, ${column(rows.arguments, (r) => r.eventId, "uuid")},
          ${column(rows.arguments, (r) => r.spanId, "uuid")}, ${column(rows.arguments, (r) => r.role, "text")},
          ${column(rows.arguments, (r) => r.entityType, "text")}, ${column(rows.arguments, (r) => jsonText(r.externalReference), "jsonb")},
          ${column(rows.arguments, (r) => r.position, "int")}, ${column(rows.arguments, (r) => jsonText(r.layout), "jsonb")},
          ${column(rows.arguments, (r) => jsonText(r.roleLayout), "jsonb")})
          AS u(id, event, span, role, entity, ref, position, layout, role_layout)${where}${onConflict("Argument")})`,
  ];
}
