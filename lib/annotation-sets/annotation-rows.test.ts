import assert from "node:assert/strict";
import { test } from "node:test";
import type { CasieHopper } from "@/lib/casie/types";
import { annotationRowsFromHoppers, hoppersFromAnnotationRows } from "./annotation-rows";

const layout = (keys: string[], extra: Record<string, string> = {}) => ({ keys, extra });

// Two hoppers; T3 is an argument of both E1 and E2; E2 carries every kind of layout and a link.
const hoppers: CasieHopper[] = [
  {
    index: 0,
    relation: "Same",
    events: [
      {
        index: "E1",
        type: "Attack",
        subtype: "Databreach",
        realis: "Actual",
        nugget: { index: "T1", startOffset: 0, endOffset: 6, text: "Breach" },
        arguments: [{ index: "T3", startOffset: 10, endOffset: 14, text: "Acme", entityType: "Organization", role: { type: "Victim" } }],
      },
    ],
  },
  {
    index: 4,
    layout: layout(["events", "index"]),
    events: [
      {
        index: "E2",
        type: "Attack",
        subtype: "Ransom",
        realis: "Other",
        layout: layout(["index", "type", "subtype", "realis", "nugget", "argument", "note"], { note: "1.0" }),
        nugget: { index: "T2", startOffset: 20, endOffset: 26, text: "ransom", layout: layout(["index", "text", "startOffset", "endOffset"]) },
        arguments: [
          {
            index: "T3",
            startOffset: 10,
            endOffset: 14,
            text: "Acme",
            entityType: "Organization",
            role: { type: "Victim", layout: layout(["type", "confidence"], { confidence: "0.0" }) },
            externalReference: { wikidataid: "Q1", layout: layout(["wikidataid"]) },
          },
          { index: "T4", startOffset: 30, endOffset: 33, text: "BTC", entityType: "PaymentMethod", role: { type: "Payment-Method" } },
        ],
      },
    ],
  },
];

test("a shared T becomes one span row used by both arguments", () => {
  const rows = annotationRowsFromHoppers("set", hoppers);
  assert.deepEqual(
    rows.spans.map((s) => s.index),
    ["T1", "T3", "T2", "T4"],
  );
  const t3 = rows.spans.find((s) => s.index === "T3")!;
  assert.equal(rows.arguments.filter((a) => a.spanId === t3.id).length, 2);
  assert.equal(rows.hoppers.length, 2);
  assert.equal(rows.events.length, 2);
});

test("rows map back to the same hoppers, layouts included, whatever order they come in", () => {
  const rows = annotationRowsFromHoppers("set", hoppers);
  const shuffled = {
    spans: [...rows.spans].reverse(),
    hoppers: [...rows.hoppers].reverse(),
    events: [...rows.events].reverse(),
    arguments: [...rows.arguments].reverse(),
  };
  assert.deepEqual(hoppersFromAnnotationRows(shuffled), hoppers);
});

test("rows naming a missing span are refused", () => {
  const rows = annotationRowsFromHoppers("set", hoppers);
  rows.spans = rows.spans.filter((s) => s.index !== "T2");
  assert.throws(() => hoppersFromAnnotationRows(rows), /missing span/);
});
