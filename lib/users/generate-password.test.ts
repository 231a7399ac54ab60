import { test } from "node:test";
import assert from "node:assert/strict";
import { generatePassword } from "./generate-password";
import { MIN_PASSWORD_LENGTH } from "./user-input";

test("generates long, distinct passwords without look-alike characters", () => {
  const passwords = Array.from({ length: 200 }, generatePassword);
  assert.equal(new Set(passwords).size, passwords.length);
  for (const password of passwords) {
    assert.ok(password.length >= MIN_PASSWORD_LENGTH);
    assert.match(password, /^[a-km-zA-HJ-NP-Z2-9]{20}$/);
  }
});
