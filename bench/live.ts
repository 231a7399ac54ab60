// `npm run bench` (live): 50 simulated annotators on loopback, each saving one
// change a second to their own set while its stream is open, and 2 more
// viewers per set (reviewers watching). Measures save latency p50/p95/p99, the
// delay from a save's request to each other viewer hearing its version
// (p50/p95), errors, and then reads every set's log back against every
// acknowledged save: none lost, none stored twice.
// Targets: save p95 < 50 ms, propagation p95 < 200 ms, 0 errors, 0 lost or duplicated.

import { loadavg } from "node:os";
import pg from "pg";
import { encode } from "next-auth/jwt";
import { operationsBuildingAnnotations } from "@/lib/annotation/build-operations";
import { openAnnotatorSet } from "@/lib/annotation-sets";
import { createDatabaseClient } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/test-database";
import { startTestServer } from "@/lib/db/test-server";
import { createDocument } from "@/lib/documents/store";
import { findOrCreateProject } from "@/lib/projects/project-store";
import { documentWithEvents } from "@/lib/testing/synthetic-documents";
import { createUser } from "@/lib/users";
import { BENCH_SECRET, describeLoad, median, runBench, startApp, type App } from "./bench-app";
import { Writer } from "./bench-writer";

const ANNOTATORS = Number(process.env.BENCH_LIVE_ANNOTATORS ?? 50);
const VIEWERS_PER_SET = 2;
const SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 60);

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(q * values.length) - 1)] ?? NaN;

