// Local edits made on top of a state others have changed since: their
// operations are applied first, then each local one again. What others' edits
// shift is followed (an event's position in its hopper, an argument's position,
// an index two annotators both took for something new); what they changed is
// not overridden: a local operation whose expectations no longer hold is
// dropped, with the conflict's message as the reason. The server makes the same
// decision when a save was based on an older version.

import type { CasieDocument, CasieEvent } from "@/lib/casie/types";
import { spanUses } from "./document-lookup";
import { createIndexAllocator, type IndexAllocator, type SetNumbering } from "./index-allocation";
import { collectOperationIndexes } from "./operation-indexes";
import {
  appendsOf,
  applyOperation,
  applyOperations,
  mapOperationIndexes,
  OperationConflictError,
  relocateOperation,
  type IndexMapping,
} from "./operation-kinds";
import type { AnnotationOperation } from "./operation-types";
export interface DroppedOperation {
  operation: AnnotationOperation;
  /** Why it no longer fits, e.g. "E7's realis is Generic now, not Actual". */
  reason: string;
}

export interface RebaseResult {
  /** `confirmed` with the remote operations and the kept pending ones applied. */
  document: CasieDocument;
  /** The kept pending operations as applied (positions and new indexes adjusted): what to save or send. */
  pending: AnnotationOperation[];
  dropped: DroppedOperation[];
}

/**
 * `confirmed`: the state the pending operations were made on; `remoteOperations`:
 * what others did since (they must fit `confirmed`, else this throws their
 * OperationConflictError); `pendingOperations`: the local ones, in order;
 * `numbering`: the set's numbering, which renumbered indexes go past.
 */
export function rebasePending(
  confirmed: CasieDocument,
  remoteOperations: readonly AnnotationOperation[],
  pendingOperations: readonly AnnotationOperation[],
  numbering?: SetNumbering,
): RebaseResult {
  let document = applyOperations(confirmed, remoteOperations);
  const mentioned = collectOperationIndexes(pendingOperations);
  const base = documentIndexes(confirmed);
  // Everything others' operations name that the base lacked: what they created, even if deleted again since.
  const remoteNamed = collectOperationIndexes(remoteOperations);
  const after = documentIndexes(document);
  const remoteCreated = difference(
    {
      events: new Set([...after.events, ...remoteNamed.events]),
      spans: new Set([...after.spans, ...remoteNamed.spans]),
      hoppers: new Set([...after.hoppers, ...remoteNamed.hoppers]),
    },
    base,
  );
  const allocate = createIndexAllocator(document, {
    numbering,
    events: [...base.events, ...mentioned.events, ...remoteNamed.events],
    spans: [...base.spans, ...mentioned.spans, ...remoteNamed.spans],
    hoppers: [...base.hoppers, ...mentioned.hoppers, ...remoteNamed.hoppers],
  });
  let renames = emptyRenames();
  /** The state the annotator saw when making the next pending operation. */
  let made: CasieDocument | undefined = confirmed;
  const pending: AnnotationOperation[] = [];
  const dropped: DroppedOperation[] = [];
  for (const operation of pendingOperations) {
    // Renames made while trying an operation count only if it is kept.
    const tried = copyRenames(renames);
    try {
      const result = rebaseOperation(document, made, operation, { remoteCreated, renames: tried, allocate });
      document = result.document;
      pending.push(result.operation);
      renames = tried;
    } catch (error) {
      if (!(error instanceof OperationConflictError)) throw error;
      dropped.push({ operation, reason: error.message });
    }
    made = made && tryApply(made, operation);
  }
  return { document, pending, dropped };
}

/**
 * Applies an operation made on an older state of `document` (an undo or redo
 * step after others' edits): positions that moved are looked up again. Throws
 * an OperationConflictError when it no longer fits. Returns the operation as
 * applied, for the history and the save.
 */
export function applyRebased(
  document: CasieDocument,
  operation: AnnotationOperation,
  numbering?: SetNumbering,
): { document: CasieDocument; operation: AnnotationOperation } {
  const nothing: DocumentIndexes = { events: new Set(), spans: new Set(), hoppers: new Set() };
  return rebaseOperation(document, undefined, operation, {
    remoteCreated: nothing,
    renames: emptyRenames(),
    allocate: createIndexAllocator(document, { numbering }),
  });
}

