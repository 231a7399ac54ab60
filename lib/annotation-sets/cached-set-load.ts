// Pages read a set from this process's cache of the sets it saves to
// (set-cache.ts) when that holds the set at its current version: one small
// read instead of all its rows, which a long document has thousands of. A set
// opened in the editor is cached when it is read in full, so the window's first
// save needs no read either.

import { db, type DatabasePool } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { inTransaction } from "@/lib/db/transaction";
import { cacheEntryOf, cachedSet, cacheSet } from "./set-cache";
import { readSetBody, readSetHead, setStateOf, type AnnotationSetState } from "./set-state";

/** The set as loadAnnotationSet reads it, for a window about to edit it. */
export function loadSetForEditing(setId: string, client: DatabasePool = db()): Promise<AnnotationSetState | null> {
  return loadSet(setId, client, { keep: true });
}

/** The set as loadAnnotationSet reads it, for a page that shows it. */
export function loadSetForReading(setId: string, client: DatabasePool = db()): Promise<AnnotationSetState | null> {
  return loadSet(setId, client, { keep: false });
}

async function loadSet(setId: string, client: DatabasePool, { keep }: { keep: boolean }): Promise<AnnotationSetState | null> {
  if (!isRecordId(setId)) return null;
  return inTransaction(
    client,
    async (connection) => {
      const head = await readSetHead(connection, setId, { lock: false });
      if (!head) return null;
      const cached = cachedSet(setId);
      // Every write of a set's rows moves its version; the text and tagset are compared too, being read here anyway.
      if (cached?.snapshot.version === head.version && cached.tagsetHash === head.tagsetHash && cached.snapshot.document.content === head.content) {
        return setStateOf(head, cached.snapshot.document.hoppers);
      }
      const { state, rows } = await readSetBody(connection, head);
      if (keep) cacheSet(cacheEntryOf(head, state, rows));
      return state;
    },
    { readOnly: true },
  );
}
