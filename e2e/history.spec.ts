// A set's history: the edits listed in words, newest first; the set as an
// earlier version left it, shown read-only and downloadable as CASIE JSON.

import { expect, test } from "@playwright/test";
import { choose, expectSaved, findAndSelect, openEditor } from "./editor-driver";
import { ADMIN, importArticle, signIn } from "./support";

const PROJECT = "History E2E";
const ARTICLE = `<title>History</title>
<source> https://example.com/news/history </source>
<date> 2018_03_04 </date>
<text>
Attackers breached the bank network on Monday.
</text>
`;

test.beforeAll(() => importArticle(PROJECT, "history.txt", ARTICLE));

test("the history lists the edits and shows and downloads an earlier version", async ({ page }) => {
  await signIn(page, ADMIN);
  await openEditor(page, PROJECT, "history");
  await findAndSelect(page, "breached");
  await page.keyboard.press("n");
  await choose(page, "Databreach");
  await page.keyboard.press("Enter");
  await expectSaved(page);
  await page.getByTestId("editor-text").locator('[data-kind="nugget"]', { hasText: "breached" }).click();
  await page.getByTestId("event-realis").selectOption("Generic");
  await expectSaved(page);

  await page.goto("/");
  await page.getByRole("link", { name: PROJECT, exact: true }).click();
  await page.getByRole("link", { name: "history", exact: true }).click();
  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("History of your annotations");
  const entries = page.getByTestId("history-entries").locator("li");
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText("v2");
  await expect(entries.nth(0)).toContainText("Set E1's realis to Generic");
  await expect(entries.nth(0)).toContainText(ADMIN.name);
  await expect(entries.nth(1)).toContainText("v1");
  await expect(entries.nth(2)).toContainText("The set as it began");
  await expect(page.getByTestId("history-shown")).toContainText("Showing version 2 of 2 (the current version)");
  await expect(page.locator("[data-event]").first()).toContainText("Generic");

  await entries.nth(1).getByRole("link").click();
  await expect(page.getByTestId("history-shown")).toContainText("Showing version 1 of 2 (read-only)");
  await expect(page.locator("[data-event]").first()).toContainText("Actual");
  const download = page.getByRole("link", { name: "Download version 1 as CASIE JSON" });
  const file = await page.request.get((await download.getAttribute("href"))!);
  expect(file.status()).toBe(200);
  const casie = (await file.json()) as { cyberevent: { hopper: { events: { realis: string; subtype: string }[] }[] } };
  expect(casie.cyberevent.hopper[0].events[0]).toMatchObject({ realis: "Actual", subtype: "Databreach" });

  await entries.nth(2).getByRole("link").click();
  await expect(page.getByTestId("history-shown")).toContainText("Showing version 0 of 2");
  await expect(page.getByText("The set had no annotations at this version.")).toBeVisible();
});
