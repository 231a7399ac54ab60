import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { parseCasieDocument } from "@/lib/casie";
import { hoppersWithoutLayouts } from "@/lib/casie/hoppers-without-layouts";
import { db } from "@/lib/db/client";
import { FIXTURE, readFixture } from "@/lib/testing/casie-fixtures";
import { hoppersFromAnnotationRows } from "./annotation-rows";
import { readSetsRows, SET_ROW_COLUMNS } from "./set-rows";
import { annotatedSetOf, closeTestWorld, createTestWorld, type TestWorld } from "./test-fixtures";

let world: TestWorld;
before(async () => {
  world = await createTestWorld();
});
after(() => closeTestWorld(world));

test("sets read without their layouts hold the same annotations, in the default key order", async () => {
  const casie = parseCasieDocument(readFixture(FIXTURE.clinicBreach)).document!;
  const setId = await annotatedSetOf(world, world.ann, casie);
  const [full, bare] = await Promise.all([readSetsRows(db().pool, [setId]), readSetsRows(db().pool, [setId], { layouts: false })]);
  assert.deepEqual(hoppersFromAnnotationRows(full.get(setId)!), casie.hoppers, "the full read gives back the document, key orders included");
  // An external reference keeps its key order: it is one JSON column, read as a whole.
  assert.deepEqual(hoppersWithoutLayouts(hoppersFromAnnotationRows(bare.get(setId)!)), hoppersWithoutLayouts(casie.hoppers));
  const rows = bare.get(setId)!;
  const layouts = [...rows.hoppers, ...rows.events, ...rows.arguments].flatMap((row) =>
    Object.entries(row).filter(([column]) => column.toLowerCase().endsWith("layout")),
  );
  assert.ok(layouts.length > 0);
  assert.ok(
    layouts.every(([, value]) => value === null),
    "every layout column reads as null",
  );
  assert.ok(JSON.stringify(full.get(setId)).length > JSON.stringify(rows).length);
});

test("the read without layouts names every column of the annotation tables", async () => {
  for (const [table, columns] of Object.entries(SET_ROW_COLUMNS)) {
    const { rows } = await db().pool.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1",
      [table],
    );
    assert.deepEqual(
      rows.map((row) => row.column_name).sort(),
      [...columns.layouts, ...columns.others].sort(),
      `${table}: a new column must be added to SET_ROW_COLUMNS`,
    );
  }
});
