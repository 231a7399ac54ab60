// The one inbound path: the window's own operations confirmed wherever they
// arrive, others' applied with the pending ones rebased over them.

import assert from "node:assert/strict";
import { test } from "node:test";
import type { CasieDocument } from "@/lib/casie/types";
import {
  addLocalOperation,
  CollabGapError,
  CollabMismatchError,
  receiveOperations,
  refuseOperation,
  reloadCollab,
  startCollab,
  type CollabState,
} from "./collab";
import { findEvent } from "./document-lookup";
import { createNuggetOperation, setEventAttributesOperation } from "./editor-commands";
import { documentNumbering } from "./index-allocation";
import { applyOperation, applyOperations } from "./operation-kinds";
import type { AnnotationOperation } from "./operation-types";
import type { LoggedOperation } from "./sync-protocol";
import { clinicDocument } from "./test-documents";

const confirmed = clinicDocument();
const CLIENT = "client-aaaa";

function nugget(document: CasieDocument, text: string, numbering = documentNumbering(confirmed)): AnnotationOperation {
  const start = document.content.indexOf(text);
  return createNuggetOperation(
    document,
    { start, end: start + text.length, type: "Attack", subtype: "Ransom", realis: "Actual", hopper: "new" },
    numbering,
  );
}

const realis = (value: string) => (document: CasieDocument) => setEventAttributesOperation(document, "E1", { realis: value })!;

/** A window at version 3 with local operations made one after the other. */
function windowWith(...builders: ((document: CasieDocument) => AnnotationOperation)[]): CollabState {
  let state = startCollab(CLIENT, { version: 3, document: confirmed, numbering: documentNumbering(confirmed) });
  for (const build of builders) {
    const operation = build(state.document);
    state = addLocalOperation(state, operation, applyOperation(state.document, operation));
  }
  return state;
}

const logged = (
  version: number,
  operation: AnnotationOperation,
  clientId: string | null = "someone-else",
  seq: number | null = 1,
): LoggedOperation => ({
  version,
  clientId,
  seq,
  operation,
});

test("local operations get increasing sequence numbers and raise the numbering", () => {
  const state = windowWith((d) => nugget(d, "refused"), realis("Generic"));
  assert.deepEqual(
    state.pending.map((entry) => entry.seq),
    [1, 2],
  );
  assert.equal(state.nextSeq, 3);
  assert.equal(state.numbering.event, 6);
});

test("the window's own operations arriving confirm the pending ones, leaving the document as it is", () => {
  const state = windowWith(realis("Generic"), (d) => nugget(d, "refused"));
  const own = state.pending.map((entry, i) => logged(4 + i, structuredClone(entry.operation), CLIENT, entry.seq));
  const { state: next, remoteCount, dropped, replaced } = receiveOperations(state, [own[0]]);
  assert.equal(next.version, 4);
  assert.deepEqual(next.pending, [state.pending[1]]);
  assert.equal(next.document, state.document);
  assert.equal(findEvent(next.confirmed, "E1")!.event.realis, "Generic");
  assert.deepEqual([remoteCount, dropped, replaced.size], [0, [], 0]);
  const all = receiveOperations(next, own);
  assert.equal(all.state.version, 5, "what the window has already is skipped");
  assert.deepEqual(all.state.pending, []);
});

test("others' operations are applied under the pending ones, renumbering an index both took", () => {
  const state = windowWith(realis("Generic"), (d) => nugget(d, "refused"));
  const remote = nugget(confirmed, "ransom of");
  const { state: next, remoteCount, replaced } = receiveOperations(state, [logged(4, remote)]);
  assert.equal(remoteCount, 1);
  assert.equal(next.version, 4);
  assert.deepEqual(next.confirmed, applyOperation(confirmed, remote));
  const created = next.pending[1].operation;
  assert.ok(created.kind === "createEvent" && remote.kind === "createEvent");
  assert.equal(remote.event.index, "E6");
  assert.equal(created.event.index, "E7", "the local event gets the next free number");
  assert.equal(replaced.get(state.pending[1].operation), created);
  assert.deepEqual(next.document, applyOperations(next.confirmed, [next.pending[0].operation, created]));
  assert.deepEqual(
    next.pending.map((entry) => entry.seq),
    [1, 2],
    "the sequence numbers stay",
  );
});

