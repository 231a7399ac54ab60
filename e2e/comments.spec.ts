// Comment threads in the editor: a thread opened in one window on the selected
// event arrives in another window on the same set without a reload, is answered
// there, and resolved, its marker in the text coming and going with it;
// markdown is rendered, raw HTML is not.

import { expect, test, type Browser, type Page } from "@playwright/test";
import { choose, expectSaved, findAndSelect, openEditor } from "./editor-driver";
import { ADMIN, importArticle, signedInWindow } from "./support";

const PROJECT = "Comments E2E";
const ARTICLE = `<title>Comments</title>
<source> https://example.com/news/comments </source>
<date> 2018_07_08 </date>
<text>
Attackers breached the city council. The council restored its systems.
</text>
`;

test.beforeAll(() => importArticle(PROJECT, "comments.txt", ARTICLE));

async function editorWindow(browser: Browser): Promise<Page> {
  const page = await signedInWindow(browser, ADMIN);
  await openEditor(page, PROJECT, "comments");
  return page;
}

test("a thread opened in one window is answered in the other and resolved, live", async ({ browser }) => {
  test.setTimeout(120_000);
  const first = await editorWindow(browser);
  const second = await editorWindow(browser);
  await findAndSelect(first, "breached");
  await first.keyboard.press("n");
  await choose(first, "Databreach");
  await first.keyboard.press("Enter");
  await expectSaved(first);

  const panel = (page: Page) => page.getByTestId("comments-panel");
  await expect(panel(first).getByLabel("New thread on E1")).toBeVisible();
  await panel(first).getByLabel("New thread on E1").fill("Is **breached** the nugget? <b>raw</b>");
  await panel(first).getByRole("button", { name: "Comment", exact: true }).click();

  const thread = (page: Page) => panel(page).locator('[data-target="event:E1"]');
  await expect(thread(second)).toContainText("On E1");
  // Its marker, in the text, on the event's nugget.
  await expect(second.getByTestId("editor-text").locator('[data-kind="nugget"][data-threads="1"]')).toHaveText("breached");
  await expect(thread(second).locator("strong")).toHaveText("breached");
  await expect(thread(second)).toContainText("<b>raw</b>");
  await thread(second).getByLabel("Reply").fill("Yes, keep it.");
  await thread(second).getByLabel("Reply").press("Control+Enter");
  await expect(thread(first)).toContainText("Yes, keep it.");

  await thread(first).getByRole("button", { name: "Resolve" }).click();
  await expect(panel(second).getByRole("heading", { name: /Comments/ })).toContainText("0 open, 1 resolved");
  await expect(thread(second)).toHaveCount(0);
  await expect(second.getByTestId("editor-text").locator("[data-threads]")).toHaveCount(0);
  await panel(second).getByLabel("Show resolved threads").check();
  await expect(thread(second)).toContainText("resolved");
});
