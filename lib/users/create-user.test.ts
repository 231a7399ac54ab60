import { before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { verifyPassword } from "@/lib/auth/password";
import type { Database } from "@/lib/db/client";
import { useTestDatabase } from "@/lib/db/test-database";
import { createUser } from "./create-user";
import { UserError } from "./user-error";

const testDatabase = useTestDatabase();
let client: Database;

before(async () => {
  client = (await testDatabase.open()).client;
});
beforeEach(() => client.user.deleteMany());

const refusal = (code: string, message?: RegExp) => (error: unknown) =>
  error instanceof UserError && error.code === code && (!message || message.test(error.message));

test("stores the email in lower case and the password as an argon2id hash", async () => {
  const user = await createUser({ email: "  Ann.Lee@Example.ORG ", name: " Ann Lee ", password: "a long password", role: "REVIEWER" }, client);
  assert.deepEqual(
    { email: user.email, name: user.name, role: user.role, disabled: user.disabled },
    {
      email: "ann.lee@example.org",
      name: "Ann Lee",
      role: "REVIEWER",
      disabled: false,
    },
  );
  assert.equal("passwordHash" in user, false);
  const row = await client.user.findUniqueOrThrow({ where: { id: user.id } });
  assert.match(row.passwordHash, /^\$argon2id\$/);
  assert.equal(await verifyPassword(row.passwordHash, "a long password"), true);
});

test("refuses a duplicate email, whatever its letter case", async () => {
  await createUser({ email: "ann@example.org", name: "", password: "a long password", role: "ANNOTATOR" }, client);
  await assert.rejects(
    createUser({ email: "ANN@example.org", name: "", password: "another password", role: "ADMIN" }, client),
    refusal("EMAIL_TAKEN", /An account with the email ann@example\.org already exists/),
  );
  assert.equal(await client.user.count(), 1);
});

test("refuses invalid input with a readable reason", async () => {
  const valid = { email: "ann@example.org", name: "", password: "a long password", role: "ANNOTATOR" } as const;
  await assert.rejects(createUser({ ...valid, email: "not an email" }, client), refusal("INVALID_INPUT", /valid email/));
  await assert.rejects(createUser({ ...valid, password: "short" }, client), refusal("INVALID_INPUT", /at least 10 characters/));
  await assert.rejects(createUser({ ...valid, role: "OWNER" as never }, client), refusal("INVALID_INPUT", /Choose a role/));
  assert.equal(await client.user.count(), 0);
});
