// Imports in the browser: an admin uploads a zip of made-up raw articles made
// here and sees the report, downloads it (text and JSON); files dropped on the
// page are packed into one upload; a zip with a path escaping the archive is
// refused with the reason and imports nothing; annotators cannot reach the page.

import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { zipArchive } from "@/lib/import/zip-writer";
import { deflatedEntry, madeUpArticle } from "@/lib/testing/test-zips";
import { ADMIN, createAccount, importArticle, runCli, signIn } from "./support";

const PROJECT = "Imports E2E";

test.beforeAll(() => {
  importArticle(PROJECT, "seed.txt", madeUpArticle(0));
});

async function openImportPage(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: PROJECT }).click();
  await page.getByRole("link", { name: "Import documents" }).click();
  await expect(page.getByRole("heading", { name: "Import documents" })).toBeVisible();
}

test("an admin uploads a zip of raw articles, sees the report and downloads it", async ({ page }) => {
  await signIn(page, ADMIN);
  await openImportPage(page);
  const zip = zipArchive([
    deflatedEntry("articles/breach-1.txt", madeUpArticle(1)),
    deflatedEntry("articles/more/breach-2.txt", madeUpArticle(2)),
    deflatedEntry("articles/breach-3.txt", madeUpArticle(3)),
    deflatedEntry("articles/notes.md", "not an article"),
  ]);
  await page.getByLabel("Files to import").setInputFiles({ name: "articles.zip", mimeType: "application/zip", buffer: Buffer.from(zip) });
  await expect(page.getByText("1 file chosen")).toBeVisible();
  await page.getByRole("button", { name: "Import", exact: true }).click();

  await expect(page.getByText("Imported 3 documents, skipped 1 file.")).toBeVisible();
  const report = page.getByTestId("import-report-text");
  await expect(report).toContainText(`Project "${PROJECT}"`);
  await expect(report).toContainText("Imported 3 documents: 0 hoppers, 0 events, 0 arguments.");
  await expect(report).toContainText("articles/notes.md: not a .json (CASIE) or .txt (raw article) file");

  const [text] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the report (text)" }).click()]);
  expect(text.suggestedFilename()).toBe("import-report.txt");
  expect(readFileSync(await text.path(), "utf8")).toContain("Imported 3 documents");
  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the report (JSON)" }).click()]);
  const downloaded = JSON.parse(readFileSync(await json.path(), "utf8")) as { imported: { file: string }[] };
  expect(downloaded.imported.map((document) => document.file)).toEqual([
    "articles/breach-1.txt",
    "articles/breach-3.txt",
    "articles/more/breach-2.txt",
  ]);

  // The documents are in the project.
  await page.getByRole("link", { name: PROJECT }).click();
  await expect(page.getByRole("link", { name: "breach-2" })).toBeVisible();
});

test("files dropped on the page are uploaded together, and a re-import is reported as already there", async ({ page }) => {
  await signIn(page, ADMIN);
  await openImportPage(page);
  const dataTransfer = await page.evaluateHandle(
    ([first, second]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([first], "dropped-1.txt", { type: "text/plain" }));
      transfer.items.add(new File([second], "seed.txt", { type: "text/plain" }));
      return transfer;
    },
    [madeUpArticle(11), madeUpArticle(0)],
  );
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer });
  await expect(page.getByText("2 files chosen")).toBeVisible();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("Imported 1 document, skipped 1 file.")).toBeVisible();
  await expect(page.getByTestId("import-report-text")).toContainText(
    'seed.txt: already in the project as seed.txt (tick "Replace documents already in the project" to replace it)',
  );
});

test("a zip with a path escaping the archive is refused with the reason, and nothing is imported", async ({ page }) => {
  await signIn(page, ADMIN);
  await openImportPage(page);
  const zip = zipArchive([deflatedEntry("fine.txt", madeUpArticle(21)), deflatedEntry("../../etc/escape.txt", madeUpArticle(22))]);
  await page.getByLabel("Files to import").setInputFiles({ name: "bad.zip", mimeType: "application/zip", buffer: Buffer.from(zip) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(
    page.getByText(`The zip archive is refused: the path "../../etc/escape.txt" climbs out of the archive's folder with ".."`),
  ).toBeVisible();
  await expect(page.getByTestId("import-report-text")).toHaveCount(0);
  await page.getByRole("link", { name: PROJECT }).click();
  await expect(page.getByRole("link", { name: "fine" })).toHaveCount(0);
});

test("an annotator of the project neither sees the link nor may open the page", async ({ page }) => {
  const annotator = createAccount("importer-annotator@hopper.test", "annotator");
  runCli(["member", "add", annotator.email, "--project", PROJECT]);
  await signIn(page, annotator);
  await page.getByRole("link", { name: PROJECT }).click();
  await expect(page.getByRole("heading", { name: PROJECT })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import documents" })).toHaveCount(0);
  const response = await page.goto(page.url() + "/import");
  expect(response?.status()).toBe(403);
});
