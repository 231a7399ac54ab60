// `npm run bench` (second part): the annotation editor in a real browser, on
// the largest CASIE sample document (by bytes) with its gold annotations in the
// benchmark user's own set; without the sample, on the project's fixture with
// the most events (clinic-breach.json).
//   1. Navigation → the editor accepts input: from navigation start to the
//      editor's `data-ready` (set in an effect once hydrated, after its keyboard
//      handler is attached). Baseline, in the same run: navigation to the
//      read-only view of the same document until it responds to input (its
//      hover highlighting reacts to a mouseover dispatched once per frame).
//   2. A keyboard command that changes a highlight: J selects the next event, T
//      opens its type list, and the digit that picks a type of another colour
//      is the timed key. From that keydown's timestamp to the frame after the
//      event's nugget mark changed (requestAnimationFrame, then a task: painted
//      on the main thread), to the save's POST …/operations response, and to
//      the frame after the save status says "All changes saved".

import { readFile, stat } from "node:fs/promises";
import { loadavg } from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { DEFAULT_CASIE_TAGSET, parseCasieDocument, type CasieDocument } from "@/lib/casie";
import { createDatabaseClient } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/test-database";
import { startTestServer } from "@/lib/db/test-server";
import { importFiles } from "@/lib/import/import-files";
import { createUser } from "@/lib/users";
import { operationsBuildingAnnotations } from "@/lib/annotation/build-operations";
import { typeColorSlot } from "@/lib/annotation/type-color-slot";
import { annotationFileNames } from "@/lib/testing/casie-corpus";
import { FIXTURE, fixturePath } from "@/lib/testing/casie-fixtures";
import { describeLoad, median, runBench, startApp, stats, type App } from "./bench-app";
import { benchCorpus, describeBenchCorpus, type BenchCorpus } from "./bench-corpus";

const NAVIGATIONS = Number(process.env.BENCH_NAVIGATIONS ?? 15);
const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 50);
const WARM_UP = 3;
const USER = { email: "bench@hopper.test", name: "Bench Admin", password: "bench-password-not-for-production" };

// --- the document ---------------------------------------------------------------

/** The sample's largest file by bytes; without the sample, the fixture with the most events (the largest file there is only pretty-printed). */
async function editorDocument({ corpus, fallback }: BenchCorpus): Promise<{ file: string; why: string; bytes: number; document: CasieDocument }> {
  let file: string;
  if (fallback === null) {
    const names = annotationFileNames(corpus);
    if (!names.length) throw new Error(`no documents in ${corpus.annotationDir}`);
    const sizes = await Promise.all(names.map(async (name) => ({ name, bytes: (await stat(path.join(corpus.annotationDir, name))).size })));
    file = path.join(corpus.annotationDir, sizes.sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name))[0].name);
  } else file = fixturePath(FIXTURE.clinicBreach);
  const text = await readFile(file, "utf8");
  const { document } = parseCasieDocument(text, { tagset: DEFAULT_CASIE_TAGSET, fileName: path.basename(file) });
  if (!document) throw new Error(`${file} does not parse`);
  const why = fallback === null ? "largest sample file" : "the fixture with the most events";
  return { file, why, bytes: Buffer.byteLength(text), document };
}

// --- in the page ----------------------------------------------------------------

interface SaveEntry {
  start: number;
  response: number;
}
interface ActionTiming {
  keydown: number;
  /** The mark changed in the DOM (React's commit), before it is painted. */
  highlightDom: number;
  highlight: number;
  response: number;
  saved: number;
}
interface BenchWindow {
  __bench: { ready: number | null; saves: SaveEntry[] };
  __benchAction?: Promise<ActionTiming>;
}

/**
 * Runs before any page script: records when the page accepts input and when
 * each save's response arrives.
 */
