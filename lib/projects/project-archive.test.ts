// An archived project is read-only to everyone, through the one policy: no
// saves (on the fast path of a cached set too), no imports into sets, no
// changes to the project, its members or its tagset; sets stay visible.
// Unarchiving gives it all back.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { GET } from "@/app/api/annotation-sets/[setId]/route";
import { POST } from "@/app/api/annotation-sets/[setId]/operations/route";
import { SetNotEditableError } from "@/lib/annotation-sets/save-operations";
import { importIntoEmptySet } from "@/lib/annotation-sets/import-into-set";
import { openAnnotatorSet } from "@/lib/annotation-sets/open-annotator-set";
import {
  closeTestWorld,
  createTestDocument,
  createTestWorld,
  CONTENT,
  E1,
  ANNOTATE_BOTH,
  saveAs,
  setRealis,
  type TestWorld,
} from "@/lib/annotation-sets/test-fixtures";
import { answer, getRequest, postRequest, testWindow } from "@/lib/annotation-sets/test-requests";
import { permissionsInProject } from "@/lib/auth/policy";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import { db } from "@/lib/db/client";
import { setProjectArchived, updateProjectDetails } from "./project-administration";
import { addProjectMember, changeProjectMemberRole, createMemberAccount, removeProjectMember, searchAccountsToAdd } from "./project-members";
import { previewTagsetChange, readProjectTagset, saveProjectTagset } from "./project-tagset";
import { listProjects } from "./queries";
import { addProjectPeople, type ProjectPeople } from "./test-people";

let world: TestWorld;
let people: ProjectPeople;
let annSet: string;
const save = testWindow("archive-window");
const versionOf = async (setId: string) => (await db().annotationSet.findUniqueOrThrow({ where: { id: setId } })).version;

before(async () => {
  world = await createTestWorld();
  people = await addProjectPeople(world);
  annSet = (await openAnnotatorSet(world.ann, world.documentId))!.setId;
  // A first save: the set is now held by this process's cache, so the next save takes the fast path.
  assert.equal((await POST(...(await postRequest(world.ann, annSet, save(0, [ANNOTATE_BOTH]))))).status, 200);
});
after(() => closeTestWorld(world));

test("archiving takes annotate and manage away from everyone, keeps view and review, and unarchiving restores them", async () => {
  assert.deepEqual(await setProjectArchived(people.manager, world.projectId, true), { ok: true });
  for (const [who, review] of [
    [world.admin, true],
    [people.manager, true],
    [world.ann, false],
  ] as const) {
    const permissions = await permissionsInProject(who, world.projectId);
    assert.deepEqual(permissions, { view: true, annotate: false, review, manage: false, archived: true }, who.name);
  }
  assert.deepEqual(await setProjectArchived(world.admin, world.projectId, false), { ok: true });
  assert.deepEqual(await permissionsInProject(world.ann, world.projectId), { view: true, annotate: true, review: false, manage: false });
});

test("a save to an archived project is refused, on the cached set's fast path and on the locked one; nothing is written", async () => {
  await setProjectArchived(world.admin, world.projectId, true);
  try {
    const version = await versionOf(annSet);
    const [status, body] = await answer(await POST(...(await postRequest(world.ann, annSet, save(version, [setRealis("E1", "Actual", "Generic")])))));
    assert.equal(status, 403);
    assert.match(String(body.error), /archived/);
    // The admin, whom the policy lets edit any annotator's set, is refused too.
    const [adminStatus] = await answer(
      await POST(...(await postRequest(world.admin, annSet, save(version, [setRealis("E1", "Actual", "Generic")])))),
    );
    assert.equal(adminStatus, 403);
    assert.equal(await versionOf(annSet), version);
    // The set stays visible to its annotator, read-only.
    const [getStatus, loaded] = await answer(await GET(...(await getRequest(world.ann, annSet))));
    assert.equal(getStatus, 200);
    assert.equal(loaded.canEdit, false);
  } finally {
    await setProjectArchived(world.admin, world.projectId, false);
  }
  const version = await versionOf(annSet);
  assert.equal((await POST(...(await postRequest(world.ann, annSet, save(version, [setRealis("E1", "Actual", "Generic")]))))).status, 200);
});

test("a project archived between the access check and the write refuses the write itself", async () => {
  const setId = (await openAnnotatorSet(world.bob, await createTestDocument(world.projectId)))!.setId;
  await setProjectArchived(world.admin, world.projectId, true);
  try {
    await assert.rejects(
      importIntoEmptySet(setId, { content: CONTENT, sourcefile: "x.txt", hoppers: [{ index: 0, events: [E1] }] }, null),
      (error) => error instanceof SetNotEditableError && /archived/.test(error.message),
    );
    assert.equal(await versionOf(setId), 0);
    // Ann's set is in this process's cache at its current version: the save's guarded statement itself refuses.
    const version = await versionOf(annSet);
    await assert.rejects(
      saveAs(annSet, version, [setRealis("E1", "Generic", "Other")], { userId: world.ann.id, clientId: "archive-direct" }),
      (error) => error instanceof SetNotEditableError && /archived/.test(error.message),
    );
    assert.equal(await versionOf(annSet), version);
  } finally {
    await setProjectArchived(world.admin, world.projectId, false);
  }
});

test("an archived project refuses changes to its details, members and tagset, but can be unarchived", async () => {
  await setProjectArchived(people.manager, world.projectId, true);
  try {
    const tagset = (await readProjectTagset(world.projectId))!;
    const refusals = await Promise.all([
      updateProjectDetails(people.manager, world.projectId, { name: "Renamed", description: "" }),
      updateProjectDetails(world.admin, world.projectId, { name: "Renamed", description: "" }),
      searchAccountsToAdd(world.admin, world.projectId, "out"),
      addProjectMember(world.admin, world.projectId, { userId: world.outsider.id, role: "ANNOTATOR" }),
      createMemberAccount(people.manager, world.projectId, { email: "new@example.org", name: "", role: "ANNOTATOR" }),
      changeProjectMemberRole(world.admin, world.projectId, { userId: world.ann.id, role: "REVIEWER" }),
      removeProjectMember(people.manager, world.projectId, world.bob.id),
      previewTagsetChange(world.admin, world.projectId, DEFAULT_CASIE_TAGSET),
      saveProjectTagset(world.admin, world.projectId, DEFAULT_CASIE_TAGSET, tagset.hash),
    ]);
    for (const refusal of refusals) assert.deepEqual(refusal.ok ? refusal : refusal.code, "archived");
    assert.equal((await db().project.findUniqueOrThrow({ where: { id: world.projectId } })).name, "Cyber");
    assert.equal(await db().projectMember.count({ where: { projectId: world.projectId } }), 4);
    assert.equal(await db().user.count({ where: { email: "new@example.org" } }), 0);
  } finally {
    assert.deepEqual(await setProjectArchived(people.manager, world.projectId, false), { ok: true });
  }
});

test("archived projects are hidden from project lists unless asked for", async () => {
  await setProjectArchived(world.admin, world.projectId, true);
  try {
    assert.deepEqual(await listProjects(world.ann), []);
    const listed = await listProjects(world.ann, db(), { includeArchived: true });
    assert.deepEqual(
      listed.map((project) => [project.name, project.archivedAt !== null]),
      [["Cyber", true]],
    );
  } finally {
    await setProjectArchived(world.admin, world.projectId, false);
  }
  assert.equal((await listProjects(world.ann)).length, 1);
});
