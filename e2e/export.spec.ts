// Dataset export in the browser: an admin chooses the documents and the gold
// sets on the project's Export page, downloads the zip, and finds each document's
// file (the imported file itself, byte for byte) and the manifest in it; an
// empty choice is refused with the reason.

import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import type { ExportManifest } from "@/lib/export/export-manifest";
import { FIXTURE, fixturePath, readFixture } from "@/lib/testing/casie-fixtures";
import { readZipEntries } from "@/lib/testing/read-zip";
import { ADMIN, runCli, signIn } from "./support";

const PROJECT = "Export E2E";

test.beforeAll(() => {
  runCli(["import", fixturePath(FIXTURE.clinicBreach), fixturePath(FIXTURE.otherKeyOrder), "--project", PROJECT]);
});

async function openExportPage(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: PROJECT }).click();
  await page.getByRole("link", { name: "Export", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Export dataset" })).toBeVisible();
}

const zipEntries = (file: string) => readZipEntries(readFileSync(file));

test("an admin exports the gold sets of the chosen documents as a zip with its manifest", async ({ page }) => {
  await signIn(page, ADMIN);
  await openExportPage(page);
  const documents = page.getByRole("group", { name: "Documents" });
  await documents.getByLabel("Adjudicated").uncheck();
  await documents.getByLabel("Unassigned").check();
  await expect(page.getByLabel("The gold sets")).toBeChecked();
  await expect(page.getByLabel(".zip of CASIE .json files")).toBeChecked();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export", exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Export E2E-gold-\d{4}-\d\d-\d\d\.zip$/);
  await expect(page.getByText(/Exported 3 files \(.+\) as Export E2E-gold-/)).toBeVisible();

  const entries = await zipEntries(await download.path());
  expect([...entries.keys()]).toEqual(["gold/clinic-breach.json", "gold/water-utility-key-order.json", "manifest.json"]);
  expect(entries.get("gold/clinic-breach.json")).toBe(readFixture(FIXTURE.clinicBreach));
  expect(entries.get("gold/water-utility-key-order.json")).toBe(readFixture(FIXTURE.otherKeyOrder));
  const manifest = JSON.parse(entries.get("manifest.json")!) as ExportManifest;
  expect(manifest).toMatchObject({
    project: PROJECT,
    format: "zip",
    selection: { statuses: ["unassigned"], sets: "gold" },
    counts: { documents: 2, files: 2 },
    documents: [
      { name: "clinic-breach", sourcefile: "clinic-breach.txt", status: "unassigned", sets: ["gold"] },
      { name: "water-utility-key-order", sourcefile: "water-utility-key-order.txt", status: "unassigned", sets: ["gold"] },
    ],
    agreement: null,
  });
  expect(manifest.counts.events).toBeGreaterThan(0);
});

test("an export of nothing is refused with the reason", async ({ page }) => {
  await signIn(page, ADMIN);
  await openExportPage(page);
  await page.getByRole("button", { name: "Export", exact: true }).click();
  await expect(page.getByText(`Nothing to export: no document of ${PROJECT} is adjudicated.`)).toBeVisible();
  await page.getByRole("group", { name: "Documents" }).getByLabel("Adjudicated").uncheck();
  await page.getByRole("button", { name: "Export", exact: true }).click();
  await expect(page.getByText("Choose at least one document status.")).toBeVisible();
});
