import assert from "node:assert/strict";
import { test } from "node:test";
import { blankDocument, clinicDocument } from "@/lib/annotation/test-documents";
import { NO_SELECTION, type EditorSelection, type Popup } from "./editor-state";
import { previewedSpan } from "./span-preview";

const CONTENT = "Google’s engineers said “Wanna Cry” hit the clinic.";
const at = (text: string) => CONTENT.indexOf(text);

function preview(selection: Partial<EditorSelection>, { snapping = true, popup = null as Popup | null } = {}) {
  const range = previewedSpan({ document: blankDocument(CONTENT), selection: { ...NO_SELECTION, ...selection }, snapping, popup });
  return range && CONTENT.slice(range.start, range.end);
}

test("with snapping on, a selection that snapping changes shows the span it gives", () => {
  assert.equal(preview({ text: { anchor: 0, focus: at(" engineers") } }), "Google");
  assert.equal(preview({ text: { anchor: at("“Wanna") + 3, focus: at("“Wanna") } }), "Wanna", "a backward selection too");
  assert.equal(preview({ text: { anchor: 0, focus: at("’s") } }), null, "a selection that is the span already shows itself");
  assert.equal(preview({ text: { anchor: 0, focus: at(" engineers") } }, { snapping: false }), null, "without snapping nothing changes it");
  assert.equal(preview({ text: { anchor: 3, focus: 3 } }), null, "a caret makes no span");
});

test("an open new-event or new-argument popup shows the span it will use", () => {
  const range = { start: at("clinic"), end: at("clinic") + 6 };
  assert.equal(preview({}, { popup: { kind: "createEvent", range, hopper: "new" } }), "clinic");
  assert.equal(preview({}, { popup: { kind: "addArgument", eventIndex: "E1", target: range } }), "clinic");
  assert.equal(preview({ text: { anchor: 0, focus: 9 } }, { popup: { kind: "find" } }), null, "other popups show none");
  const clinic = clinicDocument();
  const reused = previewedSpan({
    document: clinic,
    selection: NO_SELECTION,
    snapping: true,
    popup: { kind: "addArgument", eventIndex: "E2", target: { reuseSpanIndex: "T4" } },
  });
  assert.equal(reused && clinic.content.slice(reused.start, reused.end), "a clinic");
});
