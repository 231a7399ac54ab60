// The team workflow in the browser, as the acceptance tells it: the
// first admin creates a project, uploads a zip of raw articles (made here) and
// sees the report, adds two annotators and a reviewer, and assigns every
// document automatically to both annotators; each annotator (own browser
// context) sees only their queue and their own set, annotates with the
// keyboard and submits; the document is then "ready for adjudication" for the
// reviewer and on the dashboard; the reviewer reopens a set with a note that
// its annotator sees. Pages are tried blind too: another annotator's set, the
// gold set and the manager pages are answered 404 to an annotator.

import { expect, test, type Page } from "@playwright/test";
import { zipArchive } from "@/lib/import/zip-writer";
import { deflatedEntry } from "@/lib/testing/test-zips";
import { importFiles, rawArticle } from "./annotation-seed";
import { choose, expectSaved, findAndSelect } from "./editor-driver";
import { ADMIN, createAccount, runCli, signedInWindow } from "./support";

const stamp = Date.now();
const PROJECT = `Workflow journey ${stamp}`;
const TEXT = "Hackers stole the records of the clinic and demanded a ransom.";

type Account = { email: string; password: string };
let ann: Account;
let bob: Account;
let rita: Account;

test.beforeAll(() => {
  // The accounts exist already (an admin makes them on the accounts page, tried in accounts.spec.ts); the journey adds them to the project.
  ann = createAccount(`ann-wf-${stamp}@hopper.test`, "annotator");
  bob = createAccount(`bob-wf-${stamp}@hopper.test`, "annotator");
  rita = createAccount(`rita-wf-${stamp}@hopper.test`, "annotator");
});

/** On the members page: finds `email`'s account and adds it with `role`. */
async function addMember(page: Page, email: string, role: "ANNOTATOR" | "REVIEWER"): Promise<void> {
  await page.getByLabel("Email or name").fill(email);
  await page.getByRole("button", { name: "Find accounts" }).click();
  await page.getByLabel(`Project role for ${email}`).selectOption(role);
  await page.getByRole("button", { name: `Add ${email}` }).click();
  await expect(page.getByText(`${email} is a member now.`)).toBeVisible();
}

