// The document page shows the viewer's own annotations: an annotator sees the
// set they made in the editor (never the gold set, never another annotator's,
// even by asking for it), and reviewers switch between the sets they may see.
// The document comes with gold annotations, written here as a CASIE file.

import { expect, test, type Browser, type Page } from "@playwright/test";
import { seedOwnSet } from "./annotation-seed";
import { openEditor } from "./editor-driver";
import { createAccount, importArticle, runCli, signIn } from "./support";

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
let reviewer: { email: string; password: string };

test.beforeAll(() => {
  importArticle(PROJECT, "sets.json", JSON.stringify(GOLD));
  ann = createAccount(`ann-sets-${Date.now()}@hopper.test`, "annotator");
  bob = createAccount(`bob-sets-${Date.now()}@hopper.test`, "annotator");
  reviewer = createAccount(`reviewer-sets-${Date.now()}@hopper.test`, "reviewer");
  for (const annotator of [ann, bob]) runCli(["member", "add", annotator.email, "--project", PROJECT]);
});

async function userPage(browser: Browser, user: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, user);
  return page;
}

async function openDocument(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: PROJECT, exact: true }).click();
  await page.getByRole("link", { name: "sets", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Clinic records stolen");
}

const nuggets = (page: Page) => page.getByTestId("document-text").locator('[data-kind="nugget"]');

test("annotators see their own set on the document page and no other, not even by asking for it; reviewers switch between sets", async ({
  browser,
}) => {
  // Before annotating: the text alone, and why.
  const annPage = await userPage(browser, ann);
  await openDocument(annPage);
  await expect(annPage.getByRole("note")).toContainText("You have not annotated this document yet");
  await expect(nuggets(annPage)).toHaveCount(0);

  // Ann annotates "stole"; Bob annotates "records".
  await openEditor(annPage, PROJECT, "sets");
  const annSet = (await annPage.getByTestId("editor").getAttribute("data-set"))!;
  await seedOwnSet(annPage, [[{ type: "Attack", subtype: "Databreach", nugget: "stole" }]]);
  const bobPage = await userPage(browser, bob);
  await openEditor(bobPage, PROJECT, "sets");
  const bobSet = (await bobPage.getByTestId("editor").getAttribute("data-set"))!;
  await seedOwnSet(bobPage, [[{ type: "Attack", subtype: "Databreach", nugget: "records" }]]);

  // Ann's page shows Ann's annotations: her nugget, not Bob's, not the gold one.
  await openDocument(annPage);
  await expect(annPage.getByTestId("shown-set")).toContainText("Showing your annotations (version 1)");
  await expect(nuggets(annPage)).toHaveText(["stole"]);
  await expect(annPage.locator('[data-event="E1"]')).toContainText("Attack / Databreach");
  await expect(annPage.getByRole("navigation", { name: "Annotation sets" })).toHaveCount(0);
  const documentUrl = annPage.url().split("?")[0];

  // The reviewer sees the gold set first, and switches to Ann's and Bob's.
  const reviewerPage = await userPage(browser, reviewer);
  await openDocument(reviewerPage);
  const switcher = reviewerPage.getByRole("navigation", { name: "Annotation sets" });
  await expect(switcher.getByRole("link")).toHaveText([/^Gold/, /^ann-sets/, /^bob-sets/]);
  await expect(switcher.getByRole("link", { name: /^Gold/ })).toHaveAttribute("aria-current", "page");
  await expect(nuggets(reviewerPage)).toHaveText(["demanded"]);
  const goldSet = (await switcher.getByRole("link", { name: /^Gold/ }).getAttribute("data-set"))!;
  await switcher.getByRole("link", { name: /^ann-sets/ }).click();
  await expect(switcher.getByRole("link", { name: /^ann-sets/ })).toHaveAttribute("aria-current", "page");
  await expect(nuggets(reviewerPage)).toHaveText(["stole"]);
  await switcher.getByRole("link", { name: /^bob-sets/ }).click();
  await expect(nuggets(reviewerPage)).toHaveText(["records"]);

  // Asking for the gold set or Bob's set by its id is answered as if it did not exist; Ann's own is shown.
  for (const forbidden of [goldSet, bobSet]) {
    const response = await annPage.goto(`${documentUrl}?set=${forbidden}`);
    expect(response!.status()).toBe(404);
    await expect(annPage.getByTestId("document-text")).toHaveCount(0);
  }
  expect((await annPage.goto(`${documentUrl}?set=not-a-set`))!.status()).toBe(404);
  await annPage.goto(`${documentUrl}?set=${annSet}`);
  await expect(nuggets(annPage)).toHaveText(["stole"]);
  // Nor does Bob see Ann's.
  expect((await bobPage.goto(`${documentUrl}?set=${annSet}`))!.status()).toBe(404);
});
