import assert from "node:assert/strict";
import { test } from "node:test";
import { applyOperation, applyOperations } from "@/lib/annotation/apply-operation";
import { findEvent } from "@/lib/annotation/document-lookup";
import { createNuggetOperation, setEventAttributesOperation } from "@/lib/annotation/editor-commands";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import { clinicDocument } from "@/lib/annotation/test-documents";
import type { CasieDocument } from "@/lib/casie/types";
import { mergeConflict, mergeRemote, mergeSaved, type LocalCopy } from "./merge-remote";

const confirmed = clinicDocument();

function nugget(document: CasieDocument, text: string): AnnotationOperation {
  const start = document.content.indexOf(text);
  return createNuggetOperation(document, { start, end: start + text.length, type: "Attack", subtype: "Ransom", realis: "Actual", hopper: "new" });
}

/** A local copy at version 3 with `pending` made one after the other on `confirmed`. */
function copyWith(...builders: ((document: CasieDocument) => AnnotationOperation)[]): LocalCopy {
  const pending: AnnotationOperation[] = [];
  let document = confirmed;
  for (const build of builders) {
    const operation = build(document);
    pending.push(operation);
    document = applyOperation(document, operation);
  }
  return { confirmed, version: 3, document, pending };
}

const realis = (value: string) => (document: CasieDocument) => setEventAttributesOperation(document, "E1", { realis: value })!;

test("a save with nothing remote confirms what was sent and keeps what came after", () => {
  const copy = copyWith(realis("Generic"), (d) => nugget(d, "refused"));
  const result = mergeSaved(copy, 1, { version: 4, remoteOperations: [] });
  assert.equal(result.version, 4);
  assert.equal(findEvent(result.confirmed, "E1")!.event.realis, "Generic");
  assert.equal(result.document, copy.document);
  assert.deepEqual(result.pending, [copy.pending[1]]);
  assert.equal(result.remoteCount, 0);
});

test("a save after others' saves rebases the later edits over them, renumbering a taken index", () => {
  const copy = copyWith(realis("Generic"), (d) => nugget(d, "refused"));
  const remote = [nugget(confirmed, "ransom of")];
  const result = mergeSaved(copy, 1, { version: 5, remoteOperations: remote });
  const expectedConfirmed = applyOperations(confirmed, [...remote, copy.pending[0]]);
  assert.deepEqual(result.confirmed, expectedConfirmed);
  assert.equal(result.pending.length, 1);
  const created = result.pending[0];
  assert.ok(created.kind === "createEvent");
  // The remote save took the next event index; the local event gets the one after.
  assert.notEqual(created.event.index, (remote[0] as Extract<AnnotationOperation, { kind: "createEvent" }>).event.index);
  assert.deepEqual(result.document, applyOperation(result.confirmed, created));
  assert.equal(result.replaced.get(copy.pending[1]), created);
  assert.equal(result.remoteCount, 1);
});

test("a refused save with others' saves drops only the edits that contradict them", () => {
  const copy = copyWith(realis("Other"), (d) => nugget(d, "refused"));
  const remote = [realis("Generic")(confirmed)];
  const server = applyOperations(confirmed, remote);
  const result = mergeConflict(copy, 2, { message: "Edit 1 of 2 does not fit", version: 4, document: server, remoteOperations: remote });
  assert.equal(result.confirmed, server);
  assert.equal(result.dropped.length, 1);
  assert.equal(result.dropped[0].operation, copy.pending[0]);
  assert.match(result.dropped[0].reason, /E1's realis is Generic now, not Actual/);
  assert.equal(result.replaced.get(copy.pending[0]), null);
  assert.deepEqual(result.pending, [copy.pending[1]]);
  assert.equal(findEvent(result.document, "E1")!.event.realis, "Generic");
});

test("a refused save with nothing remote drops what was sent, so it is not resent forever", () => {
  const copy = copyWith(realis("Other"), (d) => nugget(d, "refused"));
  const result = mergeConflict(copy, 1, {
    message: "Your edit does not fit the saved annotations.",
    version: 3,
    document: confirmed,
    remoteOperations: [],
  });
  assert.deepEqual(result.dropped, [{ operation: copy.pending[0], reason: "Your edit does not fit the saved annotations." }]);
  assert.deepEqual(result.pending, [copy.pending[1]]);
  assert.equal(findEvent(result.document, "E1")!.event.realis, "Actual");
});

test("live updates merge under pending edits", () => {
  const copy = copyWith((d) => nugget(d, "refused"));
  const remote = [realis("Generic")(confirmed)];
  const result = mergeRemote(copy, { version: 4, operations: remote });
  assert.equal(result.version, 4);
  assert.equal(findEvent(result.confirmed, "E1")!.event.realis, "Generic");
  assert.equal(findEvent(result.document, "E1")!.event.realis, "Generic");
  assert.equal(result.pending.length, 1);
  assert.equal(result.remoteCount, 1);
});
