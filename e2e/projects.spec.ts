// A project set up in the browser by the first admin: created, staffed (an
// existing account found and added, another created on the spot with its
// password shown once, a project role changed), its tagset edited after
// seeing what the change does to the annotations, then renamed and archived.

import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, createAccount, runCli, signIn } from "./support";

test.describe.configure({ mode: "serial" });

const suffix = Math.random().toString(36).slice(2, 8);
const PROJECT = `Browser project ${suffix}`;
const REVIEWER_EMAIL = `rev-${suffix}@hopper.test`;
const NEW_MEMBER = { email: `newbie-${suffix}@hopper.test`, name: `Newbie ${suffix}` };
const CLINIC = path.resolve(__dirname, "../lib/testing/casie-fixtures/annotation/clinic-breach.json");

let projectUrl = "";
let reviewer = { email: REVIEWER_EMAIL, password: "" };

async function adminPage(page: Page): Promise<Page> {
  await signIn(page, ADMIN);
  return page;
}

test("the admin creates a project and adds members: an existing account, and one created on the spot", async ({ page }) => {
  reviewer = createAccount(REVIEWER_EMAIL, "annotator");
  await adminPage(page);
  await page.goto("/projects");
  await page.getByRole("link", { name: "New project" }).click();
  await page.getByLabel("Name").fill(PROJECT);
  await page.getByLabel("Description").fill("Made by the end-to-end tests");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}\/members$/);
  projectUrl = page.url().replace(/\/members$/, "");
  await expect(page.getByRole("heading", { name: `${PROJECT}: members` })).toBeVisible();

  await page.getByLabel("Email or name").fill(`rev-${suffix}`);
  await page.getByRole("button", { name: "Find accounts" }).click();
  await page.getByLabel(`Project role for ${REVIEWER_EMAIL}`).selectOption("REVIEWER");
  await page.getByRole("button", { name: `Add ${REVIEWER_EMAIL}` }).click();
  await expect(page.getByText(`${REVIEWER_EMAIL} is a member now.`)).toBeVisible();
  await expect(page.getByLabel(`Project role of ${REVIEWER_EMAIL}`, { exact: true })).toHaveValue("REVIEWER");

  await page.getByLabel("Email", { exact: true }).fill(NEW_MEMBER.email);
  await page.getByLabel("Name", { exact: true }).fill(NEW_MEMBER.name);
  await page.getByLabel("Project role", { exact: true }).selectOption("ANNOTATOR");
  await page.getByRole("button", { name: "Create account and add" }).click();
  await expect(page.getByText(`Created ${NEW_MEMBER.email} and added them.`)).toBeVisible();
  const password = (await page.getByLabel("Generated password").textContent()) ?? "";
  expect(password).toMatch(/^\S{20}$/);
  await expect(page.locator(`tr[data-member="${NEW_MEMBER.email}"]`)).toContainText(NEW_MEMBER.name);

  await page.getByLabel(`Project role of ${NEW_MEMBER.name}`, { exact: true }).selectOption("MANAGER");
  await page.getByRole("button", { name: `Save project role of ${NEW_MEMBER.name}` }).click();
  await expect(page.getByText("Role saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Project role of ${NEW_MEMBER.name}`, { exact: true })).toHaveValue("MANAGER");
  await expect(page.getByLabel("Generated password")).toHaveCount(0);

  // The new account signs in with the password shown, and manages the project.
  const manager = await (await page.context().browser()!.newContext()).newPage();
  await signIn(manager, { email: NEW_MEMBER.email, password });
  await manager.goto(`${projectUrl}/settings`);
  await expect(manager.getByRole("heading", { name: `${PROJECT}: settings` })).toBeVisible();
});

test("the admin edits the tagset, seeing how many annotations the change puts outside it, then finds them in the document list", async ({ page }) => {
  runCli(["import", CLINIC, "--project", PROJECT]);
  await adminPage(page);
  await page.goto(`${projectUrl}/tagset`);
  await expect(page.getByRole("button", { name: "Review changes" })).toBeDisabled();
  await page.getByRole("button", { name: "Remove subtype Attack/Ransom" }).click();
  await page.getByRole("button", { name: "Review changes" }).click();
  const impact = page.getByRole("status", { name: "Impact of the changes" });
  await expect(impact).toContainText("This change puts 2 events in 1 document outside the tagset.");
  await expect(impact).toContainText("subtype Attack/Ransom");
  await page.getByRole("button", { name: "Save tagset" }).click();
  await expect(page.getByText("Tagset saved.")).toBeVisible();

  await page.goto(projectUrl);
  const row = page.locator('tr[data-document="clinic-breach"]');
  await expect(row.locator("td").last()).toHaveText("2");
  await page.getByRole("link", { name: "Only documents with tagset problems" }).click();
  await expect(page.locator("tr[data-document]")).toHaveCount(1);

  // An invalid edit cannot be reviewed or saved, and says why.
  await page.goto(`${projectUrl}/tagset`);
  await page.getByLabel("Realis 1", { exact: true }).fill("Generic");
  await expect(page.getByText('"Generic" appears twice in $.realis')).toBeVisible();
  await expect(page.getByRole("button", { name: "Review changes" })).toBeDisabled();
  await page.getByRole("button", { name: "Restore CASIE tagset" }).click();
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByRole("status", { name: "Impact of the changes" })).toContainText("Back in the tagset");
  await page.getByRole("button", { name: "Save tagset" }).click();
  await expect(page.getByText("Tagset saved.")).toBeVisible();
});

test("the admin renames the project and archives it: read-only, and hidden from the list unless archived ones are shown", async ({ page }) => {
  await adminPage(page);
  await page.goto(`${projectUrl}/settings`);
  await page.getByLabel("Name", { exact: true }).fill(`${PROJECT} (done)`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.getByRole("button", { name: "Archive project" }).click();
  await expect(page.getByText("The project is archived: it is read-only now.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Unarchive project" })).toBeVisible();

  await page.goto("/projects");
  await expect(page.locator(`[data-project="${PROJECT} (done)"]`)).toHaveCount(0);
  await page.getByRole("link", { name: "Show archived projects" }).click();
  await expect(page.locator(`[data-project="${PROJECT} (done)"]`)).toContainText("archived");

  await page.goto(`${projectUrl}/tagset`);
  await expect(page.getByRole("note")).toContainText("This project is archived");
  await expect(page.getByRole("button", { name: "Review changes" })).toHaveCount(0);
  await page.goto(`${projectUrl}/members`);
  await expect(page.getByRole("button", { name: "Find accounts" })).toHaveCount(0);
});

test("a reviewer who is not a manager gets 403 on the project's settings, members and tagset pages; a non-member 404", async ({ browser }) => {
  const outsider = createAccount(`out-${suffix}@hopper.test`, "annotator");
  for (const [account, status] of [
    [reviewer, 403],
    [outsider, 404],
  ] as const) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, account);
    for (const section of ["settings", "members", "tagset"]) {
      const response = await page.goto(`${projectUrl}/${section}`);
      expect(response?.status(), `${account.email} on ${section}`).toBe(status);
    }
  }
});
