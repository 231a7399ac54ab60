import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import type { Database } from "@/lib/db/client";
import { useTestDatabase } from "@/lib/db/test-database";
import { createUser } from "./create-user";
import { findActiveUser, hasAnyUser, listUsers } from "./user-queries";

const testDatabase = useTestDatabase();
let client: Database;

before(async () => {
  client = (await testDatabase.open()).client;
});
beforeEach(async () => {
  await client.project.deleteMany();
  await client.user.deleteMany();
});

const add = (email: string) => createUser({ email, name: email.split("@")[0], password: "a long password", role: "ANNOTATOR" }, client);

test("hasAnyUser is false only before the first account", async () => {
  assert.equal(await hasAnyUser(client), false);
  await add("ann@example.org");
  assert.equal(await hasAnyUser(client), true);
});

test("listUsers orders accounts by email and never exposes password hashes", async () => {
  await add("zoe@example.org");
  await add("ann@example.org");
  const users = await listUsers(client);
  assert.deepEqual(
    users.map((u) => u.email),
    ["ann@example.org", "zoe@example.org"],
  );
  assert.deepEqual(Object.keys(users[0]).sort(), ["createdAt", "disabled", "email", "id", "name", "role"]);
});

test("findActiveUser: null for a deleted, disabled or malformed id", async () => {
  const ann = await add("ann@example.org");
  assert.deepEqual(await findActiveUser(ann.id, client), { id: ann.id, email: "ann@example.org", name: "ann", role: "ANNOTATOR" });
  await client.user.update({ where: { id: ann.id }, data: { disabled: true } });
  assert.equal(await findActiveUser(ann.id, client), null);
  await client.user.delete({ where: { id: ann.id } });
  assert.equal(await findActiveUser(ann.id, client), null);
  assert.equal(await findActiveUser("not-a-uuid", client), null);
});
