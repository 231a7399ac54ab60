// The editor as an annotator meets it, one behaviour a test, each on a small
// document of its own: focus comes back to the text, the span a command will
// use is drawn first, refused commands say why, find goes on, hopper commands
// keep the selection, shared spans are announced, entity links by keyboard,
// whole names in the side panel, the article's own layout, no keys lost at load.
// An annotator made a member of the project does the work.

import { expect, test, type Locator, type Page } from "@playwright/test";
import { importFiles, rawArticle, seedOwnSet } from "./annotation-seed";
import { choose, expectSaved, findAndSelect, openEditor, selectedText, textBoxes } from "./editor-driver";
import { createAccount, runCli, signIn } from "./support";

const PROJECT = "Editor usability E2E";

const LONG_ARTICLE = [
  "Hackers breached the network of a regional hospital in March and stole the records of thousands of patients.",
  "The attackers then demanded a ransom of 300 bitcoins from the hospital, threatening to publish the records online.",
  "The hospital refused to pay and called in investigators, who traced the intrusion to a phishing email sent to a nurse.",
  "Security researchers said the same group had attacked two clinics in the region the year before, using the same tools.",
  "A vendor later released a patch for the flaw in the hospital's web portal that the attackers had used to move around.",
  "The hospital said it would notify every patient whose records were taken, and offered them a year of credit monitoring.",
].join(" ");

const ARTICLES = {
  "focus.txt": "Hackers breached the clinic network on Monday. The clinic said the attackers demanded a ransom of 300 euros.",
  "snapping.txt": "Google’s engineers said the “Wanna Cry” attack hit Microsoft's servers and the clinic's network.",
  "refusals.txt": "Attackers stole data from the clinic. The vendor patched the router.",
  "find.txt":
    "Google one said the breach was small. Google two disagreed, and Google three asked Google four. " +
    "Then Google five answered Google six, while Google seven and Google eight waited.",
  "hoppers.txt": "Hackers breached the network, and the attack spread. Later the records leaked online.",
  "reuse.txt": "Hackers stole records from the hospital, and the hospital paid a ransom to them.",
  "links.txt": "Microsoft released a patch for the Windows flaw on Tuesday.",
  "panel.txt": "Microsoft released a patch for Windows Server 2016 version 1607 on Tuesday.",
  "layout.txt": LONG_ARTICLE,
  "loading.txt": "Hackers breached the hospital network and stole patient records.",
};

let annotator: { email: string; password: string };

test.beforeAll(() => {
  importFiles(PROJECT, Object.fromEntries(Object.entries(ARTICLES).map(([name, text]) => [name, rawArticle(name.replace(".txt", ""), text)])));
  annotator = createAccount(`usability-${Date.now()}@hopper.test`, "annotator");
  runCli(["member", "add", annotator.email, "--project", PROJECT]);
  runCli(["assign", annotator.email, "--project", PROJECT]);
});

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, annotator);
});

const text = (page: Page) => page.getByTestId("editor-text");
const feedback = (page: Page) => page.getByTestId("editor-feedback");
const details = (page: Page) => page.getByTestId("event-details");

async function expectTextFocused(page: Page, selection?: string): Promise<void> {
  await expect(text(page)).toBeFocused();
  if (selection !== undefined) expect(await selectedText(page)).toBe(selection);
}

async function createEvent(page: Page, phrase: string, subtype: string): Promise<void> {
  await findAndSelect(page, phrase);
  await page.keyboard.press("n");
  await choose(page, subtype);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toHaveCount(0);
}

/** Clicks the event nugget whose text is `nugget`. */
async function selectEvent(page: Page, nugget: string): Promise<void> {
  await text(page).locator('[data-kind="nugget"]', { hasText: nugget }).click();
}

