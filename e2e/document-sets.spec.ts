// The document page shows the viewer's own annotations: an annotator sees the
// set they made in the editor (never the gold set, never another annotator's,
// even by asking for it), and reviewers switch between the sets they may see.
// The document comes with gold annotations, written here as a CASIE file.

import { expect, test, type Page } from "@playwright/test";
import { seedOwnSet } from "./annotation-seed";
import { openEditor } from "./editor-driver";
import { createAccount, importArticle, runCli, signedInWindow } from "./support";

const PROJECT = "Document sets E2E";
const CONTENT = "Hackers stole the records of the clinic and demanded a ransom.";
const at = (text: string) => CONTENT.indexOf(text);
const GOLD = {
  content: CONTENT,
  sourcefile: "sets.txt",
  cyberevent: {
    hopper: [
      {
        index: 0,
        events: [
          {
            index: "E1",
            type: "Attack",
            realis: "Actual",
            nugget: { startOffset: at("demanded"), index: "T1", endOffset: at("demanded") + 8, text: "demanded" },
            argument: [
              { index: "T2", text: "a ransom", endOffset: at("a ransom") + 8, role: { type: "Price" }, startOffset: at("a ransom"), type: "Money" },
            ],
            subtype: "Ransom",
          },
        ],
      },
    ],
  },
  info: { title: "Clinic records stolen", date: "2018_03_01", type: "text", link: "https://example.com/news/sets" },
};

let ann: { email: string; password: string };
let bob: { email: string; password: string };
let cat: { email: string; password: string };
let reviewer: { email: string; password: string };
/** The sets Ann and Bob annotated in the editor. */
let annSet: string;
let bobSet: string;

async function openDocument(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: PROJECT, exact: true }).click();
  // An annotator's home lists their documents too: wait for the project's page before picking the document on it.
  await expect(page.getByRole("heading", { level: 1, name: PROJECT, exact: true })).toBeVisible();
  await page.getByRole("link", { name: "sets", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Clinic records stolen");
}

const nuggets = (page: Page) => page.getByTestId("document-text").locator('[data-kind="nugget"]');

test.beforeAll(async ({ browser }) => {
  // A dozen CLI runs and two editor sessions: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  importArticle(PROJECT, "sets.json", JSON.stringify(GOLD));
  ann = createAccount(`ann-sets-${Date.now()}@hopper.test`, "annotator");
  bob = createAccount(`bob-sets-${Date.now()}@hopper.test`, "annotator");
  cat = createAccount(`cat-sets-${Date.now()}@hopper.test`, "annotator");
  reviewer = createAccount(`reviewer-sets-${Date.now()}@hopper.test`, "reviewer");
  for (const annotator of [ann, bob, cat]) runCli(["member", "add", annotator.email, "--project", PROJECT]);
  for (const annotator of [ann, bob]) runCli(["assign", annotator.email, "--project", PROJECT]);

  // Ann annotates "stole" in the editor, Bob "records"; Cat has not opened the document in the editor.
  const annotate = async (user: typeof ann, nugget: string) => {
    const page = await signedInWindow(browser, user, 800);
    await openEditor(page, PROJECT, "sets");
    const setId = (await page.getByTestId("editor").getAttribute("data-set"))!;
    await seedOwnSet(page, [[{ type: "Attack", subtype: "Databreach", nugget }]]);
    await page.context().close();
    return setId;
  };
  annSet = await annotate(ann, "stole");
  bobSet = await annotate(bob, "records");
});

test("an annotator sees the text alone before annotating", async ({ browser }) => {
  const page = await signedInWindow(browser, cat, 800);
  await openDocument(page);
  await expect(page.getByRole("note")).toContainText("You have not annotated this document yet");
  await expect(page.getByTestId("document-text")).toContainText(CONTENT);
  await expect(nuggets(page)).toHaveCount(0);
});

test("an annotator sees their own annotations: not the gold set's, not another annotator's", async ({ browser }) => {
  const page = await signedInWindow(browser, ann, 800);
  await openDocument(page);
  await expect(page.getByTestId("shown-set")).toContainText("Showing your annotations (version 1)");
  await expect(nuggets(page)).toHaveText(["stole"]);
  await expect(page.locator('[data-event="E1"]')).toContainText("Attack / Databreach");
  await expect(page.getByRole("navigation", { name: "Annotation sets" })).toHaveCount(0);
});

test("a reviewer sees the gold set first and switches to each annotator's", async ({ browser }) => {
  const page = await signedInWindow(browser, reviewer, 800);
  await openDocument(page);
  const switcher = page.getByRole("navigation", { name: "Annotation sets" });
  await expect(switcher.getByRole("link")).toHaveText([/^Gold/, /^ann-sets/, /^bob-sets/]);
  await expect(switcher.getByRole("link", { name: /^Gold/ })).toHaveAttribute("aria-current", "page");
  await expect(nuggets(page)).toHaveText(["demanded"]);
  await switcher.getByRole("link", { name: /^ann-sets/ }).click();
  await expect(switcher.getByRole("link", { name: /^ann-sets/ })).toHaveAttribute("aria-current", "page");
  await expect(nuggets(page)).toHaveText(["stole"]);
  await switcher.getByRole("link", { name: /^bob-sets/ }).click();
  await expect(nuggets(page)).toHaveText(["records"]);
});

test("an annotator asking for the gold set or another annotator's set by its id gets a 404", async ({ browser }) => {
  const reviewerPage = await signedInWindow(browser, reviewer, 800);
  await openDocument(reviewerPage);
  const goldSet = (await reviewerPage
    .getByRole("navigation", { name: "Annotation sets" })
    .getByRole("link", { name: /^Gold/ })
    .getAttribute("data-set"))!;
  const documentUrl = reviewerPage.url().split("?")[0];

  const page = await signedInWindow(browser, ann, 800);
  for (const forbidden of [goldSet, bobSet, "not-a-set"]) {
    const response = await page.goto(`${documentUrl}?set=${forbidden}`);
    expect(response!.status()).toBe(404);
    await expect(page.getByTestId("document-text")).toHaveCount(0);
  }
  await page.goto(`${documentUrl}?set=${annSet}`);
  await expect(nuggets(page)).toHaveText(["stole"]);
  // Nor does Bob see Ann's.
  const bobPage = await signedInWindow(browser, bob, 800);
  expect((await bobPage.goto(`${documentUrl}?set=${annSet}`))!.status()).toBe(404);
});
