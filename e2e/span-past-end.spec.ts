// A document whose shifted span ends one past the content (as one in the CASIE
// corpus does): the project's fixture parking-ransom-past-end.json, every span
// shifted by +1, imported with the CLI. The document view and the editor show
// it clamped and flagged; the checks offer the repair, and it works.

import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parseCasieDocument, type CasieDocument } from "@/lib/casie";
import { FIXTURE, fixturePath } from "@/lib/testing/casie-fixtures";
import { expectSaved, openEditor } from "./editor-driver";
import { ADMIN, importIntoSet, runCli, signIn } from "./support";

const PROJECT = "Past end E2E";
const NAME = "parking-ransom-past-end";
const FIXTURE_FILE = fixturePath(FIXTURE.shiftedPastEnd);
const fixtureBytes = readFileSync(FIXTURE_FILE);
const fixture = parseFixture();
const content = fixture.content;
/** T8 "the criminals": stored at 247 to the content's length + 1, its text one character earlier. */
const T8 = { start: 247, end: content.length + 1, text: "the criminals" };

test.beforeAll(() => {
  const report = runCli(["import", FIXTURE_FILE, "--project", PROJECT]);
  expect(report).toContain(`${FIXTURE.shiftedPastEnd}: 10 spans shifted by +1`);
});

test.beforeEach(async ({ page }) => {
  await signIn(page, ADMIN);
});

test("the document view shows the span clamped to the text and flagged, with the import's warnings", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: PROJECT, exact: true }).click();
  await page.getByRole("link", { name: NAME, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(String(fixture.info?.title));

  const warnings = page.getByTestId("import-warnings");
  await expect(warnings).toContainText("10 import warnings");
  await expect(warnings).toContainText("10 spans shifted by +1");
  await warnings.locator("summary").click();
  await expect(warnings.locator('li[data-code="span-shifted-plus-1"]').filter({ hasText: "T8" })).toContainText(
    `argument T8 "the criminals" at ${T8.start}-${T8.end} is one character later than its text, found at ${T8.start - 1}-${T8.end - 1}`,
  );

  const text = page.getByTestId("document-text");
  const criminals = text.locator('[data-span="T8"]');
  // Drawn from its start to the end of the text (one character short of its offsets), and flagged as off its text.
  await expect(criminals).toHaveText(content.slice(T8.start));
  await expect(criminals).toHaveAttribute("data-mismatch", "");
  await expect(text.locator("[data-span]:not([data-mismatch])")).toHaveCount(0);
  await expect(text).toHaveText(content);

  const response = await page.request.get((await page.getByRole("link", { name: "Download CASIE JSON" }).getAttribute("href"))!);
  expect(Buffer.from(await response.body()).equals(fixtureBytes)).toBe(true);
});

test("in the editor the checks flag the span, and its repair puts it onto its text", async ({ page }) => {
  await openEditor(page, PROJECT, NAME);
  await fillOwnSet(page);
  await page.reload();
  await expectSaved(page);

  const text = page.getByTestId("editor-text");
  const criminals = text.locator('[data-span="T8"]');
  await expect(criminals).toHaveText(content.slice(T8.start));
  await expect(criminals).toHaveAttribute("data-mismatch", "");
  await expect(text).toHaveText(content);

  // The set, built from the file's annotations, downloads as the very same file.
  expect(await downloadSet(page)).toEqual(fixtureBytes.toString("utf8"));

  const checks = page.getByTestId("checks-panel");
  await expect(checks.locator('li[data-code="span-shifted-plus-1"]')).toHaveCount(10);
  const problem = checks.locator('li[data-code="span-shifted-plus-1"]').filter({ hasText: "T8" });
  await expect(problem).toHaveText(
    new RegExp(`E3's argument T8 .the criminals. at ${T8.start}-${T8.end} is one character after its text, found at ${T8.start - 1}-${T8.end - 1}`),
  );
  await problem.getByTestId("repair").click();

  await expect(criminals).toHaveText("the criminals");
  await expect(criminals).not.toHaveAttribute("data-mismatch");
  await expect(checks.locator('li[data-code="span-shifted-plus-1"]')).toHaveCount(9);
  await expectSaved(page);
  await page.reload();
  await expectSaved(page);
  await expect(text.locator('[data-span="T8"]')).toHaveText("the criminals");
  const repaired = JSON.parse(await downloadSet(page)) as { cyberevent: { hopper: { events: { argument: object[] }[] }[] } };
  expect(repaired.cyberevent.hopper[1].events[0].argument[1]).toMatchObject({ index: "T8", startOffset: T8.start - 1, endOffset: T8.end - 1 });
});

function parseFixture(): CasieDocument {
  const { document, issues } = parseCasieDocument(fixtureBytes.toString("utf8"));
  if (!document) throw new Error(`${FIXTURE_FILE} does not parse: ${JSON.stringify(issues[0])}`);
  return document;
}

/** Gives the user's own (empty) set the file's annotations, as an import into an annotator's set does (a save would refuse its shifted spans). */
async function fillOwnSet(page: Page): Promise<void> {
  importIntoSet((await page.getByTestId("editor").getAttribute("data-set"))!, FIXTURE_FILE);
}

async function downloadSet(page: Page): Promise<string> {
  const downloading = page.waitForEvent("download");
  await page.getByTestId("download-set").click();
  return readFileSync(await (await downloading).path(), "utf8");
}
