// A long document (600 annotated sentences, then one unannotated): the editor
// finds, selects and annotates text near its end, extends a selection back
// across blocks with the keyboard, lights a selected event's spans only and
// draws the hoppers near the panel's view;
// the document page lights an event's spans on hover.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { serializeCasieDocument } from "@/lib/casie";
import { documentWithEvents } from "@/lib/testing/synthetic-documents";
import { choose, expectSaved, findAndSelect, openEditor, selectedText } from "./editor-driver";
import { ADMIN, importIntoSet, runCli, signIn } from "./support";

const PROJECT = "Long document E2E";
const NAME = "six-hundred-events";
const EVENTS = 600;
const LAST_SENTENCE = " Finally the clinic paid the ransom.";
const document = (() => {
  const synthetic = documentWithEvents(EVENTS, NAME);
  return { ...synthetic, content: synthetic.content + LAST_SENTENCE };
})();
const file = path.join(mkdtempSync(path.join(tmpdir(), "hopper-e2e-")), `${NAME}.json`);

test.beforeAll(() => {
  writeFileSync(file, serializeCasieDocument(document));
  runCli(["import", file, "--project", PROJECT]);
});

test.beforeEach(async ({ page }) => {
  await signIn(page, ADMIN);
});

test("the editor annotates the end of a long document and extends a selection back across its blocks", async ({ page }) => {
  // 600 events: opening and saving take a while on a busy machine.
  test.setTimeout(180_000);
  await openEditor(page, PROJECT, NAME);
  importIntoSet((await page.getByTestId("editor").getAttribute("data-set"))!, file);
  await page.reload();
  await expectSaved(page);
  const nuggets = page.getByTestId("editor-text").locator('mark[data-kind="nugget"]');
  await expect(nuggets).toHaveCount(EVENTS);

  await findAndSelect(page, "the ransom");
  expect(await selectedText(page)).toBe("the ransom");
  await page.keyboard.press("n");
  await choose(page, "Ransom");
  await page.keyboard.press("Enter");
  const details = page.getByTestId("event-details");
  await expect(details).toHaveAttribute("data-selected-event", `E${EVENTS + 1}`);
  await expectSaved(page);
  await expect(nuggets).toHaveCount(EVENTS + 1);
  // The hopper panel draws the hoppers near its view, and the selected event's at once, not all 601.
  const panel = page.getByTestId("hopper-panel");
  const drawnHoppers = panel.locator("[data-hopper]");
  await expect(panel.locator(`[data-hopper] [data-event="E${EVENTS + 1}"]`)).toHaveCount(1);
  const drawnBefore = await drawnHoppers.count();
  expect(drawnBefore).toBeLessThan(EVENTS);
  await panel.locator("[data-undrawn]").first().scrollIntoViewIfNeeded();
  await expect.poll(() => drawnHoppers.count()).toBeGreaterThan(drawnBefore);
  // Only the selected event's spans are lit; the text fades the rest.
  await expect(page.getByTestId("editor-text")).toHaveAttribute("data-lighting");
  await expect(page.getByTestId("editor-text").locator("mark[data-lit]")).toHaveText(["the ransom"]);

  // Ctrl+Shift+← from "clinic" extends the selection back across many sentences, highlights and blocks.
  await findAndSelect(page, "clinic");
  for (let i = 0; i < 100; i++) await page.keyboard.press("Control+Shift+ArrowLeft");
  const selected = await selectedText(page);
  expect(selected.length).toBeGreaterThan(400);
  expect(document.content.endsWith(`${selected}clinic paid the ransom.`)).toBe(true);
});

test("the document page lights an event's spans when it is hovered", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: PROJECT, exact: true }).click();
  await page.getByRole("link", { name: NAME, exact: true }).click();
  const text = page.getByTestId("document-text");
  await expect(text.locator('[data-kind="nugget"]')).toHaveCount(EVENTS);
  await page.locator(`[data-event="E${EVENTS}"]`).hover();
  await expect(text.locator("[data-lit]")).toHaveText(["stole"]);
  await expect(text.locator("[data-lit]")).toHaveAttribute("data-span", `T${EVENTS}`);
});
