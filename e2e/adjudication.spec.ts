// A reviewer adjudicates a made-up document two annotators disagree on (a
// nugget span, a subtype, a role and a hopper grouping: lib/adjudication/test-sets.ts),
// with the keyboard only (accept, reject with a reason, undo, a hopper move), and marks
// it adjudicated; the gold set then holds the decisions, and the admin's dataset zip
// holds the document's gold exactly as e2e/expected/adjudicated-gold.json.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ARTICLE } from "@/lib/agreement/test-sets";
import { ANN, BOB } from "@/lib/adjudication/test-sets";
import { parseCasieDocument, serializeCasieDocument } from "@/lib/casie";
import type { CasieDocument } from "@/lib/casie/types";
import { readZipEntries } from "@/lib/testing/read-zip";
import { ADMIN, createAccount, importArticle, runCli, signedInWindow, signIn } from "./support";

const PROJECT = "Adjudication E2E";
const NAME = "adjudicate";
/** The same two sets on another document, which two reviewers adjudicate at once. */
const TOGETHER = "adjudicate-together";
const OTHER_ARTICLE = `<title>Other</title>
<source> https://example.com/news/other </source>
<date> 2018_07_08 </date>
<text>
Nothing to adjudicate here.
</text>
`;
let reviewer: { email: string; password: string };
let otherReviewer: { email: string; password: string };

/** Writes `document` as `<name>.json` in a folder of its own and imports it as `email`'s set. */
function importAsAnnotatorSet(document: CasieDocument, name: string, email: string): void {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "hopper-e2e-")), `${name}.json`);
  writeFileSync(file, serializeCasieDocument({ ...document, sourcefile: `${name}.txt` }));
  runCli(["import", file, "--project", PROJECT, "--annotator", email]);
}

test.beforeAll(() => {
  test.setTimeout(120_000);
  // The project, made by importing another article; the annotators' imports bring the adjudicated document.
  importArticle(PROJECT, "other.txt", OTHER_ARTICLE);
  const stamp = Date.now();
  reviewer = createAccount(`reviewer-adj-${stamp}@hopper.test`, "reviewer");
  otherReviewer = createAccount(`second-reviewer-adj-${stamp}@hopper.test`, "reviewer");
  for (const [set, prefix] of [
    [ANN, "ann"],
    [BOB, "bob"],
  ] as const) {
    const annotator = createAccount(`${prefix}-adj-${stamp}@hopper.test`, "annotator");
    runCli(["member", "add", annotator.email, "--project", PROJECT]);
    for (const name of [NAME, TOGETHER]) importAsAnnotatorSet(set.document, name, annotator.email);
  }
});

const cards = (page: Page) => page.getByTestId("disagreement");
const current = (page: Page) => page.locator('[data-testid="disagreement"][aria-current="true"]');

