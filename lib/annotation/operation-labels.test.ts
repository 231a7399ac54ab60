import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import {
  addArgumentOperation,
  adjustSpanOperation,
  createNuggetOperation,
  deleteEventOperation,
  moveEventOperation,
  removeArgumentOperation,
  setArgumentAttributesOperation,
  setEventAttributesOperation,
  setHopperRelationOperation,
  splitEventOperation,
} from "./editor-commands";
import { describeOperation } from "./operation-kinds";
import { clinicDocument } from "./test-documents";

test("each kind of operation has a short description for the undo menu", () => {
  const doc = clinicDocument();
  const labels = [
    createNuggetOperation(doc, { start: 80, end: 87, type: "Attack", subtype: "Ransom", realis: "Actual", hopper: "new" }),
    deleteEventOperation(doc, "E2"),
    setEventAttributesOperation(doc, "E1", { realis: "Generic", subtype: "Phishing" }),
    addArgumentOperation(doc, "E3", { start: 69, end: 79 }, "Victim", undefined, DEFAULT_CASIE_TAGSET),
    removeArgumentOperation(doc, "E1", 0),
    setArgumentAttributesOperation(doc, "E1", 0, { role: "Victim" }),
    adjustSpanOperation(doc, "T4", { start: 48, end: 54 }),
    moveEventOperation(doc, "E3", 0),
    moveEventOperation(doc, "E3", 1, 0),
    { kind: "createHopper", index: 4, position: 3 } as const,
    { kind: "deleteHopper", index: 4, position: 3 } as const,
    setHopperRelationOperation(doc, 1, "Same"),
    setHopperRelationOperation(doc, 0, null),
    splitEventOperation(doc, "E3"),
  ].map((operation) => describeOperation(operation!));
  assert.deepEqual(labels, [
    'Create E6 "refused"',
    'Delete E2 "ransom"',
    "Set E1's subtype to Phishing, realis to Generic",
    'Add Victim "The clinic" to E3',
    'Remove Attacker "Hackers" from E1',
    "Change argument 1 of E1",
    'Resize T4 to "clinic"',
    "Move E3 to hopper 0",
    "Reorder E3 in hopper 1",
    "Create hopper 4",
    "Delete hopper 4",
    "Set hopper 1's relation to Same",
    "Remove hopper 0's relation",
    "Split E3 into its own hopper",
  ]);
});
