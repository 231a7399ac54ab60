import assert from "node:assert/strict";
import { test } from "node:test";
import { projectPermissions, type Actor } from "@/lib/auth/policy";
import type { PresenceWindow } from "./presence-store";
import { presenceViews } from "./presence-views";

const ann: Actor = { id: "ann", role: "ANNOTATOR" };
const bob: Actor = { id: "bob", role: "ANNOTATOR" };
const rita: Actor = { id: "rita", role: "REVIEWER" };

function window(clientId: string, userId: string, name: string, set: "ann" | "bob" | "gold", eventIndex: string | null = null): PresenceWindow {
  return {
    clientId,
    userId,
    name,
    setId: `set-${set}`,
    setKind: set === "gold" ? "GOLD" : "ANNOTATOR",
    setAnnotatorId: set === "gold" ? null : set,
    setAnnotatorName: set === "gold" ? null : set === "ann" ? "Ann" : "Bob",
    setStatus: "IN_PROGRESS",
    setAssigned: set !== "gold",
    eventIndex,
  };
}

const windows = [
  window("w-ann", "ann", "Ann", "ann", "E2"),
  window("w-ann-2", "ann", "Ann", "ann"),
  window("w-bob", "bob", "Bob", "bob", "E1"),
  window("w-rita-ann", "rita", "Rita", "ann", "E2"),
  window("w-rita-gold", "rita", "Rita", "gold", "E4"),
];

test("an annotator is told of windows on their own set only: never of other annotators or the gold", () => {
  const views = presenceViews({ actor: ann, permissions: projectPermissions(ann, "ANNOTATOR"), setId: "set-ann", clientId: "w-ann" }, windows);
  assert.deepEqual(
    views.map(({ clientId, you, yours, where, eventIndex }) => ({ clientId, you, yours, where, eventIndex })),
    [
      { clientId: "w-ann", you: true, yours: true, where: "this set", eventIndex: "E2" },
      { clientId: "w-ann-2", you: false, yours: true, where: "this set", eventIndex: null },
      { clientId: "w-rita-ann", you: false, yours: false, where: "this set", eventIndex: "E2" },
    ],
  );
  const bobViews = presenceViews({ actor: bob, permissions: projectPermissions(bob, "ANNOTATOR"), setId: "set-bob", clientId: "w-bob" }, windows);
  assert.deepEqual(
    bobViews.map((view) => view.clientId),
    ["w-bob"],
  );
});

test("a reviewer is told of every window on the document, named from their side", () => {
  const views = presenceViews({ actor: rita, permissions: projectPermissions(rita, null), setId: "set-gold", clientId: "w-rita-gold" }, windows);
  assert.deepEqual(
    views.map(({ clientId, where }) => [clientId, where]),
    [
      ["w-ann", "Ann's set"],
      ["w-ann-2", "Ann's set"],
      ["w-bob", "Bob's set"],
      ["w-rita-ann", "Ann's set"],
      ["w-rita-gold", "this set"],
    ],
  );
});

test("someone who may not see the project is told of nobody", () => {
  const outsider: Actor = { id: "eve", role: "ANNOTATOR" };
  assert.deepEqual(
    presenceViews({ actor: outsider, permissions: projectPermissions(outsider, null), setId: "set-ann", clientId: null }, windows),
    [],
  );
});
