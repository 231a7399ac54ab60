import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";

test("a command writing a megabyte into a pipe exits with its code after all of it is read", () => {
  const helper = path.join(import.meta.dirname, "exit-after-output.ts");
  const script = `const { exitAfterOutput } = require(${JSON.stringify(helper)}); process.stdout.write("x".repeat(1_000_000)); exitAfterOutput(3);`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "-e", script], { encoding: "utf8", maxBuffer: 4_000_000 });
  assert.equal(result.stderr, "");
  assert.equal(result.status, 3);
  assert.equal(result.stdout.length, 1_000_000);
});
