// The document view of an imported CASIE file: highlighted spans, hover and
// selection between text and event panel, hoppers, and the CASIE download.
// The project's fixture clinic-breach.json is imported unchanged into a project "E2E" with the CLI.

import { readFileSync } from "node:fs";
import { expect, request, test, type Page } from "@playwright/test";
import { FIXTURE, fixturePath } from "@/lib/testing/casie-fixtures";
import { ADMIN, createAccount, runCli, signIn } from "./support";

const FIXTURE_FILE = fixturePath(FIXTURE.clinicBreach);

test.beforeAll(() => {
  runCli(["import", FIXTURE_FILE, "--project", "E2E"]);
});

test.beforeEach(async ({ page }) => {
  await signIn(page, ADMIN);
});

interface RawSpan {
  index: string;
  text: string;
}
interface RawEvent {
  index: string;
  type: string;
  subtype: string;
  nugget: RawSpan;
  argument?: RawSpan[];
}
interface RawHopper {
  index: number;
  events: RawEvent[];
}

const fixtureBytes = readFileSync(FIXTURE_FILE);
const fixture = JSON.parse(fixtureBytes.toString("utf8")) as {
  cyberevent: { hopper: RawHopper[] };
  info: { title: string };
};
const hoppers = fixture.cyberevent.hopper;
const events = hoppers.flatMap((h) => h.events);
const eventSpans = (event: RawEvent) => [event.nugget.index, ...(event.argument ?? []).map((a) => a.index)];
/** Every highlighted (kind, T) pair the file defines. */
const expectedMarks = new Set(events.flatMap((e) => [`nugget ${e.nugget.index}`, ...(e.argument ?? []).map((a) => `argument ${a.index}`)]));
const distinctSpans = new Set(events.flatMap(eventSpans));

async function openDocument(page: Page) {
  await page.goto("/");
  await page.getByRole("link", { name: "E2E", exact: true }).click();
  await page.getByRole("link", { name: "clinic-breach", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fixture.info.title);
}

/** The `T`s of the text's highlighted elements currently lit. */
async function litSpans(page: Page): Promise<Set<string>> {
  const spans = await page
    .getByTestId("document-text")
    .locator("[data-span][data-lit]")
    .evaluateAll((elements) => elements.map((element) => element.getAttribute("data-span")!));
  return new Set(spans);
}

test("every nugget and argument is highlighted once, with its kind", async ({ page }) => {
  await openDocument(page);
  const marks = page.getByTestId("document-text").locator("[data-span]");
  // No span of the fixture overlaps another, so each is exactly one element (T4, an argument of E1 and E3, too).
  await expect(marks).toHaveCount(distinctSpans.size);
  const found = await marks.evaluateAll((elements) => elements.map((e) => `${e.getAttribute("data-kind")} ${e.getAttribute("data-span")}`));
  expect(new Set(found)).toEqual(expectedMarks);

  const e6 = events.find((e) => e.index === "E6")!;
  await expect(page.locator(`[data-span="${e6.nugget.index}"]`)).toHaveAttribute("data-kind", "nugget");
  await expect(page.locator(`[data-span="${e6.nugget.index}"]`)).toHaveText(e6.nugget.text);
  await expect(page.locator('[data-span="T4"]')).toHaveAttribute("data-events", "E1 E3");
  await expect(page.locator('[data-span="T5"]')).toHaveText("Zürich");
  await expect(page.getByRole("list", { name: "Legend" })).toContainText("Attack");
  await expect(page.getByRole("list", { name: "Legend" })).toContainText("Vulnerability-related");
});

test("the panel lists the hoppers and their events in file order", async ({ page }) => {
  await openDocument(page);
  const groups = page.locator("[data-hopper]");
  await expect(groups).toHaveCount(hoppers.length);
  for (const [i, hopper] of hoppers.entries()) {
    await expect(groups.nth(i)).toHaveAttribute("data-hopper", String(hopper.index));
    const listed = await groups
      .nth(i)
      .locator("[data-event]")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-event")));
    expect(listed).toEqual(hopper.events.map((e) => e.index));
  }
  const e1 = page.locator('[data-event="E1"]');
  await expect(e1).toContainText("Attack / Databreach");
  await expect(e1.getByRole("link", { name: "Wikidata Q72" })).toHaveAttribute("href", "https://www.wikidata.org/wiki/Q72");
});

test("hovering an event lights its spans; hovering a span lights its event", async ({ page }) => {
  await openDocument(page);
  const e3 = events.find((e) => e.index === "E3")!;
  await page.locator('[data-event="E3"] button').hover();
  await expect(page.locator('[data-event="E3"]')).toHaveAttribute("data-lit");
  expect(await litSpans(page)).toEqual(new Set(eventSpans(e3)));

  // T2 "Criminals" is E1's argument only; T4, shared, lights both events.
  await page.locator('[data-span="T2"]').hover();
  await expect(page.locator('[data-event="E1"]')).toHaveAttribute("data-lit");
  await expect(page.locator('[data-event="E3"]')).not.toHaveAttribute("data-lit");
  await page.locator('[data-span="T4"]').hover();
  await expect(page.locator('[data-event="E1"]')).toHaveAttribute("data-lit");
  await expect(page.locator('[data-event="E3"]')).toHaveAttribute("data-lit");
  // The tooltip is written on hover, from the event panel.
  await expect(page.locator('[data-span="T2"]')).toHaveAttribute("title", "T2: Attacker of E1 (Person)");
  await expect(page.locator('[data-span="T4"]')).toHaveAttribute("title", "T4: Victim of E1 (Organization); Victim of E3 (Organization)");

  await page.getByRole("banner").first().hover();
  expect(await litSpans(page)).toEqual(new Set());
});

test("selecting an event keeps its spans lit until Escape, by mouse or keyboard", async ({ page }) => {
  await openDocument(page);
  const e6 = events.find((e) => e.index === "E6")!;
  const button = page.locator('[data-event="E6"] button');
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(`[data-span="${e6.nugget.index}"]`)).toBeInViewport();
  await page.mouse.move(0, 0); // off the event list: only the selection is left lit
  expect(await litSpans(page)).toEqual(new Set(eventSpans(e6)));

  await page.keyboard.press("Escape");
  await expect(button).toHaveAttribute("aria-pressed", "false");
  expect(await litSpans(page)).toEqual(new Set());

  const e4 = page.locator('[data-event="E4"] button');
  await e4.focus();
  await page.keyboard.press("Enter");
  await expect(e4).toHaveAttribute("aria-pressed", "true");
});

