// A tagset change's impact, counted in SQL over every set of the project,
// against the editor's own checks (lib/annotation/checks.ts) on the same
// sets; saving never touches annotations, and the document list counts and
// filters what is left outside the tagset.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { checkAnnotations } from "@/lib/annotation/checks";
import { loadAnnotationSet } from "@/lib/annotation-sets/set-state";
import { openAnnotatorSet } from "@/lib/annotation-sets/open-annotator-set";
import { ANNOTATE_BOTH, closeTestWorld, createTestWorld, saveAs, type TestWorld } from "@/lib/annotation-sets/test-fixtures";
import { DEFAULT_CASIE_TAGSET, type Tagset } from "@/lib/casie/tagset";
import { db } from "@/lib/db/client";
import { previewTagsetChange, readProjectTagset, saveProjectTagset } from "./project-tagset";
import { listProjectDocuments } from "./queries";
import { countTagsetProblems } from "./tagset-problem-counts";
import { tagsetImpact } from "./tagset-impact";
import { addProjectPeople, type ProjectPeople } from "./test-people";

let world: TestWorld;
let people: ProjectPeople;
let setIds: string[];

// Gold set of one document and Ann's set of another each hold E1 (Attack/Databreach, Actual, an Organization as Attacker)
// and E2 (Attack/Ransom, Actual, no arguments).
before(async () => {
  world = await createTestWorld();
  people = await addProjectPeople(world);
  const annSet = (await openAnnotatorSet(world.ann, world.documentId))!.setId;
  assert.equal((await saveAs(annSet, 0, [ANNOTATE_BOTH])).status, "saved");
  const gold = await db().annotationSet.findFirstOrThrow({ where: { documentId: world.goldDocumentId, kind: "GOLD" } });
  setIds = [annSet, gold.id];
});
after(() => closeTestWorld(world));

const edited = (change: (tagset: Tagset) => void): Tagset => {
  const tagset = structuredClone(DEFAULT_CASIE_TAGSET);
  change(tagset);
  return tagset;
};
const withoutRansom = edited((t) => (t.eventTypes[0].subtypes = t.eventTypes[0].subtypes.filter((s) => s.name !== "Ransom")));

/** The editor's checks on every set, under `tagset`: the codes of problems about tagset values. */
async function editorTagsetProblems(tagset: Tagset): Promise<number> {
  let count = 0;
  for (const setId of setIds) {
    const state = (await loadAnnotationSet(setId))!;
    count += checkAnnotations(state.document, tagset).filter((p) => p.code.startsWith("unknown-") || p.code === "role-not-allowed").length;
  }
  return count;
}

test("removing a subtype puts its events outside the tagset: counted by value, item and document", async () => {
  const impact = await tagsetImpact(world.projectId, withoutRansom);
  assert.deepEqual(impact.entries, [
    { code: "unknown-subtype", item: "event", value: "Attack/Ransom", count: 2, documents: 2, already: false, outsideAfter: true },
  ]);
  assert.deepEqual(impact.leaving, { events: 2, arguments: 0, hoppers: 0, documents: 2 });
  assert.deepEqual(impact.outsideAfter, impact.leaving);
  assert.equal(await editorTagsetProblems(withoutRansom), 2, "the editor's checks find the same");
});

test("each kind of value is counted as the editor's checks count it", async () => {
  const tagset = edited((t) => {
    t.realis = ["Real", "Generic", "Other"];
    t.eventTypes[0].subtypes[0].roles = t.eventTypes[0].subtypes[0].roles.filter((r) => r !== "Attacker");
    t.entityTypes = t.entityTypes.filter((e) => e !== "Organization");
    for (const role of t.roles) role.entityTypes = role.entityTypes.filter((e) => e !== "Organization");
  });
  const impact = await tagsetImpact(world.projectId, tagset);
  const byCode = Object.fromEntries(impact.entries.map((e) => [`${e.code} ${e.value}`, [e.item, e.count, e.documents]]));
  assert.deepEqual(byCode, {
    "unknown-realis Actual": ["event", 4, 2],
    "role-not-allowed Attack/Databreach: Attacker": ["argument", 2, 2],
    "unknown-entity-type Organization": ["argument", 2, 2],
  });
  assert.deepEqual(impact.leaving, { events: 4, arguments: 2, hoppers: 0, documents: 2 });
  assert.equal(await editorTagsetProblems(tagset), 4 + 2 + 2);

  const noEventType = edited((t) => (t.eventTypes = [t.eventTypes[1]]));
  const gone = await tagsetImpact(world.projectId, noEventType);
  assert.deepEqual(
    gone.entries.map((e) => [e.code, e.value, e.count]),
    [["unknown-event-type", "Attack", 4]],
    "an unknown type is not also an unknown subtype, and its arguments' roles are not checked",
  );
  assert.equal(await editorTagsetProblems(noEventType), 4);
});

