// Repairing imported shifted spans in the gold set (issue 13, item 4), on the
// project's own fixtures: ferry-ransom-shifted (11 spans shifted by +1) and
// parking-ransom-past-end (10, the last past the end of the text). A reviewer
// opens the gold from the document page, repairs one span with the checks' one
// click, then every other span of the project from its Repair spans page; each
// export has the corrected offsets. Annotators never reach the gold.

import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { parseCasieDocument, type CasieDocument, type CasieSpan } from "@/lib/casie";
import { FIXTURE, fixturePath } from "@/lib/testing/casie-fixtures";
import { expectSaved } from "./editor-driver";
import { createAccount, runCli, signIn } from "./support";

const PROJECT = "Gold repair E2E";
const SHIFTED = "ferry-ransom-shifted";
const PAST_END = "parking-ransom-past-end";
let reviewer: { email: string; password: string };
let annotator: { email: string; password: string };

test.beforeAll(() => {
  const stamp = Date.now();
  reviewer = createAccount(`gold-reviewer-${stamp}@hopper.test`, "reviewer");
  annotator = createAccount(`gold-annotator-${stamp}@hopper.test`, "annotator");
  // Imported once: a worker started again after a failure finds the documents there.
  runCli(["import", fixturePath(FIXTURE.shifted), fixturePath(FIXTURE.shiftedPastEnd), "--project", PROJECT]);
  runCli(["member", "add", annotator.email, "--project", PROJECT]);
});

function spansOf(document: CasieDocument): CasieSpan[] {
  return document.hoppers.flatMap((hopper) => hopper.events.flatMap((event) => [event.nugget, ...event.arguments]));
}

function parse(text: string): CasieDocument {
  const { document } = parseCasieDocument(text);
  if (!document) throw new Error("the file does not parse");
  return document;
}

/** The project exported with `hopper export`: each document's file, parsed. */
function exported(): Record<string, CasieDocument> {
  const out = mkdtempSync(path.join(tmpdir(), "hopper-gold-e2e-"));
  runCli(["export", "--project", PROJECT, "--out", out]);
  return Object.fromEntries([SHIFTED, PAST_END].map((name) => [name, parse(readFileSync(path.join(out, `${name}.json`), "utf8"))]));
}

/** Offsets as the fixture has them (shifted by +1), less `by` for the spans named in `moved`. */
function expectOffsets(document: CasieDocument, fixture: CasieDocument, moved: (index: string) => boolean): void {
  const want = spansOf(fixture).map((span) => [
    span.index,
    span.startOffset - (moved(span.index) ? 1 : 0),
    span.endOffset - (moved(span.index) ? 1 : 0),
  ]);
  expect(spansOf(document).map((span) => [span.index, span.startOffset, span.endOffset])).toEqual(want);
}

async function openDocument(page: Page, name: string): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: PROJECT, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: PROJECT, exact: true })).toBeVisible();
  await page.getByRole("link", { name, exact: true }).click();
}

test("a reviewer repairs a shifted span of the gold with the checks' one click, then the rest of the project at once; the exports have the corrected offsets", async ({
  page,
}) => {
  const shiftedFixture = parse(readFileSync(fixturePath(FIXTURE.shifted), "utf8"));
  const pastEndFixture = parse(readFileSync(fixturePath(FIXTURE.shiftedPastEnd), "utf8"));
  await signIn(page, reviewer);
  await openDocument(page, SHIFTED);
  await expect(page.getByTestId("set-switcher").locator('a[aria-current="page"]')).toHaveAttribute("data-kind", "GOLD");
  await page.getByRole("link", { name: "Edit gold" }).click();
  await expect(page).toHaveURL(/\/documents\/[^/]+\/gold$/);
  await expect(page.getByTestId("gold-note")).toContainText("You are editing the gold set");
  await expectSaved(page);

  const checks = page.getByTestId("checks-panel");
  const shifted = checks.locator('li[data-code="span-shifted-plus-1"]');
  await expect(shifted).toHaveCount(11);
  const nugget = page.getByTestId("editor-text").locator('[data-span="T1"]');
  await expect(nugget).toHaveAttribute("data-mismatch", "");
  await shifted.filter({ hasText: 'T1 "ransomware attack"' }).getByTestId("repair").click();
  await expect(nugget).toHaveText("ransomware attack");
  await expect(nugget).not.toHaveAttribute("data-mismatch");
  await expect(shifted).toHaveCount(10);
  await expectSaved(page);
  await page.reload();
  await expectSaved(page);
  await expect(shifted).toHaveCount(10);

  let files = exported();
  expectOffsets(files[SHIFTED], shiftedFixture, (index) => index === "T1");
  expectOffsets(files[PAST_END], pastEndFixture, () => false);

  await page.goto("/");
  await page.getByRole("link", { name: PROJECT, exact: true }).click();
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Repair spans" }).click();
  await expect(page.getByTestId("repair-summary")).toContainText("20 spans in 2 documents sit one character off their text");
  const list = page.getByTestId("repair-list");
  await expect(list.locator("tbody tr")).toHaveCount(20);
  const end = pastEndFixture.content.length;
  await expect(list.locator("tbody tr").filter({ hasText: "T8" }).filter({ hasText: PAST_END })).toContainText(`247–${end + 1}${246}–${end}`);
  await page.getByRole("button", { name: "Repair all" }).click();
  await expect(page.getByText("Repaired 20 shifted spans in 2 documents.")).toBeVisible();
  await expect(page.getByText("nothing to repair")).toBeVisible();
  await expect(page.getByRole("button", { name: "Repair all" })).toHaveCount(0);

  files = exported();
  expectOffsets(files[SHIFTED], shiftedFixture, () => true);
  expectOffsets(files[PAST_END], pastEndFixture, () => true);
  for (const name of [SHIFTED, PAST_END]) {
    const document = files[name];
    for (const span of spansOf(document)) expect(document.content.slice(span.startOffset, span.endOffset), `${name} ${span.index}`).toBe(span.text);
  }

  // Opened again, the gold has nothing left for the checks to repair.
  await openDocument(page, SHIFTED);
  await page.getByRole("link", { name: "Edit gold" }).click();
  await expectSaved(page);
  await expect(shifted).toHaveCount(0);
});

test("an annotator of the project reaches neither the gold editor nor the repair", async ({ page }) => {
  await signIn(page, annotator);
  await page.goto("/");
  await page.getByRole("link", { name: PROJECT, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: PROJECT, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Repair spans" })).toHaveCount(0);
  const projectPath = new URL(page.url()).pathname;
  const documentPath = await page.getByRole("link", { name: SHIFTED, exact: true }).getAttribute("href");
  expect((await page.goto(`${documentPath}/gold`))?.status()).toBe(404);
  await page.goto(`${projectPath}/repair`);
  await expect(page.getByText("Only the project's reviewers, managers and administrators edit the gold set.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Repair all" })).toHaveCount(0);
});
