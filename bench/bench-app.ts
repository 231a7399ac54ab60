// What the benchmarks that drive the app share: starting it against a bench
// database (built first when the sources changed) and summarizing timings.

import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

const root = path.resolve(__dirname, "..");

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
export function median(values: number[]): number {
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/** Nearest rank. */
export const p95 = (values: number[]) => sorted(values)[Math.ceil(0.95 * values.length) - 1];
export const stats = (values: number[]) => `${Math.round(median(values))} / ${Math.round(p95(values))}`.padEnd(14);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** The session secret the app is started with: benchmarks sign their sessions with it. */
export const BENCH_SECRET = "bench-secret-not-for-production";

export interface App {
  base: string;
  built: boolean;
  startSeconds: number;
  stop(): Promise<void>;
}

/** `scripts/start.ts` on the bench database (building first when the sources changed), once /api/health answers 200. */
export async function startApp(databaseUrl: string): Promise<App> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const output: string[] = [];
  // Its own process group, so that what it starts can be stopped with it; its output is drained all along.
  const child: ChildProcess = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_SECRET: BENCH_SECRET,
      NEXTAUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 500) output.shift();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  // A holder, not a variable: TypeScript does not see the exit handler change a `let`.
  const app = { exitCode: null as number | null };
  const exited = new Promise<void>((resolve) => child.once("exit", (code) => ((app.exitCode = code ?? 1), resolve())));

  const stop = async () => {
    if (app.exitCode === null) {
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(20_000)]);
    }
    // Whatever of its group is still running (Next's server, if tsx went first).
    try {
      process.kill(-child.pid!, app.exitCode === null ? "SIGKILL" : "SIGTERM");
    } catch {
      // The group is gone.
    }
  };

  try {
    for (;;) {
      if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode}):\n${output.join("").slice(-4000)}`);
      try {
        if ((await fetch(`${base}/api/health`)).status === 200) break;
      } catch {
        // Not listening yet.
      }
      if (performance.now() - started > 15 * 60_000) throw new Error(`the app did not answer in 15 minutes:\n${output.join("").slice(-4000)}`);
      await sleep(500);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, built: output.join("").includes("Building Hopper"), startSeconds: (performance.now() - started) / 1000, stop };
}

/** The machine's load averages before and after a measurement, as the benches print them. */
export function describeLoad(before: number[], after: number[]): string {
  const load = (averages: number[]) => averages.map((x) => x.toFixed(2)).join(" ");
  return `load average: ${load(before)} before, ${load(after)} after (1, 5, 15 min)`;
}

/** Runs a bench's main function, exiting with its error's stack when it fails. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error) => {
    console.error(`bench: ${(error as Error).stack}`);
    process.exit(1);
  });
}
