// `npm test`: every test. Unit and database tests run with node's test runner;
// database tests get fresh databases on a server of their own (an embedded
// PostgreSQL, or DATABASE_URL's server when it is set); then the Playwright
// end-to-end tests run against a production build on a fresh database.
//   --unit  unit and database tests only      --e2e  end-to-end tests only
//   <file.test.ts>…  only these unit or database test files
//   --e2e <file.spec.ts>…  only these end-to-end specs (and the first-run spec they depend on)

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { createTestDatabase } from "@/lib/db/test-database";
import { startTestServer } from "@/lib/db/test-server";
import { ensureChromium } from "./ensure-chromium";

const root = path.resolve(__dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const TEST_ROOTS = ["lib", "scripts", "components"];

async function findTestFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const dir of TEST_ROOTS) {
    if (!existsSync(path.join(root, dir))) continue;
    const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (entry.isFile() && entry.name.endsWith(".test.ts")) files.push(path.relative(root, path.join(entry.parentPath, entry.name)));
    }
  }
  return files.sort();
}

/** Runs a command to its end without blocking: the embedded server's output must keep draining meanwhile. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", () => resolve(1));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  const chosen = process.argv.slice(2).filter((arg) => arg.endsWith(".test.ts"));
  const specs = process.argv.slice(2).filter((arg) => arg.endsWith(".spec.ts"));
  const only = chosen.length ? "--unit" : process.argv[2];
  const server = await startTestServer();
  const env: NodeJS.ProcessEnv = { ...process.env, HOPPER_TEST_SERVER_URL: server.url, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  console.log(`Test databases on ${server.embedded ? "an embedded PostgreSQL" : "DATABASE_URL's server"}`);
  let failed = 0;
  try {
    if (only !== "--e2e") {
      const files = chosen.length ? chosen : await findTestFiles();
      if (!files.length) throw new Error("no test files found");
      failed += (await run(bin("tsx"), ["--test", "--test-concurrency=2", ...files], env)) === 0 ? 0 : 1;
    }
    if (only !== "--unit") {
      env.CHROMIUM_PATH = await ensureChromium();
      process.env.HOPPER_TEST_SERVER_URL = server.url;
      const database = await createTestDatabase();
      try {
        failed += (await run(bin("playwright"), ["test", ...specs], { ...env, HOPPER_E2E_DATABASE_URL: database.url })) === 0 ? 0 : 1;
      } finally {
        await database.drop();
      }
    }
  } finally {
    await server.stop();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`npm test: ${(error as Error).message}`);
    process.exit(1);
  },
);
