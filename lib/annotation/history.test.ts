import assert from "node:assert/strict";
import { test } from "node:test";
import { applyOperation } from "./operation-kinds";
import { deleteEventOperation, mergeHoppersOperation, setEventAttributesOperation } from "./editor-commands";
import { emptyHistory, HISTORY_LIMIT, joinHistories, recordStep, redoStep, serializeHistory, undoStep, type History } from "./history";
import { parseHistory } from "./parse-history";
import type { AnnotationOperation } from "./operation-types";
import { clinicDocument } from "./test-documents";

const realis = (from: string, to: string): AnnotationOperation => ({
  kind: "setEventAttributes",
  eventIndex: "E1",
  from: { realis: from },
  to: { realis: to },
});

test("undo gives the inverse of the last step, redo the step again", () => {
  const doc = clinicDocument();
  const first = setEventAttributesOperation(doc, "E1", { realis: "Generic" })!;
  const afterFirst = applyOperation(doc, first);
  const second = deleteEventOperation(afterFirst, "E5");
  const afterSecond = applyOperation(afterFirst, second);
  let history = recordStep(recordStep(emptyHistory(), first), second, "Delete stolen");
  assert.deepEqual(
    history.undo.map((step) => step.label),
    ["Set E1's realis to Generic", "Delete stolen"],
  );

  const undoSecond = undoStep(history)!;
  assert.equal(undoSecond.label, "Delete stolen");
  assert.deepEqual(applyOperation(afterSecond, undoSecond.operation), afterFirst);
  const undoFirst = undoStep(undoSecond.history)!;
  assert.deepEqual(applyOperation(afterFirst, undoFirst.operation), doc);
  history = undoFirst.history;
  assert.equal(undoStep(history), null);

  const redoFirst = redoStep(history)!;
  assert.deepEqual(applyOperation(doc, redoFirst.operation), afterFirst);
  const redoSecond = redoStep(redoFirst.history)!;
  assert.deepEqual(applyOperation(afterFirst, redoSecond.operation), afterSecond);
  assert.equal(redoStep(redoSecond.history), null);
  assert.deepEqual(redoSecond.history, recordStep(recordStep(emptyHistory(), first), second, "Delete stolen"));
});

test("a new step clears what could be redone; histories are never changed in place", () => {
  const history = recordStep(emptyHistory(), realis("Actual", "Generic"));
  const undone = undoStep(history)!.history;
  assert.equal(undone.redo.length, 1);
  const branched = recordStep(undone, realis("Actual", "Other"));
  assert.deepEqual(branched.redo, []);
  assert.equal(undone.redo.length, 1);
  assert.equal(history.undo.length, 1);
});

test(`the history keeps the last ${HISTORY_LIMIT} steps`, () => {
  let history = emptyHistory();
  for (let i = 0; i < HISTORY_LIMIT + 20; i++) history = recordStep(history, realis(`R${i}`, `R${i + 1}`));
  assert.equal(history.undo.length, HISTORY_LIMIT);
  assert.equal(history.undo[0].label, "Set E1's realis to R21");
});

test("serializeHistory and parseHistory round-trip every kind of step, batches included", () => {
  const doc = clinicDocument();
  let history: History = emptyHistory();
  for (const operation of [
    deleteEventOperation(doc, "E5"),
    mergeHoppersOperation(doc, 0, 1),
    realis("Actual", "Generic"),
    { kind: "setHopperRelation", hopperIndex: 0, from: "Same", to: null } as const,
  ]) {
    history = recordStep(history, operation);
  }
  history = undoStep(history)!.history;
  const text = serializeHistory(history);
  assert.deepEqual(parseHistory(text), history);
  assert.deepEqual(JSON.parse(serializeHistory(parseHistory(text)!)), JSON.parse(text));
});

test("parseHistory refuses anything it did not write", () => {
  const good = JSON.parse(serializeHistory(recordStep(emptyHistory(), realis("Actual", "Generic"))));
  const variants: unknown[] = [
    { ...good, format: "hopper-history/0" },
    { ...good, undo: "nope" },
    { ...good, redo: undefined },
    { ...good, undo: [{ label: "x", operation: { kind: "explode" } }] },
    { ...good, undo: [{ label: 5, operation: good.undo[0].operation }] },
    { ...good, undo: [{ label: "x", operation: { ...good.undo[0].operation, eventIndex: 7 } }] },
    { ...good, undo: Array.from({ length: HISTORY_LIMIT + 1 }, () => good.undo[0]) },
    [],
    null,
  ];
  for (const variant of variants) assert.equal(parseHistory(JSON.stringify(variant)), null, JSON.stringify(variant).slice(0, 80));
  assert.equal(parseHistory("{truncated"), null);
  assert.equal(parseHistory(""), null);
});

test("joinHistories puts the steps taken since a reload after the restored ones", () => {
  const restored = recordStep(recordStep(emptyHistory(), realis("Actual", "Generic")), realis("Generic", "Other"));
  assert.equal(joinHistories(restored, emptyHistory()), restored, "nothing done since: the restored history as it was");
  const since = recordStep(emptyHistory(), realis("Other", "Actual"));
  const joined = joinHistories(restored, since);
  assert.deepEqual(
    joined.undo.map((step) => step.operation),
    [...restored.undo, ...since.undo].map((step) => step.operation),
  );
  assert.deepEqual(joined.redo, []);
  const undone = undoStep(since)!.history;
  assert.deepEqual(joinHistories(restored, undone), { undo: restored.undo, redo: undone.redo }, "a step undone since can be redone");
  let long = emptyHistory();
  for (let i = 0; i < HISTORY_LIMIT; i++) long = recordStep(long, realis("Actual", "Generic"));
  assert.equal(joinHistories(long, since).undo.length, HISTORY_LIMIT);
  assert.equal(joinHistories(long, since).undo.at(-1), since.undo[0], "the oldest steps go first");
});
