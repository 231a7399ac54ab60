// Taking back one earlier save of a set, after whatever was saved since: its
// operations inverted, newest first, as a window's local edits made on the
// version that save left, and brought up to date by the editor's own merge
// rule (lib/annotation/collab.ts) before they are saved as a new change. So
// later edits by anyone stay, and a part of the save that later edits made
// impossible (an argument of an event someone deleted) is dropped, not forced.

import { randomUUID } from "node:crypto";
import { addLocalOperation, receiveOperations, startCollab, type CollabState } from "@/lib/annotation/collab";
import { applyOperation, invertOperation } from "@/lib/annotation/operation-kinds";
import type { SaveResponse } from "@/lib/annotation/sync-protocol";
import { db, type Database } from "@/lib/db/client";
import { operationsOfClient, operationsSince } from "./operation-log";
import { saveOperations } from "./save-operations";
import { readSetAtVersion } from "./set-history";
import { loadAnnotationSet } from "./set-state";

export type RevertResult =
  /** The save's operations that still fit were taken back (`dropped` did not); nothing to take back is "saved" too. */
  { status: "saved"; version: number; dropped: number } | { status: "failed"; message: string };

/** Others saving at the same moment make a save answer "behind"; past this many in a row something else is wrong. */
const MAX_ATTEMPTS = 8;

/** Takes back the operations window `clientId` saved to set `setId`, as user `userId`. */
export async function revertClientSave(setId: string, clientId: string, userId: string | null, client: Database = db()): Promise<RevertResult> {
  const saved = await operationsOfClient(setId, clientId, client);
  const current = await loadAnnotationSet(setId, client);
  if (!current) return { status: "failed", message: "There is no such set." };
  if (!saved.length) return { status: "saved", version: current.version, dropped: 0 };
  const after = saved[saved.length - 1].version;
  const then = await readSetAtVersion(setId, after, client);
  if (!then) return { status: "failed", message: "The set's history does not reach that change any more." };
  // The set's numbering now is past every index it ever used: undoing never needs a new one.
  let state: CollabState = startCollab(`revert-${randomUUID()}`, { version: after, document: then.document, numbering: current.numbering });
  for (const logged of [...saved].reverse()) {
    const inverse = invertOperation(logged.operation);
    state = addLocalOperation(state, inverse, applyOperation(state.document, inverse));
  }
  let dropped = 0;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    // Up to date with everything saved since, page by page.
    for (;;) {
      const since = await operationsSince(setId, state.version, undefined, client);
      if (!since) return { status: "failed", message: "There is no such set." };
      const reception = receiveOperations(state, since.operations);
      state = reception.state;
      dropped += reception.dropped.length;
      if (since.complete) break;
    }
    if (!state.pending.length) return { status: "saved", version: state.version, dropped };
    const response: SaveResponse = await saveOperations(
      { setId, baseVersion: state.version, clientId: state.clientId, operations: state.pending, userId },
      client,
    );
    switch (response.status) {
      case "saved":
        return { status: "saved", version: response.version, dropped };
      case "behind":
        continue;
      case "refused":
      case "reload":
        return { status: "failed", message: response.message };
    }
  }
  return { status: "failed", message: "The set kept changing while the change was taken back: try again." };
}
