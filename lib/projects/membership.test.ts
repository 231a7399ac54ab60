import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { Database } from "@/lib/db/client";
import { useTestDatabase } from "@/lib/db/test-database";
import { canViewProject } from "@/lib/auth/policy";
import { createUser } from "@/lib/users";
import { addProjectMember, MembershipError, removeProjectMember } from "./membership";
import { findOrCreateProject } from "./project-store";

const testDatabase = useTestDatabase();
let client: Database;
let projectId: string;
let annId: string;

before(async () => {
  client = (await testDatabase.open()).client;
  projectId = (await findOrCreateProject("Cyber", client)).id;
  annId = (await createUser({ email: "ann@example.org", name: "Ann", password: "a long password", role: "ANNOTATOR" }, client)).id;
});

test("an annotator added to a project becomes its member; adding again changes the role", async () => {
  assert.deepEqual(await addProjectMember({ projectName: "Cyber", email: "ANN@example.org", role: "ANNOTATOR" }, client), { created: true });
  assert.equal(await canViewProject({ id: annId, role: "ANNOTATOR" }, projectId, client), true);
  assert.deepEqual(await addProjectMember({ projectName: "Cyber", email: "ann@example.org", role: "REVIEWER" }, client), { created: false });
  const membership = await client.projectMember.findUniqueOrThrow({ where: { projectId_userId: { projectId, userId: annId } } });
  assert.equal(membership.role, "REVIEWER");
});

test("an unknown project or account is refused by name", async () => {
  await assert.rejects(
    addProjectMember({ projectName: "Nope", email: "ann@example.org", role: "ANNOTATOR" }, client),
    (e) => e instanceof MembershipError && /no project named "Nope"/.test(e.message),
  );
  await assert.rejects(
    addProjectMember({ projectName: "Cyber", email: "bob@example.org", role: "ANNOTATOR" }, client),
    /no account with the email bob@example.org/,
  );
});

test("removing a member takes the access away", async () => {
  await addProjectMember({ projectName: "Cyber", email: "ann@example.org", role: "ANNOTATOR" }, client);
  assert.equal(await removeProjectMember({ projectName: "Cyber", email: "ann@example.org" }, client), true);
  assert.equal(await canViewProject({ id: annId, role: "ANNOTATOR" }, projectId, client), false);
  assert.equal(await removeProjectMember({ projectName: "Cyber", email: "ann@example.org" }, client), false);
});
