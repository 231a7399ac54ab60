// The annotation editor from a raw article to a CASIE file: events, arguments
// (one span re-used by two events), an entity link, a realis change undone and
// redone, a span boundary fixed by keyboard, a hopper merge; then a reload
// shows exactly what was saved, its steps can still be undone, and the
// download is compared with the expected file.
// An annotator made a member of the project does the work.

import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { choose, clickText, doubleClickWord, dragSelect, expectSaved, findAndSelect, openEditor, selectedText } from "./editor-driver";
import { createAccount, importArticle, runCli, signIn } from "./support";

const PROJECT = "Editor E2E";
const FILE_NAME = "clinic-breach.txt";
const ARTICLE = `<title>Clinic blackmailed after breach</title>
<source> https://example.com/news/clinic-breach </source>
<date> 2017_05_31 </date>
<text>
Hackers have stolen the data of patients from a clinic in Lithuania. The hackers demanded a ransom of 300 euros from the clinic.
Microsoft released a patch for the flaw on Tuesday.
</text>
`;
/** The article's text as imported: its lines joined by single spaces. */
const CONTENT =
  "Hackers have stolen the data of patients from a clinic in Lithuania. The hackers demanded a ransom of 300 euros from the clinic. " +
  "Microsoft released a patch for the flaw on Tuesday.";

let annotator: { email: string; password: string };

test.beforeAll(() => {
  importArticle(PROJECT, FILE_NAME, ARTICLE);
  annotator = createAccount(`editor-${Date.now()}@hopper.test`, "annotator");
  runCli(["member", "add", annotator.email, "--project", PROJECT]);
  runCli(["assign", annotator.email, "--project", PROJECT]);
});

test("an article is annotated from scratch, and the download is exactly what was saved", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, annotator);
  await openEditor(page, PROJECT, "clinic-breach");
  const text = page.getByTestId("editor-text");
  const details = page.getByTestId("event-details");
  const dialog = page.getByRole("dialog");

  // E1, a data breach: a mouse selection inside two words snaps to them whole.
  await dragSelect(page, "ave stol");
  expect(await selectedText(page)).toBe("have stolen");
  await page.keyboard.press("n");
  await expect(dialog).toContainText("New event “have stolen”");
  await expect(dialog.getByRole("option")).toHaveText([
    /Attack \/ Databreach/,
    /Attack \/ Phishing/,
    /Attack \/ Ransom/,
    /DiscoverVulnerability/,
    /PatchVulnerability/,
  ]);
  await page.keyboard.press("1"); // the shortcut shown beside Attack / Databreach
  await expect(dialog.getByRole("option", { selected: true })).toHaveText(/Actual/);
  await page.keyboard.press("Enter");
  await expect(details).toHaveAttribute("data-selected-event", "E1");
  await expect(text.locator('[data-span="T1"]')).toHaveAttribute("data-kind", "nugget");
  await expect(text.locator('[data-span="T1"]')).toHaveText("have stolen");

  // Its arguments: a double-clicked word; only the roles Databreach allows are offered, the entity type follows the role.
  await doubleClickWord(page, "Hackers");
  await page.keyboard.press("a");
  await expect(dialog.getByRole("option")).toHaveCount(11);
  await expect(dialog.getByRole("option", { name: /Trusted-Entity/ })).toHaveCount(0);
  await choose(page, "Attacker");
  await expect(dialog.getByRole("option", { selected: true })).toHaveText(/Person/);
  await page.keyboard.press("Enter");
  await expect(text.locator('[data-span="T2"]')).toHaveText("Hackers");

  // A keyboard selection: found, then extended word by word.
  await findAndSelect(page, "the data");
  await page.keyboard.press("Control+Shift+ArrowRight");
  await page.keyboard.press("Control+Shift+ArrowRight");
  expect(await selectedText(page)).toBe("the data of patients");
  await page.keyboard.press("a");
  await choose(page, "Compromised");
  await page.keyboard.press("Enter"); // PII, the first suggestion
  await dragSelect(page, "a clinic");
  await page.keyboard.press("a");
  await choose(page, "Victim");
  await choose(page, "Organization");
  const clinic = details.locator('[data-argument="T4"]');
  await expect(clinic.getByTestId("argument-role")).toHaveValue("Victim");
  await clinic.getByText("Entity link: none").click();
  await clinic.getByTestId("argument-wikidata").fill("Q16917");
  await clinic.getByTestId("argument-wikidata").press("Enter");
  await expect(clinic.getByText("Entity link: Wikidata Q16917")).toBeVisible();

  // E2, a ransom demand in a hopper of its own, re-using the clinic span (same T) as its victim.
  await doubleClickWord(page, "demanded");
  await page.keyboard.press("n");
  await choose(page, "Ransom");
  await page.keyboard.press("Enter");
  await expect(details).toHaveAttribute("data-selected-event", "E2");
  await clickText(page, "a clinic");
  await expect(page.getByRole("button", { name: "Re-use T4 as an argument of E2" })).toBeVisible();
  await page.keyboard.press("a");
  await choose(page, "Victim");
  await choose(page, "Organization");
  await expect(text.locator('[data-span="T4"]')).toHaveAttribute("data-events", "E1 E2");
  await dragSelect(page, "300 euros");
  await page.keyboard.press("a");
  await choose(page, "Price");
  await page.keyboard.press("Enter"); // Money

  // E3, a patch, in a third hopper; its Patch argument is first just "patch", then widened by a word with "[".
  await doubleClickWord(page, "released");
  await page.keyboard.press("n");
  await choose(page, "PatchVulnerability");
  await page.keyboard.press("Enter");
  await doubleClickWord(page, "Microsoft");
  await page.keyboard.press("a");
  await choose(page, "Releaser");
  await page.keyboard.press("Enter"); // Organization
  await doubleClickWord(page, "patch");
  await page.keyboard.press("a");
  await choose(page, "Patch");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("span-box")).toContainText("T9 “patch”");
  await page.keyboard.press("[");
  await expect(page.getByTestId("span-box")).toContainText("T9 “a patch”");
  await expect(text.locator('[data-span="T9"]')).toHaveText("a patch");

  // A realis change, undone and redone.
  await clickText(page, "demanded");
  await expect(details).toHaveAttribute("data-selected-event", "E2");
  await page.keyboard.press("r");
  await choose(page, "Other");
  await expect(details.getByTestId("event-realis")).toHaveValue("Other");
  await page.keyboard.press("Control+z");
  await expect(details.getByTestId("event-realis")).toHaveValue("Actual");
  await page.keyboard.press("Control+Shift+Z");
  await expect(details.getByTestId("event-realis")).toHaveValue("Other");

  // E2's hopper merges into E1's, by keyboard.
  const hoppers = page.getByTestId("hopper-panel").locator("[data-hopper]");
  await expect(hoppers).toHaveCount(3);
  await page.keyboard.press("Shift+M");
  await choose(page, "Hopper 0");
  await expect(hoppers).toHaveCount(2);
  await expect(page.locator('[data-hopper="0"] [data-event]')).toHaveText([/E1/, /E2/]);

  // Every shortcut used above is documented in the overlay.
  await page.keyboard.press("?");
  const help = page.getByTestId("shortcut-help");
  for (const name of ["create-event", "add-argument", "extend-start", "change-realis", "undo", "redo", "merge-hopper", "find"]) {
    await expect(help.locator(`[data-action="${name}"]`)).toBeVisible();
  }
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);

  // A reload shows what was saved, and this session's steps can still be undone and redone.
  await expectSaved(page);
  await page.reload();
  await expectSaved(page);
  await expect(hoppers).toHaveCount(2);
  await expect(text.locator("[data-span]")).toHaveCount(9);
  await page.keyboard.press("Control+z");
  await expect(hoppers).toHaveCount(3);
  await page.keyboard.press("Control+Shift+Z");
  await expect(hoppers).toHaveCount(2);
  await expectSaved(page);

  const downloading = page.waitForEvent("download");
  await page.getByTestId("download-set").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("clinic-breach.json");
  expect(JSON.parse(readFileSync(await download.path(), "utf8"))).toEqual(EXPECTED);
});

