// A reviewer watching an annotator's set from the document page: the page
// lists the annotator as present and follows the set live (an event the
// annotator makes appears without a reload); the reviewer opens a thread on
// that event from the page, and the annotator sees it arrive in the editor,
// with its marker in the text.

import { expect, test } from "@playwright/test";
import { choose, expectSaved, findAndSelect, openEditor } from "./editor-driver";
import { createAccount, importArticle, runCli, signedInWindow } from "./support";

const PROJECT = "Document live E2E";
const ARTICLE = `<title>Live</title>
<source> https://example.com/news/live </source>
<date> 2018_09_10 </date>
<text>
Attackers breached the water utility. The utility paid a ransom to the attackers.
</text>
`;

let annotator: { email: string; password: string };
let reviewer: { email: string; password: string };

test.beforeAll(() => {
  const stamp = Date.now();
  importArticle(PROJECT, "live.txt", ARTICLE);
  annotator = createAccount(`live-annotator-${stamp}@hopper.test`, "annotator");
  reviewer = createAccount(`live-reviewer-${stamp}@hopper.test`, "annotator");
  runCli(["member", "add", annotator.email, "--project", PROJECT]);
  runCli(["member", "add", reviewer.email, "--project", PROJECT, "--role", "reviewer"]);
  runCli(["assign", annotator.email, "--project", PROJECT]);
});

test("a reviewer follows an annotator's set live from the document page and comments on it", async ({ browser }) => {
  test.setTimeout(120_000);
  const annotatorPage = await signedInWindow(browser, annotator);
  await openEditor(annotatorPage, PROJECT, "live");
  const setId = (await annotatorPage.getByTestId("editor").getAttribute("data-set"))!;
  const documentUrl = annotatorPage.url().replace(/\/annotate$/, "");

  const reviewerPage = await signedInWindow(browser, reviewer);
  await reviewerPage.goto(`${documentUrl}?set=${setId}`);
  await expect(reviewerPage.getByText("This set has no annotations yet.")).toBeVisible();
  // Each sees the other: the reviewer is on the annotator's own set.
  await expect(reviewerPage.getByTestId("presence")).toContainText("live-annotator");
  await expect(annotatorPage.getByTestId("presence")).toContainText("live-reviewer");

  await findAndSelect(annotatorPage, "breached");
  await annotatorPage.keyboard.press("n");
  await choose(annotatorPage, "Databreach");
  await annotatorPage.keyboard.press("Enter");
  await expectSaved(annotatorPage);
  const nugget = reviewerPage.getByTestId("document-text").locator('[data-kind="nugget"]', { hasText: "breached" });
  await expect(nugget).toBeVisible();
  await expect(reviewerPage.getByTestId("presence")).toContainText("· E1");

  // The reviewer selects the event and opens a thread on it.
  await nugget.click();
  const panel = reviewerPage.getByTestId("comments-panel");
  await panel.getByLabel("New thread on E1").fill("Is the utility the victim here?");
  await panel.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(panel.locator('[data-target="event:E1"]')).toContainText("Is the utility the victim here?");
  await expect(nugget).toHaveAttribute("data-threads", "1");

  const annotatorThread = annotatorPage.getByTestId("comments-panel").locator('[data-target="event:E1"]');
  await expect(annotatorThread).toContainText("Is the utility the victim here?");
  await expect(annotatorPage.getByTestId("editor-text").locator('[data-kind="nugget"][data-threads="1"]')).toHaveText("breached");
  await annotatorThread.getByRole("button", { name: "Resolve" }).click();
  await expect(nugget).not.toHaveAttribute("data-threads");
});
