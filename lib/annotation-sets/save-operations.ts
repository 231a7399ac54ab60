// Saving edits (prosemirror-collab's authority): a window's operations are
// applied only on the version they were made on, which must be the set's
// current one, and only when they bring what an annotator's edit can produce
// (lib/annotation/save-validation.ts). A window behind gets what it lacks
// instead, rebases its operations (lib/annotation/collab.ts) and sends them
// again, so the server and every window apply the same operations in the same
// order. Each operation is logged with the window's id and sequence number, so
// a retried save whose answer was lost is recognized and answered as the first
// time, never applied twice.
//
// A save costs what it changes: on a set this process holds at the save's
// version (set-cache.ts) it is one guarded statement, with no read; otherwise
// the set is read once under its lock, and held from then on.

import type pg from "pg";
import { numberingAfter } from "@/lib/annotation/index-allocation";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import type { HeldClaim } from "@/lib/annotation/operation-validation";
import { checkSaveOperations, heldBy, type SaveCheck } from "@/lib/annotation/save-validation";
import type { SaveResponse } from "@/lib/annotation/sync-protocol";
import type { CasieDocument } from "@/lib/casie/types";
import { db, type DatabasePool } from "@/lib/db/client";
import { isRecordId } from "@/lib/db/record-id";
import { inTransaction } from "@/lib/db/transaction";
import { loggedOperations, loggedOperationsAfter, storedVersions } from "./operation-log";
import { cacheEntryOf, cachedSet, cacheSet, forgetSet, type CachedSet } from "./set-cache";
import { snapshotChanges } from "./set-snapshot";
import { readSetBody, readSetHead } from "./set-state";
import { writeSetStatement } from "./set-write-sql";

export interface SaveOperationsInput {
  setId: string;
  /** The set's version the operations were made on. */
  baseVersion: number;
  /** The window that made them, and each one's number there. */
  clientId: string;
  operations: { seq: number; operation: AnnotationOperation }[];
  /** Who saved; recorded in the operation log. */
  userId: string | null;
}

/** The set cannot be edited any more (its annotator submitted it meanwhile): `message` says why. */
export class SetNotEditableError extends Error {}

export class AnnotationSetNotFoundError extends Error {
  constructor(readonly setId: string) {
    super(`There is no annotation set ${setId}.`);
  }
}

const UNIQUE_VIOLATION = "23505";

export async function saveOperations(input: SaveOperationsInput, client: DatabasePool = db()): Promise<SaveResponse> {
  if (!isRecordId(input.setId)) throw new AnnotationSetNotFoundError(input.setId);
  const cached = cachedSet(input.setId);
  if (cached && cached.snapshot.version === input.baseVersion) {
    const saved = await saveOnCachedSet(cached, input, client);
    if (saved) return saved;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const { response, cache } = await saveUnderLock(input, client);
      if (cache) cacheSet(cache);
      return response;
    } catch (error) {
      // The project's tagset changed between reading it and writing: check the save again against the new one.
      if (!(error instanceof TagsetChangedError) || attempt === 3) throw error;
    }
  }
}

class TagsetChangedError extends Error {}

/**
 * The save as one guarded statement on the set as this process holds it. Null
 * when that cannot settle it (the set or its tagset moved on, a refusal to
 * confirm, a value to prove from the log): the locked path then does.
 */
async function saveOnCachedSet(cached: CachedSet, input: SaveOperationsInput, client: DatabasePool): Promise<SaveResponse | null> {
  const { snapshot } = cached;
  const operations = input.operations.map((entry) => entry.operation);
  const checked = checkSaveOperations(snapshot.document, operations, cached.tagset);
  if (!checked.ok || checked.claims.length) return null;
  const { changes, commit } = snapshotChanges(snapshot, checked.document);
  const numbering = numberingAfter(snapshot.numbering, operations);
  const write = writeSetStatement({ ...writeOf(input, snapshot.version, numbering), changes, tagsetHash: cached.tagsetHash });
  let written: number;
  try {
    written = (await client.pool.query<{ written: number }>(write)).rows[0].written;
  } catch (error) {
    // Operations of this window stored already: the locked path answers that.
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) return null;
    throw error;
  }
  if (written === 0) {
    forgetSet(snapshot.setId);
    return null;
  }
  const version = snapshot.version + input.operations.length;
  commit(version, numbering);
  return { status: "saved", version };
}

