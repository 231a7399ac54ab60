// What the editor does with the server's answers (ProseMirror's collab module,
// for our operations): the confirmed document moves to the server's state, and
// the local operations not yet saved are replayed on top of it with
// rebasePending. Pure, so every case is tested without a browser or a server.

import { applyOperations } from "@/lib/annotation/apply-operation";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import { rebasePending, type DroppedOperation } from "@/lib/annotation/rebase";
import type { CasieDocument } from "@/lib/casie/types";

/** The editor's copy of a set: the server's state at `version`, and the local operations on top of it. */
export interface LocalCopy {
  confirmed: CasieDocument;
  version: number;
  /** `confirmed` with `pending` applied: what the annotator sees. */
  document: CasieDocument;
  pending: AnnotationOperation[];
}

export interface MergeResult extends LocalCopy {
  dropped: DroppedOperation[];
  /** How many operations saved elsewhere were merged in. */
  remoteCount: number;
  /** Each local operation that changed in the rebase (new positions or indexes) → as it is now; null when it was dropped. */
  replaced: Map<AnnotationOperation, AnnotationOperation | null>;
}

/** The local state no longer matches the server's and must be read again (a save the server took but the client cannot replay). */
export class ResyncNeededError extends Error {}

/**
 * The server saved the first `sentCount` pending operations after
 * `remoteOperations` (others' saves since our version). The rest were made
 * meanwhile and are rebased over the remote operations.
 */
export function mergeSaved(copy: LocalCopy, sentCount: number, response: { version: number; remoteOperations: AnnotationOperation[] }): MergeResult {
  const sent = copy.pending.slice(0, sentCount);
  const remote = response.remoteOperations;
  if (remote.length === 0) {
    return {
      confirmed: applyOperations(copy.confirmed, sent),
      version: response.version,
      document: copy.document,
      pending: copy.pending.slice(sentCount),
      dropped: [],
      remoteCount: 0,
      replaced: new Map(),
    };
  }
  // The server applied `sent` unchanged after `remote`, so replaying them locally keeps every one;
  // anything else means the two sides disagree.
  const rebased = rebasePending(copy.confirmed, remote, copy.pending);
  if (rebased.dropped.some((d) => sent.includes(d.operation))) throw new ResyncNeededError("a saved edit does not replay locally");
  let confirmed: CasieDocument;
  try {
    confirmed = applyOperations(applyOperations(copy.confirmed, remote), sent);
  } catch (error) {
    throw new ResyncNeededError((error as Error).message);
  }
  return {
    confirmed,
    version: response.version,
    document: rebased.document,
    pending: rebased.pending.slice(sentCount),
    dropped: rebased.dropped,
    remoteCount: remote.length,
    replaced: replacements(copy.pending, rebased.pending, rebased.dropped),
  };
}

/**
 * The server refused the save: nothing of it was written. With others' saves
 * to rebase on, every pending operation is replayed on them (renumbered or
 * moved as needed, dropped when it no longer fits). Without any, the server
 * refuses the very state the operations were made on: what was sent is
 * dropped with the server's message, so the editor cannot resend it forever.
 */
export function mergeConflict(
  copy: LocalCopy,
  sentCount: number,
  response: { message: string; version: number; document: CasieDocument; remoteOperations: AnnotationOperation[] },
): MergeResult {
  const remote = response.remoteOperations;
  if (remote.length === 0) {
    const refused = copy.pending.slice(0, sentCount).map((operation) => ({ operation, reason: response.message }));
    const rest = copy.pending.slice(sentCount);
    const rebased = rebasePending(response.document, [], rest);
    const dropped = [...refused, ...rebased.dropped];
    return {
      confirmed: response.document,
      version: response.version,
      document: rebased.document,
      pending: rebased.pending,
      dropped,
      remoteCount: 0,
      replaced: replacements(copy.pending, rebased.pending, dropped),
    };
  }
  const rebased = rebasePending(copy.confirmed, remote, copy.pending);
  return {
    confirmed: response.document,
    version: response.version,
    document: rebased.document,
    pending: rebased.pending,
    dropped: rebased.dropped,
    remoteCount: remote.length,
    replaced: replacements(copy.pending, rebased.pending, rebased.dropped),
  };
}

/** Operations others saved since our version (live updates), merged under the pending ones. */
export function mergeRemote(copy: LocalCopy, update: { version: number; operations: AnnotationOperation[] }): MergeResult {
  const rebased = rebasePending(copy.confirmed, update.operations, copy.pending);
  return {
    confirmed: applyOperations(copy.confirmed, update.operations),
    version: update.version,
    document: rebased.document,
    pending: rebased.pending,
    dropped: rebased.dropped,
    remoteCount: update.operations.length,
    replaced: replacements(copy.pending, rebased.pending, rebased.dropped),
  };
}

/** Pairs the original operations with what the rebase kept, in order, skipping the dropped ones. */
function replacements(
  originals: readonly AnnotationOperation[],
  kept: readonly AnnotationOperation[],
  dropped: readonly DroppedOperation[],
): Map<AnnotationOperation, AnnotationOperation | null> {
  const droppedSet = new Set(dropped.map((d) => d.operation));
  const replaced = new Map<AnnotationOperation, AnnotationOperation | null>();
  let next = 0;
  for (const original of originals) {
    if (droppedSet.has(original)) replaced.set(original, null);
    else {
      const now = kept[next++];
      if (now !== original) replaced.set(original, now);
    }
  }
  return replaced;
}
