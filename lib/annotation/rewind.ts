// A set's state at an earlier version, from its state now and the operations
// logged since: every operation has an exact inverse (operation-kinds.ts), so
// undoing the newer ones, newest first, gives the older state.

import type { CasieDocument } from "@/lib/casie/types";
import { applyOperation, invertOperation } from "./operation-kinds";
import type { AnnotationOperation } from "./operation-types";

export interface VersionedOperation {
  version: number;
  operation: AnnotationOperation;
}

/**
 * `document` as it was at `version`, given it is at `currentVersion` now and
 * `newer` holds every operation logged after `version` (in any order).
 */
export function rewindDocument(
  document: CasieDocument,
  currentVersion: number,
  newer: readonly VersionedOperation[],
  version: number,
): CasieDocument {
  if (!Number.isInteger(version) || version < 0 || version > currentVersion)
    throw new RangeError(`version ${version} is not between 0 and ${currentVersion}`);
  const undone = newer.filter((entry) => entry.version > version).sort((a, b) => b.version - a.version);
  if (undone.length !== currentVersion - version || undone.some((entry, i) => entry.version !== currentVersion - i)) {
    throw new Error(`the log lacks operations between versions ${version} and ${currentVersion}`);
  }
  return undone.reduce((state, entry) => applyOperation(state, invertOperation(entry.operation)), document);
}
