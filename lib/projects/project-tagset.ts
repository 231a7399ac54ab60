// A project's tagset as its editor reads and saves it. A save replaces the
// tagset whole, only over the version the editor started from (its hash), so
// two managers editing at once cannot silently undo each other. Annotations
// are never touched: values that leave the tagset become problems to review
// (tagset-impact.ts counts them before the save).

import type { CurrentUser } from "@/lib/auth/access";
import { parseTagset, type Tagset } from "@/lib/casie/tagset";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { checkManager, refuse, type ProjectResult } from "./project-access";
import { tagsetImpact, type TagsetImpact } from "./tagset-impact";
import { readTagsetInput } from "./tagset-input";

export interface ProjectTagset {
  tagset: Tagset;
  /** md5 of the tagset as stored: a save names it to say which version it changes. */
  hash: string;
}

export async function readProjectTagset(projectId: string, client: Database = db()): Promise<ProjectTagset | null> {
  if (!isRecordId(projectId)) return null;
  const { rows } = await client.pool.query<{ tagset: unknown; hash: string }>(
    `SELECT "tagset", md5("tagset"::text) AS "hash" FROM "Project" WHERE "id" = $1`,
    [projectId],
  );
  return rows[0] ? { tagset: parseTagset(rows[0].tagset), hash: rows[0].hash } : null;
}

/** What saving `value` would do to the project's annotations (for its managers, before they save). */
export async function previewTagsetChange(
  actor: CurrentUser | null,
  projectId: string,
  value: unknown,
  client: Database = db(),
): Promise<ProjectResult<{ impact: TagsetImpact }>> {
  const allowed = await checkManager(actor, projectId, {}, client);
  if (!allowed.ok) return allowed;
  const input = readTagsetInput(value);
  if (!input.ok) return refuse("invalid", `The tagset is not valid: ${input.errors.join("; ")}`);
  return { ok: true, impact: await tagsetImpact(projectId, input.tagset, client) };
}

/** Replaces the project's tagset with `value`, when it is still at `baseHash`; answers the new hash. */
export async function saveProjectTagset(
  actor: CurrentUser | null,
  projectId: string,
  value: unknown,
  baseHash: string,
  client: Database = db(),
): Promise<ProjectResult<{ hash: string }>> {
  const allowed = await checkManager(actor, projectId, {}, client);
  if (!allowed.ok) return allowed;
  const input = readTagsetInput(value);
  if (!input.ok) return refuse("invalid", `The tagset is not valid: ${input.errors.join("; ")}`);
  // Guarded by archivedAt too: archiving between the check and this statement leaves the tagset as it was.
  const { rows } = await client.pool.query<{ hash: string }>(
    `UPDATE "Project" SET "tagset" = $2::jsonb, "updatedAt" = CURRENT_TIMESTAMP
      WHERE "id" = $1 AND md5("tagset"::text) = $3 AND "archivedAt" IS NULL RETURNING md5("tagset"::text) AS "hash"`,
    [projectId, JSON.stringify(input.tagset), baseHash],
  );
  if (!rows[0])
    return refuse("conflict", "The tagset was changed meanwhile (or the project archived): reload the page to see it, then make your change again.");
  return { ok: true, hash: rows[0].hash };
}
