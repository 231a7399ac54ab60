import assert from "node:assert/strict";
import { test } from "node:test";
import { findEvent } from "@/lib/annotation/document-lookup";
import { setEventAttributesOperation } from "@/lib/annotation/editor-commands";
import { documentNumbering } from "@/lib/annotation/index-allocation";
import { MemoryAuthority } from "@/lib/annotation/test-authority";
import { blankDocument, clinicDocument } from "@/lib/annotation/test-documents";
import { ManualClock, settle, until } from "@/lib/annotation/test-windows";
import type { SyncTransport } from "@/lib/annotation/sync-client";
import { DEFAULT_CASIE_TAGSET } from "@/lib/casie/tagset";
import type { CasieDocument } from "@/lib/casie/types";
import { EditorStore, rangeOf } from "./editor-store";

const UNUSED: SyncTransport = {
  save: () => Promise.reject(new Error("not started")),
  since: () => Promise.reject(new Error("not started")),
  load: () => Promise.reject(new Error("not started")),
};

// Most stores here are never started: they queue operations without sending them.
function editorOn(document: CasieDocument, transport: SyncTransport = UNUSED, clock = new ManualClock()): EditorStore {
  return new EditorStore(
    { setId: "set", version: 0, document, numbering: documentNumbering(document), tagset: DEFAULT_CASIE_TAGSET },
    { transport, environment: clock },
  );
}

/** A started store's way to `authority`, the server's side in memory. */
function transportTo(authority: MemoryAuthority): SyncTransport {
  return {
    save: (request) => Promise.resolve(authority.save(request)),
    since: (version) => Promise.resolve(authority.since(version)),
    load: () => Promise.resolve(authority.load()),
  };
}

