// One annotation set open in two windows of the same user: edits that do not
// touch each other are merged (both survive a reload); an edit that contradicts
// a change saved from the other window is refused with a clear message, and
// nothing is silently overwritten; each window's saves reach the other at once.
// A save that fails is retried, not lost.

import { expect, test, type Browser, type Page } from "@playwright/test";
import { choose, expectSaved, findAndSelect, openEditor } from "./editor-driver";
import { ADMIN, importArticle, signedInWindow } from "./support";

const PROJECT = "Editor concurrency E2E";
const ARTICLE = `<title>Two windows</title>
<source> https://example.com/news/two-windows </source>
<date> 2018_01_02 </date>
<text>
Attackers breached the hospital network. The vendor patched the router on Friday.
</text>
`;

test.beforeAll(() => importArticle(PROJECT, "two-windows.txt", ARTICLE));

test("edits from two windows merge, and a conflicting one is refused with a message", async ({ browser }) => {
  const first = await editorWindow(browser);
  const second = await editorWindow(browser);
  // The second window does not catch up on its own in this test: its saves must be merged by the server's answers.
  await second.route(/\/api\/annotation-sets\/[^/]+\?since=/, (route) => route.abort());

  // Both windows create an event on version 0: the second one's indexes (E1, T1, hopper 0) are taken by then.
  await createEvent(first, "breached", "Databreach");
  await expectSaved(first);
  await createEvent(second, "patched", "PatchVulnerability");
  await expectSaved(second);
  await expect(second.getByTestId("editor-notice")).toContainText("Merged 1 change saved in another window or session");
  for (const page of [first, second]) {
    await page.reload();
    await expectSaved(page);
    await expect(page.locator("[data-hopper] [data-event]")).toHaveText([
      /E1 Attack \/ Databreach.*breached/,
      /E2 Vulnerability-related \/ PatchVulnerability.*patched/,
    ]);
  }

  // Both change E1's realis from Actual; the first window's change is saved first.
  await setRealis(first, "breached", "Generic");
  await expectSaved(first);
  await setRealis(second, "breached", "Other");
  await expectSaved(second);
  const notice = second.getByTestId("editor-notice").filter({ hasText: "Conflict" });
  await expect(notice).toContainText("Set E1's realis to Other");
  await expect(notice).toContainText("E1's realis is Generic now, not Actual");
  await expect(second.getByTestId("event-realis")).toHaveValue("Generic");

  for (const page of [first, second]) {
    await page.reload();
    await expectSaved(page);
    await selectEvent(page, "breached");
    await expect(page.getByTestId("event-realis")).toHaveValue("Generic");
  }
});

test("an edit in one window appears in the other within a second: pushed, not polled", async ({ browser }) => {
  const first = await editorWindow(browser);
  const second = await editorWindow(browser);
  const nugget = (page: Page, word: string) => page.getByTestId("editor-text").locator('[data-kind="nugget"]', { hasText: word });
  // Polling runs every 5 seconds, and only while the push stream is down: a second is far less.
  for (const [from, to, word, subtype] of [
    [first, second, "network", "Databreach"],
    [second, first, "Friday", "PatchVulnerability"],
  ] as const) {
    await createEvent(from, word, subtype);
    await expectSaved(from);
    await expect(nugget(to, word)).toBeVisible({ timeout: 1500 });
  }
});

test("a save that fails is shown, retried, and loses nothing", async ({ browser }) => {
  const page = await editorWindow(browser);
  const saves = /\/api\/annotation-sets\/[^/]+\/operations$/;
  await page.route(saves, (route) => route.abort());
  await createEvent(page, "router", "DiscoverVulnerability");
  const status = page.getByTestId("save-status");
  await expect(status).toHaveAttribute("data-state", "failed");
  await expect(status).toContainText("Not saved (1 edit waiting): The server could not be reached.");

  await page.unroute(saves);
  await status.getByRole("button", { name: "Retry now" }).click();
  await expectSaved(page);
  await page.reload();
  await expectSaved(page);
  await expect(page.getByTestId("editor-text").locator('[data-kind="nugget"]', { hasText: "router" })).toBeVisible();
});

async function editorWindow(browser: Browser): Promise<Page> {
  const page = await signedInWindow(browser, ADMIN, 800);
  await openEditor(page, PROJECT, "two-windows");
  return page;
}

/** Selects `word` with the editor's find command and makes it the nugget of a new event of `subtype` (realis Actual). */
async function createEvent(page: Page, word: string, subtype: string): Promise<void> {
  await findAndSelect(page, word);
  await page.keyboard.press("n");
  await choose(page, subtype);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("editor-text").locator('[data-kind="nugget"]', { hasText: word })).toBeVisible();
}

async function selectEvent(page: Page, nugget: string): Promise<void> {
  await page.getByTestId("editor-text").locator('[data-kind="nugget"]', { hasText: nugget }).click();
}

async function setRealis(page: Page, nugget: string, realis: string): Promise<void> {
  await selectEvent(page, nugget);
  await page.getByTestId("event-realis").selectOption(realis);
}