test("the CASIE download is the imported file, byte for byte", async ({ page }) => {
  await openDocument(page);
  const link = page.getByRole("link", { name: "Download CASIE JSON" });
  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("clinic-breach.json");
  expect(readFileSync(await download.path()).equals(fixtureBytes)).toBe(true);

  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.headers()["content-type"]).toBe("application/json");
  expect(response.headers()["content-disposition"]).toBe('attachment; filename="clinic-breach.json"');

  const signedOut = await request.newContext({ baseURL: test.info().project.use.baseURL, storageState: { cookies: [], origins: [] } });
  expect((await signedOut.get((await link.getAttribute("href"))!)).status()).toBe(401);
  await signedOut.dispose();
});

test("signed-out visitors and annotators are refused what they may not see", async ({ page, browser }) => {
  await openDocument(page);
  const documentUrl = page.url();
  const projectUrl = (await page.getByRole("link", { name: "E2E", exact: true }).getAttribute("href"))!;
  const downloadUrl = (await page.getByRole("link", { name: "Download CASIE JSON" }).getAttribute("href"))!;

  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(documentUrl);
  await expect(visitorPage).toHaveURL(/\/signin\?callbackUrl=/);
  await visitor.close();

  // An annotator who is not a member of the project sees neither it nor its documents.
  const annotator = createAccount(`reader-${Date.now()}@hopper.test`, "annotator");
  const annotatorContext = await browser.newContext();
  const annotatorPage = await annotatorContext.newPage();
  await signIn(annotatorPage, annotator);
  await expect(annotatorPage.getByRole("link", { name: "E2E", exact: true })).toHaveCount(0);
  expect((await annotatorPage.goto(documentUrl))!.status()).toBe(404);
  expect((await annotatorPage.goto(projectUrl))!.status()).toBe(404);
  const download = await annotatorPage.request.get(downloadUrl);
  expect([403, 404]).toContain(download.status());
  expect(await download.text()).not.toContain('"cyberevent"');
  await annotatorContext.close();
});
