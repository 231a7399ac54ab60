import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import type { Database } from "@/lib/db/client";
import { useTestDatabase } from "@/lib/db/test-database";
import { createUser, setUserDisabled } from "@/lib/users";
import { LOGIN_LIMITS } from "./login-rate-limit";
import { signInWithPassword } from "./password-sign-in";
import { describeSignInError, signInErrorCode } from "./sign-in-error";

const testDatabase = useTestDatabase();
let client: Database;
let annId: string;

before(async () => {
  client = (await testDatabase.open()).client;
});
beforeEach(async () => {
  await client.loginAttempt.deleteMany();
  await client.user.deleteMany();
  annId = (await createUser({ email: "ann@example.org", name: "Ann", password: "ann's long password", role: "ANNOTATOR" }, client)).id;
});

const T0 = new Date("2026-01-01T12:00:00Z");
const attempt = (password: string, email = "ann@example.org") => ({ email, password, address: "10.0.0.1" });

test("signs in with the right password, in any letter case of the email", async () => {
  assert.deepEqual(await signInWithPassword(attempt("ann's long password", " Ann@Example.ORG"), client, T0), {
    ok: true,
    userId: annId,
    sessionEpoch: 0,
  });
});

test("refuses a wrong password or an unknown email alike, and counts both", async () => {
  assert.deepEqual(await signInWithPassword(attempt("wrong password"), client, T0), { ok: false, reason: "invalid" });
  assert.deepEqual(await signInWithPassword(attempt("whatever", "nobody@example.org"), client, T0), { ok: false, reason: "invalid" });
  assert.equal(await client.loginAttempt.count({ where: { key: "email:ann@example.org" } }), 1);
  assert.equal(await client.loginAttempt.count({ where: { key: "ip:10.0.0.1" } }), 2);
});

test("after 5 failures even the right password is refused until the window passes", async () => {
  for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) await signInWithPassword(attempt("wrong password"), client, T0);
  const locked = await signInWithPassword(attempt("ann's long password"), client, new Date(T0.getTime() + 60_000));
  assert.deepEqual(locked, { ok: false, reason: "rate-limited", retryAfterMinutes: 14 });
  if (!locked.ok) assert.equal(describeSignInError(signInErrorCode(locked)), "Too many failed sign-ins; try again in 14 minutes.");
  const later = new Date(T0.getTime() + LOGIN_LIMITS.windowMs + 1);
  assert.deepEqual(await signInWithPassword(attempt("ann's long password"), client, later), { ok: true, userId: annId, sessionEpoch: 0 });
});

test("a successful sign-in clears the account's failures", async () => {
  for (let i = 0; i < 4; i++) await signInWithPassword(attempt("wrong password"), client, T0);
  assert.equal((await signInWithPassword(attempt("ann's long password"), client, T0)).ok, true);
  assert.equal(await client.loginAttempt.count({ where: { key: "email:ann@example.org" } }), 0);
  for (let i = 0; i < 4; i++) await signInWithPassword(attempt("wrong password"), client, T0);
  assert.equal((await signInWithPassword(attempt("ann's long password"), client, T0)).ok, true);
});

test("a disabled account is refused with its own reason", async () => {
  const admin = await createUser({ email: "root@example.org", name: "", password: "root's long password", role: "ADMIN" }, client);
  await setUserDisabled(admin.id, annId, true, client);
  assert.deepEqual(await signInWithPassword(attempt("ann's long password"), client, T0), { ok: false, reason: "disabled" });
});
