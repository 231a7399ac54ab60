// A window's copy of an annotation set (prosemirror-collab's client state):
// the server's state at a version, and the local operations it has not
// confirmed yet. Everything the server says comes in through one function,
// receiveOperations, whether it is the answer to a save, a catch-up or a
// push: the window's own operations are recognized by client id and sequence
// number and confirmed; the others' are applied and the unconfirmed local
// operations rebased over them. The server applies operations only on its
// current version, so both sides apply the same operations in the same order
// and a window can never end in a state the server does not have.

import type { CasieDocument } from "@/lib/casie/types";
import { numberingAfter, type SetNumbering } from "./index-allocation";
import { applyOperation, applyOperations } from "./operation-kinds";
import type { AnnotationOperation } from "./operation-types";
import { rebasePending, type DroppedOperation } from "./rebase";
import { sameJson } from "./same-json";
import type { LoggedOperation } from "./sync-protocol";

/** A local operation waiting for the server, with the number that identifies it with the window's client id. */
export interface PendingOperation {
  seq: number;
  operation: AnnotationOperation;
}

export interface CollabState {
  clientId: string;
  /** The sequence number the next local operation gets. */
  nextSeq: number;
  /** The server's state at `version`, as far as this window knows. */
  version: number;
  confirmed: CasieDocument;
  /** The set's numbering, raised past every index confirmed or pending: new indexes go past it. */
  numbering: SetNumbering;
  /** Local operations not confirmed yet, oldest first. */
  pending: PendingOperation[];
  /** `confirmed` with `pending` applied: what the annotator sees. */
  document: CasieDocument;
}

/** What taking in the server's operations did. */
export interface Reception {
  state: CollabState;
  /** Local operations that no longer fit after others' edits (or that the server refused), with the reason. */
  dropped: DroppedOperation[];
  /** How many operations of other windows were taken in. */
  remoteCount: number;
  /** Each local operation that changed (rebased, or confirmed as the server stored it) → its form now; null when dropped. */
  replaced: Map<AnnotationOperation, AnnotationOperation | null>;
}

/** The operations start past this window's version: the ones between must be fetched first. */
export class CollabGapError extends Error {}

/** The server's log and this window disagree in a way no rebase explains: the set must be loaded again. */
export class CollabMismatchError extends Error {}

export function startCollab(clientId: string, set: { version: number; document: CasieDocument; numbering: SetNumbering }): CollabState {
  return { clientId, nextSeq: 1, version: set.version, confirmed: set.document, numbering: set.numbering, pending: [], document: set.document };
}

/** A local edit: `document` is the state's document with `operation` applied (the caller applies it first, to refuse what does not fit). */
export function addLocalOperation(state: CollabState, operation: AnnotationOperation, document: CasieDocument): CollabState {
  return {
    ...state,
    nextSeq: state.nextSeq + 1,
    pending: [...state.pending, { seq: state.nextSeq, operation }],
    numbering: numberingAfter(state.numbering, [operation]),
    document,
  };
}

/**
 * Takes in operations from the server's log, in version order. Those this
 * window has already are skipped; the first new one must follow its version.
 */
export function receiveOperations(state: CollabState, operations: readonly LoggedOperation[]): Reception {
  const fresh = operations.filter((logged) => logged.version > state.version);
  fresh.forEach((logged, i) => {
    if (logged.version !== state.version + 1 + i) {
      throw new CollabGapError(`expected version ${state.version + 1 + i} from the server, got ${logged.version}`);
    }
  });
  if (fresh.length === 0) return unchanged(state);

  let { confirmed, pending, numbering, document } = state;
  const dropped: DroppedOperation[] = [];
  const confirmedSeqs: ConfirmedSeqs = { seqs: new Set(), storedCopies: new Map() };
  let remoteCount = 0;
  /** Others' operations not yet rebased over: rebasing once per run keeps renumbering consistent. */
  let run: AnnotationOperation[] = [];
  const rebaseOverRun = () => {
    if (run.length === 0) return;
    const result = rebasePending(
      confirmed,
      run,
      pending.map((entry) => entry.operation),
      numbering,
    );
    const gone = new Set(result.dropped.map((entry) => entry.operation));
    let kept = 0;
    pending = pending.flatMap((entry) => (gone.has(entry.operation) ? [] : [{ seq: entry.seq, operation: result.pending[kept++] }]));
    dropped.push(...result.dropped);
    confirmed = applyOperations(confirmed, run);
    document = result.document;
    run = [];
  };
  for (const logged of fresh) {
    const own = logged.clientId === state.clientId && logged.seq !== null;
    if (own && pending[0]?.seq === logged.seq) {
      rebaseOverRun();
      confirmed = applyOperation(confirmed, logged.operation);
      // The server stores what was sent; its copy replaces the local one only if they differ.
      confirmedSeqs.seqs.add(logged.seq);
      if (!sameJson(logged.operation, pending[0].operation)) confirmedSeqs.storedCopies.set(logged.seq, logged.operation);
      pending = pending.slice(1);
    } else if (own && pending.some((entry) => entry.seq === logged.seq)) {
      throw new CollabMismatchError(`the server stored this window's operation ${logged.seq} before the ones sent earlier`);
    } else {
      run.push(logged.operation);
      remoteCount++;
    }
  }
  rebaseOverRun();
  numbering = numberingAfter(
    numberingAfter(
      numbering,
      fresh.map((logged) => logged.operation),
    ),
    pending.map((entry) => entry.operation),
  );
  const next: CollabState = { ...state, version: state.version + fresh.length, confirmed, pending, numbering, document };
  return { state: next, dropped, remoteCount, replaced: replacements(state.pending, next.pending, confirmedSeqs) };
}

