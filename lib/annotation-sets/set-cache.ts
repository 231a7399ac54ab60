// The sets this process saved to lately, at the version it last wrote or read
// them, with the tagset their saves are checked against: a save on that very
// version needs no read at all. Never trusted on its own: every write is
// guarded by the version and the tagset's hash (set-write-sql.ts), so a set
// another process changed meanwhile is simply read again.

import { parseTagset, type Tagset } from "@/lib/casie/tagset";
import { processSingleton } from "@/lib/process-singleton";
import type { AnnotationRows } from "./annotation-rows";
import { snapshotOf, type SetSnapshot } from "./set-snapshot";
import type { AnnotationSetState, SetHead } from "./set-state";

export interface CachedSet {
  snapshot: SetSnapshot;
  tagset: Tagset;
  tagsetHash: string;
}

/** Enough for every set being edited on a busy server; each holds one document and its rows. */
const MAX_SETS = 500;

/** Least recently used goes first (a Map iterates in insertion order). The process's: pages see what routes saved. */
const sets = processSingleton("set-cache", () => new Map<string, CachedSet>());

/** What the cache holds of a set read under `head`, as `state` from its `rows`. */
export function cacheEntryOf(head: SetHead, state: AnnotationSetState, rows: AnnotationRows): CachedSet {
  return {
    snapshot: snapshotOf(head.setId, head.version, state.numbering, state.document, rows),
    tagset: parseTagset(head.tagset),
    tagsetHash: head.tagsetHash,
  };
}

export function cachedSet(setId: string): CachedSet | undefined {
  const found = sets.get(setId);
  if (found) {
    sets.delete(setId);
    sets.set(setId, found);
  }
  return found;
}

export function cacheSet(cached: CachedSet): void {
  sets.delete(cached.snapshot.setId);
  sets.set(cached.snapshot.setId, cached);
  while (sets.size > MAX_SETS) sets.delete(sets.keys().next().value!);
}

export function forgetSet(setId: string): void {
  sets.delete(setId);
}
