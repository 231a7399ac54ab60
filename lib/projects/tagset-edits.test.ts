import assert from "node:assert/strict";
import { test } from "node:test";
import { checkTagset, DEFAULT_CASIE_TAGSET, rolesForSubtype, suggestedEntityTypes } from "@/lib/casie/tagset";
import { removeEntityType, removeRole, renameEntityType, renameRole, toggled } from "./tagset-edits";

const victim = DEFAULT_CASIE_TAGSET.roles.findIndex((role) => role.name === "Victim");
const person = DEFAULT_CASIE_TAGSET.entityTypes.indexOf("Person");

test("renaming a role renames it wherever a subtype allows it; removing it takes it out of them", () => {
  const renamed = renameRole(DEFAULT_CASIE_TAGSET, victim, "Target");
  assert.deepEqual(checkTagset(renamed), []);
  assert.ok(rolesForSubtype(renamed, "Attack", "Ransom").includes("Target"));
  assert.ok(!rolesForSubtype(renamed, "Attack", "Ransom").includes("Victim"));
  const removed = removeRole(DEFAULT_CASIE_TAGSET, victim);
  assert.deepEqual(checkTagset(removed), []);
  assert.ok(!removed.eventTypes.some((type) => type.subtypes.some((subtype) => subtype.roles.includes("Victim"))));
  assert.ok(rolesForSubtype(DEFAULT_CASIE_TAGSET, "Attack", "Ransom").includes("Victim"), "the original is untouched");
});

test("renaming or removing an entity type follows into every role's suggestions", () => {
  const renamed = renameEntityType(DEFAULT_CASIE_TAGSET, person, "Human");
  assert.deepEqual(checkTagset(renamed), []);
  assert.deepEqual(suggestedEntityTypes(renamed, "Attacker"), ["Human", "Organization"]);
  const removed = removeEntityType(DEFAULT_CASIE_TAGSET, person);
  assert.deepEqual(checkTagset(removed), []);
  assert.deepEqual(suggestedEntityTypes(removed, "Attacker"), ["Organization"]);
});

test("toggling keeps the list's order and never repeats a name", () => {
  assert.deepEqual(toggled(["a", "b"], "c", true), ["a", "b", "c"]);
  assert.deepEqual(toggled(["a", "b"], "a", true), ["a", "b"]);
  assert.deepEqual(toggled(["a", "b", "c"], "b", false), ["a", "c"]);
});