/** The server refused local operation `seq` (it stored nothing): it is dropped, and the later ones kept where they still fit. */
export function refuseOperation(state: CollabState, seq: number, reason: string): Reception {
  const refused = state.pending.find((entry) => entry.seq === seq);
  if (!refused) return unchanged(state);
  return rebaseOnto(state, { version: state.version, document: state.confirmed, numbering: state.numbering }, [
    { operation: refused.operation, reason },
  ]);
}

/** The set as loaded again: the local operations not confirmed yet are replayed on it where they still fit. */
export function reloadCollab(state: CollabState, set: { version: number; document: CasieDocument; numbering: SetNumbering }): Reception {
  return rebaseOnto(state, set, []);
}

function rebaseOnto(
  state: CollabState,
  set: { version: number; document: CasieDocument; numbering: SetNumbering },
  refused: DroppedOperation[],
): Reception {
  const gone = new Set(refused.map((entry) => entry.operation));
  const rest = state.pending.filter((entry) => !gone.has(entry.operation));
  const numbering = maxNumbering(set.numbering, state.numbering);
  const result = rebasePending(
    set.document,
    [],
    rest.map((entry) => entry.operation),
    numbering,
  );
  const dropped = new Set(result.dropped.map((entry) => entry.operation));
  let kept = 0;
  const pending = rest.flatMap((entry) => (dropped.has(entry.operation) ? [] : [{ seq: entry.seq, operation: result.pending[kept++] }]));
  const next: CollabState = {
    ...state,
    version: set.version,
    confirmed: set.document,
    numbering: numberingAfter(
      numbering,
      pending.map((entry) => entry.operation),
    ),
    pending,
    document: result.document,
  };
  return { state: next, dropped: [...refused, ...result.dropped], remoteCount: 0, replaced: replacements(state.pending, pending) };
}

function maxNumbering(a: SetNumbering, b: SetNumbering): SetNumbering {
  return { event: Math.max(a.event, b.event), span: Math.max(a.span, b.span), hopper: Math.max(a.hopper, b.hopper) };
}

function unchanged(state: CollabState): Reception {
  return { state, dropped: [], remoteCount: 0, replaced: new Map() };
}

/** Pairs each operation that was pending with what became of it, by sequence number. */
function replacements(
  before: readonly PendingOperation[],
  after: readonly PendingOperation[],
  confirmed: ConfirmedSeqs = { seqs: new Set(), storedCopies: new Map() },
): Map<AnnotationOperation, AnnotationOperation | null> {
  const now = new Map(after.map((entry) => [entry.seq, entry.operation]));
  const replaced = new Map<AnnotationOperation, AnnotationOperation | null>();
  for (const { seq, operation } of before) {
    let current: AnnotationOperation | null = null;
    if (now.has(seq)) current = now.get(seq)!;
    else if (confirmed.seqs.has(seq)) current = confirmed.storedCopies.get(seq) ?? operation;
    if (current !== operation) replaced.set(operation, current);
  }
  return replaced;
}

/** The local operations a reception confirmed, and the server's copies of those that differ from the local ones. */
interface ConfirmedSeqs {
  seqs: Set<number>;
  storedCopies: Map<number, AnnotationOperation>;
}
