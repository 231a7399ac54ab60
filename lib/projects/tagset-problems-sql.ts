// The editor's tagset checks (lib/annotation/checks.ts) in SQL, over every set
// of a project at once: which events, arguments and hoppers hold a value
// outside a tagset. Each distinct value is checked once against the tagset's
// JSON (containment, `@>`), then joined back to the rows that hold it, so the
// cost grows with the rows, not with rows times tagset size.
//
// Two tagsets are checked side by side, "before" and "after" (the project's and
// a proposed one; the same expression twice when only the current one matters).

export type TagsetProblemCode =
  "unknown-event-type" | "unknown-subtype" | "unknown-realis" | "role-not-allowed" | "unknown-entity-type" | "unknown-relation";

export type TagsetProblemItem = "event" | "argument" | "hopper";

const typeKnown = (t: string) => `(${t}->'eventTypes') @> jsonb_build_array(jsonb_build_object('name', v."type"))`;
const subtypeKnown = (t: string) =>
  `(${t}->'eventTypes') @> jsonb_build_array(jsonb_build_object('name', v."type", 'subtypes', jsonb_build_array(jsonb_build_object('name', v."subtype"))))`;
const roleAllowed = (t: string) =>
  `(${t}->'eventTypes') @> jsonb_build_array(jsonb_build_object('name', v."type", 'subtypes', jsonb_build_array(jsonb_build_object('name', v."subtype", 'roles', jsonb_build_array(v."role")))))`;
const listed = (t: string, key: string, column: string) => `(${t}->'${key}') @> jsonb_build_array(v."${column}")`;

/**
 * CTEs ending in `problems`: one row per problem of an item, with the item's
 * kind and id, its document, the problem's code and value (`Attack/Ransom`,
 * `Attack/Ransom: Victim`), and whether it is one under `before` and under
 * `after`. `sets` must be a query of `"id", "documentId"` of the sets to check;
 * `before` and `after` are jsonb expressions (a `tagsets` CTE row `t` is in scope).
 */
export function tagsetProblemsCtes({ sets, before, after }: { sets: string; before: string; after: string }): string {
  const both = (check: (t: string) => string) => [check("t.before"), check("t.after")];
  const [typeBefore, typeAfter] = both(typeKnown);
  const [subtypeBefore, subtypeAfter] = both(subtypeKnown);
  const [roleBefore, roleAfter] = both(roleAllowed);
  return `tagsets AS MATERIALIZED (SELECT ${before} AS "before", ${after} AS "after"),
  checked_sets AS MATERIALIZED (${sets}),
  ev AS MATERIALIZED (SELECT e."id", e."type", e."subtype", e."realis", cs."documentId" FROM "Event" e JOIN checked_sets cs ON cs."id" = e."setId"),
  ar AS MATERIALIZED (SELECT a."id", ev."type", ev."subtype", a."role", a."entityType", ev."documentId" FROM "Argument" a JOIN ev ON ev."id" = a."eventId"),
  ho AS MATERIALIZED (SELECT h."id", h."relation", cs."documentId" FROM "Hopper" h JOIN checked_sets cs ON cs."id" = h."setId" WHERE h."relation" IS NOT NULL),
  ev_values AS (
    SELECT v."type", v."subtype", v."realis", p."code", p."value", p."before", p."after"
    FROM (SELECT DISTINCT "type", "subtype", "realis" FROM ev) v CROSS JOIN tagsets t
    CROSS JOIN LATERAL (VALUES
      ('unknown-event-type', v."type", NOT ${typeBefore}, NOT ${typeAfter}),
      ('unknown-subtype', v."type" || '/' || v."subtype", ${typeBefore} AND NOT ${subtypeBefore}, ${typeAfter} AND NOT ${subtypeAfter}),
      ('unknown-realis', v."realis", NOT ${listed("t.before", "realis", "realis")}, NOT ${listed("t.after", "realis", "realis")})
    ) p("code", "value", "before", "after")
    WHERE p."before" OR p."after"),
  ar_values AS (
    SELECT v."type", v."subtype", v."role", v."entityType", p."code", p."value", p."before", p."after"
    FROM (SELECT DISTINCT "type", "subtype", "role", "entityType" FROM ar) v CROSS JOIN tagsets t
    CROSS JOIN LATERAL (VALUES
      ('role-not-allowed', v."type" || '/' || v."subtype" || ': ' || v."role", ${subtypeBefore} AND NOT ${roleBefore}, ${subtypeAfter} AND NOT ${roleAfter}),
      ('unknown-entity-type', v."entityType", NOT ${listed("t.before", "entityTypes", "entityType")}, NOT ${listed("t.after", "entityTypes", "entityType")})
    ) p("code", "value", "before", "after")
    WHERE p."before" OR p."after"),
  ho_values AS (
    SELECT v."relation", 'unknown-relation' AS "code", v."relation" AS "value",
      NOT ${listed("t.before", "hopperRelations", "relation")} AS "before", NOT ${listed("t.after", "hopperRelations", "relation")} AS "after"
    FROM (SELECT DISTINCT "relation" FROM ho) v CROSS JOIN tagsets t),
  problems AS (
    SELECT 'event' AS "item", ev."id", ev."documentId", x."code", x."value", x."before", x."after"
      FROM ev JOIN ev_values x ON x."type" = ev."type" AND x."subtype" = ev."subtype" AND x."realis" = ev."realis"
    UNION ALL
    SELECT 'argument', ar."id", ar."documentId", x."code", x."value", x."before", x."after"
      FROM ar JOIN ar_values x ON x."type" = ar."type" AND x."subtype" = ar."subtype" AND x."role" = ar."role" AND x."entityType" = ar."entityType"
    UNION ALL
    SELECT 'hopper', ho."id", ho."documentId", x."code", x."value", x."before", x."after"
      FROM ho JOIN ho_values x ON x."relation" = ho."relation" WHERE x."before" OR x."after")`;
}
