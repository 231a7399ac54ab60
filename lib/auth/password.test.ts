import { test } from "node:test";
import assert from "node:assert/strict";
import { hashPassword, verifyPassword } from "./password";

/** Reads the algorithm and parameters from a PHC string: `$argon2id$v=19$m=…,t=…,p=…$salt$hash`. */
function decodePhc(phc: string) {
  const [, algorithm, version, params, salt, digest] = phc.split("$");
  const values = Object.fromEntries(params.split(",").map((pair) => pair.split("=")));
  return { algorithm, version, m: Number(values.m), t: Number(values.t), p: Number(values.p), salt, digest };
}

test("hashes with argon2id, m=19456 KiB, t=2, p=1", async () => {
  const phc = decodePhc(await hashPassword("correct horse battery"));
  assert.equal(phc.algorithm, "argon2id");
  assert.equal(phc.version, "v=19");
  assert.deepEqual([phc.m, phc.t, phc.p], [19456, 2, 1]);
  assert.ok(phc.salt.length >= 22, "a salt of at least 16 bytes");
  assert.ok(phc.digest.length >= 43, "a digest of at least 32 bytes");
});

test("salts every hash", async () => {
  assert.notEqual(await hashPassword("same password"), await hashPassword("same password"));
});

test("verifies the right password and rejects others", async () => {
  const stored = await hashPassword("correct horse battery");
  assert.equal(await verifyPassword(stored, "correct horse battery"), true);
  assert.equal(await verifyPassword(stored, "correct horse batterY"), false);
  assert.equal(await verifyPassword(stored, ""), false);
});

test("treats an unparseable hash as a mismatch", async () => {
  assert.equal(await verifyPassword("not a hash", "anything"), false);
});
