// Who may change a project: every project action, asked by the signed out, an
// annotator member, a reviewer who is not a manager (by project role and by
// global role), a non-member and a guessed id, is refused with its code and
// changes nothing; its managers and administrators may. (Archived projects:
// project-archive.test.ts.)

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { closeTestWorld, createTestWorld, type TestWorld } from "@/lib/annotation-sets/test-fixtures";
import type { CurrentUser } from "@/lib/auth/access";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import { db } from "@/lib/db/client";
import type { ProjectResult } from "./project-access";
import { createProject, setProjectArchived, updateProjectDetails } from "./project-administration";
import {
  addProjectMember,
  changeProjectMemberRole,
  createMemberAccount,
  listProjectMembers,
  removeProjectMember,
  searchAccountsToAdd,
} from "./project-members";
import { previewTagsetChange, readProjectTagset, saveProjectTagset } from "./project-tagset";
import { addProjectPeople, type ProjectPeople } from "./test-people";

let world: TestWorld;
let people: ProjectPeople;

before(async () => {
  world = await createTestWorld();
  people = await addProjectPeople(world);
});
after(() => closeTestWorld(world));

/** Every action of a project, as `actor` would ask it of project `projectId`. */
function actions(actor: CurrentUser | null, projectId: string, hash: string): Record<string, () => Promise<ProjectResult>> {
  return {
    rename: () => updateProjectDetails(actor, projectId, { name: "Renamed", description: "new" }),
    archive: () => setProjectArchived(actor, projectId, true),
    search: () => searchAccountsToAdd(actor, projectId, "example"),
    add: () => addProjectMember(actor, projectId, { userId: world.outsider.id, role: "ANNOTATOR" }),
    create: () => createMemberAccount(actor, projectId, { email: "fresh@example.org", name: "Fresh", role: "ANNOTATOR" }),
    role: () => changeProjectMemberRole(actor, projectId, { userId: world.ann.id, role: "REVIEWER" }),
    remove: () => removeProjectMember(actor, projectId, world.bob.id),
    preview: () => previewTagsetChange(actor, projectId, DEFAULT_CASIE_TAGSET),
    tagset: () => saveProjectTagset(actor, projectId, { ...DEFAULT_CASIE_TAGSET, realis: ["Actual"] }, hash),
  };
}

async function state() {
  const project = await db().project.findUniqueOrThrow({ where: { id: world.projectId } });
  return { project, members: await listProjectMembers(world.projectId), accounts: await db().user.count() };
}

test("the signed out, annotators, reviewers who are not managers, non-members and guessed ids are refused, and nothing changes", async () => {
  const { hash } = (await readProjectTagset(world.projectId))!;
  const before = await state();
  const cases: [CurrentUser | null, string, string][] = [
    [null, world.projectId, "signed-out"],
    [world.ann, world.projectId, "forbidden"],
    [people.projectReviewer, world.projectId, "forbidden"],
    [world.reviewer, world.projectId, "forbidden"],
    [world.outsider, world.projectId, "not-found"],
    [people.manager, randomUUID(), "not-found"],
    [world.admin, randomUUID(), "not-found"],
    [world.admin, "../etc", "not-found"],
  ];
  for (const [actor, projectId, code] of cases) {
    for (const [name, action] of Object.entries(actions(actor, projectId, hash))) {
      const result = await action();
      assert.equal(result.ok ? "allowed" : result.code, code, `${name} by ${actor?.name ?? "nobody"} on ${projectId}`);
    }
  }
  assert.deepEqual(await state(), before);
});

test("only administrators create projects; names are checked and must be free", async () => {
  assert.equal((await createProject(null, { name: "New", description: "" })).ok, false);
  for (const actor of [people.manager, world.reviewer, world.ann]) {
    assert.deepEqual(await createProject(actor, { name: "New", description: "" }), {
      ok: false,
      code: "forbidden",
      error: "Only administrators create projects.",
    });
  }
  const created = await createProject(world.admin, { name: "  Threat intel ", description: "Reports from 2024" });
  assert.ok(created.ok);
  const project = await db().project.findUniqueOrThrow({ where: { id: created.projectId } });
  assert.deepEqual([project.name, project.description, project.tagset], ["Threat intel", "Reports from 2024", DEFAULT_CASIE_TAGSET]);
  assert.deepEqual(await createProject(world.admin, { name: "Threat intel", description: "" }), {
    ok: false,
    code: "conflict",
    error: 'A project named "Threat intel" exists already: choose another name.',
  });
  for (const name of ["", "   ", "x".repeat(101), "tab\there"]) {
    assert.equal((await createProject(world.admin, { name, description: "" })).ok, false, JSON.stringify(name));
  }
  assert.equal((await createProject(world.admin, { name: "Long", description: "x".repeat(2001) })).ok, false);
  assert.equal(await db().project.count({ where: { name: "Long" } }), 0);
});

