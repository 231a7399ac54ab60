import assert from "node:assert/strict";
import { test } from "node:test";
import {
  checkTagset,
  DEFAULT_CASIE_TAGSET,
  InvalidTagsetError,
  parseTagset,
  findEventType,
  findSubtype,
  rolesForSubtype,
  suggestedEntityTypes,
  type Tagset,
} from "./tagset";

const copy = (): Tagset => structuredClone(DEFAULT_CASIE_TAGSET);

test("the default tagset holds the CASIE schema and is itself valid", () => {
  assert.deepEqual(checkTagset(DEFAULT_CASIE_TAGSET), []);
  assert.deepEqual(
    DEFAULT_CASIE_TAGSET.eventTypes.map((t) => [t.name, t.subtypes.map((s) => s.name)]),
    [
      ["Attack", ["Databreach", "Phishing", "Ransom"]],
      ["Vulnerability-related", ["DiscoverVulnerability", "PatchVulnerability"]],
    ],
  );
  assert.equal(DEFAULT_CASIE_TAGSET.entityTypes.length, 21);
  assert.deepEqual(DEFAULT_CASIE_TAGSET.realis, ["Actual", "Generic", "Other"]);
  // Every role some subtype allows has suggestions, and every role with suggestions is allowed somewhere.
  const allowed = new Set(DEFAULT_CASIE_TAGSET.eventTypes.flatMap((t) => t.subtypes.flatMap((s) => s.roles)));
  assert.deepEqual([...allowed].sort(), DEFAULT_CASIE_TAGSET.roles.map((r) => r.name).sort());
});

test("lookups", () => {
  assert.equal(findEventType(DEFAULT_CASIE_TAGSET, "Attack")?.subtypes.length, 3);
  assert.equal(findEventType(DEFAULT_CASIE_TAGSET, "attack"), undefined);
  assert.equal(findSubtype(DEFAULT_CASIE_TAGSET, "Attack", "Ransom")?.name, "Ransom");
  assert.equal(findSubtype(DEFAULT_CASIE_TAGSET, "Vulnerability-related", "Ransom"), undefined);
  assert.deepEqual(rolesForSubtype(DEFAULT_CASIE_TAGSET, "Attack", "Ransom"), [
    "Attack-Pattern",
    "Attacker",
    "Damage-Amount",
    "Payment-Method",
    "Place",
    "Price",
    "Time",
    "Tool",
    "Victim",
  ]);
  assert.deepEqual(rolesForSubtype(DEFAULT_CASIE_TAGSET, "Attack", "PatchVulnerability"), []);
  assert.deepEqual(suggestedEntityTypes(DEFAULT_CASIE_TAGSET, "Victim"), ["Person", "Organization", "System", "Device", "Website", "Software"]);
  assert.deepEqual(suggestedEntityTypes(DEFAULT_CASIE_TAGSET, "Releaser"), ["Organization", "Person"]);
  assert.deepEqual(suggestedEntityTypes(DEFAULT_CASIE_TAGSET, "Nobody"), []);
});

test("subtype names may repeat under different event types", () => {
  const tagset = copy();
  tagset.eventTypes[1].subtypes.push({ name: "Ransom", roles: ["CVE"] });
  assert.deepEqual(checkTagset(tagset), []);
  assert.deepEqual(rolesForSubtype(tagset, "Vulnerability-related", "Ransom"), ["CVE"]);
});

test("checkTagset reports each problem with its path", () => {
  const tagset = copy() as unknown as Record<string, unknown> & Tagset;
  tagset.eventTypes[0].subtypes[0].roles.push("Spy");
  tagset.eventTypes[0].subtypes.push({ name: "Phishing", roles: [] });
  tagset.eventTypes.push({ name: " Padded", subtypes: [] });
  tagset.roles[0].entityTypes.push("Alien");
  (tagset.roles as unknown[]).push("Loose");
  tagset.entityTypes.push("");
  (tagset as Record<string, unknown>).realis = "Actual";
  assert.deepEqual(
    checkTagset(tagset).map((issue) => [issue.code, issue.path, issue.message]),
    [
      ["empty-name", "$.entityTypes[21]", "expected a name, found an empty string"],
      ["wrong-type", "$.realis", 'expected a list, found the string "Actual"'],
      ["wrong-type", "$.roles[26]", 'expected an object, found the string "Loose"'],
      ["unknown-entity-type", "$.roles[0].entityTypes[1]", '"Alien" is not one of $.entityTypes'],
      ["untrimmed-name", "$.eventTypes[2].name", 'the name " Padded" starts or ends with white space'],
      ["duplicate-name", "$.eventTypes[0].subtypes[3].name", '"Phishing" appears twice in $.eventTypes[0].subtypes'],
      ["unknown-role", "$.eventTypes[0].subtypes[0].roles[11]", '"Spy" is not one of $.roles'],
    ],
  );
  assert.ok(checkTagset(tagset).every((issue) => issue.severity === "error"));
});

test("checkTagset on values that are not tagsets at all", () => {
  assert.deepEqual(
    checkTagset(null).map((issue) => issue.message),
    ["expected a tagset object, found null"],
  );
  assert.deepEqual(
    checkTagset({}).map((issue) => [issue.code, issue.path]),
    [
      ["missing-key", "$.entityTypes"],
      ["missing-key", "$.realis"],
      ["missing-key", "$.hopperRelations"],
      ["missing-key", "$.roles"],
      ["missing-key", "$.eventTypes"],
    ],
  );
  assert.deepEqual(
    checkTagset({ entityTypes: [], realis: [], hopperRelations: [], roles: [{ entityTypes: [] }], eventTypes: [{ name: 3, subtypes: [] }] }).map(
      (issue) => [issue.path, issue.message],
    ),
    [
      ["$.roles[0].name", "expected a name, found nothing"],
      ["$.eventTypes[0].name", "expected a name, found the number 3"],
    ],
  );
});

test("parseTagset gives a usable tagset back and refuses anything else, naming every problem", () => {
  assert.deepEqual(parseTagset(structuredClone(DEFAULT_CASIE_TAGSET)), DEFAULT_CASIE_TAGSET);
  const { hopperRelations: _dropped, ...withoutRelations } = structuredClone(DEFAULT_CASIE_TAGSET);
  assert.throws(
    () => parseTagset(withoutRelations),
    (error: Error) => {
      assert.ok(error instanceof InvalidTagsetError);
      assert.equal(error.message, "The tagset is not usable: $.hopperRelations: expected a list, found nothing.");
      return true;
    },
  );
});