function instrument(): void {
  const w = window as unknown as BenchWindow;
  const bench: BenchWindow["__bench"] = { ready: null, saves: [] };
  w.__bench = bench;

  // The editor: its root gets `data-ready` once mounted (components/editor/EditorApp.tsx).
  new MutationObserver(() => {
    if (bench.ready === null && document.querySelector("[data-testid=editor][data-ready]")) bench.ready = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });

  // The read-only view: ready when its hover handling lights an event (a mouseover sent before hydration is replayed after it).
  if (/^\/documents\/[^/]+\/?$/.test(location.pathname)) {
    const probe = () => {
      if (bench.ready !== null) return;
      const item = document.querySelector("[data-event]");
      if (item && !document.querySelector("[data-lit]")) item.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      if (document.querySelector("[data-lit]")) bench.ready = performance.now();
      else requestAnimationFrame(probe);
    };
    requestAnimationFrame(probe);
  }

  const original = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const promise = original(input, init);
    const url = input instanceof Request ? input.url : String(input);
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    if (method.toUpperCase() === "POST" && /\/operations$/.test(url)) {
      const entry: SaveEntry = { start: performance.now(), response: NaN };
      bench.saves.push(entry);
      promise.then(
        () => (entry.response = performance.now()),
        () => undefined,
      );
    }
    return promise;
  };
}

