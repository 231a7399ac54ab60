// A project's agreement in the browser: two annotators annotate one made-up
// article (Ann: "stole" and "paid" in one hopper; Bob: "stole" alone), and a
// reviewer reads the figures worked out by hand, sees a figure that divides 0
// by 0 shown as not defined, filters by status and downloads the CSV. The
// project's annotators are refused the page; its managers reach it from the
// progress dashboard.

import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { importFiles, rawArticle, seedOwnSet } from "./annotation-seed";
import { openEditor } from "./editor-driver";
import { ADMIN, createAccount, runCli, signedInWindow } from "./support";

test.describe.configure({ mode: "serial" });

const suffix = Math.random().toString(36).slice(2, 8);
const PROJECT = `Agreement ${suffix}`;
const TEXT = "Hackers stole the records of a clinic. The clinic paid a ransom to get them back.";

let ann: { email: string; password: string };
let bob: { email: string; password: string };
let reviewer: { email: string; password: string };
let agreementUrl = "";

/** The figure of the pair (row, column) in the matrix titled `title`. */
function matrixCell(page: Page, title: string, row: string, column: number) {
  return page
    .getByRole("table", { name: title, exact: true })
    .locator("tbody tr")
    .filter({ has: page.getByRole("rowheader", { name: row, exact: true }) })
    .getByRole("cell")
    .nth(column);
}

test.beforeAll(async ({ browser }) => {
  // CLI runs and two editor sessions: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  importFiles(PROJECT, { "agree.txt": rawArticle("Clinic ransom", TEXT) });
  // Named so that Ann sorts first: she is the key of the pair.
  ann = createAccount(`ann-agree-${suffix}@hopper.test`, "annotator");
  bob = createAccount(`bob-agree-${suffix}@hopper.test`, "annotator");
  reviewer = createAccount(`rev-agree-${suffix}@hopper.test`, "reviewer");
  for (const annotator of [ann, bob]) {
    runCli(["member", "add", annotator.email, "--project", PROJECT]);
    runCli(["assign", annotator.email, "--project", PROJECT]);
  }
  const annotate = async (user: typeof ann, hoppers: Parameters<typeof seedOwnSet>[1]) => {
    const page = await signedInWindow(browser, user);
    await openEditor(page, PROJECT, "agree");
    await seedOwnSet(page, hoppers);
    await page.context().close();
  };
  const stole = { type: "Attack", subtype: "Databreach", nugget: "stole" };
  await annotate(ann, [[stole, { type: "Attack", subtype: "Ransom", nugget: "paid" }]]);
  await annotate(bob, [[stole]]);
});

test("a reviewer reads the pair's figures, a figure not defined, the worst documents, and filters by status", async ({ browser }) => {
  const page = await signedInWindow(browser, reviewer);
  await page.getByRole("link", { name: PROJECT, exact: true }).click();
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Agreement" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agreement");
  agreementUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("agreement-report")).toContainText("2 annotators, 1 document compared");

  // Nuggets: Ann's 2, Bob's 1, 1 the same: recall 1/2, precision 1/1, F1 2/3.
  await expect(matrixCell(page, "Nugget F1 (same span)", ann.email, 1)).toHaveText("0.667");
  await expect(matrixCell(page, "Nugget F1 (same span)", bob.email, 0)).toHaveText("0.667");
  await expect(matrixCell(page, "Nugget F1 (same span)", ann.email, 0)).toHaveText("·");
  // Neither has an argument: 0/0.
  await expect(matrixCell(page, "Argument F1 (span, role)", ann.email, 1)).toHaveText("not defined");
  // Hoppers {stole paid} against {stole}: MUC F1 0 (recall 0/1), B³ F1 0.4 (recall 1/4, precision 1), CEAF-e F1 2/3: CoNLL (0 + 0.4 + 2/3) / 3.
  await expect(matrixCell(page, "CoNLL F1 (hoppers over all nuggets)", ann.email, 1)).toHaveText("0.356");

  const spans = page.getByRole("table", { name: "All pairs: spans and hoppers" });
  await expect(spans.getByRole("row", { name: /^nuggets, same span/ })).toHaveText(/0\.5001\.0000\.667/);
  await expect(spans.getByRole("row", { name: /MUC/ }).first().getByRole("cell").nth(1)).toHaveText("not defined");
  const subtypes = page.getByRole("table", { name: /^Per event type\/subtype/ });
  await expect(subtypes.getByRole("row", { name: /^Attack\/Ransom/ }).getByRole("cell")).toHaveText(["1", "0", "0", "0.000"]);

  const documents = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Score" }) });
  // Its score: the mean of nugget F1 2/3, subtype agreement 1 and CoNLL F1 0.356 (argument F1 is not defined).
  await expect(
    documents
      .getByRole("row", { name: /^agree/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("0.674");
  await documents.getByRole("link", { name: "agree", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Clinic ransom");
  await page.goBack();

  // Only submitted sets: nobody submitted.
  await page.getByRole("checkbox", { name: "Being annotated" }).uncheck();
  await page.getByRole("checkbox", { name: "Imported" }).uncheck();
  await page.getByRole("checkbox", { name: "Adjudicated" }).uncheck();
  await expect(page.getByRole("checkbox", { name: "Submitted" })).toBeChecked();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\?status=SUBMITTED$/);
  await expect(page.getByTestId("agreement-report")).toHaveText(/Nothing to compare: no document has two sets with the chosen statuses/);
  await page.goto(`${agreementUrl}?status=DONE`);
  await expect(page.getByRole("alert").filter({ hasText: "status:" })).toHaveText(
    "status: must be one of NEW, IN_PROGRESS, SUBMITTED, IMPORTED, ADJUDICATED",
  );
  await page.context().close();
});

test("the reviewer downloads the CSV hopper agreement --csv writes; the page has no serious accessibility violation", async ({ browser }) => {
  const page = await signedInWindow(browser, reviewer);
  await page.goto(agreementUrl);
  await expect(page.getByTestId("agreement-report")).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id),
  ).toEqual([]);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`Agreement_${suffix}-agreement.csv`);
  const lines = readFileSync(await download.path(), "utf8")
    .trimEnd()
    .split("\n");
  expect(lines[0]).toBe("scope,document,key,response,label,metric,value");
  expect(lines).toContain(`pair,,${ann.email},${bob.email},,nuggets.exact.f1,0.6666666666666666`);
  expect(lines).toContain(`pair,,${ann.email},${bob.email},,arguments.spanRole.f1,n/a`);
  expect(lines).toContain("document,agree,,,,coreference.all.conll,0.35555555555555557");
  await page.context().close();
});

test("an annotator of the project is refused the page and the CSV; a manager reaches it from the progress dashboard", async ({ browser }) => {
  const annPage = await signedInWindow(browser, ann);
  expect((await annPage.goto(agreementUrl))!.status()).toBe(404);
  expect((await annPage.request.get(`${agreementUrl}/agreement.csv`)).status()).toBe(403);
  await annPage.context().close();

  const admin = await signedInWindow(browser, ADMIN);
  await admin.goto(agreementUrl.replace(/\/agreement$/, "/dashboard"));
  await admin.getByRole("link", { name: "Inter-annotator agreement" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Agreement");
  await expect(matrixCell(admin, "Nugget F1 (same span)", ann.email, 1)).toHaveText("0.667");
  await admin.context().close();
});