/** The save under the set's lock: every answer, and a snapshot of the set as saved for the next saves. */
async function saveUnderLock(input: SaveOperationsInput, client: DatabasePool): Promise<{ response: SaveResponse; cache?: CachedSet }> {
  const { setId, baseVersion, clientId, operations } = input;
  return inTransaction(client, async (connection) => {
    const head = await readSetHead(connection, setId, { lock: true });
    if (!head) throw new AnnotationSetNotFoundError(setId);
    const { version } = head;
    if (head.status === "SUBMITTED") throw new SetNotEditableError("The set was submitted: it is read-only until a reviewer reopens it.");
    if (head.archived) throw new SetNotEditableError("The project is archived: it is read-only.");
    if (baseVersion > version) {
      const message = `Your copy says version ${baseVersion}, but the set is at version ${version}: reload to continue.`;
      return { response: { status: "reload", version, message } };
    }
    const seqs = operations.map((entry) => entry.seq);
    if (baseVersion < version) {
      const stored = await storedVersions(connection, setId, clientId, seqs);
      // A retry of a save that was stored, whose answer was lost: answered as the first time.
      if (stored.size === operations.length) return { response: { status: "saved", version: Math.max(...stored.values()) } };
      const since = await loggedOperationsAfter(connection, setId, baseVersion);
      return { response: { status: "behind", version, operations: since, complete: (since.at(-1)?.version ?? baseVersion) >= version } };
    }
    const { state, rows } = await readSetBody(connection, head);
    const cache = cacheEntryOf(head, state, rows);
    const { snapshot, tagset } = cache;
    const checked = checkSaveOperations(
      state.document,
      operations.map((entry) => entry.operation),
      tagset,
    );
    const refusal = checked.ok ? await unprovenClaim(connection, setId, state.document, checked.claims) : checked;
    if (refusal) return { response: refused(input, version, refusal), cache };
    if (!checked.ok) throw new Error("unreachable: a failed check is a refusal");
    const { changes, commit } = snapshotChanges(snapshot, checked.document);
    const numbering = numberingAfter(
      state.numbering,
      operations.map((entry) => entry.operation),
    );
    try {
      await connection.query("SAVEPOINT write_operations");
      const write = writeSetStatement({ ...writeOf(input, version, numbering), changes, tagsetHash: head.tagsetHash });
      if ((await connection.query<{ written: number }>(write)).rows[0].written === 0) throw new TagsetChangedError();
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      // The window sent, on the current version, operations it had saved before: a client fault, refused rather than applied twice.
      await connection.query("ROLLBACK TO SAVEPOINT write_operations");
      const stored = await storedVersions(connection, setId, clientId, seqs);
      const seq = seqs.find((candidate) => stored.has(candidate)) ?? seqs[0];
      return { response: { status: "refused", version, seq, code: "duplicate-operation", message: `Edit ${seq} of this window is saved already.` } };
    }
    commit(version + operations.length, numbering);
    return { response: { status: "saved", version: version + operations.length }, cache };
  });
}

function writeOf(input: SaveOperationsInput, fromVersion: number, numbering: ReturnType<typeof numberingAfter>) {
  return { setId: input.setId, fromVersion, clientId: input.clientId, operations: input.operations, userId: input.userId, numbering };
}

type Refusal = Extract<SaveCheck, { ok: false }>;

function refused(input: SaveOperationsInput, version: number, { position, code, message }: Refusal): SaveResponse {
  const which = input.operations.length > 1 ? `Edit ${position + 1} of ${input.operations.length}` : "Your edit";
  const said = code === "operation-conflict" ? `${which} does not fit the saved annotations: ${message}.` : `${which} is refused: ${message}.`;
  return { status: "refused", version, seq: input.operations[position].seq, code, message: said };
}

/**
 * The first claim neither the set's document nor its operation log bears out,
 * as a refusal: a value outside the rules is accepted only where the set held
 * it (the log is read only when the document alone does not settle it).
 */
async function unprovenClaim(
  connection: pg.PoolClient,
  setId: string,
  document: CasieDocument,
  claims: { position: number; claim: HeldClaim }[],
): Promise<Refusal | null> {
  if (!claims.length) return null;
  let held = heldBy(document, []);
  if (claims.every(({ claim }) => held.holds(claim))) return null;
  held = heldBy(document, await loggedOperations(connection, setId));
  const unproven = claims.find(({ claim }) => !held.holds(claim));
  return unproven
    ? { ok: false, position: unproven.position, code: unproven.claim.code, message: `${unproven.claim.message}, and the set never held it` }
    : null;
}
