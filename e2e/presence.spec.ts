// Presence in the editor: windows on the same document see each other and the
// event each is on; annotation stays blind (an annotator is told of nobody on
// other sets); a window that closes disappears from the others.

import { expect, test, type Browser, type Page } from "@playwright/test";
import { choose, expectSaved, findAndSelect, openEditor } from "./editor-driver";
import { ADMIN, createAccount, importArticle, runCli, signedInWindow } from "./support";

const PROJECT = "Presence E2E";
const ARTICLE = `<title>Presence</title>
<source> https://example.com/news/presence </source>
<date> 2018_05_06 </date>
<text>
Attackers breached the port authority. The authority paid the ransom.
</text>
`;

let annotator: { email: string; password: string };

test.beforeAll(() => {
  importArticle(PROJECT, "presence.txt", ARTICLE);
  annotator = createAccount("presence-annotator@hopper.test", "annotator");
  runCli(["member", "add", annotator.email, "--project", PROJECT]);
  runCli(["assign", annotator.email, "--project", PROJECT]);
});

async function editorWindow(browser: Browser, user: { email: string; password: string }): Promise<Page> {
  const page = await signedInWindow(browser, user, 800);
  await openEditor(page, PROJECT, "presence");
  return page;
}

test("windows on a document see each other and the event each is on; annotators see nobody on other sets", async ({ browser }) => {
  // Three browser contexts, each signing in and opening the editor.
  test.setTimeout(120_000);
  const first = await editorWindow(browser, ADMIN);
  const second = await editorWindow(browser, ADMIN);
  const others = (page: Page) => page.getByTestId("presence").locator("li");
  await expect(others(first)).toHaveCount(1);
  await expect(others(first)).toContainText("You, in another window");
  await expect(others(second)).toContainText("You, in another window");

  await findAndSelect(second, "breached");
  await second.keyboard.press("n");
  await choose(second, "Databreach");
  await second.keyboard.press("Enter");
  await expectSaved(second);
  await expect(others(first)).toContainText("· E1");
  // The event made in the other window has arrived here too, without a reload.
  await expect(first.getByTestId("editor-text").locator('[data-kind="nugget"]', { hasText: "breached" })).toBeVisible();

  const annotatorPage = await editorWindow(browser, annotator);
  await expect(others(first)).toHaveCount(2);
  await expect(others(first).filter({ hasText: "presence-annotator" })).toContainText("'s set");
  // Blind: the annotator is told of nobody (the admin's windows are on another set).
  await expect(annotatorPage.getByTestId("editor")).toHaveAttribute("data-ready", "");
  await annotatorPage.waitForTimeout(500);
  await expect(annotatorPage.getByTestId("presence")).toHaveCount(0);

  await annotatorPage.context().close();
  await expect(others(first)).toHaveCount(1);
  await second.context().close();
  await expect(first.getByTestId("presence")).toHaveCount(0);
});