test("saving a tagset never touches annotations: values outside it become problems, listed and filtered per document", async () => {
  const eventsBefore = await db().event.count();
  const { hash } = (await readProjectTagset(world.projectId))!;
  const preview = await previewTagsetChange(people.manager, world.projectId, withoutRansom);
  assert.ok(preview.ok);
  assert.equal(preview.impact.leaving.events, 2);
  const saved = await saveProjectTagset(people.manager, world.projectId, withoutRansom, hash);
  assert.ok(saved.ok);
  assert.notEqual(saved.hash, hash);
  assert.equal(await db().event.count(), eventsBefore);

  const stale = await saveProjectTagset(people.manager, world.projectId, DEFAULT_CASIE_TAGSET, hash);
  assert.equal(stale.ok ? "saved" : stale.code, "conflict", "a save over another version is refused");

  const problems = await countTagsetProblems(world.projectId, null);
  assert.deepEqual(Object.fromEntries(problems), { [world.documentId]: 1, [world.goldDocumentId]: 1 });
  const listing = await listProjectDocuments(world.projectId, { sort: "name", order: "asc", page: 1, tagsetProblems: true });
  assert.deepEqual(
    listing.documents.map((d) => [d.id, d.tagsetProblems]).sort(),
    [
      [world.documentId, 1],
      [world.goldDocumentId, 1],
    ].sort(),
  );
  assert.equal(listing.total, 2);

  // Now already outside: the same tagset again changes nothing, and the CASIE tagset brings them back.
  const again = await tagsetImpact(world.projectId, withoutRansom);
  assert.deepEqual(again.leaving, { events: 0, arguments: 0, hoppers: 0, documents: 0 });
  assert.deepEqual([again.entries[0].already, again.entries[0].outsideAfter], [true, true]);
  const restored = await tagsetImpact(world.projectId, DEFAULT_CASIE_TAGSET);
  assert.deepEqual([restored.entries[0].already, restored.entries[0].outsideAfter, restored.outsideAfter.events], [true, false, 0]);

  assert.ok((await saveProjectTagset(world.admin, world.projectId, DEFAULT_CASIE_TAGSET, saved.hash)).ok);
  const clean = await listProjectDocuments(world.projectId, { sort: "name", order: "asc", page: 1, tagsetProblems: true });
  assert.equal(clean.total, 0);
  const all = await listProjectDocuments(world.projectId, { sort: "name", order: "asc", page: 1 });
  assert.ok(all.total >= 2 && all.documents.every((d) => d.tagsetProblems === 0));
});

test("a submitted tagset is validated strictly: shape, sizes, unique and non-empty names, known roles and entity types", async () => {
  const refused = async (value: unknown) => {
    const result = await previewTagsetChange(world.admin, world.projectId, value);
    assert.equal(result.ok, false);
    return result.ok ? "" : result.error;
  };
  assert.match(await refused(null), /not valid/);
  assert.match(await refused(edited((t) => (t.realis = ["Actual", "Actual"]))), /"Actual" appears twice in \$\.realis/);
  assert.match(await refused(edited((t) => (t.realis = ["Actual", ""]))), /\$\.realis\[1\]: names cannot be empty/);
  assert.match(await refused(edited((t) => (t.entityTypes = [...t.entityTypes, " Person"]))), /starts or ends with white space/);
  assert.match(await refused(edited((t) => t.eventTypes[0].subtypes[0].roles.push("Nobody"))), /"Nobody" is not one of \$\.roles/);
  assert.match(await refused(edited((t) => (t.realis = []))), /a tagset needs a realis value/);
  assert.match(await refused(edited((t) => (t.entityTypes = Array.from({ length: 501 }, (_, i) => `E${i}`)))), /at most 500 entity types/);
  assert.match(await refused(edited((t) => (t.eventTypes[0].name = "x".repeat(101)))), /at most 100 characters/);
  assert.match(await refused({ ...DEFAULT_CASIE_TAGSET, realis: "Actual" }), /\$\.realis: /);
});