interface DocumentIndexes {
  events: Set<string>;
  spans: Set<string>;
  hoppers: Set<number>;
}

/** New indexes of local operations that were taken by remote ones, and their replacements. */
interface Renames {
  events: Map<string, string>;
  spans: Map<string, string>;
  hoppers: Map<number, number>;
}

interface RebaseContext {
  /** Indexes that others' operations brought in: the state local operations were made on did not have them. */
  remoteCreated: DocumentIndexes;
  renames: Renames;
  allocate: IndexAllocator;
}

/** `made`: the state the operation was made on, when known (to tell appending from inserting). */
function rebaseOperation(
  document: CasieDocument,
  made: CasieDocument | undefined,
  operation: AnnotationOperation,
  context: RebaseContext,
): { document: CasieDocument; operation: AnnotationOperation } {
  if (operation.kind === "batch") {
    let current = document;
    let madeNow = made;
    const members: AnnotationOperation[] = [];
    for (const member of operation.operations) {
      const result = rebaseOperation(current, madeNow, member, context);
      current = result.document;
      madeNow = madeNow && tryApply(madeNow, member);
      members.push(result.operation);
    }
    return { document: current, operation: { ...operation, operations: members } };
  }
  const appends = made ? appendsOf(made, operation) : {};
  const renamed = renameCollisions(mapOperationIndexes(operation, renaming(context.renames)), context);
  const relocated = relocateOperation(document, renamed, appends);
  return { document: applyOperation(document, relocated), operation: relocated };
}

/**
 * Local operations cannot know what others created meanwhile, so a local
 * operation naming such an index means something it created itself under the
 * same index (both took the next free one): the local thing gets a fresh
 * index, and later local operations follow the rename.
 */
function renameCollisions(operation: AnnotationOperation, context: RebaseContext): AnnotationOperation {
  const { remoteCreated, renames, allocate } = context;
  let collided = false;
  const check =
    <T>(created: Set<T>, renamed: Map<T, T>, fresh: () => T) =>
    (index: T) => {
      if (created.has(index) && !renamed.has(index)) {
        renamed.set(index, fresh());
        collided = true;
      }
      return index;
    };
  mapOperationIndexes(operation, {
    event: check(remoteCreated.events, renames.events, () => allocate.event()),
    span: check(remoteCreated.spans, renames.spans, () => allocate.span()),
    hopper: check(remoteCreated.hoppers, renames.hoppers, () => allocate.hopper()),
  });
  return collided ? mapOperationIndexes(operation, renaming(renames)) : operation;
}

function renaming(renames: Renames): IndexMapping {
  return {
    event: (index) => renames.events.get(index) ?? index,
    span: (index) => renames.spans.get(index) ?? index,
    hopper: (index) => renames.hoppers.get(index) ?? index,
  };
}

function documentIndexes(document: CasieDocument): DocumentIndexes {
  const events = new Set<string>();
  const hoppers = new Set<number>();
  for (const hopper of document.hoppers) {
    hoppers.add(hopper.index);
    hopper.events.forEach((event: CasieEvent) => events.add(event.index));
  }
  const spans = new Set<string>();
  for (const { span } of spanUses(document)) spans.add(span.index);
  return { events, spans, hoppers };
}

/** The document after the operation, or undefined when it does not apply (pending operations that contradict each other). */
function tryApply(document: CasieDocument, operation: AnnotationOperation): CasieDocument | undefined {
  try {
    return applyOperation(document, operation);
  } catch (error) {
    if (error instanceof OperationConflictError) return undefined;
    throw error;
  }
}

function difference(all: DocumentIndexes, known: DocumentIndexes): DocumentIndexes {
  const without = <T>(set: Set<T>, minus: Set<T>) => new Set([...set].filter((index) => !minus.has(index)));
  return { events: without(all.events, known.events), spans: without(all.spans, known.spans), hoppers: without(all.hoppers, known.hoppers) };
}

function emptyRenames(): Renames {
  return { events: new Map(), spans: new Map(), hoppers: new Map() };
}

function copyRenames(renames: Renames): Renames {
  return { events: new Map(renames.events), spans: new Map(renames.spans), hoppers: new Map(renames.hoppers) };
}
