import { defineConfig } from "@playwright/test";

// `npm test` creates a fresh database for these tests and passes it here.
const databaseUrl = process.env.HOPPER_E2E_DATABASE_URL;
if (!databaseUrl) throw new Error("Run the end-to-end tests with `npm test` (or `npm test -- --e2e`): they need a fresh database.");
process.env.DATABASE_URL = databaseUrl;

// HOPPER_E2E_PORT lets a second checkout run its browser tests beside a running one.
const port = Number(process.env.HOPPER_E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    // auth.spec.ts starts from a fresh installation and creates the first admin, whom the other tests sign in as.
    { name: "first-run", testMatch: "auth.spec.ts" },
    { name: "app", testIgnore: "auth.spec.ts", dependencies: ["first-run"] },
  ],
  webServer: {
    command: "node_modules/.bin/tsx scripts/start.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    // The first start builds the app: minutes on a small, busy machine.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
