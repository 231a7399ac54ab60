import assert from "node:assert/strict";
import { test } from "node:test";
import { deleteEventOperation, mergeHoppersOperation, setEventAttributesOperation } from "./editor-commands";
import { applyOperation } from "./operation-kinds";
import { rewindDocument, type VersionedOperation } from "./rewind";
import { clinicDocument } from "./test-documents";

/** The clinic document at versions 0..3, and the operations that made versions 1..3. */
function threeVersions() {
  const states = [clinicDocument()];
  const log: VersionedOperation[] = [];
  const make = [
    (doc: ReturnType<typeof clinicDocument>) => setEventAttributesOperation(doc, "E1", { realis: "Generic" })!,
    (doc: ReturnType<typeof clinicDocument>) => deleteEventOperation(doc, "E5"),
    (doc: ReturnType<typeof clinicDocument>) => mergeHoppersOperation(doc, 0, 1),
  ];
  for (const [i, build] of make.entries()) {
    const operation = build(states[i]);
    log.push({ version: i + 1, operation });
    states.push(applyOperation(states[i], operation));
  }
  return { states, log };
}

test("rewinding gives the state of every earlier version, and the current one unchanged", () => {
  const { states, log } = threeVersions();
  for (let version = 0; version <= 3; version++) {
    assert.deepEqual(rewindDocument(states[3], 3, log, version), states[version], `version ${version}`);
  }
  assert.deepEqual(rewindDocument(states[3], 3, [...log].reverse(), 1), states[1], "the log's order does not matter");
});

test("a version out of range or a log with a gap is refused rather than giving a wrong state", () => {
  const { states, log } = threeVersions();
  assert.throws(() => rewindDocument(states[3], 3, log, 4), RangeError);
  assert.throws(() => rewindDocument(states[3], 3, log, -1), RangeError);
  assert.throws(() => rewindDocument(states[3], 3, log, 1.5), RangeError);
  assert.throws(() => rewindDocument(states[3], 3, [log[0], log[2]], 0), /lacks operations/);
  assert.throws(() => rewindDocument(states[3], 3, log.slice(1), 0), /lacks operations/);
});