test("assign automatically, annotate blind, submit, see it ready, reopen with a note", async ({ browser }) => {
  // The admin creates the project, uploads the articles and staffs it.
  const admin = await signedInWindow(browser, ADMIN, 800);
  await admin.goto("/projects");
  await admin.getByRole("link", { name: "New project" }).click();
  await admin.getByLabel("Name").fill(PROJECT);
  await admin.getByRole("button", { name: "Create project" }).click();
  await expect(admin.getByRole("heading", { name: `${PROJECT}: members` })).toBeVisible();
  await addMember(admin, ann.email, "ANNOTATOR");
  await addMember(admin, bob.email, "ANNOTATOR");
  await addMember(admin, rita.email, "REVIEWER");

  await admin.getByRole("link", { name: "Import documents" }).click();
  const zip = zipArchive([deflatedEntry("clinic/wf1.txt", rawArticle("wf1", TEXT)), deflatedEntry("clinic/wf2.txt", rawArticle("wf2", TEXT))]);
  await admin.getByLabel("Files to import").setInputFiles({ name: "clinic.zip", mimeType: "application/zip", buffer: Buffer.from(zip) });
  await admin.getByRole("button", { name: "Import", exact: true }).click();
  await expect(admin.getByText("Imported 2 documents.")).toBeVisible();
  await expect(admin.getByTestId("import-report-text")).toContainText("Imported 2 documents: 0 hoppers, 0 events, 0 arguments.");

  // Both documents to two annotators each.
  await admin.getByRole("link", { name: "Assignments" }).click();
  await expect(admin.getByRole("heading", { name: "Assignments" })).toBeVisible();
  await admin.getByLabel("Select every document on this page").check();
  await admin.getByLabel("Each selected document to").fill("2");
  await admin.getByRole("button", { name: "Assign automatically" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "4 assignments made across 2 annotators." })).toBeVisible();
  await expect(admin.locator('tr[data-document="wf1"] [data-status]')).toHaveText("In annotation");

  // Each annotator: their queue, their own set, keyboard annotation, submit.
  const setOf: Record<string, string> = {};
  for (const [user, nugget] of [
    [ann, "stole"],
    [bob, "demanded"],
  ] as const) {
    const page = await signedInWindow(browser, user, 800);
    const queue = page.getByTestId("queue");
    await expect(queue.locator('[data-queue-state="new"] li')).toHaveCount(2);
    await page.getByTestId("open-next").click();
    await expect(page.getByTestId("editor-text")).toBeVisible();
    await expectSaved(page);
    setOf[user.email] = (await page.getByTestId("editor").getAttribute("data-set"))!;
    await findAndSelect(page, nugget);
    await page.keyboard.press("n");
    await choose(page, nugget === "stole" ? "Databreach" : "Ransom");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("editor-text").locator('[data-kind="nugget"]')).toHaveText([nugget]);
    await expectSaved(page);
    await page.getByRole("button", { name: "Submit…" }).click();
    await page.getByRole("group", { name: "Confirm submission" }).getByRole("button", { name: "Submit", exact: true }).click();
    await expect(page.getByTestId("submitted")).toBeVisible();
    await page.goto("/");
    await expect(queue.locator('[data-queue-state="submitted"] li')).toHaveCount(1);
    await expect(queue.locator('[data-queue-state="new"] li')).toHaveCount(1);
    await page.context().close();
  }

  // Blind: ann never reaches bob's set, the gold set or the manager pages.
  const annPage = await signedInWindow(browser, ann, 800);
  await annPage.goto("/");
  const wf1 = await annPage.locator('[data-queue-state="submitted"] li a').first().getAttribute("href");
  expect((await annPage.goto(`${wf1}?set=${setOf[bob.email]}`))!.status()).toBe(404);
  const projectUrl = admin.url();
  expect((await annPage.goto(projectUrl.replace(/\/assignments.*$/, "/assignments")))!.status()).toBe(404);
  expect((await annPage.goto(projectUrl.replace(/\/assignments.*$/, "/dashboard")))!.status()).toBe(404);
  expect((await annPage.request.get(`/api/annotation-sets/${setOf[bob.email]}`)).status()).toBe(404);

  // The reviewer sees the document ready for adjudication, and the admin on the dashboard.
  const reviewer = await signedInWindow(browser, rita, 800);
  await reviewer.getByRole("link", { name: PROJECT, exact: true }).click();
  await expect(reviewer.locator('tr[data-document="wf1"] [data-status]')).toHaveText("Ready for adjudication");
  await admin.goto(projectUrl.replace(/\/assignments.*$/, "/dashboard"));
  await expect(admin.locator('[data-status="ready-for-adjudication"]')).toContainText("1");
  await expect(admin.getByTestId("throughput-chart")).toBeVisible();

  // The reviewer reopens ann's set with a note; ann sees it in her queue and in the editor.
  await reviewer.getByRole("link", { name: "wf1", exact: true }).click();
  await reviewer
    .getByRole("navigation", { name: "Annotation sets" })
    .getByRole("link", { name: /^ann-wf/ })
    .click();
  await reviewer.getByLabel(/submitted this set/).fill("E1's realis: is it really Actual?");
  await reviewer.getByRole("button", { name: "Reopen" }).click();
  await expect(reviewer.getByTestId("reopen-form")).toHaveCount(0);
  await annPage.goto("/");
  await expect(annPage.getByTestId("queue-reopen-note")).toHaveText("Reopened: E1's realis: is it really Actual?");
  await annPage.getByTestId("open-next").click();
  await expect(annPage.getByTestId("reopen-note")).toContainText("E1's realis: is it really Actual?");
});

test("an annotator opening a document not assigned to them is told so, and Shift+O opens the next one", async ({ browser }) => {
  const PROJECT = `Workflow queue ${stamp}`;
  importFiles(PROJECT, { "wf1.txt": rawArticle("wf1", TEXT), "wf2.txt": rawArticle("wf2", TEXT) });
  const cat = createAccount(`cat-wf-${stamp}@hopper.test`, "annotator");
  runCli(["member", "add", cat.email, "--project", PROJECT]);
  runCli(["assign", cat.email, "--project", PROJECT, "--document", "wf2"]);
  const page = await signedInWindow(browser, cat, 800);
  await page.getByRole("link", { name: PROJECT, exact: true }).click();
  await page.getByRole("link", { name: "wf1", exact: true }).click();
  await page.getByRole("link", { name: "Annotate" }).click();
  await expect(page.getByTestId("not-assigned")).toContainText("This document is not assigned to you.");
  await page.goto("/");
  await page.getByTestId("open-next").click();
  await expect(page.getByTestId("editor-text")).toBeVisible();
  await expectSaved(page);
  await page.getByTestId("editor-text").focus();
  await page.keyboard.press("Shift+O");
  // wf2 was the only one: "open next" after it comes home.
  await expect(page).toHaveURL("/");
});
