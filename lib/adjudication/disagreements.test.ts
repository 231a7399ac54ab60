import assert from "node:assert/strict";
import { test } from "node:test";
import { event, hoppers, spanOf } from "@/lib/agreement/test-sets";
import { findDisagreements } from "./disagreements";
import { ANN, BOB, documentWith, offsetsOf } from "./test-sets";

const key = offsetsOf;

test("two annotators' sets give exactly their disagreements: a span, a subtype, a role and a hopper grouping", () => {
  const model = findDisagreements([ANN, BOB]);
  assert.deepEqual(
    model.items.map((item) => item.id),
    [
      `argument:${key("stole")}:${key("Hackers")}`,
      `span:${key("paid")}+${key("paid a ransom")}`,
      `subtype:${key("leaked")}`,
      `hoppers:${key("stole")},${key("leaked")}`,
    ],
  );
  const [role, span, subtype, grouping] = model.items;
  assert.deepEqual(role.versions, [
    { annotatorIds: ["ann"], value: { roles: [{ role: "Attacker", entityType: "Person" }] } },
    { annotatorIds: ["bob"], value: { roles: [{ role: "Victim", entityType: "Person" }] } },
  ]);
  assert.deepEqual(
    span.versions.map((version) => [version.annotatorIds, (version.value as { text: string }).text]),
    [
      [["ann"], "paid"],
      [["bob"], "paid a ransom"],
    ],
  );
  assert.deepEqual(
    subtype.versions.map((version) => version.value),
    [
      { type: "Attack", subtype: "Databreach" },
      { type: "Attack", subtype: "Ransom" },
    ],
  );
  assert.deepEqual(grouping.versions, [
    { annotatorIds: ["ann"], value: { groups: [[key("stole"), key("leaked")]] } },
    { annotatorIds: ["bob"], value: { groups: [[key("stole")], [key("leaked")]] } },
  ]);
});

test("identical sets, however numbered, have nothing to adjudicate", () => {
  const renumbered = { ...ANN, annotatorId: "cy", name: "Cy" };
  assert.deepEqual(findDisagreements([ANN, renumbered]).items, []);
  assert.deepEqual(findDisagreements([ANN]).items, []);
});

test("an event some annotators lack is an item naming them; what the others say of it is compared among those who have it", () => {
  const cy = { annotatorId: "cy", name: "Cy", document: documentWith(hoppers([event("E1", spanOf("T1", "stole"), "Databreach", "Actual")])) };
  const model = findDisagreements([ANN, cy]);
  const missing = model.items.filter((item) => item.kind === "event");
  assert.deepEqual(
    missing.map((item) => [item.rowKeys, item.without]),
    [
      [[key("paid")], ["cy"]],
      [[key("leaked")], ["cy"]],
    ],
  );
  const args = model.items.filter((item) => item.kind === "argument");
  assert.deepEqual(
    args.map((item) => [item.id, item.without, item.versions.map((version) => version.annotatorIds)]),
    [
      [`argument:${key("stole")}:${key("Hackers")}`, ["cy"], [["ann"]]],
      [`argument:${key("stole")}:${key("data")}`, ["cy"], [["ann"]]],
    ],
  );
  assert.equal(
    model.items.some((item) => item.kind === "hoppers"),
    false,
    "grouping is compared over the events all annotators have",
  );
});

test("three annotators: versions group the annotators proposing the same value", () => {
  const cy = { ...BOB, annotatorId: "cy", name: "Cy" };
  const model = findDisagreements([ANN, BOB, cy]);
  const subtype = model.items.find((item) => item.kind === "subtype")!;
  assert.deepEqual(
    subtype.versions.map((version) => version.annotatorIds),
    [["ann"], ["bob", "cy"]],
  );
});
