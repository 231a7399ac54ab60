// Opening a document's gold set in the editor: its project's reviewers, managers
// and admins may; annotators and outsiders are told there is no such set; an
// archived project's gold is read-only. The document page's sets say the same.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { db } from "@/lib/db/client";
import { visibleDocumentSets } from "@/lib/documents/document-sets";
import { createUser } from "@/lib/users";
import type { CurrentUser } from "@/lib/auth/access";
import { openGoldSet } from "./open-gold-set";
import { closeTestWorld, createTestWorld, type TestWorld } from "./test-fixtures";

let world: TestWorld;
let manager: CurrentUser;

before(async () => {
  world = await createTestWorld();
  const { id, email } = await createUser({ email: "max@example.org", name: "max", password: "a long password", role: "ANNOTATOR" });
  manager = { id, email, name: "max", role: "ANNOTATOR" };
  await db().projectMember.create({ data: { projectId: world.projectId, userId: id, role: "MANAGER" } });
});
after(() => closeTestWorld(world));

test("reviewers, managers and admins open the gold set with its annotations; annotators and outsiders find none", async () => {
  for (const user of [world.reviewer, manager, world.admin]) {
    const opened = await openGoldSet(user, world.goldDocumentId);
    assert.ok("setId" in opened, user.name);
    assert.equal(opened.status, "IMPORTED");
    assert.deepEqual(
      opened.document.hoppers[0].events.map((event) => event.index),
      ["E1", "E2"],
    );
    const gold = (await visibleDocumentSets(user, world.goldDocumentId)).find((set) => set.kind === "GOLD");
    assert.equal(gold?.editable, true, user.name);
  }
  for (const user of [world.ann, world.outsider]) assert.deepEqual(await openGoldSet(user, world.goldDocumentId), { refused: "not-found" });
  assert.deepEqual(await openGoldSet(world.admin, world.documentId), { refused: "not-found" }, "a document without a gold set");
  assert.deepEqual(await openGoldSet(world.admin, "not-an-id"), { refused: "not-found" });
});

test("in an archived project the gold set is read-only, saying why", async () => {
  await db().project.update({ where: { id: world.projectId }, data: { archivedAt: new Date() } });
  try {
    assert.deepEqual(await openGoldSet(world.reviewer, world.goldDocumentId), {
      refused: "read-only",
      why: "The project is archived: it is read-only.",
    });
    const gold = (await visibleDocumentSets(world.reviewer, world.goldDocumentId)).find((set) => set.kind === "GOLD");
    assert.equal(gold?.editable, false);
  } finally {
    await db().project.update({ where: { id: world.projectId }, data: { archivedAt: null } });
  }
});
