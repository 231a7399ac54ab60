import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import type { Database } from "@/lib/db/client";
import { useTestDatabase } from "@/lib/db/test-database";
import { createUser } from "./create-user";
import { setUserDisabled, setUserRole } from "./user-administration";
import { UserError } from "./user-error";
import { withUserAdministrationLock } from "./user-lock";
import { findActiveUser } from "./user-queries";

const testDatabase = useTestDatabase();
let client: Database;
let admin: string;
let reviewer: string;

before(async () => {
  client = (await testDatabase.open()).client;
});
beforeEach(async () => {
  await client.user.deleteMany();
  admin = (await add("root@example.org", "ADMIN")).id;
  reviewer = (await add("rita@example.org", "REVIEWER")).id;
});

function add(email: string, role: "ADMIN" | "REVIEWER" | "ANNOTATOR") {
  return createUser({ email, name: "", password: "a long password", role }, client);
}

const refusal = (code: string) => (error: unknown) => error instanceof UserError && error.code === code;

test("an admin changes another account's role", async () => {
  assert.equal((await setUserRole(admin, reviewer, "ANNOTATOR", client)).role, "ANNOTATOR");
  assert.equal((await setUserRole(admin, reviewer, "ADMIN", client)).role, "ADMIN");
});

test("an admin cannot demote themselves, even with another admin present", async () => {
  await setUserRole(admin, reviewer, "ADMIN", client);
  await assert.rejects(setUserRole(admin, admin, "REVIEWER", client), refusal("SELF_CHANGE"));
  assert.equal((await findActiveUser(admin, client))?.role, "ADMIN");
});

test("an admin cannot disable themselves", async () => {
  await setUserRole(admin, reviewer, "ADMIN", client);
  await assert.rejects(setUserDisabled(admin, admin, true, client), refusal("SELF_CHANGE"));
});

test("the last active admin can be neither demoted nor disabled", async () => {
  // As done from the command line or by an admin who has since lost the role: the rule holds whoever asks.
  await assert.rejects(setUserRole(reviewer, admin, "ANNOTATOR", client), refusal("LAST_ADMIN"));
  await assert.rejects(setUserDisabled(reviewer, admin, true, client), refusal("LAST_ADMIN"));

  const second = (await add("sam@example.org", "ADMIN")).id;
  await setUserDisabled(admin, second, true, client);
  // A disabled admin does not count: root is still the last active one.
  await assert.rejects(setUserDisabled(second, admin, true, client), refusal("LAST_ADMIN"));
  await setUserDisabled(admin, second, false, client);
  assert.equal((await setUserRole(second, admin, "REVIEWER", client)).role, "REVIEWER");
});

test("a demotion racing another waits for it, then keeps the last admin", async () => {
  const second = (await add("sam@example.org", "ADMIN")).id;
  let demoted!: () => void;
  let release!: () => void;
  const demotedSignal = new Promise<void>((resolve) => (demoted = resolve));
  const releaseSignal = new Promise<void>((resolve) => (release = resolve));
  // Another request holds the lock and has demoted sam, not yet committed.
  const other = withUserAdministrationLock(client, async (tx) => {
    await tx.user.update({ where: { id: second }, data: { role: "REVIEWER" } });
    demoted();
    await releaseSignal;
  });
  await demotedSignal;
  const mine = setUserRole(second, admin, "REVIEWER", client);
  const settled = await Promise.race([
    mine.then(
      () => "settled",
      () => "settled",
    ),
    new Promise((resolve) => setTimeout(resolve, 1000, "waiting")),
  ]);
  assert.equal(settled, "waiting");
  release();
  await other;
  await assert.rejects(mine, refusal("LAST_ADMIN"));
  assert.equal(await client.user.count({ where: { role: "ADMIN", disabled: false } }), 1);
});

test("a disabled account is signed out; re-enabling restores it", async () => {
  const ann = (await add("ann@example.org", "ANNOTATOR")).id;
  assert.deepEqual(await findActiveUser(ann, client), { id: ann, email: "ann@example.org", name: "", role: "ANNOTATOR" });
  assert.equal((await setUserDisabled(admin, ann, true, client)).disabled, true);
  assert.equal(await findActiveUser(ann, client), null);
  await setUserDisabled(admin, ann, false, client);
  assert.notEqual(await findActiveUser(ann, client), null);
});

test("refuses changes to an account that does not exist", async () => {
  const missing = "00000000-0000-4000-8000-000000000000";
  await assert.rejects(setUserRole(admin, missing, "ADMIN", client), refusal("NOT_FOUND"));
  await assert.rejects(setUserDisabled(admin, missing, true, client), refusal("NOT_FOUND"));
});
