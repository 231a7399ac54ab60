import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import type { Database } from "@/lib/db/client";
import { useTestDatabase } from "@/lib/db/test-database";
import { checkLoginAllowed, clearAccountFailures, LOGIN_LIMITS, recordLoginFailure } from "./login-rate-limit";

const testDatabase = useTestDatabase();
let client: Database;

before(async () => {
  client = (await testDatabase.open()).client;
});
beforeEach(() => client.loginAttempt.deleteMany());

const T0 = new Date("2026-01-01T12:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function fail(times: number, source: { email: string; address: string }, when = T0) {
  for (let i = 0; i < times; i++) await recordLoginFailure(source, client, when);
}

test("locks an account after 5 failures, whatever addresses they came from", async () => {
  for (let i = 0; i < 4; i++) await fail(1, { email: "ann@example.org", address: `10.0.0.${i}` });
  assert.deepEqual(await checkLoginAllowed({ email: "ann@example.org", address: "10.0.0.9" }, client, T0), { allowed: true });
  await fail(1, { email: "ANN@example.org ", address: "10.0.0.4" });
  const verdict = await checkLoginAllowed({ email: "ann@example.org", address: "10.0.0.9" }, client, T0);
  assert.deepEqual(verdict, { allowed: false, retryAfterMs: LOGIN_LIMITS.windowMs });
  assert.deepEqual(await checkLoginAllowed({ email: "bob@example.org", address: "10.0.0.9" }, client, T0), { allowed: true });
});

test("locks an address after 20 failures, whichever accounts it tried", async () => {
  for (let i = 0; i < 19; i++) await fail(1, { email: `user${i}@example.org`, address: "203.0.113.5" });
  assert.deepEqual(await checkLoginAllowed({ email: "new@example.org", address: "203.0.113.5" }, client, T0), { allowed: true });
  await fail(1, { email: "user19@example.org", address: "203.0.113.5" });
  assert.equal((await checkLoginAllowed({ email: "new@example.org", address: "203.0.113.5" }, client, T0)).allowed, false);
  assert.deepEqual(await checkLoginAllowed({ email: "new@example.org", address: "203.0.113.6" }, client, T0), { allowed: true });
});

test("failures expire after the 15-minute window", async () => {
  const source = { email: "ann@example.org", address: "10.0.0.1" };
  await fail(3, source, at(0));
  await fail(2, source, at(5));
  // Locked until the 5th-newest failure (at minute 0) leaves the window.
  assert.deepEqual(await checkLoginAllowed(source, client, at(10)), { allowed: false, retryAfterMs: 5 * 60_000 });
  assert.deepEqual(await checkLoginAllowed(source, client, at(15)), { allowed: true });
  await fail(3, source, at(15));
  // Minute 5's two and minute 15's three: locked again until minute 5's leave.
  assert.deepEqual(await checkLoginAllowed(source, client, at(16)), { allowed: false, retryAfterMs: 4 * 60_000 });
});

test("old failures are deleted as new ones are recorded", async () => {
  await fail(2, { email: "ann@example.org", address: "10.0.0.1" }, at(0));
  await fail(1, { email: "bob@example.org", address: "10.0.0.2" }, at(20));
  assert.equal(await client.loginAttempt.count(), 2);
});

test("clearing an account's failures unlocks it but not the address", async () => {
  await fail(5, { email: "ann@example.org", address: "10.0.0.1" });
  await fail(15, { email: "bob@example.org", address: "10.0.0.1" });
  await clearAccountFailures("Ann@Example.org", client);
  assert.deepEqual(await checkLoginAllowed({ email: "ann@example.org", address: "10.0.0.2" }, client, T0), { allowed: true });
  assert.equal((await checkLoginAllowed({ email: "ann@example.org", address: "10.0.0.1" }, client, T0)).allowed, false);
});
