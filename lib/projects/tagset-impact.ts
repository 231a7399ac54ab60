// What a tagset change would do to a project's annotations, before it is saved:
// nothing is deleted or rewritten, but values that leave the tagset become
// problems in the editor's checks and the document list. One query over every
// set of the project (gold and annotators').

import type { Tagset } from "@/lib/casie/tagset";
import { db, type DatabasePool } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { tagsetProblemsCtes, type TagsetProblemCode, type TagsetProblemItem } from "./tagset-problems-sql";

/** One value outside a tagset, with how many items hold it. */
export interface TagsetImpactEntry {
  code: TagsetProblemCode;
  item: TagsetProblemItem;
  /** `Espionage`, `Attack/Ransom`, `Attack/Ransom: Victim`, `Generic`… */
  value: string;
  /** Events, arguments or hoppers holding it, across all sets, and their documents. */
  count: number;
  documents: number;
  /** Outside the current tagset already (true) or only outside the proposed one (false: this change puts it there). */
  already: boolean;
  /** Outside the proposed tagset (false: this change brings it back in). */
  outsideAfter: boolean;
}

export interface ItemCounts {
  events: number;
  arguments: number;
  hoppers: number;
  documents: number;
}

export interface TagsetImpact {
  /** Values outside the current or the proposed tagset, most held first. */
  entries: TagsetImpactEntry[];
  /** Items that would get a problem they do not have now. */
  leaving: ItemCounts;
  /** Items with some problem under the proposed tagset. */
  outsideAfter: ItemCounts;
}

const NONE: ItemCounts = { events: 0, arguments: 0, hoppers: 0, documents: 0 };

/** The impact of replacing the project's tagset with `proposed`; nothing for no such project. */
export async function tagsetImpact(projectId: string, proposed: Tagset, client: DatabasePool = db()): Promise<TagsetImpact> {
  if (!isRecordId(projectId)) return { entries: [], leaving: NONE, outsideAfter: NONE };
  const ctes = tagsetProblemsCtes({
    sets: `SELECT s."id", s."documentId" FROM "AnnotationSet" s JOIN "Document" d ON d."id" = s."documentId" WHERE d."projectId" = $1`,
    before: `(SELECT p."tagset" FROM "Project" p WHERE p."id" = $1)`,
    after: `$2::jsonb`,
  });
  const counts = (where: string) =>
    `(SELECT json_build_object(
        'events', count(DISTINCT "id") FILTER (WHERE "item" = 'event'),
        'arguments', count(DISTINCT "id") FILTER (WHERE "item" = 'argument'),
        'hoppers', count(DISTINCT "id") FILTER (WHERE "item" = 'hopper'),
        'documents', count(DISTINCT "documentId")) FROM problems WHERE ${where})`;
  const { rows } = await client.pool.query<{ entries: TagsetImpactEntry[] | null; leaving: ItemCounts; outsideAfter: ItemCounts }>(
    `WITH ${ctes},
    entries AS (
      SELECT "code", "item", "value", count(*)::int AS "count", count(DISTINCT "documentId")::int AS "documents", "before" AS "already", "after" AS "outsideAfter"
      FROM problems GROUP BY "code", "item", "value", "before", "after")
    SELECT (SELECT json_agg(entries ORDER BY "count" DESC, "code", "value") FROM entries) AS "entries",
      ${counts(`"after" AND NOT "before"`)} AS "leaving", ${counts(`"after"`)} AS "outsideAfter"`,
    [projectId, JSON.stringify(proposed)],
  );
  const [row] = rows;
  return { entries: row.entries ?? [], leaving: row.leaving, outsideAfter: row.outsideAfter };
}
