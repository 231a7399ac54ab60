// `npm run bench` (long documents): the editor, the document page and saves on
// a long document (28 CASIE sample documents joined into one, see
// bench/long-document-corpus.ts) next to a typical one, in the same run, in
// Chromium against a production build; then a document three times as long.
// Each is the bench user's own set, filled through the save API.
//   - editor ready: navigation → the editor honours keys (`data-ready`);
//   - key → painted, key → "All changes saved": the digit of J, T, digit (bench/editor-session.ts);
//   - one-operation save: an event's realis toggled over HTTP from this process (round trip, on localhost);
//   - document page: its load event (and, of it, the server's time to the first byte of the HTML), and the size of its
//     HTML (with the React payload inlined in it);
//   - editor page: the size of its HTML.
// Targets: long vs typical, key → painted p95 at most 1.5× and under 50 ms, key → saved at most 1.5×, editor
// ready under 250 ms, document page load event under 300 ms; the very long one opens under 1 s and edits under 100 ms.

import { loadavg } from "node:os";
import { encode } from "next-auth/jwt";
import { chromium, type Browser, type Page } from "playwright-core";
import { operationsBuildingAnnotations } from "@/lib/annotation/build-operations";
import { openAnnotatorSet } from "@/lib/annotation-sets";
import type { CasieDocument } from "@/lib/casie/types";
import { createDatabaseClient } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/test-database";
import { startTestServer } from "@/lib/db/test-server";
import { createDocument } from "@/lib/documents/store";
import { findOrCreateProject } from "@/lib/projects/project-store";
import { createUser } from "@/lib/users";
import { BENCH_SECRET, describeLoad, median, p95, runBench, startApp, type App } from "./bench-app";
import { Writer } from "./bench-writer";
import { benchCorpus, describeBenchCorpus } from "./bench-corpus";
import { CHROMIUM_ARGS, instrument, navigate, typeChange, waitSaved, type ActionTiming } from "./editor-session";
import { describeDocument, longDocumentSubjects, type BenchDocument } from "./long-document-corpus";

const NAVIGATIONS = Number(process.env.BENCH_NAVIGATIONS ?? 10);
const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 30);
const SAVES = Number(process.env.BENCH_SAVES ?? 50);
const WARM_UP = 3;
const SAVE_WARM_UP = 20;
/** Operations per save while filling a set: well under the save API's body limit (1 MiB). */
const FILL_BATCH = 200;
const USER = { email: "bench@hopper.test", name: "Bench Admin", password: "bench-password-not-for-production" };

interface Measured {
  editorReady: number[];
  documentLoad: number[];
  documentFirstByte: number[];
  documentBytes: number;
  editorBytes: number;
  actions: ActionTiming[];
  saves: number[];
}

async function pageBytes(page: Page): Promise<number> {
  return page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).decodedBodySize);
}

async function measure(page: Page, documentId: string, writer: Writer, document: CasieDocument): Promise<Measured> {
  const first = document.hoppers[0].events[0];
  let realis = first.realis;
  const saves: number[] = [];
  for (let i = 0; i < SAVES + SAVE_WARM_UP; i++) {
    const to = realis === "Actual" ? "Generic" : "Actual";
    const { ms } = await writer.post([{ kind: "setEventAttributes", eventIndex: first.index, from: { realis }, to: { realis: to } }]);
    realis = to;
    if (i >= SAVE_WARM_UP) saves.push(ms);
  }

  const viewUrl = `/documents/${documentId}`;
  const editorUrl = `${viewUrl}/annotate`;
  const editorReady: number[] = [];
  const documentLoad: number[] = [];
  const documentFirstByte: number[] = [];
  let documentBytes = 0;
  let editorBytes = 0;
  for (let i = 0; i < NAVIGATIONS + 2; i++) {
    const view = await navigate(page, viewUrl);
    documentBytes = await pageBytes(page);
    const editor = await navigate(page, editorUrl);
    editorBytes = await pageBytes(page);
    if (i < 2) continue;
    documentLoad.push(view.load);
    documentFirstByte.push(view.response);
    editorReady.push(editor.ready);
  }

  await waitSaved(page);
  await page.getByTestId("editor-text").focus();
  const actions: ActionTiming[] = [];
  for (let i = 0; i < ACTIONS + WARM_UP; i++) {
    const timing = await typeChange(page);
    if (i >= WARM_UP) actions.push(timing);
  }
  return { editorReady, documentLoad, documentFirstByte, documentBytes, editorBytes, actions, saves };
}

