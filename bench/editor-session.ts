// What the browser benchmarks (bench/editor.ts, bench/long-document.ts) share:
// the page instrumentation that times navigations and saves, and the timed
// keyboard action (J, T, then the digit of a type with another colour: the
// digit's keydown → its highlight painted → "All changes saved" painted).

import type { Page } from "playwright-core";
import { typeColorSlot } from "@/lib/annotation/type-color-slot";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

interface SaveEntry {
  start: number;
  response: number;
}
export interface ActionTiming {
  keydown: number;
  /** The mark changed in the DOM (React's commit), before it is painted. */
  highlightDom: number;
  highlight: number;
  response: number;
  saved: number;
}
export interface BenchWindow {
  __bench: { ready: number | null; saves: SaveEntry[] };
  __benchAction?: Promise<ActionTiming>;
}

/**
 * Runs before any page script: records when the page accepts input and when
 * each save's response arrives.
 */
export function instrument(): void {
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

/** Watches for the next keydown and what follows it: the event's nugget mark in another colour (its class changed), and the save. */
function armAction({ eventIndex }: { eventIndex: string }): void {
  const w = window as unknown as BenchWindow;
  const text = document.querySelector("[data-testid=editor-text]")!;
  const nugget = `mark[data-kind="nugget"][data-events~="${CSS.escape(eventIndex)}"]`;
  const before = text.querySelector(nugget)?.className;
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
        const mark = text.querySelector(nugget);
        if (mark && mark.className !== before) {
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

export interface NavigationTiming {
  response: number;
  firstPaint: number;
  load: number;
  ready: number;
}

export async function navigate(page: Page, url: string): Promise<NavigationTiming> {
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

export async function waitSaved(page: Page): Promise<void> {
  await page.locator("[data-testid=save-status][data-state=saved]").waitFor({ timeout: 15_000 });
}

/** One timed action: J, T, then the digit of a type with another colour. */
export async function typeChange(page: Page): Promise<ActionTiming> {
  const details = page.getByTestId("event-details");
  const before = await details.getAttribute("data-selected-event");
  await page.keyboard.press("j");
  await page.waitForFunction((previous) => {
    const selected = document.querySelector("[data-testid=event-details]")?.getAttribute("data-selected-event");
    return selected && selected !== previous;
  }, before);
  const eventIndex = (await details.getAttribute("data-selected-event"))!;
  const nugget = page.locator(`[data-testid=editor-text] mark[data-kind="nugget"][data-events~="${eventIndex}"]`).first();
  // Marks get their title on hover (components/editor/EditorText.tsx).
  await nugget.dispatchEvent("mouseover");
  const title = await nugget.getAttribute("title");
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

  await page.evaluate(armAction, { eventIndex });
  await page.keyboard.press(target.key);
  const timing = await page.evaluate(() => (window as unknown as BenchWindow).__benchAction!);
  await page.getByTestId("change-type-popup").waitFor({ state: "detached" });
  await waitSaved(page);
  return timing;
}
