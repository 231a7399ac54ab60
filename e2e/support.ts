// Shared setup for the end-to-end tests: the accounts they use, signing in,
// and the `hopper` CLI run against the test server's database.

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Browser, type Page } from "@playwright/test";

const root = path.resolve(__dirname, "..");

/** The first admin, created through /setup by auth.spec.ts, which runs before every other spec. */
export const ADMIN = { email: "admin@hopper.test", name: "Ada Admin", password: "correct horse battery staple" };

export async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/");
}

/** A window of its own (a new browser context: its own cookies), signed in as `user`. */
export async function signedInWindow(browser: Browser, user: { email: string; password: string }, height = 900): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height } })).newPage();
  await signIn(page, user);
  return page;
}

/** Runs `npm run hopper -- <args>` on the e2e database; fails the test with the CLI's output if it fails. */
export function runCli(args: string[]): string {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts/hopper.ts"), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`hopper ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Gives the empty set `setId` the annotations of the CASIE file `file`, as an import into an annotator's set does. */
export function importIntoSet(setId: string, file: string): void {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "e2e/import-into-set.ts"), setId, file], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`importing ${file} into set ${setId} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

/** Creates an account with the CLI and returns its credentials. */
export function createAccount(email: string, role: "admin" | "reviewer" | "annotator"): { email: string; password: string } {
  const password = `pw-${role}-${Math.random().toString(36).slice(2)}-long`;
  runCli(["user", "add", email, "--role", role, "--password", password]);
  return { email, password };
}

/** Imports a raw article, written to a temporary file named `fileName`, into `project` with the CLI. */
export function importArticle(project: string, fileName: string, article: string): void {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "hopper-e2e-")), fileName);
  writeFileSync(file, article);
  runCli(["import", file, "--project", project]);
}
