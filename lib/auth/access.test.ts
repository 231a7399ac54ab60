import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/test-database";
import { createUser, setUserDisabled, setUserRole, type UserSummary } from "@/lib/users";
import { requireApiUser, type CurrentUser } from "./access";

const SECRET = "test secret for access checks";
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: UserSummary;
let ann: UserSummary;

// access.ts uses the process's shared client and secret, as the app does.
before(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET = SECRET;
  admin = await createUser({ email: "root@example.org", name: "Root", password: "a long password", role: "ADMIN" });
  ann = await createUser({ email: "ann@example.org", name: "Ann", password: "a long password", role: "ANNOTATOR" });
});
after(async () => {
  await db().$disconnect();
  await database.drop();
});

async function requestAs(userId: string | null, secret = SECRET): Promise<Request> {
  const headers = new Headers();
  if (userId) headers.set("cookie", `next-auth.session-token=${await encode({ token: { sub: userId }, secret })}`);
  return new Request("http://hopper.test/api/thing", { headers });
}

function statusOf(result: CurrentUser | Response): number | string {
  return result instanceof Response ? result.status : result.email;
}

test("requireApiUser answers 401 when signed out or the token is not ours", async () => {
  const signedOut = await requireApiUser(await requestAs(null));
  assert.ok(signedOut instanceof Response);
  assert.equal(signedOut.status, 401);
  assert.deepEqual(await signedOut.json(), { error: "Sign in to continue.", code: "signed-out" });
  assert.equal(statusOf(await requireApiUser(await requestAs(ann.id, "another secret"))), 401);
});

test("requireApiUser gives the account when its role is allowed, else 403", async () => {
  assert.deepEqual(await requireApiUser(await requestAs(ann.id)), { id: ann.id, email: "ann@example.org", name: "Ann", role: "ANNOTATOR" });
  assert.equal(statusOf(await requireApiUser(await requestAs(ann.id), "ANNOTATOR", "REVIEWER")), "ann@example.org");
  const refused = await requireApiUser(await requestAs(ann.id), "ADMIN");
  assert.ok(refused instanceof Response);
  assert.equal(refused.status, 403);
  assert.equal(statusOf(await requireApiUser(await requestAs(admin.id), "ADMIN")), "root@example.org");
});

test("a role change or disabling applies to an existing session at once", async () => {
  const token = await requestAs(ann.id);
  await setUserRole(admin.id, ann.id, "REVIEWER");
  assert.equal(statusOf(await requireApiUser(token.clone(), "REVIEWER")), "ann@example.org");
  await setUserDisabled(admin.id, ann.id, true);
  assert.equal(statusOf(await requireApiUser(token.clone())), 401);
  await setUserDisabled(admin.id, ann.id, false);
  await setUserRole(admin.id, ann.id, "ANNOTATOR");
});
