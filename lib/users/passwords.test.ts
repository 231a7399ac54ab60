import assert from "node:assert/strict";
import { before, beforeEach, test } from "node:test";
import type { CurrentUser } from "@/lib/auth/access";
import { signInWithPassword } from "@/lib/auth/password-sign-in";
import type { Database } from "@/lib/db/client";
import { useTestDatabase } from "@/lib/db/test-database";
import { accountOverview } from "./account-overview";
import { createUser } from "./create-user";
import { changeOwnPassword, resetPassword } from "./passwords";
import { findActiveUser } from "./user-queries";

const testDatabase = useTestDatabase();
let client: Database;
let admin: CurrentUser;
let ann: CurrentUser;
let rita: CurrentUser;

const PASSWORD = "a long password";

before(async () => {
  client = (await testDatabase.open()).client;
});
beforeEach(async () => {
  await client.project.deleteMany();
  await client.loginAttempt.deleteMany();
  await client.user.deleteMany();
  const add = async (email: string, role: CurrentUser["role"]): Promise<CurrentUser> => {
    const user = await createUser({ email, name: email.split("@")[0], password: PASSWORD, role }, client);
    return { id: user.id, email, name: user.name, role };
  };
  admin = await add("root@example.org", "ADMIN");
  ann = await add("ann@example.org", "ANNOTATOR");
  rita = await add("rita@example.org", "REVIEWER");
});

const signIn = (email: string, password: string) => signInWithPassword({ email, password, address: "127.0.0.1" }, client);

test("a user changes their password with the current one; the old one stops working", async () => {
  assert.deepEqual(await changeOwnPassword(ann, { current: PASSWORD, next: "a brand new password", confirm: "a brand new password" }, client), {
    ok: true,
  });
  assert.equal((await signIn("ann@example.org", "a brand new password")).ok, true);
  assert.equal((await signIn("ann@example.org", PASSWORD)).ok, false);
});

test("changing a password refuses the signed out, a wrong current password, a short or mismatched new one", async () => {
  const change = (actor: CurrentUser | null, current: string, next: string, confirm = next) =>
    changeOwnPassword(actor, { current, next, confirm }, client);
  assert.equal(((await change(null, PASSWORD, "a brand new password")) as { code: string }).code, "signed-out");
  assert.deepEqual(await change(ann, "not my password", "a brand new password"), {
    ok: false,
    code: "wrong-password",
    error: "The current password is wrong.",
  });
  assert.equal(((await change(ann, PASSWORD, "short")) as { code: string }).code, "invalid");
  assert.equal(((await change(ann, PASSWORD, "a brand new password", "another one entirely")) as { code: string }).code, "invalid");
  assert.equal(((await change(ann, PASSWORD, PASSWORD)) as { code: string }).code, "invalid");
  assert.equal((await signIn("ann@example.org", PASSWORD)).ok, true, "the password is unchanged");
});

test("an admin resets a password: a generated one, shown once, that must be replaced at the next sign-in; earlier sessions end", async () => {
  assert.notEqual(await findActiveUser(ann.id, client, 0), null, "a session signed in before the reset");
  const reset = await resetPassword(admin, ann.id, client);
  assert.ok(reset.ok);
  assert.equal(reset.email, "ann@example.org");
  assert.match(reset.password, /^[a-km-zA-HJ-NP-Z2-9]{20}$/);
  assert.equal(await findActiveUser(ann.id, client, 0), null, "has ended");
  assert.equal((await signIn("ann@example.org", PASSWORD)).ok, false);
  const signedIn = await signIn("ann@example.org", reset.password);
  assert.ok(signedIn.ok);
  assert.equal(signedIn.sessionEpoch, 1);
  assert.equal((await findActiveUser(ann.id, client, 1))?.mustChangePassword, true);
  assert.equal((await accountOverview(ann.id, client))?.mustChangePassword, true);

  assert.deepEqual(await changeOwnPassword(ann, { current: reset.password, next: "my own password", confirm: "my own password" }, client), {
    ok: true,
  });
  // Choosing one's own password keeps the session it is chosen in.
  assert.deepEqual(await findActiveUser(ann.id, client, 1), { id: ann.id, email: "ann@example.org", name: "ann", role: "ANNOTATOR" });
});

test("only administrators reset passwords, never their own, and only of existing accounts", async () => {
  const code = async (result: ReturnType<typeof resetPassword>) => {
    const answer = await result;
    return answer.ok ? "reset" : answer.code;
  };
  assert.equal(await code(resetPassword(null, ann.id, client)), "signed-out");
  assert.equal(await code(resetPassword(ann, rita.id, client)), "forbidden");
  assert.equal(await code(resetPassword(rita, ann.id, client)), "forbidden");
  assert.equal(await code(resetPassword(admin, admin.id, client)), "forbidden");
  assert.equal(await code(resetPassword(admin, "00000000-0000-4000-8000-000000000000", client)), "not-found");
  assert.equal(await code(resetPassword(admin, "nope", client)), "not-found");
  assert.equal((await signIn("ann@example.org", PASSWORD)).ok, true, "nothing was reset");
  assert.equal((await findActiveUser(ann.id, client, 1))?.mustChangePassword, undefined);
});

test("the account overview shows the global role and the projects with their project roles", async () => {
  const [cyber, old] = await Promise.all([
    client.project.create({ data: { name: "Cyber", tagset: {} } }),
    client.project.create({ data: { name: "Old", tagset: {}, archivedAt: new Date() } }),
  ]);
  await client.projectMember.createMany({
    data: [
      { projectId: cyber.id, userId: ann.id, role: "MANAGER" },
      { projectId: old.id, userId: ann.id, role: "ANNOTATOR" },
    ],
  });
  const overview = await accountOverview(ann.id, client);
  assert.deepEqual(
    { ...overview, createdAt: undefined },
    {
      email: "ann@example.org",
      name: "ann",
      role: "ANNOTATOR",
      createdAt: undefined,
      mustChangePassword: false,
      projects: [
        { id: cyber.id, name: "Cyber", role: "MANAGER", archived: false },
        { id: old.id, name: "Old", role: "ANNOTATOR", archived: true },
      ],
    },
  );
  assert.equal(await accountOverview("nope", client), null);
});
