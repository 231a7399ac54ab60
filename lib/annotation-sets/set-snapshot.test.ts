// The row changes a snapshot works out from what operations changed, checked
// against the whole set's rows after every step of seeded random edits (every
// kind, on documents with imported layouts and shifted spans): applied to the
// stored rows, they always give exactly the rows of the new state. And a small
// edit writes a row or two, whatever the set's size.

import assert from "node:assert/strict";
import { test } from "node:test";
import { randomEdit, seededRandom } from "@/lib/annotation/test-random-edits";
import { clinicDocument } from "@/lib/annotation/test-documents";
import { documentNumbering } from "@/lib/annotation/index-allocation";
import { applyOperation, invertOperation, OperationConflictError } from "@/lib/annotation/operation-kinds";
import { InvalidCommandError } from "@/lib/annotation/editor-commands";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import type { CasieDocument } from "@/lib/casie/types";
import { parseCasieDocument } from "@/lib/casie/parse";
import { readAnnotationFiles } from "@/lib/testing/casie-corpus";
import { CASIE_FIXTURES } from "@/lib/testing/casie-fixtures";
import { annotationRowsFromHoppers, hoppersFromAnnotationRows, type AnnotationRows } from "./annotation-rows";
import { snapshotChanges, snapshotOf, type SetSnapshot } from "./set-snapshot";

/** The stored rows, as a table per kind: the row changes are applied to it as the database would. */
class StoredRows {
  private readonly tables: { [K in keyof AnnotationRows]: Map<string, AnnotationRows[K][number]> } = {
    spans: new Map(),
    hoppers: new Map(),
    events: new Map(),
    arguments: new Map(),
  };

  constructor(rows: AnnotationRows) {
    this.write({ upsert: rows, remove: { spans: [], hoppers: [], events: [], arguments: [] } });
  }

  write(changes: ReturnType<typeof snapshotChanges>["changes"]): void {
    for (const kind of ["spans", "hoppers", "events", "arguments"] as const) {
      for (const id of changes.remove[kind]) assert.ok(this.tables[kind].delete(id), `removes a stored ${kind} row`);
      for (const row of changes.upsert[kind]) this.tables[kind].set(row.id, structuredClone(row) as never);
    }
  }

  rows(): AnnotationRows {
    return {
      spans: [...this.tables.spans.values()],
      hoppers: [...this.tables.hoppers.values()],
      events: [...this.tables.events.values()],
      arguments: [...this.tables.arguments.values()],
    };
  }

  count(): number[] {
    return Object.values(this.tables).map((table) => table.size);
  }
}

function start(document: CasieDocument): { snapshot: SetSnapshot; stored: StoredRows } {
  const rows = annotationRowsFromHoppers("set", document.hoppers);
  return { snapshot: snapshotOf("set", 0, documentNumbering(document), document, rows), stored: new StoredRows(rows) };
}

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

function step(state: { snapshot: SetSnapshot; stored: StoredRows }, operation: AnnotationOperation): void {
  const next = applyOperation(state.snapshot.document, operation);
  const { changes, commit } = snapshotChanges(state.snapshot, next);
  state.stored.write(changes);
  commit(state.snapshot.version + 1, state.snapshot.numbering);
  const expected = annotationRowsFromHoppers("set", next.hoppers);
  assert.deepEqual(asJson(hoppersFromAnnotationRows(state.stored.rows())), asJson(next.hoppers), "the stored rows hold the new state");
  assert.deepEqual(
    state.stored.count(),
    [expected.spans.length, expected.hoppers.length, expected.events.length, expected.arguments.length],
    "no row left behind",
  );
  // The snapshot's own rows stay those of the store.
  assert.deepEqual(asJson(snapshotOf("set", 0, state.snapshot.numbering, next, state.stored.rows()).rows), asJson(state.snapshot.rows));
}

const documents = (): [string, CasieDocument][] => [
  ["clinic", clinicDocument()],
  ...readAnnotationFiles(CASIE_FIXTURES).map((file): [string, CasieDocument] => [file.name, parseCasieDocument(file.text).document!]),
];

test("seeded random edits of every kind: the snapshot's changes always store exactly the new state", () => {
  for (const [name, document] of documents()) {
    for (let seed = 1; seed <= 15; seed++) {
      const random = seededRandom(seed);
      const state = start(document);
      const done: AnnotationOperation[] = [];
      for (let i = 0; i < 40; i++) {
        let operation: AnnotationOperation | null;
        try {
          operation =
            random.chance(0.2) && done.length ? invertOperation(done.pop()!) : randomEdit(random, state.snapshot.document, state.snapshot.numbering);
          if (!operation) continue;
          applyOperation(state.snapshot.document, operation);
        } catch (error) {
          if (error instanceof InvalidCommandError || error instanceof OperationConflictError) continue;
          throw error;
        }
        try {
          step(state, operation);
        } catch (error) {
          throw new Error(`${name}, seed ${seed}, step ${i}: ${(error as Error).message}`, { cause: error });
        }
        done.push(operation);
      }
    }
  }
});

test("a small edit writes one row, and touching one hopper reads nothing of the others", () => {
  const hoppers = Array.from({ length: 500 }, (_, i) => ({
    index: i,
    events: [
      {
        index: `E${i + 1}`,
        type: "Attack",
        subtype: "Databreach",
        realis: "Actual",
        nugget: { index: `T${i + 1}`, startOffset: 0, endOffset: 7, text: "Hackers" },
        arguments: [],
      },
    ],
  }));
  const state = start({
    content: "Hackers stole data.",
    sourcefile: "big.txt",
    hoppers: hoppers.map((hopper) => ({ ...hopper, events: hopper.events.map((event) => ({ ...event, nugget: { ...event.nugget, index: "T1" } })) })),
  });
  const next = applyOperation(state.snapshot.document, {
    kind: "setEventAttributes",
    eventIndex: "E250",
    from: { realis: "Actual" },
    to: { realis: "Generic" },
  });
  const { changes } = snapshotChanges(state.snapshot, next);
  assert.deepEqual(
    Object.values(changes.upsert).map((rows) => rows.length),
    [0, 0, 1, 0],
  );
  assert.deepEqual(Object.values(changes.remove).flat(), []);
});
