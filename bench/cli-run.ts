// Runs the `hopper` CLI as a user does, `npm run hopper -- …` in a process of its
// own, and times it: wall clock from spawn to exit, process start included.

import { spawn } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";

const root = path.resolve(__dirname, "..");

export interface CliRun {
  ms: number;
  stdout: string;
}

/** Runs `npm run hopper -- ...args` with `env`; throws unless it exits with status 0. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const start = performance.now();
  const child = spawn("npm", ["run", "--silent", "hopper", "--", ...args], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  const ms = performance.now() - start;
  if (status !== 0) throw new Error(`hopper ${args.join(" ")} exited with status ${status}:\n${stdout}${stderr}`);
  return { ms, stdout };
}