test("a pending operation that contradicts others' is dropped with the reason", () => {
  const state = windowWith(realis("Other"), (d) => nugget(d, "refused"));
  const { state: next, dropped, replaced } = receiveOperations(state, [logged(4, realis("Generic")(confirmed))]);
  assert.equal(dropped.length, 1);
  assert.equal(dropped[0].operation, state.pending[0].operation);
  assert.match(dropped[0].reason, /E1's realis is Generic now, not Actual/);
  assert.equal(replaced.get(state.pending[0].operation), null);
  assert.deepEqual(
    next.pending.map((entry) => entry.seq),
    [2],
  );
  assert.equal(findEvent(next.document, "E1")!.event.realis, "Generic");
});

test("own and others' operations interleaved: confirmed in order, the rest rebased", () => {
  const state = windowWith(realis("Generic"), (d) => nugget(d, "refused"));
  const mine = state.pending[0];
  const theirs = setEventAttributesOperation(confirmed, "E2", { realis: "Other" })!;
  const { state: next } = receiveOperations(state, [logged(4, mine.operation, CLIENT, mine.seq), logged(5, theirs)]);
  assert.equal(next.version, 5);
  assert.deepEqual(
    next.pending.map((entry) => entry.seq),
    [2],
  );
  assert.equal(findEvent(next.document, "E2")!.event.realis, "Other");
  assert.equal(findEvent(next.document, "E1")!.event.realis, "Generic");
});

test("operations past the window's version are a gap; the window's own out of order is a mismatch", () => {
  const state = windowWith(realis("Generic"), (d) => nugget(d, "refused"));
  assert.throws(() => receiveOperations(state, [logged(5, realis("Other")(confirmed))]), CollabGapError);
  const second = state.pending[1];
  assert.throws(() => receiveOperations(state, [logged(4, second.operation, CLIENT, second.seq)]), CollabMismatchError);
});

test("a refused operation is dropped with the server's message; later ones stay where they still fit", () => {
  const state = windowWith(realis("Other"), (d) => nugget(d, "refused"));
  const { state: next, dropped } = refuseOperation(state, 1, "Your edit does not fit the saved annotations.");
  assert.deepEqual(dropped, [{ operation: state.pending[0].operation, reason: "Your edit does not fit the saved annotations." }]);
  assert.deepEqual(
    next.pending.map((entry) => entry.seq),
    [2],
  );
  assert.equal(findEvent(next.document, "E1")!.event.realis, "Actual");
  assert.equal(refuseOperation(next, 99, "no such").state, next, "refusing what is not pending changes nothing");
});

test("a reload replays the pending operations on the set as loaded, keeping the numbering past both", () => {
  const state = windowWith((d) => nugget(d, "refused"), realis("Other"));
  const loaded = applyOperation(confirmed, realis("Generic")(confirmed));
  const { state: next, dropped } = reloadCollab(state, { version: 9, document: loaded, numbering: { event: 8, span: 20, hopper: 5 } });
  assert.equal(next.version, 9);
  assert.equal(next.confirmed, loaded);
  assert.equal(dropped.length, 1, "the realis change no longer fits");
  assert.equal(next.pending.length, 1);
  assert.deepEqual(next.numbering, { event: 8, span: 20, hopper: 5 });
});

test("a number another window created and deleted again is not taken by a pending operation", () => {
  const state = windowWith((d) => nugget(d, "refused"));
  const created = nugget(confirmed, "ransom of");
  assert.ok(created.kind === "createEvent" && created.event.index === "E6");
  const deleted: AnnotationOperation = { kind: "deleteEvent", event: created.event, place: created.place, deletedHopper: created.newHopper };
  const { state: next } = receiveOperations(state, [logged(4, created, "other", 1), logged(5, deleted, "other", 2)]);
  const mine = next.pending[0].operation;
  assert.ok(mine.kind === "createEvent");
  assert.equal(mine.event.index, "E7");
});
