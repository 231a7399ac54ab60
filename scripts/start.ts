// `npm start`: the database (embedded, in .data/postgres, unless DATABASE_URL is set),
// its migrations, a kept session secret, a production build when the sources
// changed, then `next start`. `--dev` runs `next dev` instead.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ensureBootstrapAdmin } from "@/lib/auth/bootstrap-admin";
import { openDatabase } from "@/lib/db/runtime";
import { buildIsCurrent, recordBuildFingerprint } from "./build-fingerprint";
import { loadOrCreateSessionSecret } from "./session-secret";

const root = path.resolve(__dirname, "..");
const nextBin = path.join(root, "node_modules", ".bin", "next");
const dev = process.argv.includes("--dev");

async function main() {
  const database = await openDatabase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || (await loadOrCreateSessionSecret(path.join(root, ".data"))),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  await ensureBootstrapAdmin(database.client);

  if (!dev && !(await buildIsCurrent(root))) {
    console.log("Building Hopper (first start or changed sources)…");
    // Not spawnSync: the embedded server's output must keep draining while Next builds.
    const status = await new Promise<number>((resolve) => {
      spawn(nextBin, ["build"], { cwd: root, env, stdio: "inherit" }).on("exit", (code) => resolve(code ?? 1));
    });
    if (status !== 0) {
      await database.close();
      process.exit(status);
    }
    await recordBuildFingerprint(root);
  }

  const port = process.env.PORT ?? "3000";
  const args = [dev ? "dev" : "start", "--port", port];
  if (process.env.HOSTNAME) args.push("--hostname", process.env.HOSTNAME);
  // Started directly, not through npx: the database's signal handling would otherwise orphan it.
  const server = spawn(nextBin, args, { cwd: root, env, stdio: "inherit" });
  console.log(
    `Hopper on http://localhost:${port} (database: ${database.dataDirectory ? `embedded, data in ${database.dataDirectory}` : "DATABASE_URL"})`,
  );

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    await database.close();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 0));
}

if (!existsSync(nextBin)) {
  console.error("Dependencies are missing: run `npm install` first.");
  process.exit(1);
}
main().catch((error) => {
  console.error(`Hopper could not start: ${(error as Error).message}`);
  process.exit(1);
});
