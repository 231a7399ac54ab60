import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/**
 * The browser the end-to-end tests drive. Playwright's own browser download
 * cannot work offline, so the system's Chromium is used, installed with apt
 * when missing and allowed (root on Debian/Ubuntu).
 */
export async function ensureChromium(): Promise<string> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
    return configured;
  }
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("Installing Chromium for the end-to-end tests (apt-get install chromium)…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    await aptGet(["update", "-qq"], env);
    if ((await aptGet(["install", "-y", "-qq", "chromium"], env)) === 0 && existsSync(CANDIDATES[0])) return CANDIDATES[0];
  }
  throw new Error("Chromium is needed for the end-to-end tests: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH");
}

/** Asynchronous, so the test database server's output keeps draining meanwhile. */
function aptGet(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("apt-get", args, { stdio: "inherit", env });
    child.on("error", () => resolve(1));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}