test("focus comes back to the text, with the selection shown, after every popup; N never acts on an invisible selection", async ({ page }) => {
  await openEditor(page, PROJECT, "focus");
  // The reported case: G, / and a phrase, Enter; then N, Escape, and N again.
  await page.keyboard.press("g");
  await page.keyboard.press("/");
  await page.getByLabel("Text to find").fill("clinic network");
  await page.keyboard.press("Enter");
  await expectTextFocused(page, "clinic network");
  await page.keyboard.press("n");
  await expect(page.getByTestId("create-event-popup")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expectTextFocused(page, "clinic network");
  await page.keyboard.press("n");
  await expect(page.getByTestId("create-event-popup")).toContainText("New event “clinic network”");
  await choose(page, "Databreach");
  await page.keyboard.press("Enter");
  await expectTextFocused(page);

  // Popups closed by Enter (a choice) or Escape: the focus is back in the text each time.
  for (const [key, popup, close] of [
    ["t", "change-type-popup", "Escape"],
    ["r", "realis-popup", "Enter"],
    ["?", "shortcut-help", "Escape"],
    ["/", "find-popup", "Escape"],
  ] as const) {
    await page.keyboard.press(key);
    await expect(page.getByTestId(popup)).toBeVisible();
    await page.keyboard.press(close);
    await expect(page.getByTestId(popup)).toHaveCount(0);
    await expectTextFocused(page);
  }
  // A side-panel field gives the focus back with Escape.
  await details(page).getByTestId("event-realis").focus();
  await page.keyboard.press("Escape");
  await expectTextFocused(page);

  // A selection the screen no longer shows (a click elsewhere took it) is not acted on: N says why instead.
  await findAndSelect(page, "ransom");
  await page.getByRole("heading", { level: 1 }).click();
  expect(await selectedText(page)).not.toBe("ransom");
  await page.keyboard.press("n");
  await expect(page.getByTestId("create-event-popup")).toHaveCount(0);
  await expect(feedback(page)).toHaveText("Select some text first to make an event of");
});

test("the span N and A will use is drawn in the text first; quotes and possessive endings are word boundaries the edge keys stop at", async ({
  page,
}) => {
  await openEditor(page, PROJECT, "snapping");
  const preview = page.getByTestId("span-preview");
  // Found with its possessive ending, the selection snaps to the name, and the text shows it before N.
  await findAndSelect(page, "Google’s");
  await expect(preview).toHaveAttribute("data-text", "Google");
  await expectBoxOver(page, preview, "Google");
  await page.keyboard.press("n");
  await expect(page.getByTestId("create-event-popup")).toContainText("New event “Google”");
  await expect(preview).toHaveAttribute("data-text", "Google");
  await choose(page, "Databreach");
  await page.keyboard.press("Enter");
  await expect(text(page).locator('[data-span="T1"]')).toHaveText("Google");
  await expect(preview).toHaveCount(0);
  // The edge keys still let the span take in the ending, and shed it again.
  await page.keyboard.press("]");
  await expect(text(page).locator('[data-span="T1"]')).toHaveText("Google’s");
  await page.keyboard.press("}");
  await expect(text(page).locator('[data-span="T1"]')).toHaveText("Google");

  // Word by word with the keyboard, the selection stops before 's.
  await findAndSelect(page, "hit");
  await page.keyboard.press("Control+Shift+ArrowRight");
  expect(await selectedText(page)).toBe("hit Microsoft");

  // Quotes: a selection sheds them; [ and ] take them in one at a time.
  await findAndSelect(page, "“Wanna Cry");
  await expect(preview).toHaveAttribute("data-text", "Wanna Cry");
  await page.keyboard.press("n");
  await choose(page, "Ransom");
  await page.keyboard.press("Enter");
  const wanna = text(page).locator('[data-span="T2"]');
  await expect(wanna).toHaveText("Wanna Cry");
  await page.keyboard.press("[");
  await expect(wanna).toHaveText("“Wanna Cry");
  await page.keyboard.press("]");
  await expect(wanna).toHaveText("“Wanna Cry”");
  await page.keyboard.press("]");
  await expect(wanna).toHaveText("“Wanna Cry” attack");
});

/** The preview's box covers the first occurrence of `phrase` on screen. */
async function expectBoxOver(page: Page, preview: Locator, phrase: string): Promise<void> {
  const { first } = await textBoxes(page, phrase, 0);
  const box = (await preview.locator("div").first().boundingBox())!;
  expect(Math.abs(box.x - first.left)).toBeLessThan(2);
  expect(Math.abs(box.x + box.width - first.right)).toBeLessThan(2);
}

test("a refused command says why on screen, and to screen readers", async ({ page }) => {
  await openEditor(page, PROJECT, "refusals");
  await text(page).focus();
  await page.keyboard.press("n");
  await expect(feedback(page)).toHaveText("Select some text first to make an event of");
  await expect(feedback(page)).toHaveAttribute("data-tone", "refusal");
  await expect(page.locator("p[aria-live=polite]")).toHaveText("Select some text first to make an event of");
  await page.keyboard.press("a");
  await expect(feedback(page)).toHaveText("Select an event first: click its nugget, or press J, then the text of its argument");

  await createEvent(page, "stole", "Databreach");
  // A one-word span cannot lose its start.
  await page.keyboard.press("{");
  await expect(feedback(page)).toHaveText("T1's start cannot move further that way");
  await expect(text(page).locator('[data-span="T1"]')).toHaveText("stole");
  // One hopper: nothing to merge it into.
  await page.keyboard.press("Shift+M");
  await expect(page.getByTestId("merge-hopper-popup")).toHaveCount(0);
  await expect(feedback(page)).toHaveText("There is no other hopper to merge hopper 0 into");
  await expect(page.locator("p[aria-live=polite]")).toHaveText("There is no other hopper to merge hopper 0 into");
  // The message goes by itself.
  await expect(feedback(page)).toHaveCount(0, { timeout: 8000 });
});

test("find counts the occurrences and goes on to the next or previous one from the caret, wrapping around", async ({ page }) => {
  await openEditor(page, PROJECT, "find");
  await text(page).focus();
  await page.keyboard.press("/");
  await page.getByLabel("Text to find").fill("google");
  await expect(page.getByTestId("find-status")).toHaveText("8 occurrences; the next after the caret is 1 of 8.");
  await page.keyboard.press("Enter");
  await expect(feedback(page)).toHaveText("“google”: 1 of 8");
  for (let i = 0; i < 5; i++) await page.keyboard.press("F3");
  await expect(feedback(page)).toHaveText("“google”: 6 of 8");
  await expectTextFocused(page, "Google");
  await page.keyboard.press("Control+Shift+ArrowRight");
  expect(await selectedText(page)).toBe("Google six");

  // The popup remembers the query: / Enter goes on from the caret.
  await page.keyboard.press("/");
  await expect(page.getByLabel("Text to find")).toHaveValue("google");
  await expect(page.getByTestId("find-status")).toHaveText("8 occurrences; the next after the caret is 7 of 8.");
  await page.keyboard.press("Enter");
  await expect(feedback(page)).toHaveText("“google”: 7 of 8");
  await page.keyboard.press("Shift+F3");
  await page.keyboard.press("Shift+F3");
  await expect(feedback(page)).toHaveText("“google”: 5 of 8");
  for (let i = 0; i < 4; i++) await page.keyboard.press("F3");
  await expect(feedback(page)).toHaveText("“google”: 1 of 8");
  await page.keyboard.press("Control+Shift+ArrowRight");
  expect(await selectedText(page)).toBe("Google one");
});

test("after M, S and Shift+M the moved event stays selected, and T, R and A act on it", async ({ page }) => {
  await openEditor(page, PROJECT, "hoppers");
  await seedOwnSet(page, [
    [
      { type: "Attack", subtype: "Databreach", nugget: "breached" },
      { type: "Attack", subtype: "Databreach", nugget: "attack" },
    ],
    [{ type: "Attack", subtype: "Databreach", nugget: "leaked" }],
  ]);
  const hopperOf = (event: string) => page.locator(`[data-hopper]:has([data-event="${event}"])`);
  await selectEvent(page, "attack");
  await expect(details(page)).toHaveAttribute("data-selected-event", "E2");

  await page.keyboard.press("m");
  await choose(page, "Hopper 1");
  await expect(hopperOf("E2")).toHaveAttribute("data-hopper", "1");
  await expect(details(page)).toHaveAttribute("data-selected-event", "E2");
  await page.keyboard.press("t");
  await expect(page.getByTestId("change-type-popup")).toContainText("Type of E2 “attack”");
  await page.keyboard.press("Escape");

  await page.keyboard.press("s");
  await expect(page.locator("[data-hopper]")).toHaveCount(3);
  await expect(details(page)).toHaveAttribute("data-selected-event", "E2");
  await page.keyboard.press("r");
  await expect(page.getByTestId("realis-popup")).toContainText("Realis of E2 “attack”");
  await page.keyboard.press("Escape");

  await page.keyboard.press("Shift+M");
  await choose(page, "Hopper 0");
  await expect(page.locator("[data-hopper]")).toHaveCount(2);
  await expect(hopperOf("E2")).toHaveAttribute("data-hopper", "0");
  await expect(details(page)).toHaveAttribute("data-selected-event", "E2");
  await findAndSelect(page, "the network");
  await page.keyboard.press("a");
  await expect(page.getByTestId("add-argument-popup")).toContainText("Argument of E2 “attack”");
});

test("a popup that will re-use a span says so, whether the span was found or clicked", async ({ page }) => {
  await openEditor(page, PROJECT, "reuse");
  await seedOwnSet(page, [
    [{ type: "Attack", subtype: "Databreach", nugget: "stole", arguments: [{ text: "the hospital", role: "Victim", entityType: "Organization" }] }],
    [{ type: "Attack", subtype: "Ransom", nugget: "paid" }],
  ]);
  const note = page.getByTestId("reuse-note");
  await selectEvent(page, "paid");
  // Found: a selection on exactly the span's bounds.
  await findAndSelect(page, "the hospital");
  await page.keyboard.press("a");
  await expect(note).toHaveText("Re-uses T2 (used by E1)");
  await page.keyboard.press("Escape");
  // Clicked.
  await text(page).locator('[data-span="T2"]').click();
  await page.keyboard.press("a");
  await expect(note).toHaveText("Re-uses T2 (used by E1)");
  await choose(page, "Victim");
  await choose(page, "Organization");
  await expect(text(page).locator('[data-span="T2"]')).toHaveAttribute("data-events", "E1 E2");
  // Its tooltip, written on hover, says both uses.
  await text(page).locator('[data-span="T2"]').hover();
  await expect(text(page).locator('[data-span="T2"]')).toHaveAttribute("title", /^T2: \S+ of E1 \(\S+\); Victim of E2 \(Organization\)$/);
  // A new span is no re-use.
  await findAndSelect(page, "a ransom");
  await page.keyboard.press("a");
  await expect(page.getByTestId("add-argument-popup")).toBeVisible();
  await expect(note).toHaveCount(0);
});

test("E opens the selected argument's entity link: its shape is checked, Enter saves, Escape goes back to the text", async ({ page }) => {
  await openEditor(page, PROJECT, "links");
  await seedOwnSet(page, [
    [
      {
        type: "Vulnerability-related",
        subtype: "PatchVulnerability",
        nugget: "released",
        arguments: [{ text: "Microsoft", role: "Releaser", entityType: "Organization" }],
      },
    ],
  ]);
  await selectEvent(page, "released");
  await page.keyboard.press("e");
  await expect(feedback(page)).toHaveText(/^Select one of E1's arguments first/);
  await text(page).locator('[data-span="T2"]').click();
  await page.keyboard.press("e");
  const popup = page.getByTestId("reference-popup");
  await expect(popup).toContainText("Entity link of T2 “Microsoft”");
  await expect(popup.getByTestId("argument-wikidata")).toBeFocused();
  await page.keyboard.type("Microsoft");
  await page.keyboard.press("Enter");
  await expect(popup.getByRole("alert")).toHaveText("A Wikidata id looks like Q42 (or its wikidata.org address).");
  await popup.getByTestId("argument-wikidata").fill("Q2283");
  await page.keyboard.press("Tab");
  await page.keyboard.type("https://example.com/Microsoft");
  await page.keyboard.press("Enter");
  await expect(popup.getByRole("alert")).toHaveText("A DBpedia URI looks like http://dbpedia.org/resource/Name.");
  await popup.getByTestId("argument-dbpedia").fill("http://dbpedia.org/resource/Microsoft");
  await page.keyboard.press("Enter");
  await expect(popup).toHaveCount(0);
  await expectTextFocused(page);
  await expect(details(page).locator('[data-argument="T2"]')).toContainText("Entity link: Wikidata Q2283, DBpedia");

  await page.keyboard.press("e");
  await expect(popup.getByTestId("argument-wikidata")).toHaveValue("Q2283");
  await page.keyboard.press("Escape");
  await expect(popup).toHaveCount(0);
  await expectTextFocused(page);
  await expectSaved(page);
});

test("at 1280×800 the side panel shows whole type, role and entity type names", async ({ page }) => {
  await openEditor(page, PROJECT, "panel");
  await seedOwnSet(page, [
    [
      {
        type: "Vulnerability-related",
        subtype: "PatchVulnerability",
        nugget: "released",
        arguments: [
          { text: "Microsoft", role: "Releaser", entityType: "Organization" },
          { text: "version 1607", role: "Vulnerable_System_Version", entityType: "Version" },
        ],
      },
    ],
  ]);
  await selectEvent(page, "released");
  const selects = details(page).locator("select");
  await expect(selects).toHaveCount(7);
  await expect(details(page).getByTestId("event-type").locator("option:checked")).toHaveText("Vulnerability-related / PatchVulnerability");
  await expect(details(page).getByTestId("argument-entity-type").first().locator("option:checked")).toHaveText("Organization (suggested)");
  // Each select is wide enough for the name it shows: the text's width fits inside its padding.
  const cutOff = await selects.evaluateAll((elements) =>
    (elements as HTMLSelectElement[]).flatMap((select) => {
      const style = getComputedStyle(select);
      const context = document.createElement("canvas").getContext("2d")!;
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const shown = select.selectedOptions[0].text;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return context.measureText(shown).width <= room ? [] : [`${shown} (${Math.round(context.measureText(shown).width)} px in ${room} px)`];
    }),
  );
  expect(cutOff).toEqual([]);
});

test("the editor lays the text out as the document page does, and a copied selection is the text's own characters", async ({ page, context }) => {
  await openEditor(page, PROJECT, "layout");
  // As many paragraphs as the content has (one: its lines were joined), in both pages.
  await expect(text(page).locator("p")).toHaveCount(1);
  const editorLines = await lineStarts(text(page));
  expect(editorLines.length).toBeGreaterThan(3);

  // The editor renders blocks of a few sentences: a selection across a block's edge copies as the content has it.
  const cut = Number(await text(page).locator("[data-block]").nth(1).getAttribute("data-block"));
  expect(cut).toBeGreaterThan(0);
  const across = LONG_ARTICLE.slice(cut - 12, cut + 12);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await findAndSelect(page, across);
  await page.keyboard.press("Control+c");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(across);

  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "layout" }).click();
  const documentText = page.getByTestId("document-text");
  await expect(documentText.locator("p")).toHaveCount(1);
  expect(await lineStarts(documentText)).toEqual(editorLines);
});