async function openAdjudication(page: Page, name: string): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: PROJECT, exact: true }).click();
  await page.getByRole("link", { name, exact: true }).click();
  await page.getByRole("link", { name: "Adjudicate the annotators’ sets" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Adjudicate ${name}`);
}

test("the reviewer sees exactly the disagreements, resolves them by keyboard and marks the document adjudicated", async ({ page }) => {
  await signIn(page, reviewer);
  await openAdjudication(page, NAME);

  await expect(cards(page).locator("h3")).toHaveText([
    "Argument “Hackers” of “stole”",
    "Nugget span of “paid”",
    "Type and subtype of “leaked”",
    "Hopper grouping of “stole”, “leaked”",
  ]);
  await expect(cards(page).nth(0).getByTestId("version")).toHaveText([/^Attacker \(Person\)/, /^Victim \(Person\)/]);
  await expect(cards(page).nth(3).getByTestId("version")).toHaveText([/^\{“stole”, “leaked”\}/, /^\{“stole”\} \{“leaked”\}/]);
  await expect(page.getByTestId("undecided-count")).toHaveText("4 of 4 undecided");
  await expect(page.getByRole("button", { name: "Mark adjudicated" })).toBeDisabled();
  await expect(page.getByTestId("adjudication-text")).toHaveText(ARTICLE);

  // N and Shift+N go through the undecided items.
  await expect(current(page).locator("h3")).toHaveText("Argument “Hackers” of “stole”");
  await page.keyboard.press("n");
  await expect(current(page).locator("h3")).toHaveText("Nugget span of “paid”");
  await page.keyboard.press("Shift+N");
  await expect(current(page).locator("h3")).toHaveText("Argument “Hackers” of “stole”");

  // R rejects both roles, with a reason; the next undecided item comes up.
  await page.keyboard.press("r");
  await page.getByLabel("Reject every version of this item. Why (optional)?").fill("Hackers is too vague");
  await page.keyboard.press("Enter");
  await expect(cards(page).nth(0).getByTestId("decision")).toHaveText(/^Rejected: Hackers is too vague/);
  await expect(page.getByTestId("undecided-count")).toHaveText("3 of 4 undecided");

  // 2: Bob's span; 1: Ann's subtype.
  await expect(current(page).locator("h3")).toHaveText("Nugget span of “paid”");
  await page.keyboard.press("2");
  await expect(cards(page).nth(1).getByTestId("decision")).toHaveText(/^Accepted bob-adj-\d+@hopper\.test's version/);
  await expect(current(page).locator("h3")).toHaveText("Type and subtype of “leaked”");
  await page.keyboard.press("1");
  await expect(cards(page).nth(2).getByTestId("decision")).toHaveText(/^Accepted ann-adj-\d+@hopper\.test's version/);

  // U undoes a decision: the subtype is undecided again, and decided anew.
  await cards(page).nth(2).locator("h3").click();
  await page.keyboard.press("u");
  await expect(cards(page).nth(2).getByTestId("decision")).toHaveText("Undecided");
  await expect(page.getByTestId("undecided-count")).toHaveText("2 of 4 undecided");
  await page.keyboard.press("1");
  await expect(cards(page).nth(2).getByTestId("decision")).toHaveText(/^Accepted ann-adj/);

  // G: a hopper move, by keyboard: "leaked" goes to a hopper of its own.
  await expect(current(page).locator("h3")).toHaveText("Hopper grouping of “stole”, “leaked”");
  await page.keyboard.press("g");
  const regroup = page.getByRole("form", { name: "Regroup the hopper cluster" });
  await expect(regroup.getByLabel("Hopper of “stole”")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(regroup.getByLabel("Hopper of “leaked”")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  // "leaked" is now alone in hopper 2.
  await expect(regroup.getByLabel("Hopper of “leaked”")).toHaveValue("1");
  await expect(regroup.getByLabel("Hopper of “stole”").locator("option")).toHaveText([
    "Hopper 1: “stole”",
    "Hopper 2: “leaked”",
    "A hopper of its own",
  ]);
  await page.keyboard.press("Enter");
  await expect(cards(page).nth(3).getByTestId("decision")).toHaveText(/^Regrouped by the reviewer/);
  await expect(page.getByTestId("undecided-count")).toHaveText("0 of 4 undecided");
  await expect(cards(page).nth(3).getByTestId("version").nth(1)).toContainText("in gold");

  await page.getByRole("button", { name: "Mark adjudicated" }).click();
  await expect(page.getByText("The document is adjudicated.")).toBeVisible();

  // The gold set holds the decisions: Bob's span, Ann's subtype, the hoppers regrouped, no "Hackers".
  const documentId = new URL(page.url()).pathname.split("/")[2];
  const response = await page.request.get(`/documents/${documentId}/casie.json`);
  expect(response.ok()).toBe(true);
  const gold = parseCasieDocument(await response.text()).document!;
  expect(
    gold.hoppers.map((hopper) =>
      hopper.events.map((event) => [event.nugget.text, event.subtype, event.arguments.map((argument) => `${argument.role.type}:${argument.text}`)]),
    ),
  ).toEqual([[["stole", "Databreach", ["Compromised-Data:data"]]], [["leaked", "Databreach", []]], [["paid a ransom", "Ransom", ["Victim:Acme"]]]]);

  // The admin downloads the dataset (the adjudicated documents' gold sets): the document's file is the expected one.
  const admin = await signedInWindow(page.context().browser()!, ADMIN);
  await admin.goto("/");
  await admin.getByRole("link", { name: PROJECT, exact: true }).click();
  await admin.getByRole("link", { name: "Export", exact: true }).click();
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("button", { name: "Export", exact: true }).click()]);
  const entries = await readZipEntries(readFileSync(await download.path()));
  expect([...entries.keys()]).toEqual([`gold/${NAME}.json`, "manifest.json"]);
  expect(entries.get(`gold/${NAME}.json`)).toBe(readFileSync(path.join(__dirname, "expected", "adjudicated-gold.json"), "utf8"));
  await admin.context().close();
});

test("two reviewers adjudicating the same document at once both keep their decisions", async ({ browser }) => {
  const pages = await Promise.all(
    [reviewer, otherReviewer].map(async (user) => {
      const page = await (await browser.newContext()).newPage();
      await signIn(page, user);
      await openAdjudication(page, TOGETHER);
      await expect(page.getByTestId("undecided-count")).toHaveText("4 of 4 undecided");
      return page;
    }),
  );
  const [first, second] = pages;
  // The first accepts Bob's span; the second, whose page has not seen that, Ann's subtype.
  await cards(first).nth(1).locator("h3").click();
  await first.keyboard.press("2");
  await expect(first.getByTestId("undecided-count")).toHaveText("3 of 4 undecided");
  await cards(second).nth(2).locator("h3").click();
  await second.keyboard.press("1");
  await expect(second.getByTestId("undecided-count")).toHaveText("2 of 4 undecided");
  for (const page of pages) {
    await page.reload();
    await expect(cards(page).nth(1).getByTestId("decision")).toHaveText(/^Accepted bob-adj/);
    await expect(cards(page).nth(2).getByTestId("decision")).toHaveText(/^Accepted ann-adj/);
    await expect(cards(page).nth(1).getByTestId("version").nth(1)).toContainText("in gold");
    await expect(cards(page).nth(2).getByTestId("version").nth(0)).toContainText("in gold");
  }
  await Promise.all(pages.map((page) => page.context().close()));
});
