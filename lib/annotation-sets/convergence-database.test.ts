// The one merge rule against the real save: seeded random rounds of several
// windows editing one set at once, their saves answered in any order and some
// answers lost, end with every window holding exactly what the database holds,
// and every acknowledged save stored once (lib/annotation/convergence.test.ts
// plays many more rounds against the in-memory twin of the save).

import { after, before, test } from "node:test";
import type { LoadResponse } from "@/lib/annotation/sync-protocol";
import { playRound } from "@/lib/annotation/test-rounds";
import { clinicDocument } from "@/lib/annotation/test-documents";
import { db } from "@/lib/db/client";
import { operationsSince } from "./operation-log";
import { saveOperations } from "./save-operations";
import { loadAnnotationSet } from "./set-state";
import { annotatedSetOf, closeTestWorld, createTestWorld, type TestWorld } from "./test-fixtures";

let world: TestWorld;
before(async () => {
  world = await createTestWorld();
});
after(() => closeTestWorld(world));

let documents = 0;

/** Ann's set on a new copy of the clinic document, holding its annotations. */
const annotatedSet = () => annotatedSetOf(world, world.ann, { ...clinicDocument(), sourcefile: `clinic-${++documents}.txt` });

async function load(setId: string): Promise<LoadResponse> {
  const state = (await loadAnnotationSet(setId))!;
  return { setId, kind: state.kind, version: state.version, numbering: state.numbering, document: state.document, canEdit: true };
}

test("seeded random rounds against the database: every window ends with exactly the stored state", async () => {
  const rounds = Number(process.env.HOPPER_DATABASE_CONVERGENCE_ROUNDS ?? 25);
  for (let seed = 1; seed <= rounds; seed++) {
    await playRound(seed, async () => {
      const setId = await annotatedSet();
      return {
        server: {
          save: (request) => saveOperations({ setId, ...request, userId: world.ann.id }),
          since: async (version) => (await operationsSince(setId, version))!,
          load: () => load(setId),
        },
        state: () => load(setId),
        logged: () => db().annotationOperation.findMany({ where: { setId }, select: { clientId: true, seq: true } }),
      };
    });
  }
});