/** A viewer's stream of a set: calls `heard` with each version it is told of. */
async function watch(app: App, setId: string, cookie: string, heard: (version: number) => void, signal: AbortSignal): Promise<void> {
  const response = await fetch(`${app.base}/api/annotation-sets/${setId}/events`, { headers: { cookie }, signal });
  if (!response.ok || !response.body) throw new Error(`a viewer's stream was answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
          const version = /^event: version\ndata: \{"version":(\d+)\}$/m.exec(buffer.slice(0, end))?.[1];
          buffer = buffer.slice(end + 2);
          if (version) heard(Number(version));
        }
      }
    } catch {
      // Aborted at the end of the run.
    }
  })();
}

async function main(): Promise<void> {
  const server = await startTestServer();
  process.env.HOPPER_TEST_SERVER_URL = server.url;
  const database = await createTestDatabase();
  const client = createDatabaseClient(database.url);
  const stop = new AbortController();
  let app: App | undefined;
  try {
    const project = await findOrCreateProject("Live bench", client);
    const reviewer = await createUser(
      { email: "reviewer@bench.test", name: "Reviewer", password: "bench-password-not-for-production", role: "REVIEWER" },
      client,
    );
    const reviewerCookie = `next-auth.session-token=${await encode({ token: { sub: reviewer.id }, secret: BENCH_SECRET })}`;
    app = await startApp(database.url);
    console.log(
      `live collaboration over HTTP against next start: ${ANNOTATORS} annotators saving once a second for ${SECONDS} s, ${VIEWERS_PER_SET} viewers per set`,
    );

    const writers: Writer[] = [];
    for (let i = 0; i < ANNOTATORS; i++) {
      const person = await createUser(
        { email: `live${i}@bench.test`, name: `Live ${i}`, password: "bench-password-not-for-production", role: "ANNOTATOR" },
        client,
      );
      await client.projectMember.create({ data: { projectId: project.id, userId: person.id, role: "ANNOTATOR" } });
      const casie = documentWithEvents(10, `live-${i}`);
      const documentId = await createDocument(
        { projectId: project.id, name: `live-${i}`, casie, warnings: [], withGoldSet: false, replace: false },
        client,
      );
      // Only assigned annotators open a set of their own.
      await client.assignment.create({ data: { documentId, annotatorId: person.id } });
      const opened = await openAnnotatorSet({ id: person.id, email: person.email, name: person.name, role: person.role }, documentId, client);
      if (!opened) throw new Error("the bench set did not open");
      const cookie = `next-auth.session-token=${await encode({ token: { sub: person.id }, secret: BENCH_SECRET })}`;
      const writer = new Writer(app, cookie, opened.setId, opened.version, `live-writer-${i}`);
      await writer.post(operationsBuildingAnnotations(casie));
      writers.push(writer);
    }

    /** When each (set, version) was asked for, and how long after that each viewer heard of it. */
    const sentAt = new Map<string, number>();
    const propagation: number[] = [];
    const early = new Map<string, number[]>();
    const heardBy = (setId: string) => (version: number) => {
      const key = `${setId} ${version}`;
      const sent = sentAt.get(key);
      if (sent === undefined) early.set(key, [...(early.get(key) ?? []), performance.now()]);
      else propagation.push(performance.now() - sent);
    };
    for (const writer of writers) {
      for (let v = 0; v < VIEWERS_PER_SET; v++) await watch(app, writer.setId, reviewerCookie, heardBy(writer.setId), stop.signal);
    }

    const latencies: number[] = [];
    const acknowledged = new Map<string, number>();
    let errors = 0;
    const loadBefore = loadavg();
    const end = performance.now() + SECONDS * 1000;
    await Promise.all(
      writers.map(async (writer, i) => {
        // Spread over the second, as people are.
        await new Promise((resolve) => setTimeout(resolve, (1000 * i) / writers.length));
        for (let next = performance.now(); next < end; next += 1000) {
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
          const started = performance.now();
          sentAt.set(`${writer.setId} ${writer.version + 1}`, started);
          try {
            latencies.push(await writer.toggle());
            acknowledged.set(writer.setId, (acknowledged.get(writer.setId) ?? 0) + 1);
          } catch {
            errors++;
          }
        }
      }),
    );
    // Notifications of the last saves are still on their way.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const [key, times] of early) {
      const sent = sentAt.get(key);
      if (sent !== undefined) for (const time of times) propagation.push(Math.max(0, time - sent));
    }

    // Read back: each writer's saves are in its set's log exactly once each.
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    let lost = 0;
    let duplicated = 0;
    try {
      for (const writer of writers) {
        const { rows } = await pool.query<{ seqs: number; distinct: number; version: number }>(
          `SELECT count(*)::int AS "seqs", count(DISTINCT o."seq")::int AS "distinct", s."version"
            FROM "AnnotationSet" s LEFT JOIN "AnnotationOperation" o ON o."setId" = s."id" AND o."clientId" = $2
            WHERE s."id" = $1 GROUP BY s."version"`,
          [writer.setId, writer.clientId],
        );
        const expected = writer.acknowledgedOperations;
        lost += Math.max(0, expected - rows[0].distinct);
        duplicated += rows[0].seqs - rows[0].distinct + Math.max(0, rows[0].distinct - expected);
      }
    } finally {
      await pool.end();
    }
    const expectedDeliveries = [...acknowledged.values()].reduce((a, b) => a + b, 0) * VIEWERS_PER_SET;
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(
      `  saves: ${latencies.length} acknowledged, ${errors} errors; latency p50 ${ms(quantile(latencies, 0.5))}, p95 ${ms(quantile(latencies, 0.95))}, p99 ${ms(quantile(latencies, 0.99))}   target: p95 < 50 ms, 0 errors`,
    );
    console.log(
      `  propagation to the other viewers (request sent → version heard): ${propagation.length} of ${expectedDeliveries} deliveries, p50 ${ms(median(propagation))}, p95 ${ms(quantile(propagation, 0.95))}   target: p95 < 200 ms`,
    );
    console.log(`  read back: ${lost} lost, ${duplicated} duplicated   target: 0 and 0`);
    console.log(describeLoad(loadBefore, loadavg()));
  } finally {
    stop.abort();
    await app?.stop();
    await client.$disconnect();
    await database.drop();
    await server.stop();
  }
}

runBench(main);
