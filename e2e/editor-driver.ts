// Driving the annotation editor from the end-to-end tests (and the editor benchmark).

import { expect, type Page } from "@playwright/test";

export async function openEditor(page: Page, project: string, documentName: string): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: project, exact: true }).click();
  // An annotator's home lists their documents too: wait for the project's page before picking the document on it.
  await expect(page.getByRole("heading", { level: 1, name: project, exact: true })).toBeVisible();
  await page.getByRole("link", { name: documentName, exact: true }).click();
  await page.getByRole("link", { name: "Annotate" }).click();
  await expect(page.getByTestId("editor-text")).toBeVisible();
  await expectSaved(page);
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
}

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Where the `nth` occurrence of `text` is drawn in the editor's text: its first and last line boxes. */
export async function textBoxes(page: Page, text: string, nth: number): Promise<{ first: Box; last: Box }> {
  return page.getByTestId("editor-text").evaluate(
    (root, { text, nth }) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: [Text, number][] = [];
      let all = "";
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        nodes.push([node, all.length]);
        all += node.data;
      }
      let at = -1;
      for (let i = 0; i <= nth; i++) at = all.indexOf(text, at + 1);
      if (at === -1) throw new Error(`“${text}” is not in the text`);
      const locate = (offset: number): [Text, number] => {
        const [node, start] = nodes.findLast(([, start]) => start <= offset)!;
        return [node, offset - start];
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + text.length));
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
      const box = (rect: DOMRect) => ({ left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom });
      return { first: box(rects[0]), last: box(rects.at(-1)!) };
    },
    { text, nth },
  );
}

/** Drags the mouse across `text`, from just inside its first character to just inside its last. */
export async function dragSelect(page: Page, text: string): Promise<void> {
  const { first, last } = await textBoxes(page, text, 0);
  await page.mouse.move(first.left + 2, (first.top + first.bottom) / 2);
  await page.mouse.down();
  await page.mouse.move(last.right - 2, (last.top + last.bottom) / 2, { steps: 8 });
  await page.mouse.up();
}

export async function doubleClickWord(page: Page, word: string): Promise<void> {
  const { first } = await textBoxes(page, word, 0);
  await page.mouse.dblclick((first.left + first.right) / 2, (first.top + first.bottom) / 2);
}

export async function clickText(page: Page, text: string): Promise<void> {
  const { first } = await textBoxes(page, text, 0);
  await page.mouse.click((first.left + first.right) / 2, (first.top + first.bottom) / 2);
}

/** The keyboard's way to select far from the caret: the editor's find command. */
export async function findAndSelect(page: Page, text: string): Promise<void> {
  await page.getByTestId("editor-text").focus();
  await page.keyboard.press("/");
  await page.getByLabel("Text to find").fill(text);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("find-popup")).toHaveCount(0);
}

export async function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => window.getSelection()?.toString() ?? "");
}

/** Picks an entry of the open popup's list by typing to filter it, then Enter. */
export async function choose(page: Page, filter: string): Promise<void> {
  const input = page.getByRole("dialog").getByRole("combobox");
  await input.fill(filter);
  await input.press("Enter");
}