async function main() {
  const source = benchCorpus();
  console.log(describeBenchCorpus(source));
  const subjects = longDocumentSubjects(source);
  const loadBefore = loadavg();

  const server = await startTestServer();
  process.env.HOPPER_TEST_SERVER_URL = server.url;
  const database = await createTestDatabase();
  const client = createDatabaseClient(database.url);
  let app: App | undefined;
  let browser: Browser | undefined;
  try {
    const project = await findOrCreateProject("Bench", client);
    const person = await createUser({ ...USER, role: "ADMIN" }, client);
    const user = { id: person.id, email: person.email, name: person.name, role: person.role };
    const token = await encode({ token: { sub: person.id }, secret: BENCH_SECRET });
    const cookie = `next-auth.session-token=${token}`;
    const stored = async ({ document }: BenchDocument, name: string) => {
      const id = await createDocument({ projectId: project.id, name, casie: document, warnings: [], withGoldSet: false, replace: false }, client);
      const opened = await openAnnotatorSet(user, id, client);
      if (!opened) throw new Error("the bench set did not open");
      return { id, setId: opened.setId, version: opened.version };
    };
    const documents = {
      typical: await stored(subjects.typical, "typical"),
      long: await stored(subjects.long, "long"),
      veryLong: await stored(subjects.veryLong, "very-long"),
    };

    app = await startApp(database.url);
    const writers = {} as Record<keyof typeof documents, Writer>;
    for (const key of ["typical", "long", "veryLong"] as const) {
      const writer = new Writer(app, cookie, documents[key].setId, documents[key].version, `bench-writer-${key}`);
      const operations = operationsBuildingAnnotations(subjects[key].document);
      for (let i = 0; i < operations.length; i += FILL_BATCH) await writer.post(operations.slice(i, i + FILL_BATCH));
      writers[key] = writer;
    }

    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ baseURL: app.base, viewport: { width: 1280, height: 800 } });
    await context.addCookies([{ name: "next-auth.session-token", value: token, url: app.base }]);
    await context.addInitScript({ content: `globalThis.__name = (target) => target; (${instrument.toString()})();` });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);

    const results = {} as Record<keyof typeof documents, Measured>;
    for (const key of ["typical", "long", "veryLong"] as const)
      results[key] = await measure(page, documents[key].id, writers[key], subjects[key].document);
    const loadAfter = loadavg();

    console.log(
      `app: ${app.built ? "built and started" : "started (build current)"} in ${app.startSeconds.toFixed(0)} s; Chromium ${browser.version()} headless, 1280×800`,
    );
    for (const key of ["typical", "long", "veryLong"] as const)
      console.log(`${key.padEnd(9)} ${subjects[key].label}: ${describeDocument(subjects[key].document)}`);
    console.log(
      `${NAVIGATIONS} navigations per page (after 2 warm-ups), ${ACTIONS} key actions (after ${WARM_UP}), ${SAVES} one-operation saves (after ${SAVE_WARM_UP}); ms, median / p95`,
    );
    const since = (measured: Measured, key: keyof ActionTiming) => measured.actions.map((action) => action[key] - action.keydown);
    const pair = (values: number[]) => `${Math.round(median(values))} / ${Math.round(p95(values))}`;
    const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en")} KiB`;
    const ratio = (long: number, typical: number) => `${(long / typical).toFixed(2)}×`;
    const rows: [string, (m: Measured) => string, (long: Measured, typical: Measured) => string, string][] = [
      ["editor ready", (m) => pair(m.editorReady), (l, t) => ratio(median(l.editorReady), median(t.editorReady)), "long < 250; very long < 1000"],
      [
        "key → painted",
        (m) => pair(since(m, "highlight")),
        (l, t) => ratio(p95(since(l, "highlight")), p95(since(t, "highlight"))),
        "p95 ≤ 1.5× and < 50; very long < 100",
      ],
      [
        "key → highlight in the DOM",
        (m) => pair(since(m, "highlightDom")),
        (l, t) => ratio(p95(since(l, "highlightDom")), p95(since(t, "highlightDom"))),
        "",
      ],
      [
        'key → "All changes saved"',
        (m) => pair(since(m, "saved")),
        (l, t) => ratio(median(since(l, "saved")), median(since(t, "saved"))),
        "median ≤ 1.5×",
      ],
      ["one-operation save (HTTP)", (m) => pair(m.saves), (l, t) => ratio(median(l.saves), median(t.saves)), ""],
      ["document page load event", (m) => pair(m.documentLoad), (l, t) => ratio(median(l.documentLoad), median(t.documentLoad)), "long < 300"],
      ["  of it, first byte", (m) => pair(m.documentFirstByte), (l, t) => ratio(median(l.documentFirstByte), median(t.documentFirstByte)), ""],
      ["document page size", (m) => kib(m.documentBytes), (l, t) => ratio(l.documentBytes, t.documentBytes), ""],
      ["editor page size", (m) => kib(m.editorBytes), (l, t) => ratio(l.editorBytes, t.editorBytes), ""],
    ];
    console.log(`${"".padEnd(28)}${"typical".padEnd(14)}${"long".padEnd(14)}${"long/typical".padEnd(14)}${"very long".padEnd(14)}target`);
    for (const [label, value, compare, target] of rows) {
      const { typical, long, veryLong } = results;
      console.log(
        `${label.padEnd(28)}${value(typical).padEnd(14)}${value(long).padEnd(14)}${compare(long, typical).padEnd(14)}${value(veryLong).padEnd(14)}${target}`,
      );
    }
    console.log("(ratios: p95 for key → painted and key → highlight in the DOM, medians otherwise)");
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
