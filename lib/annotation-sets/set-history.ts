// A set's history for people: each saved change with who made it, when, and
// what it did in words (newest first, paged), and the set as it was at any
// earlier version, rebuilt from its state now by undoing the newer operations.

import { describeOperation } from "@/lib/annotation/operation-kinds";
import { upgradeLoggedOperation } from "@/lib/annotation/operation-format";
import { rewindDocument } from "@/lib/annotation/rewind";
import type { CasieDocument } from "@/lib/casie/types";
import { db, type Database } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { inTransaction } from "@/lib/db/transaction";
import { readSetState } from "./set-state";

export interface HistoryEntry {
  version: number;
  at: Date;
  /** Who saved it (name, else email); null for imports and removed accounts. */
  author: string | null;
  /** What it did, e.g. "Set E7's realis to Generic". */
  description: string;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  /** The version to ask `before` for the next (older) page; null when this page reaches the first change. */
  olderBefore: number | null;
}

export const HISTORY_PAGE_SIZE = 100;

/** The set's changes before version `before` (all when null), newest first, at most `limit` of them. */
export async function readSetHistory(
  setId: string,
  { before = null, limit = HISTORY_PAGE_SIZE }: { before?: number | null; limit?: number } = {},
  client: Database = db(),
): Promise<HistoryPage> {
  if (!isRecordId(setId)) return { entries: [], olderBefore: null };
  const { rows } = await client.pool.query<{ version: number; createdAt: Date; author: string | null; format: number; operation: unknown }>(
    `SELECT o."version", o."createdAt", NULLIF(COALESCE(NULLIF(u."name", ''), u."email"), '') AS "author", o."format", o."operation"
      FROM "AnnotationOperation" o LEFT JOIN "User" u ON u."id" = o."userId"
      WHERE o."setId" = $1 AND ($2::int IS NULL OR o."version" < $2::int)
      ORDER BY o."version" DESC LIMIT $3`,
    [setId, before, limit + 1],
  );
  const entries = rows.slice(0, limit).map((row) => ({
    version: row.version,
    at: row.createdAt,
    author: row.author,
    description: describeOperation(upgradeLoggedOperation(row.format, row.operation)),
  }));
  return { entries, olderBefore: rows.length > limit ? entries[entries.length - 1].version : null };
}

/** The set's document as it was at `version` (0: before its first logged change); null when there is no such set or version. */
export async function readSetAtVersion(
  setId: string,
  version: number,
  client: Database = db(),
): Promise<{ document: CasieDocument; currentVersion: number } | null> {
  if (!isRecordId(setId) || !Number.isSafeInteger(version) || version < 0) return null;
  return inTransaction(
    client,
    async (connection) => {
      const read = await readSetState(connection, setId, { lock: false });
      if (!read || version > read.state.version) return null;
      const { rows } = await connection.query<{ version: number; format: number; operation: unknown }>(
        `SELECT "version", "format", "operation" FROM "AnnotationOperation" WHERE "setId" = $1 AND "version" > $2 ORDER BY "version"`,
        [setId, version],
      );
      const newer = rows.map((row) => ({ version: row.version, operation: upgradeLoggedOperation(row.format, row.operation) }));
      return { document: rewindDocument(read.state.document, read.state.version, newer, version), currentVersion: read.state.version };
    },
    { readOnly: true },
  );
}
