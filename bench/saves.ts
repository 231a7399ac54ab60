// `npm run bench` (saves): what the server costs per save, over HTTP against
// the production app (`next start`), with a health request measured in the
// same run as the baseline of a request that does nothing.
//   1. One annotator's one-operation saves, one after the other: median / p95
//      (target: median at most 20 ms).
//   2. The same on a set of 10 events and on a set of 500: a save should cost
//      what it changes, so the ratio should be about 1.
//   3. 50 annotators saving as fast as they can at once: saves per second
//      (target: at least 600) and p95.

import { loadavg } from "node:os";
import { encode } from "next-auth/jwt";
import { operationsBuildingAnnotations } from "@/lib/annotation/build-operations";
import { openAnnotatorSet } from "@/lib/annotation-sets";
import type { CasieDocument } from "@/lib/casie/types";
import { createDatabaseClient } from "@/lib/db/client";
import { createTestDatabase } from "@/lib/db/test-database";
import { startTestServer } from "@/lib/db/test-server";
import { createDocument } from "@/lib/documents/store";
import { findOrCreateProject } from "@/lib/projects/project-store";
import { documentWithEvents } from "@/lib/testing/synthetic-documents";
import { createUser } from "@/lib/users";
import { BENCH_SECRET, describeLoad, median, p95, runBench, startApp, type App } from "./bench-app";
import { Writer } from "./bench-writer";

const SEQUENTIAL = Number(process.env.BENCH_SAVES ?? 200);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 50);
const SATURATION_SECONDS = Number(process.env.BENCH_SATURATION_SECONDS ?? 10);

async function main(): Promise<void> {
  const server = await startTestServer();
  process.env.HOPPER_TEST_SERVER_URL = server.url;
  const database = await createTestDatabase();
  const client = createDatabaseClient(database.url);
  let app: App | undefined;
  try {
    const project = await findOrCreateProject("Bench", client);
    const documentOf = async (events: number, name: string) => {
      const casie = documentWithEvents(events, name);
      const id = await createDocument({ projectId: project.id, name, casie, warnings: [], withGoldSet: false, replace: false }, client);
      return { id, casie };
    };
    const small = await documentOf(10, "ten-events");
    const large = await documentOf(500, "five-hundred-events");
    const shared = await documentOf(10, "ten-events-for-everyone");
    const people = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        createUser({ email: `writer${i}@bench.test`, name: `Writer ${i}`, password: "bench-password-not-for-production", role: "ANNOTATOR" }, client),
      ),
    );
    await client.projectMember.createMany({
      data: people.map((person) => ({ projectId: project.id, userId: person.id, role: "ANNOTATOR" as const })),
    });
    await client.assignment.createMany({
      data: people.flatMap((person) => [small, large, shared].map((document) => ({ documentId: document.id, annotatorId: person.id }))),
    });

    app = await startApp(database.url);
    console.log(
      `saves over HTTP against next start (${app.built ? "built first" : "build up to date"}), PostgreSQL: embedded or DATABASE_URL's server`,
    );
    const writerOn = async (person: (typeof people)[number], document: { id: string; casie: CasieDocument }, clientId: string) => {
      const user = { id: person.id, email: person.email, name: person.name, role: person.role };
      const opened = await openAnnotatorSet(user, document.id, client);
      if (!opened) throw new Error("the bench set did not open");
      const cookie = `next-auth.session-token=${await encode({ token: { sub: person.id }, secret: BENCH_SECRET })}`;
      const writer = new Writer(app!, cookie, opened.setId, opened.version, clientId);
      await writer.post(operationsBuildingAnnotations(document.casie));
      return writer;
    };

    // Baseline: a request that does nothing.
    const health: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) {
      const started = performance.now();
      await (await fetch(`${app.base}/api/health`)).text();
      health.push(performance.now() - started);
    }

    const timed = async (writer: Writer) => {
      for (let i = 0; i < 20; i++) await writer.toggle();
      const times: number[] = [];
      for (let i = 0; i < SEQUENTIAL; i++) times.push(await writer.toggle());
      return times;
    };
    const onSmall = await timed(await writerOn(people[0], small, "bench-small"));
    const onLarge = await timed(await writerOn(people[1], large, "bench-large"));
    const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);
    const row = (label: string, values: number[]) => `  ${label.padEnd(44)}${ms(median(values))} /${ms(p95(values))}`;
    console.log(`one annotator's one-operation saves, ${SEQUENTIAL} in a row, median / p95:`);
    console.log(row("health request (baseline: a request that does nothing)", health));
    console.log(`${row("save on a set of 10 events", onSmall)}   target: median at most 20 ms`);
    console.log(row("save on a set of 500 events", onLarge));
    console.log(
      `  500 vs 10 events: ${(median(onLarge) / median(onSmall)).toFixed(2)}× the median (target: about 1); save vs health request: ${(median(onSmall) / median(health)).toFixed(1)}×`,
    );

    // Saturation: every writer saves as fast as its answers come back.
    const writers = await Promise.all(people.map((person, i) => writerOn(person, shared, `bench-writer-${i}`)));
    const times: number[] = [];
    const loadBefore = loadavg();
    const until = performance.now() + SATURATION_SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      writers.map(async (writer) => {
        while (performance.now() < until) times.push(await writer.toggle());
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${WRITERS} annotators saving at once for ${SATURATION_SECONDS} s: ${(times.length / seconds).toFixed(0)} saves/s (target: at least 600), ` +
        `median ${median(times).toFixed(0)} ms, p95 ${p95(times).toFixed(0)} ms`,
    );
    console.log(describeLoad(loadBefore, loadavg()));
  } finally {
    await app?.stop();
    await client.$disconnect();
    await database.drop();
    await server.stop();
  }
}

runBench(main);