/** Watches for the next keydown and what follows it: the event's nugget mark with `expected` in its title, and the save. */
function armAction({ eventIndex, expected }: { eventIndex: string; expected: string }): void {
  const w = window as unknown as BenchWindow;
  const text = document.querySelector("[data-testid=editor-text]")!;
  const status = document.querySelector("[data-testid=save-status]")!;
  const result: ActionTiming = { keydown: NaN, highlightDom: NaN, highlight: NaN, response: NaN, saved: NaN };
  // The next frame after a DOM change: its rAF callbacks, then style, layout and paint, then the next task.
  const afterPaint = (set: (time: number) => void) => requestAnimationFrame(() => setTimeout(() => set(performance.now()), 0));
  w.__benchAction = new Promise<ActionTiming>((resolve, reject) => {
    let highlightSeen = false;
    let savedSeen = false;
    const onKeydown = (event: KeyboardEvent) => {
      result.keydown = event.timeStamp;
      window.removeEventListener("keydown", onKeydown, true);
    };
    const finish = () => {
      if (Number.isNaN(result.highlight) || Number.isNaN(result.saved)) return;
      cleanup();
      resolve(result);
    };
    const check = () => {
      if (Number.isNaN(result.keydown)) return;
      if (!highlightSeen) {
        const mark = text.querySelector<HTMLElement>(`mark[data-kind="nugget"][data-events~="${CSS.escape(eventIndex)}"]`);
        if (mark?.title.includes(expected)) {
          highlightSeen = true;
          result.highlightDom = performance.now();
          afterPaint((time) => ((result.highlight = time), finish()));
        }
      }
      if (!savedSeen && status.getAttribute("data-state") === "saved") {
        const save = w.__bench.saves.find((entry) => entry.start >= result.keydown && !Number.isNaN(entry.response));
        if (save) {
          savedSeen = true;
          result.response = save.response;
          afterPaint((time) => ((result.saved = time), finish()));
        }
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(text, { subtree: true, childList: true, attributes: true });
    observer.observe(status, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${eventIndex}: no ${highlightSeen ? "save" : "highlight change"} within 15 s (${JSON.stringify(result)})`));
    }, 15_000);
    const cleanup = () => {
      observer.disconnect();
      clearTimeout(timer);
      window.removeEventListener("keydown", onKeydown, true);
    };
    window.addEventListener("keydown", onKeydown, true);
  });
}

/** Resolves once the window's scroll position has stayed put for a few frames (J scrolls smoothly to the event). */
function scrollSettled(): Promise<void> {
  return new Promise((resolve) => {
    let last = -1;
    let still = 0;
    const started = performance.now();
    const frame = () => {
      const y = window.scrollY + document.scrollingElement!.scrollTop;
      still = y === last ? still + 1 : 0;
      last = y;
      if (still >= 4 || performance.now() - started > 3000) resolve();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

// --- the measurements ---------------------------------------------------------

interface NavigationTiming {
  response: number;
  firstPaint: number;
  load: number;
  ready: number;
}

async function navigate(page: Page, url: string): Promise<NavigationTiming> {
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.ready !== null, null, { timeout: 30_000 });
  // The load event's end is only set once its handlers ran.
  await page.waitForFunction(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd > 0);
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    return {
      response: navigation.responseStart,
      firstPaint: paint ? paint.startTime : NaN,
      load: navigation.loadEventEnd,
      ready: (window as unknown as BenchWindow).__bench.ready!,
    };
  });
}

async function waitSaved(page: Page): Promise<void> {
  await page.locator("[data-testid=save-status][data-state=saved]").waitFor({ timeout: 15_000 });
}

/** One timed action: J, T, then the digit of a type with another colour. */
async function typeChange(page: Page): Promise<ActionTiming> {
  const details = page.getByTestId("event-details");
  const before = await details.getAttribute("data-selected-event");
  await page.keyboard.press("j");
  await page.waitForFunction((previous) => {
    const selected = document.querySelector("[data-testid=event-details]")?.getAttribute("data-selected-event");
    return selected && selected !== previous;
  }, before);
  const eventIndex = (await details.getAttribute("data-selected-event"))!;
  const title = await page.locator(`[data-testid=editor-text] mark[data-kind="nugget"][data-events~="${eventIndex}"]`).first().getAttribute("title");
  const current = new RegExp(`${eventIndex} \\(([^/]+?) / `).exec(title ?? "")?.[1];
  if (!current) throw new Error(`${eventIndex}: no type in its nugget's title “${title}”`);

  await page.keyboard.press("t");
  const options = page.getByTestId("change-type-popup").getByRole("option");
  await options.first().waitFor();
  const choices = await options.evaluateAll((items) =>
    items.map((item) => ({ key: item.querySelector("kbd")?.textContent ?? "", label: item.querySelector("span")?.textContent ?? "" })),
  );
  const target = choices.find(({ key, label }) => {
    const type = label.split(" / ")[0];
    return key && type !== current && typeColorSlot(type) !== typeColorSlot(current);
  });
  if (!target) throw new Error(`${eventIndex}: no type of another colour than ${current} among ${choices.map((c) => c.label).join(", ")}`);
  await page.evaluate(scrollSettled);

  await page.evaluate(armAction, { eventIndex, expected: `${eventIndex} (${target.label})` });
  await page.keyboard.press(target.key);
  const timing = await page.evaluate(() => (window as unknown as BenchWindow).__benchAction!);
  await page.getByTestId("change-type-popup").waitFor({ state: "detached" });
  await waitSaved(page);
  return timing;
}

async function main() {
  const source = benchCorpus();
  console.log(describeBenchCorpus(source));
  const subject = await editorDocument(source);
  const { document } = subject;
  const events = document.hoppers.flatMap((hopper) => hopper.events);
  const spans = new Set(events.flatMap((event) => [event.nugget.index, ...event.arguments.map((argument) => argument.index)]));
  const loadBefore = loadavg();

  const server = await startTestServer();
  process.env.HOPPER_TEST_SERVER_URL = server.url;
  const database = await createTestDatabase();
  const client = createDatabaseClient(database.url);
  let app: App | undefined;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    const report = await importFiles([subject.file], { projectName: "bench", client });
    const documentId = report.imported[0]?.documentId;
    if (!documentId) throw new Error(`${path.basename(subject.file)} was not imported: ${report.skipped[0]?.reason}`);
    await createUser({ ...USER, role: "ADMIN" }, client);

    app = await startApp(database.url);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const context = await browser.newContext({ baseURL: app.base, viewport: { width: 1280, height: 800 } });
    // tsx keeps function names with a `__name` helper that page functions would call: the page gets one too.
    await context.addInitScript({ content: `globalThis.__name = (target) => target; (${instrument.toString()})();` });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);

    await page.goto("/signin");
    await page.getByLabel("Email").fill(USER.email);
    await page.getByLabel("Password").fill(USER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${app.base}/`);

    // The first open creates the user's (empty) set; it is then given the file's annotations through the save API.
    const viewUrl = `/documents/${documentId}`;
    const editorUrl = `${viewUrl}/annotate`;
    await navigate(page, editorUrl);
    await waitSaved(page);
    const setId = await page.getByTestId("editor").getAttribute("data-set");
    const saved = await page.evaluate(
      async ({ setId, operations }) => {
        const response = await fetch(`/api/annotation-sets/${encodeURIComponent(setId)}/operations`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            baseVersion: 0,
            clientId: "fill-own-set",
            operations: operations.map((operation, i) => ({ seq: i + 1, operation })),
          }),
        });
        return { status: response.status, body: await response.text() };
      },
      { setId: setId!, operations: operationsBuildingAnnotations(document) },
    );
    if (saved.status !== 200) throw new Error(`filling the set failed (${saved.status}): ${saved.body.slice(0, 500)}`);

    // 1. Navigation, alternating between the two pages; the first two of each are not counted.
    const view: NavigationTiming[] = [];
    const editor: NavigationTiming[] = [];
    for (let i = 0; i < NAVIGATIONS + 2; i++) {
      const v = await navigate(page, viewUrl);
      const e = await navigate(page, editorUrl);
      if (i < 2) continue;
      view.push(v);
      editor.push(e);
    }
    const marks = await page
      .locator('[data-testid=editor-text] mark[data-kind="nugget"]')
      .evaluateAll((all) => new Set(all.map((m) => m.getAttribute("data-span"))).size);
    if (marks !== new Set(events.map((event) => event.nugget.index)).size)
      throw new Error(`the editor shows ${marks} nuggets, the file has ${events.length} events`);

    // 2. Keyboard actions on the loaded editor.
    await waitSaved(page);
    await page.getByTestId("editor-text").focus();
    const actions: ActionTiming[] = [];
    for (let i = 0; i < ACTIONS + WARM_UP; i++) {
      const timing = await typeChange(page);
      if (i >= WARM_UP) actions.push(timing);
    }

    const loadAfter = loadavg();
    const column = (rows: NavigationTiming[], key: keyof NavigationTiming) => stats(rows.map((r) => r[key]));
    const readyRatio = median(editor.map((e) => e.ready)) / median(view.map((v) => v.ready));
    const since = (key: keyof ActionTiming) => actions.map((a) => a[key] - a.keydown);
    console.log(
      `editor document: ${path.basename(subject.file)} (${subject.why}), ${(subject.bytes / 1000).toFixed(1)} kB, ${document.content.length} characters, ` +
        `${document.hoppers.length} hoppers, ${events.length} events, ${spans.size} spans, all in the bench user's set`,
    );
    console.log(
      `app: ${app.built ? "built and started" : "started (build current)"} in ${app.startSeconds.toFixed(0)} s (${server.embedded ? "embedded PostgreSQL" : "DATABASE_URL's server"}); ` +
        `Chromium ${browser.version()} headless, 1280×800`,
    );
    console.log(`navigation start → …  ms, median / p95 of ${NAVIGATIONS} navigations each (after 2 warm-ups), alternating`);
    console.log(`${"".padEnd(34)}response      first paint   load event    accepts input`);
    const row = (rows: NavigationTiming[]) => (["response", "firstPaint", "load", "ready"] as const).map((key) => column(rows, key)).join("");
    console.log(`${"  read-only view /documents/[id]".padEnd(34)}${row(view)}baseline`);
    console.log(`${"  editor /documents/[id]/annotate".padEnd(34)}${row(editor)}${readyRatio.toFixed(2)}× baseline (target: under 1000)`);
    console.log(
      `keyboard type change (J, T, then the timed digit) → …  ms from the digit's keydown, median / p95 of ${ACTIONS} actions (after ${WARM_UP} warm-ups)`,
    );
    console.log(`  highlight changed in the DOM          ${stats(since("highlightDom")).trimEnd()}`);
    console.log(`  highlight on screen (next frame)      ${stats(since("highlight"))}target: under 50`);
    console.log(`  save response (POST …/operations)     ${stats(since("response")).trimEnd()}`);
    console.log(`  "All changes saved" on screen         ${stats(since("saved"))}target: p95 under 100`);
    console.log(describeLoad(loadBefore, loadAfter));
  } finally {
    await browser?.close();
    await app?.stop();
    await client.$disconnect();
    await database.drop();
    await server.stop();
  }
}

runBench(main);