test("a manager renames and describes their project; another project's name is taken", async () => {
  assert.deepEqual(await updateProjectDetails(people.manager, world.projectId, { name: "Cyber events", description: "CASIE" }), { ok: true });
  assert.equal((await db().project.findUniqueOrThrow({ where: { id: world.projectId } })).name, "Cyber events");
  await createProject(world.admin, { name: "Taken", description: "" });
  const taken = await updateProjectDetails(people.manager, world.projectId, { name: "Taken", description: "" });
  assert.equal(taken.ok ? "allowed" : taken.code, "conflict");
  assert.deepEqual(await updateProjectDetails(world.admin, world.projectId, { name: "Cyber", description: "" }), { ok: true });
});

test("a manager finds accounts to add, adds one, changes its role and removes it; their own role is not theirs to change", async () => {
  const found = await searchAccountsToAdd(people.manager, world.projectId, "OUTSIDER");
  assert.deepEqual(found, { ok: true, matches: [{ userId: world.outsider.id, email: "outsider@example.org", name: "outsider" }] });
  const byName = await searchAccountsToAdd(people.manager, world.projectId, "ann");
  assert.deepEqual(byName, { ok: true, matches: [] }, "members are not offered again");

  assert.deepEqual(await addProjectMember(people.manager, world.projectId, { userId: world.outsider.id, role: "REVIEWER" }), {
    ok: true,
    email: "outsider@example.org",
  });
  assert.deepEqual(await changeProjectMemberRole(people.manager, world.projectId, { userId: world.outsider.id, role: "MANAGER" }), { ok: true });
  const role = (await listProjectMembers(world.projectId)).find((member) => member.userId === world.outsider.id)?.role;
  assert.equal(role, "MANAGER");
  for (const bad of [
    { userId: world.outsider.id, role: "ADMIN" },
    { userId: "nope", role: "ANNOTATOR" },
  ]) {
    assert.equal((await changeProjectMemberRole(people.manager, world.projectId, bad)).ok, false);
  }
  assert.deepEqual(await removeProjectMember(people.manager, world.projectId, world.outsider.id), { ok: true });
  assert.equal((await removeProjectMember(people.manager, world.projectId, world.outsider.id)).ok, false, "not a member any more");

  const self = await changeProjectMemberRole(people.manager, world.projectId, { userId: people.manager.id, role: "ANNOTATOR" });
  assert.equal(self.ok ? "allowed" : self.code, "forbidden");
  const leave = await removeProjectMember(people.manager, world.projectId, people.manager.id);
  assert.equal(leave.ok ? "allowed" : leave.code, "forbidden");

  await db().user.update({ where: { id: world.outsider.id }, data: { disabled: true } });
  try {
    assert.deepEqual(await searchAccountsToAdd(people.manager, world.projectId, "outsider"), { ok: true, matches: [] });
    assert.equal((await addProjectMember(people.manager, world.projectId, { userId: world.outsider.id, role: "ANNOTATOR" })).ok, false);
  } finally {
    await db().user.update({ where: { id: world.outsider.id }, data: { disabled: false } });
  }
});

test("a manager creates an account on the spot: a member with a generated password; a taken email changes nothing", async () => {
  const created = await createMemberAccount(people.manager, world.projectId, { email: "Nina@Example.org", name: "Nina", role: "ANNOTATOR" });
  assert.ok(created.ok);
  assert.equal(created.email, "nina@example.org");
  assert.match(created.password, /^[a-km-zA-HJ-NP-Z2-9]{20}$/);
  const nina = await db().user.findUniqueOrThrow({ where: { email: "nina@example.org" }, include: { memberships: true } });
  assert.deepEqual([nina.role, nina.memberships.map((m) => [m.projectId, m.role])], ["ANNOTATOR", [[world.projectId, "ANNOTATOR"]]]);

  const accounts = await db().user.count();
  const taken = await createMemberAccount(people.manager, world.projectId, { email: "ann@example.org", name: "", role: "REVIEWER" });
  assert.deepEqual(taken, { ok: false, code: "conflict", error: "An account with the email ann@example.org already exists." });
  const invalid = await createMemberAccount(people.manager, world.projectId, { email: "not an email", name: "", role: "ANNOTATOR" });
  assert.equal(invalid.ok ? "allowed" : invalid.code, "invalid");
  assert.equal(await db().user.count(), accounts);
});
