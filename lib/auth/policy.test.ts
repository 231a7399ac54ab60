// Who may do what, as the policy says it: every global role against every
// project role, the annotation sets each may see and edit, and the same rules
// read from the database.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { ProjectRole, Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/test-database";
import { createUser } from "@/lib/users";
import {
  canAnnotate,
  canManageProject,
  canReview,
  canViewProject,
  ownSetOpening,
  permissionsInProject,
  projectPermissions,
  setAccess,
  type Actor,
} from "./policy";

const actor = (role: Role, id = "00000000-0000-4000-8000-000000000001"): Actor => ({ id, role });
const summary = (role: Role, memberRole: ProjectRole | null) => {
  const { view, annotate, review, manage } = projectPermissions(actor(role), memberRole);
  return [view, annotate, review, manage].map((allowed) => (allowed ? 1 : 0)).join("");
};

test("project permissions (view, annotate, review, manage) for every global role and membership", () => {
  const table = Object.fromEntries(
    (["ADMIN", "REVIEWER", "ANNOTATOR"] as const).map((role) => [
      role,
      [null, "ANNOTATOR", "REVIEWER", "MANAGER"].map((member) => summary(role, member as ProjectRole | null)),
    ]),
  );
  assert.deepEqual(table, {
    ADMIN: ["1111", "1111", "1111", "1111"],
    REVIEWER: ["1110", "1110", "1110", "1111"],
    ANNOTATOR: ["0000", "1100", "1110", "1111"],
  });
});

test("sets: annotators see only their own, reviewers view every set, admins edit annotators' sets, reviewers and admins edit the gold", () => {
  const me = actor("ANNOTATOR", "me");
  const annotatorPermissions = projectPermissions(me, "ANNOTATOR");
  assert.deepEqual(setAccess(me, annotatorPermissions, { kind: "ANNOTATOR", annotatorId: "me", status: "IN_PROGRESS", assigned: true }), {
    level: "edit",
  });
  assert.deepEqual(setAccess(me, annotatorPermissions, { kind: "ANNOTATOR", annotatorId: "someone", status: "IN_PROGRESS", assigned: true }), {
    level: "none",
  });
  assert.deepEqual(setAccess(me, annotatorPermissions, { kind: "GOLD", annotatorId: null, status: "IMPORTED", assigned: false }), { level: "none" });
  assert.deepEqual(
    setAccess(me, projectPermissions(me, null), { kind: "ANNOTATOR", annotatorId: "me", status: "IN_PROGRESS", assigned: true }),
    { level: "none" },
    "no longer a member",
  );
  assert.deepEqual(setAccess(me, annotatorPermissions, { kind: "ANNOTATOR", annotatorId: "me", status: "SUBMITTED", assigned: true }), {
    level: "view",
    whyNotEdit: "You submitted this set: ask a reviewer to reopen it.",
  });
  const projectReviewer = projectPermissions(me, "REVIEWER");
  assert.equal(setAccess(me, projectReviewer, { kind: "ANNOTATOR", annotatorId: "someone", status: "IN_PROGRESS", assigned: true }).level, "view");
  assert.equal(setAccess(me, projectReviewer, { kind: "GOLD", annotatorId: null, status: "IMPORTED", assigned: false }).level, "edit");
  const admin = actor("ADMIN");
  assert.equal(
    setAccess(admin, projectPermissions(admin, null), { kind: "ANNOTATOR", annotatorId: "someone", status: "IN_PROGRESS", assigned: true }).level,
    "edit",
  );
  assert.deepEqual(setAccess(admin, projectPermissions(admin, null), { kind: "GOLD", annotatorId: null, status: "IMPORTED", assigned: false }), {
    level: "edit",
  });
  assert.deepEqual(
    setAccess(admin, projectPermissions(admin, null, true), { kind: "GOLD", annotatorId: null, status: "IMPORTED", assigned: false }),
    {
      level: "view",
      whyNotEdit: "The project is archived: it is read-only.",
    },
  );
});

let database: Awaited<ReturnType<typeof createTestDatabase>>;
before(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
});
after(async () => {
  await db().$disconnect();
  await database.drop();
});

test("read from the database: the project role counts, other projects and malformed ids give nothing", async () => {
  const user = await createUser({ email: "ann@example.org", name: "Ann", password: "a long password", role: "ANNOTATOR" });
  const ann: Actor = { id: user.id, role: "ANNOTATOR" };
  const [cyber, other] = await Promise.all(["Cyber", "Other"].map((name) => db().project.create({ data: { name, tagset: {} } })));
  assert.equal(await canViewProject(ann, cyber.id), false);
  await db().projectMember.create({ data: { projectId: cyber.id, userId: ann.id, role: "ANNOTATOR" } });
  assert.deepEqual(await Promise.all([canViewProject, canAnnotate, canReview, canManageProject].map((can) => can(ann, cyber.id))), [
    true,
    true,
    false,
    false,
  ]);
  await db().projectMember.update({ where: { projectId_userId: { projectId: cyber.id, userId: ann.id } }, data: { role: "MANAGER" } });
  assert.equal(await canManageProject(ann, cyber.id), true);
  assert.equal(await canViewProject(ann, other.id), false);
  assert.deepEqual(await permissionsInProject(ann, "not-a-project"), { view: false, annotate: false, review: false, manage: false });
  assert.equal(await canReview({ ...ann, role: "REVIEWER" }, other.id), true, "reviewers review every project");
});

test("annotators open a set of their own only on documents assigned to them; reviewers, managers and admins on any", () => {
  const annotator: Actor = { id: "a", role: "ANNOTATOR" };
  assert.deepEqual(ownSetOpening(projectPermissions(annotator, "ANNOTATOR"), true), { allowed: true });
  assert.deepEqual(ownSetOpening(projectPermissions(annotator, "ANNOTATOR"), false), {
    allowed: false,
    why: "This document is not assigned to you.",
  });
  assert.equal(ownSetOpening(projectPermissions(annotator, null), true).allowed, false, "not a member");
  assert.equal(ownSetOpening(projectPermissions(annotator, "MANAGER"), false).allowed, true);
  assert.equal(ownSetOpening(projectPermissions({ id: "r", role: "REVIEWER" }, null), false).allowed, true);
  assert.equal(ownSetOpening(projectPermissions({ id: "x", role: "ADMIN" }, null), false).allowed, true);
});
