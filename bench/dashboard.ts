// `npm run bench` (dashboard): the server time of the progress dashboard's
// data (lib/dashboard/dashboard-data.ts loadDashboard) on a project of 1,000
// documents, each assigned to 3 annotators, whose sets hold 5 events each: a
// third submitted (over two weeks), a third in progress, a third not opened.
// Median and p95 of 50 runs (target: p95 under 300 ms), next to a count of
// the project's documents as the baseline of a query that does nothing much.
// Then the agreement page's figures on the same project (read from the
// database and computed: lib/agreement/project-agreement-report.ts), which the
// page streams in behind a loading state: median of 5 runs, target under 5 s.

import { loadavg } from "node:os";
import { importIntoEmptySet } from "@/lib/annotation-sets/import-into-set";
import { openAnnotatorSet } from "@/lib/annotation-sets";
import { assignBalanced } from "@/lib/assignments/assignments";
import { createDatabaseClient, type Database } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/test-database";
import { startTestServer } from "@/lib/db/test-server";
import { loadDashboard } from "@/lib/dashboard/dashboard-data";
import { DEFAULT_AGREEMENT_QUERY } from "@/lib/agreement/agreement-query";
import { loadAgreementReport } from "@/lib/agreement/project-agreement-report";
import { createDocument } from "@/lib/documents/store";
import { findOrCreateProject } from "@/lib/projects/project-store";
import { documentWithEvents } from "@/lib/testing/synthetic-documents";
import { createUser } from "@/lib/users";
import { describeLoad, median, p95, runBench } from "./bench-app";
import { inParallel } from "./in-parallel";

const DOCUMENTS = Number(process.env.BENCH_DASHBOARD_DOCUMENTS ?? 1000);
const ANNOTATORS = 3;
const RUNS = 50;
const TARGET_MS = 300;
const AGREEMENT_RUNS = 5;
const AGREEMENT_TARGET_MS = 5000;

async function fill(client: Database): Promise<string> {
  const project = await findOrCreateProject("Dashboard bench", client);
  const gold = documentWithEvents(10, "gold");
  const documentIds: string[] = [];
  await inParallel(
    Array.from({ length: DOCUMENTS }, (_, i) => i),
    4,
    async (i) => {
      const name = String(i + 1);
      documentIds[i] = await createDocument(
        { projectId: project.id, name, casie: { ...gold, sourcefile: `${name}.txt` }, warnings: [], withGoldSet: true, replace: false },
        client,
      );
    },
  );
  const people = await Promise.all(
    Array.from({ length: ANNOTATORS }, (_, i) =>
      createUser(
        { email: `annotator${i}@bench.test`, name: `Annotator ${i}`, password: "bench-password-not-for-production", role: "ANNOTATOR" },
        client,
      ),
    ),
  );
  await client.projectMember.createMany({ data: people.map((person) => ({ projectId: project.id, userId: person.id, role: "ANNOTATOR" as const })) });
  await assignBalanced({ projectId: project.id, documentIds, perDocument: ANNOTATORS, byUserId: null }, client);
  const work = documentWithEvents(5, "work");
  const pairs = documentIds.flatMap((documentId, d) => people.map((person) => ({ documentId, person, state: d % 3 })));
  await inParallel(pairs, 4, async ({ documentId, person, state }, index) => {
    if (state === 2) return;
    const user = { id: person.id, email: person.email, name: person.name, role: person.role };
    const opened = await openAnnotatorSet(user, documentId, client);
    if (!opened) throw new Error("a bench set did not open");
    await importIntoEmptySet(opened.setId, { ...work, content: gold.content, sourcefile: gold.sourcefile }, person.id, client);
    if (state === 0) {
      await client.pool.query(
        `UPDATE "AnnotationSet" SET "status" = 'SUBMITTED', "submittedAt" = now() - make_interval(days => $2) WHERE "id" = $1`,
        [opened.setId, index % 14],
      );
    }
  });
  return project.id;
}

function timed(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  return (async () => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await work();
      times.push(performance.now() - started);
    }
    return times;
  })();
}

async function main(): Promise<void> {
  const server = await startTestServer();
  process.env.HOPPER_TEST_SERVER_URL = server.url;
  const database = await createTestDatabase();
  const client = createDatabaseClient(database.url);
  try {
    const filling = performance.now();
    const projectId = await fill(client);
    await client.pool.query("ANALYZE");
    console.log(
      `dashboard: ${DOCUMENTS} documents × ${ANNOTATORS} annotators (filled in ${((performance.now() - filling) / 1000).toFixed(1)} s), PostgreSQL: embedded or DATABASE_URL's server`,
    );
    const data = await loadDashboard(projectId, client);
    console.log(`  documents by status: ${JSON.stringify(data.byStatus)}; ${data.submissionsPerDay.length} days of submissions`);
    const loadBefore = loadavg();
    await timed(5, () => loadDashboard(projectId, client));
    const baseline = await timed(RUNS, () => client.pool.query(`SELECT count(*) FROM "Document" WHERE "projectId" = $1`, [projectId]));
    const dashboard = await timed(RUNS, () => loadDashboard(projectId, client));
    const loadAfter = loadavg();
    console.log(`  baseline (count the project's documents): median ${median(baseline).toFixed(1)} ms, p95 ${p95(baseline).toFixed(1)} ms`);
    console.log(
      `  dashboard data: median ${median(dashboard).toFixed(1)} ms, p95 ${p95(dashboard).toFixed(1)} ms (${(median(dashboard) / median(baseline)).toFixed(1)}× the baseline; target p95 < ${TARGET_MS} ms: ${p95(dashboard) < TARGET_MS ? "met" : "MISSED"})`,
    );
    console.log(`  ${describeLoad(loadBefore, loadAfter)}`);
    const project = { id: projectId, name: "Dashboard bench" };
    const report = await loadAgreementReport(project, DEFAULT_AGREEMENT_QUERY, client);
    const agreement = await timed(AGREEMENT_RUNS, () => loadAgreementReport(project, DEFAULT_AGREEMENT_QUERY, client));
    console.log(
      `  agreement page figures (${report.comparedDocuments} documents compared, ${report.pairs.length} pairs): median ${median(agreement).toFixed(0)} ms of ${AGREEMENT_RUNS} warm runs (${(median(agreement) / median(dashboard)).toFixed(0)}× the dashboard data; target < ${AGREEMENT_TARGET_MS} ms: ${median(agreement) < AGREEMENT_TARGET_MS ? "met" : "MISSED"})`,
    );
  } finally {
    await client.$disconnect();
    await database.drop();
    await server.stop();
  }
}

runBench(main);