// --- the expected file --------------------------------------------------------

/** The `nth` occurrence of `text` in the content as a span. */
function span(index: string, text: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = CONTENT.indexOf(text, at + 1);
  return { index, startOffset: at, endOffset: at + text.length, text };
}

function argument(index: string, text: string, role: string, type: string, extra: object = {}) {
  return { ...span(index, text), role: { type: role }, type, ...extra };
}

const EXPECTED = {
  content: CONTENT,
  sourcefile: FILE_NAME,
  cyberevent: {
    hopper: [
      {
        index: 0,
        events: [
          {
            index: "E1",
            type: "Attack",
            realis: "Actual",
            nugget: span("T1", "have stolen"),
            argument: [
              argument("T2", "Hackers", "Attacker", "Person"),
              argument("T3", "the data of patients", "Compromised-Data", "PII"),
              argument("T4", "a clinic", "Victim", "Organization", { external_reference: { wikidataid: "Q16917" } }),
            ],
            subtype: "Databreach",
          },
          {
            index: "E2",
            type: "Attack",
            realis: "Other",
            nugget: span("T5", "demanded"),
            argument: [argument("T4", "a clinic", "Victim", "Organization"), argument("T6", "300 euros", "Price", "Money")],
            subtype: "Ransom",
          },
        ],
      },
      {
        index: 2,
        events: [
          {
            index: "E3",
            type: "Vulnerability-related",
            realis: "Actual",
            nugget: span("T7", "released"),
            argument: [argument("T8", "Microsoft", "Releaser", "Organization"), argument("T9", "a patch", "Patch", "Patch")],
            subtype: "PatchVulnerability",
          },
        ],
      },
    ],
  },
  info: { title: "Clinic blackmailed after breach", date: "2017_05_31", type: "text", link: "https://example.com/news/clinic-breach" },
};
