// One merge rule: windows editing one set at once, their saves and the
// answers arriving in any order (some answers lost), always end with exactly
// the server's state, and nothing the server acknowledged is lost. First the
// cases that once diverged, then a seeded randomized run over every kind of edit.

import assert from "node:assert/strict";
import { test } from "node:test";
import type { CasieDocument } from "@/lib/casie/types";
import { findEvent } from "./document-lookup";
import { createHopperOperation, createNuggetOperation, deleteEventOperation, moveEventOperation } from "./editor-commands";
import { invertOperation } from "./operation-kinds";
import type { AnnotationOperation } from "./operation-types";
import { applyRebased } from "./rebase";
import { MemoryAuthority } from "./test-authority";
import { clinicDocument } from "./test-documents";
import { assertConverged, catchUpAll, drain, playRound } from "./test-rounds";
import { ManualClock, TestNetwork, TestWindow, type TestServer } from "./test-windows";

function memoryServer(document: CasieDocument = clinicDocument()): { authority: MemoryAuthority; server: TestServer } {
  const authority = new MemoryAuthority(document);
  const server: TestServer = {
    save: (request) => Promise.resolve(authority.save(request)),
    since: (version) => Promise.resolve(authority.since(version)),
    load: () => Promise.resolve(authority.load()),
  };
  return { authority, server };
}

function openWindows(names: string[], network: TestNetwork, clock: ManualClock, authority: MemoryAuthority): TestWindow[] {
  return names.map((name) => {
    const window = new TestWindow(name, network, clock, authority.load());
    window.client.start();
    return window;
  });
}

function hopperEvents(document: CasieDocument): [number, string[]][] {
  return document.hoppers.map((hopper) => [hopper.index, hopper.events.map((event) => event.index)]);
}

function nuggetAt(document: CasieDocument, text: string, hopper: "new" | number, numbering = { event: 0, span: 0, hopper: -1 }): AnnotationOperation {
  const start = document.content.indexOf(text);
  return createNuggetOperation(document, { start, end: start + text.length, type: "Attack", subtype: "Ransom", realis: "Actual", hopper }, numbering);
}

test("an event appended to a hopper while another window moves an event to its end: both windows and the server agree", async () => {
  const { authority, server } = memoryServer();
  const network = new TestNetwork(server);
  const clock = new ManualClock();
  const [mover, appender] = openWindows(["mover", "appender"], network, clock, authority);
  // Hopper 1 holds E2, E3; E5 (hopper 3) moves to its end, and its save lands first.
  mover.edit((document) => moveEventOperation(document, "E5", 1));
  await network.deliver(network.inFlight[0]);
  assert.deepEqual(hopperEvents(authority.document)[1], [1, ["E2", "E3", "E5"]]);
  // The appender still has version 0: it appends E6 to hopper 1, after E3 as it sees it.
  appender.edit((document, numbering) => nuggetAt(document, "refused", 1, numbering));
  const created = appender.state.pending[0].operation;
  assert.ok(created.kind === "createEvent" && created.event.index === "E6");
  await drain(network, clock, [appender]);
  await catchUpAll(network, clock, [mover, appender]);
  assert.deepEqual(hopperEvents(authority.document)[1], [1, ["E2", "E3", "E5", "E6"]], "an append stays an append");
  assertConverged([mover, appender], authority);
  // Deleting E6 next is no conflict.
  appender.edit((document) => deleteEventOperation(document, "E6"));
  await catchUpAll(network, clock, [mover, appender]);
  assert.equal(findEvent(authority.document, "E6"), undefined);
  assertConverged([mover, appender], authority);
});

test("an undo bringing a deleted hopper back at the end, while another window appends a hopper: every hopper list agrees", async () => {
  const { authority, server } = memoryServer();
  const network = new TestNetwork(server);
  const clock = new ManualClock();
  const [undoer, creator] = openWindows(["undoer", "creator"], network, clock, authority);
  // The undoer deletes hopper 3's only event (and the hopper), which is last; saved, and seen by both.
  undoer.edit((document) => deleteEventOperation(document, "E5"));
  await catchUpAll(network, clock, [undoer, creator]);
  // Both act on version 1: the undo puts hopper 3 back last, the creator appends a new hopper.
  undoer.edit((document, numbering) => applyRebased(document, invertOperation(undoer.own.at(-1)!), numbering).operation);
  creator.edit((document, numbering) => createHopperOperation(document, { numbering }));
  // The creator's save lands first; the undo, made on the older version, comes after it.
  await network.deliver(network.inFlight.find((item) => item.window === creator)!);
  await catchUpAll(network, clock, [undoer, creator]);
  assert.deepEqual(
    hopperEvents(authority.document).map(([index]) => index),
    [0, 1, 4, 3],
  );
  assertConverged([undoer, creator], authority);
});

test("a number freed by a deletion is never handed out again, so the deletion's undo still fits", async () => {
  const { authority, server } = memoryServer();
  const network = new TestNetwork(server);
  const clock = new ManualClock();
  const [deleter, creator] = openWindows(["deleter", "creator"], network, clock, authority);
  // E5 is the highest event number; its deletion reaches both windows.
  deleter.edit((document) => deleteEventOperation(document, "E5"));
  await catchUpAll(network, clock, [deleter, creator]);
  creator.edit((document, numbering) => nuggetAt(document, "refused", "new", numbering));
  await catchUpAll(network, clock, [deleter, creator]);
  assert.ok(findEvent(authority.document, "E6"), "the new event is E6, not the freed E5");
  assert.equal(findEvent(authority.document, "E5"), undefined);
  // A window opened now knows the numbering from the server.
  const late = new TestWindow("late", network, clock, authority.load());
  assert.equal(late.state.numbering.event, 6);
  deleter.edit((document, numbering) => applyRebased(document, invertOperation(deleter.own.at(-1)!), numbering).operation);
  await catchUpAll(network, clock, [deleter, creator]);
  assert.ok(findEvent(authority.document, "E5"), "the undo brought E5 back");
  assert.ok(!deleter.receptions.some((reception) => reception.dropped.length), "nothing was refused");
  assertConverged([deleter, creator], authority);
});

test("a save whose answer was lost is retried and recognized: applied once, confirmed once", async () => {
  const { authority, server } = memoryServer();
  const network = new TestNetwork(server);
  const clock = new ManualClock();
  const [window] = openWindows(["only"], network, clock, authority);
  window.edit((document) => moveEventOperation(document, "E5", 1));
  await network.deliver(network.inFlight[0], { lose: true });
  assert.equal(authority.version, 1, "the server stored it");
  assert.equal(window.status.state, "failed");
  assert.equal(window.state.pending.length, 1, "the window does not know");
  await drain(network, clock, [window]);
  assert.equal(authority.version, 1, "the retry did not apply it again");
  assert.deepEqual(window.acknowledged, new Set([1]));
  assertConverged([window], authority);
});

test("seeded random rounds: every window ends with exactly the server's state, and every acknowledged save is stored once", async () => {
  const rounds = Number(process.env.HOPPER_CONVERGENCE_ROUNDS ?? 300);
  for (let seed = 1; seed <= rounds; seed++) {
    await playRound(seed, () => {
      const { authority, server } = memoryServer();
      return Promise.resolve({
        server,
        state: () => Promise.resolve({ version: authority.version, document: authority.document }),
        logged: () => Promise.resolve(authority.log),
      });
    });
  }
});
