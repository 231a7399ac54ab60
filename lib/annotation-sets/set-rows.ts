// Reading annotation sets' rows: one set inside a save's transaction, or every
// gold set of an export, with the same statement. Readers that only compare
// annotations (agreement) leave out the layouts (each object's key order),
// which are most of the bytes.

import type { Queryable } from "@/lib/db/sql-parameters";
import type { AnnotationRows } from "./annotation-rows";

const rowsOf = (table: string) => `(SELECT COALESCE(json_agg(t), '[]'::json) FROM "${table}" t WHERE t."setId" = ANY($1::uuid[]))`;

/** Each table's columns: its layouts, and the others. */
export const SET_ROW_COLUMNS: Record<string, { layouts: string[]; others: string[] }> = {
  Span: { layouts: [], others: ["id", "setId", "index", "startOffset", "endOffset", "text"] },
  Hopper: { layouts: ["layout"], others: ["id", "setId", "index", "relation", "position"] },
  Event: {
    layouts: ["layout", "nuggetLayout"],
    others: ["id", "setId", "hopperId", "index", "type", "subtype", "realis", "nuggetSpanId", "position"],
  },
  Argument: {
    layouts: ["layout", "roleLayout"],
    others: ["id", "setId", "eventId", "spanId", "role", "entityType", "externalReference", "position"],
  },
};

const rowsWithoutLayoutsOf = (table: string) => {
  const fields = [
    ...SET_ROW_COLUMNS[table].others.map((column) => `'${column}', t."${column}"`),
    ...SET_ROW_COLUMNS[table].layouts.map((column) => `'${column}', NULL`),
  ];
  return `(SELECT COALESCE(json_agg(json_build_object(${fields.join(", ")})), '[]'::json) FROM "${table}" t WHERE t."setId" = ANY($1::uuid[]))`;
};

/**
 * The rows of the sets, each set's in its own group (empty for a set without
 * annotations). One statement however many sets (a connection runs one query
 * at a time, so four would be four round trips); each row comes as its JSON
 * object, whose keys are the column names the row types use.
 */
export async function readSetsRows(
  connection: Queryable,
  setIds: string[],
  { layouts = true }: { layouts?: boolean } = {},
): Promise<Map<string, AnnotationRows>> {
  const bySet = new Map<string, AnnotationRows>(setIds.map((id) => [id, { spans: [], hoppers: [], events: [], arguments: [] }]));
  if (setIds.length === 0) return bySet;
  const of = layouts ? rowsOf : rowsWithoutLayoutsOf;
  const { rows } = await connection.query<AnnotationRows>(
    `SELECT ${of("Span")} AS "spans", ${of("Hopper")} AS "hoppers", ${of("Event")} AS "events", ${of("Argument")} AS "arguments"`,
    [setIds],
  );
  const all = rows[0];
  for (const span of all.spans) bySet.get(span.setId)!.spans.push(span);
  for (const hopper of all.hoppers) bySet.get(hopper.setId)!.hoppers.push(hopper);
  for (const event of all.events) bySet.get(event.setId)!.events.push(event);
  for (const argument of all.arguments) bySet.get(argument.setId)!.arguments.push(argument);
  return bySet;
}
