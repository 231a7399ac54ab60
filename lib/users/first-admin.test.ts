import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { ensureBootstrapAdmin } from "@/lib/auth/bootstrap-admin";
import type { Database } from "@/lib/db/client";
import { useTestDatabase } from "@/lib/db/test-database";
import { createFirstAdmin } from "./first-admin";
import { UserError } from "./user-error";
import { withUserAdministrationLock } from "./user-lock";

const testDatabase = useTestDatabase();
let client: Database;

before(async () => {
  client = (await testDatabase.open()).client;
});
beforeEach(() => client.user.deleteMany());

const setupDone = (error: unknown) => error instanceof UserError && error.code === "SETUP_DONE";

test("creates an admin on a fresh installation and refuses once any account exists", async () => {
  const admin = await createFirstAdmin({ email: "Root@Example.org", name: "Root", password: "a long password" }, client);
  assert.deepEqual([admin.email, admin.role], ["root@example.org", "ADMIN"]);
  await assert.rejects(createFirstAdmin({ email: "other@example.org", name: "", password: "a long password" }, client), setupDone);
});

test("a setup racing another waits for it, then refuses", async () => {
  let inserted!: () => void;
  let release!: () => void;
  const insertedSignal = new Promise<void>((resolve) => (inserted = resolve));
  const releaseSignal = new Promise<void>((resolve) => (release = resolve));
  // Another setup holds the lock and has inserted its admin, not yet committed.
  const other = withUserAdministrationLock(client, async (tx) => {
    await tx.user.create({ data: { email: "first@example.org", passwordHash: "x", role: "ADMIN" } });
    inserted();
    await releaseSignal;
  });
  await insertedSignal;
  const second = createFirstAdmin({ email: "second@example.org", name: "", password: "a long password" }, client);
  const settled = await Promise.race([
    second.then(
      () => "settled",
      () => "settled",
    ),
    new Promise((resolve) => setTimeout(resolve, 1000, "waiting")),
  ]);
  assert.equal(settled, "waiting");
  release();
  await other;
  await assert.rejects(second, setupDone);
  assert.deepEqual(
    (await client.user.findMany()).map((u) => u.email),
    ["first@example.org"],
  );
});

test("ensureBootstrapAdmin creates the admin from the environment, once", async () => {
  const env = { HOPPER_ADMIN_EMAIL: "boot@example.org", HOPPER_ADMIN_PASSWORD: "a long password" };
  await ensureBootstrapAdmin(client, env);
  await ensureBootstrapAdmin(client, { ...env, HOPPER_ADMIN_EMAIL: "second@example.org" });
  const users = await client.user.findMany();
  assert.deepEqual(
    users.map((u) => [u.email, u.role, u.name]),
    [["boot@example.org", "ADMIN", "Administrator"]],
  );
});

test("ensureBootstrapAdmin does nothing without the variables and explains incomplete or invalid ones", async () => {
  await ensureBootstrapAdmin(client, {});
  assert.equal(await client.user.count(), 0);
  await assert.rejects(
    ensureBootstrapAdmin(client, { HOPPER_ADMIN_EMAIL: "boot@example.org" }),
    /Set both HOPPER_ADMIN_EMAIL and HOPPER_ADMIN_PASSWORD/,
  );
  await assert.rejects(
    ensureBootstrapAdmin(client, { HOPPER_ADMIN_EMAIL: "boot@example.org", HOPPER_ADMIN_PASSWORD: "short" }),
    /HOPPER_ADMIN_EMAIL\/HOPPER_ADMIN_PASSWORD: Passwords need at least 10 characters/,
  );
  assert.equal(await client.user.count(), 0);
});
