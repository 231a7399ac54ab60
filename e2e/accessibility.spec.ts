// An automated accessibility check (axe-core) of the pages an annotator goes
// through: signing in, the project list, a project's documents, a document and
// the editor (with a popup and the shortcut overlay open too). No serious or critical violation, and no
// page asks for anything that is not there (the favicon ships with the app);
// then the pages of who manages and reviews a project.

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { importFiles, rawArticle, seedOwnSet } from "./annotation-seed";
import { expectSaved } from "./editor-driver";
import { ADMIN, createAccount, runCli, signIn } from "./support";

const PROJECT = "Accessibility E2E";

let annotator: { email: string; password: string };

test.beforeAll(() => {
  importFiles(PROJECT, { "a11y.txt": rawArticle("a11y", "Hackers breached the clinic network and demanded a ransom of 300 euros.") });
  annotator = createAccount(`a11y-${Date.now()}@hopper.test`, "annotator");
  runCli(["member", "add", annotator.email, "--project", PROJECT]);
  runCli(["assign", annotator.email, "--project", PROJECT]);
});

/** The serious and critical violations on the page as it is now, each with the elements concerned. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}

test("sign-in, projects, documents, the document page and the editor have no serious accessibility violations", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });

  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await seriousViolations(page), "sign-in").toEqual([]);

  await signIn(page, annotator);
  await expect(page.getByRole("link", { name: PROJECT, exact: true })).toBeVisible();
  expect(await seriousViolations(page), "project list").toEqual([]);

  await page.getByRole("link", { name: PROJECT, exact: true }).click();
  await expect(page.getByRole("link", { name: "a11y", exact: true })).toBeVisible();
  expect(await seriousViolations(page), "project documents").toEqual([]);

  await page.getByRole("link", { name: "a11y", exact: true }).click();
  await expect(page.getByTestId("document-text")).toBeVisible();
  const documentUrl = page.url();

  await page.getByRole("link", { name: "Annotate" }).click();
  await expectSaved(page);
  await seedOwnSet(page, [
    [{ type: "Attack", subtype: "Ransom", nugget: "demanded", arguments: [{ text: "300 euros", role: "Price", entityType: "Money" }] }],
  ]);
  await page.getByTestId("editor-text").locator('[data-kind="nugget"]').click();
  await expect(page.getByTestId("event-details")).toHaveAttribute("data-selected-event", "E1");
  expect(await seriousViolations(page), "editor").toEqual([]);
  await page.keyboard.press("t");
  await expect(page.getByTestId("change-type-popup")).toBeVisible();
  expect(await seriousViolations(page), "editor with a popup").toEqual([]);
  await page.keyboard.press("Escape");
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcut-help")).toBeVisible();
  expect(await seriousViolations(page), "editor with the shortcut overlay").toEqual([]);
  await page.keyboard.press("Escape");

  await page.goto(documentUrl);
  await expect(page.getByTestId("document-text").locator('[data-kind="nugget"]')).toHaveText(["demanded"]);
  expect(await seriousViolations(page), "document page").toEqual([]);

  expect(missing).toEqual([]);
});

test("the pages of who manages and reviews a project have no serious accessibility violations", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, ADMIN);
  await page.getByRole("link", { name: PROJECT, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: PROJECT, exact: true })).toBeVisible();
  const projectUrl = page.url();
  for (const section of ["import", "export", "assignments", "dashboard", "agreement", "members", "tagset", "settings", "repair", "comments"]) {
    await page.goto(`${projectUrl}/${section}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await seriousViolations(page), section).toEqual([]);
  }
  await page.goto(projectUrl);
  await page.getByRole("link", { name: "a11y", exact: true }).click();
  await expect(page.getByTestId("document-text")).toBeVisible();
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await seriousViolations(page), "history").toEqual([]);
});