/** What a started store keeps in the browser's storage, kept in memory. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const CONTENT = "Hackers have stolen the data of patients from a clinic in Lithuania.";
const range = (text: string) => ({ start: CONTENT.indexOf(text), end: CONTENT.indexOf(text) + text.length });

test("a new event is applied at once, queued, selected, and undone and redone", () => {
  const editor = editorOn(blankDocument(CONTENT));
  editor.createEvent(range("have stolen"), "new", "Attack", "Databreach", "Actual");
  let state = editor.getSnapshot();
  assert.equal(state.pending.length, 1);
  assert.equal(state.selection.event, "E1");
  assert.equal(findEvent(state.document, "E1")!.event.nugget.text, "have stolen");
  assert.equal(state.confirmed.hoppers.length, 0);

  editor.addArgument("E1", range("Hackers"), "Attacker", "Person");
  editor.undo();
  state = editor.getSnapshot();
  assert.equal(findEvent(state.document, "E1")!.event.arguments.length, 0);
  assert.equal(state.pending.length, 3, "the undo is an operation to save like any other");
  assert.match(state.announcement, /^Undid: Add Attacker/);
  editor.redo();
  assert.equal(findEvent(editor.getSnapshot().document, "E1")!.event.arguments[0].text, "Hackers");
});

test("a refused command changes nothing and says why", () => {
  const editor = editorOn(blankDocument(CONTENT));
  editor.createEvent({ start: 7, end: 8 }, "new", "Attack", "Databreach", "Actual");
  const state = editor.getSnapshot();
  assert.equal(state.pending.length, 0);
  assert.equal(state.notices.length, 1);
  assert.match(state.notices[0].details[0], /only white space/);
});

test("the caret moves by character and word, and extends the selection", () => {
  const editor = editorOn(blankDocument(CONTENT));
  editor.setTextSelection({ anchor: 0, focus: 0 });
  editor.moveCaret("word", 1, true);
  assert.deepEqual(editor.getSnapshot().selection.text, { anchor: 0, focus: 7 });
  editor.moveCaret("word", 1, true);
  assert.deepEqual(editor.selectedRange(), range("Hackers have"));
  editor.moveCaret("char", -1, false);
  assert.deepEqual(editor.getSnapshot().selection.text, { anchor: 0, focus: 0 });
});

test("snapping widens a selection to whole words; without it the selection is kept as made", () => {
  const editor = editorOn(blankDocument(CONTENT));
  editor.setTextSelection({ anchor: 9, focus: 17 }); // "ave stol"
  assert.deepEqual(editor.selectedRange(), range("have stolen"));
  editor.snapTextSelection();
  assert.deepEqual(editor.getSnapshot().selection.text, { anchor: 8, focus: 19 });
  assert.deepEqual(rangeOf(CONTENT, { anchor: 9, focus: 17 }, false), { start: 9, end: 17 });
  assert.equal(rangeOf(CONTENT, { anchor: 7, focus: 8 }, false), null, "white space alone is no span");
});

test("clicking an argument span while another event is selected keeps that event, to re-use the span", () => {
  const editor = editorOn(clinicDocument());
  editor.selectEvent("E3");
  editor.clickSpan("T4", "argument", ["E1", "E2"]);
  const { selection } = editor.getSnapshot();
  assert.equal(selection.event, "E3");
  assert.equal(selection.span, "T4");
  editor.selectEvent(null);
  editor.clickSpan("T4", "argument", ["E1", "E2"]);
  assert.equal(editor.getSnapshot().selection.event, "E1");
  assert.equal(editor.getSnapshot().selection.argument, 2);
});

test("a hopper merge and the deletion of the selected event clean up the selection", () => {
  const editor = editorOn(clinicDocument());
  editor.selectHopper(3);
  editor.mergeHoppers(0, 3);
  assert.deepEqual(
    editor.getSnapshot().document.hoppers.map((h) => h.index),
    [0, 1],
  );
  assert.equal(editor.getSnapshot().selection.hopper, 0);
  editor.selectEvent("E3");
  editor.deleteEvent("E3", null);
  assert.equal(editor.getSnapshot().selection.event, null);
});

test("find selects the next occurrence after the caret, wrapping around", () => {
  const editor = editorOn(blankDocument("The clinic said the clinic was hacked."));
  assert.ok(editor.find("CLINIC", false));
  assert.deepEqual(editor.getSnapshot().selection.text, { anchor: 4, focus: 10 });
  assert.ok(editor.find("clinic", false));
  assert.deepEqual(editor.getSnapshot().selection.text, { anchor: 20, focus: 26 });
  assert.ok(editor.find("clinic", false));
  assert.deepEqual(editor.getSnapshot().selection.text, { anchor: 4, focus: 10 });
  assert.ok(!editor.find("ransom", false));
});

test("a started store saves through its transport; a conflict notice stays until dismissed while routine ones come and go", async () => {
  Object.assign(globalThis, { sessionStorage: memoryStorage(), localStorage: memoryStorage() });
  const authority = new MemoryAuthority(clinicDocument());
  const transport = transportTo(authority);
  const clock = new ManualClock();
  const editor = editorOn(clinicDocument(), transport, clock);
  const stop = editor.start();
  // Another window changes E1's realis first; this one changes it too, on the older version.
  authority.save({
    baseVersion: 0,
    clientId: "other-window",
    operations: [{ seq: 1, operation: setEventAttributesOperation(clinicDocument(), "E1", { realis: "Generic" })! }],
  });
  editor.setEventAttributes("E1", { realis: "Other" });
  await settle();
  const { save, version } = editor.getSnapshot();
  let { notices } = editor.getSnapshot();
  assert.deepEqual([save.state, version], ["saved", 1]);
  assert.equal(findEvent(editor.getSnapshot().document, "E1")!.event.realis, "Generic");
  assert.equal(notices.length, 1);
  assert.equal(notices[0].tone, "warning");
  assert.match(notices[0].details[0], /E1's realis is Generic now, not Actual/);
  // Routine news arrives and goes; the warning stays.
  for (const [from, to] of [
    ["Actual", "Other"],
    ["Other", "Generic"],
  ]) {
    authority.save({
      baseVersion: authority.version,
      clientId: "other-window",
      operations: [
        { seq: authority.version + 1, operation: { kind: "setEventAttributes", eventIndex: "E2", from: { realis: from }, to: { realis: to } } },
      ],
    });
    clock.advance(5000);
    await settle();
  }
  ({ notices } = editor.getSnapshot());
  assert.deepEqual(
    notices.map((notice) => notice.tone),
    ["warning", "info"],
  );
  clock.advance(60_000);
  await settle();
  assert.equal(editor.getSnapshot().notices.length, 1, "the routine notice went by itself; the warning did not");
  editor.dismissNotice(editor.getSnapshot().notices[0].id);
  assert.deepEqual(editor.getSnapshot().notices, []);
  stop();
});

test("a refused command says why in a brief message of its own, and to screen readers", () => {
  const editor = editorOn(blankDocument(CONTENT));
  editor.createEvent(range("have stolen"), "new", "Attack", "Databreach", "Actual");
  editor.moveSpanEdge("T1", "start", "forward");
  editor.moveSpanEdge("T1", "start", "forward");
  const state = editor.getSnapshot();
  assert.equal(findEvent(state.document, "E1")!.event.nugget.text, "stolen");
  assert.deepEqual(state.feedback && { tone: state.feedback.tone, message: state.feedback.message }, {
    tone: "refusal",
    message: "T1's start cannot move further that way",
  });
  assert.equal(state.announcement, "T1's start cannot move further that way");
  assert.deepEqual(state.notices, [], "the conflict notices are left alone");
  editor.splitEvent("E1");
  assert.equal(editor.getSnapshot().feedback!.message, "E1 is alone in its hopper already");
});

test("find remembers its query, counts the occurrences and goes on from the caret with F3, both ways", () => {
  const editor = editorOn(blankDocument("Google said Google’s GOOGLE account and google.com were hit."));
  assert.ok(editor.find("google", false));
  assert.equal(editor.getSnapshot().feedback!.message, "“google”: 1 of 4");
  editor.findAgain(false);
  editor.findAgain(false);
  assert.deepEqual(editor.getSnapshot().selection.text, { anchor: 21, focus: 27 });
  assert.equal(editor.getSnapshot().feedback!.message, "“google”: 3 of 4");
  editor.findAgain(true);
  assert.equal(editor.getSnapshot().feedback!.message, "“google”: 2 of 4");
  editor.setTextSelection({ anchor: 50, focus: 50 });
  editor.findAgain(false);
  assert.equal(editor.getSnapshot().feedback!.message, "“google”: 1 of 4", "past the last, find wraps around");
  assert.equal(editor.getSnapshot().lastFind, "google");
  assert.ok(!editor.find("ransom", false));
  editor.findAgain(false);
  assert.equal(editor.getSnapshot().feedback!.message, "“ransom” is not in the text");
});

test("F3 before any find says how to start one", () => {
  const editor = editorOn(blankDocument(CONTENT));
  editor.findAgain(false);
  assert.match(editor.getSnapshot().feedback!.message, /press \/ to find text/);
});

test("the moved, split or merged event stays selected, so the commands on it keep working", () => {
  const editor = editorOn(clinicDocument());
  editor.selectEvent("E3");
  editor.moveEvent("E3", 0);
  assert.equal(editor.getSnapshot().selection.event, "E3");
  editor.splitEvent("E3");
  assert.equal(editor.getSnapshot().selection.event, "E3");
  const hopper = findEvent(editor.getSnapshot().document, "E3")!.hopper.index;
  editor.mergeHoppers(1, hopper);
  assert.equal(editor.getSnapshot().selection.event, "E3");
  assert.equal(findEvent(editor.getSnapshot().document, "E3")!.hopper.index, 1);
});

test("a reload brings back this session's steps, behind any taken before they were read", async () => {
  Object.assign(globalThis, { sessionStorage: memoryStorage(), localStorage: memoryStorage() });
  const authority = new MemoryAuthority(clinicDocument());
  const transport = transportTo(authority);
  const before = editorOn(clinicDocument(), transport);
  const stopBefore = before.start();
  before.setEventAttributes("E1", { realis: "Other" });
  await settle();
  stopBefore();

  const after = new EditorStore(
    {
      setId: "set",
      version: authority.version,
      document: authority.load().document,
      numbering: documentNumbering(clinicDocument()),
      tagset: DEFAULT_CASIE_TAGSET,
    },
    { transport, environment: new ManualClock() },
  );
  const stop = after.start();
  // A step taken at once, before the stored ones are read back.
  after.setEventAttributes("E2", { realis: "Generic" });
  await until(() => after.getSnapshot().history.undo.length > 1, "the stored steps are read back");
  assert.deepEqual(
    after.getSnapshot().history.undo.map((step) => step.label),
    before
      .getSnapshot()
      .history.undo.map((step) => step.label)
      .concat(after.getSnapshot().history.undo.at(-1)!.label),
  );
  assert.equal(after.getSnapshot().history.undo.length, 2);
  after.undo();
  after.undo();
  await settle();
  assert.equal(findEvent(after.getSnapshot().document, "E1")!.event.realis, "Actual", "the step from before the reload is undone last");
  assert.equal(findEvent(after.getSnapshot().document, "E2")!.event.realis, findEvent(clinicDocument(), "E2")!.event.realis);
  stop();
});

test("an edit is sent once the frame that shows it is drawn, not before", async () => {
  Object.assign(globalThis, { sessionStorage: memoryStorage(), localStorage: memoryStorage() });
  const authority = new MemoryAuthority(clinicDocument());
  const sent: number[] = [];
  const transport: SyncTransport = {
    ...transportTo(authority),
    save: (request) => (sent.push(request.operations.length), Promise.resolve(authority.save(request))),
  };
  const painted: (() => void)[] = [];
  const document = clinicDocument();
  const editor = new EditorStore(
    { setId: "set", version: 0, document, numbering: documentNumbering(document), tagset: DEFAULT_CASIE_TAGSET },
    { transport, environment: new ManualClock(), afterPaint: (callback) => painted.push(callback) },
  );
  const stop = editor.start();
  await settle();
  editor.setEventAttributes("E1", { realis: "Other" });
  await settle();
  assert.deepEqual(sent, [], "nothing goes out before the frame");
  assert.equal(editor.getSnapshot().pending.length, 1);
  for (const callback of painted.splice(0)) callback();
  await settle();
  assert.deepEqual(sent, [1]);
  assert.equal(editor.getSnapshot().save.state, "saved");
  stop();
});
