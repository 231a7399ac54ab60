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
import { chromium } from "playwright-core";
import { DEFAULT_CASIE_TAGSET, parseCasieDocument, type CasieDocument } from "@/lib/casie";
import { createDatabaseClient } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/test-database";
import { startTestServer } from "@/lib/db/test-server";
import { importFiles } from "@/lib/import/import-files";
import { createUser } from "@/lib/users";
import { operationsBuildingAnnotations } from "@/lib/annotation/build-operations";
import { annotationFileNames } from "@/lib/testing/casie-corpus";
import { FIXTURE, fixturePath } from "@/lib/testing/casie-fixtures";
import { describeLoad, median, runBench, startApp, stats, type App } from "./bench-app";
import { benchCorpus, describeBenchCorpus, type BenchCorpus } from "./bench-corpus";
import { CHROMIUM_ARGS, instrument, navigate, typeChange, waitSaved, type ActionTiming, type NavigationTiming } from "./editor-session";

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
      args: CHROMIUM_ARGS,
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