/** The first word of each line of text inside `root`, in order. */
async function lineStarts(root: Locator): Promise<string[]> {
  return root.evaluate((element) => {
    const starts: string[] = [];
    let lastTop = -Infinity;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (const match of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + 1);
        const top = range.getClientRects()[0]?.top ?? lastTop;
        if (top > lastTop + 4) starts.push(match[0]);
        lastTop = Math.max(lastTop, top);
      }
    }
    return starts;
  });
}

test("keys pressed while the editor loads are shown as waiting, then run", async ({ page }) => {
  await openEditor(page, PROJECT, "loading");
  await seedOwnSet(page, [[{ type: "Attack", subtype: "Databreach", nugget: "breached" }]]);
  const editorUrl = page.url();
  // The app's scripts arrive late, as on a slow machine: the server's HTML shows the text first.
  let release!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  // (Scripts only: a style sheet held back would keep the browser from showing anything at all.)
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto(editorUrl, { waitUntil: "commit" });
  const loading = page.getByTestId("editor-loading");
  await expect(loading).toHaveText("Loading the editor…");
  await expect(text(page)).toContainText("Hackers breached");
  // The queue starts once the page is parsed (a module script), a moment after the text shows.
  await page.waitForFunction(() => "__hopperEarlyKeys" in window);
  // J selects the first event, R opens its realis list, 3 picks "Other".
  await page.keyboard.press("j");
  await page.keyboard.press("r");
  await page.keyboard.press("3");
  await expect(loading).toHaveText("Loading the editor… 3 keys pressed will run once it is ready.");
  release();
  await expect(loading).toBeHidden();
  await expect(details(page).getByTestId("event-realis")).toHaveValue("Other");
  await expectSaved(page);
});

test("the snapping switch shows its state in the toolbar and in the shortcut overlay", async ({ page }) => {
  await openEditor(page, PROJECT, "focus");
  await expect(page.getByTestId("snapping-state")).toHaveText("on");
  await text(page).focus();
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcut-help").locator('[data-action="toggle-snapping"]')).toContainText("now on");
  await page.keyboard.press("Escape");
  await page.keyboard.press("w");
  await expect(page.getByTestId("snapping-state")).toHaveText("off");
  await expect(page.getByTestId("snapping-toggle")).not.toBeChecked();
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcut-help").locator('[data-action="toggle-snapping"]')).toContainText("now off");
  await page.keyboard.press("Escape");
  await page.keyboard.press("w");
  await expect(page.getByTestId("snapping-state")).toHaveText("on");
});
