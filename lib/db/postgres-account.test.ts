import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { canEnter, canRun, postgresAccount } from "./postgres-account";

const asRoot = process.getuid?.() === 0 ? false : "needs root: only then does PostgreSQL run as another user (postgres)";
const folders: string[] = [];

after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

test("the server runs as Hopper's own user, or as postgres when Hopper runs as root", () => {
  const account = postgresAccount();
  if (process.getuid?.() === 0) {
    assert.deepEqual(account, {
      name: "postgres",
      uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })),
      gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })),
      switches: true,
    });
  } else {
    assert.deepEqual(account, { name: os.userInfo().username, uid: os.userInfo().uid, gid: os.userInfo().gid, switches: false });
  }
});

test("run as root, what the postgres user can enter and run is checked as that user", { skip: asRoot }, () => {
  const account = postgresAccount();
  const closed = mkdtempSync(path.join(os.tmpdir(), "hopper-account-test-"));
  folders.push(closed);
  mkdirSync(path.join(closed, "inside"), { mode: 0o755 });
  assert.equal(canEnter(account, path.join(closed, "inside")), false);
  chmodSync(closed, 0o755);
  assert.equal(canEnter(account, path.join(closed, "inside")), true);
  assert.equal(canRun(account, path.join(closed, "no-such-program")), false);
});

test("run as root where no postgres user can be created, refuses in one line that says what to do", { skip: asRoot }, () => {
  // No PATH: neither `id` finds the user nor `groupadd` creates it, as on a system without them.
  assert.throws(
    () => postgresAccount("/nonexistent"),
    new Error(
      "PostgreSQL does not run as root, and there is no postgres user to run it as (creating one failed: no groupadd command). " +
        "Run Hopper as a non-root user, or set DATABASE_URL to a PostgreSQL server.",
    ),
  );
});
