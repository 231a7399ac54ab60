// One merge rule: windows editing one set at once, their saves and the
// answers arriving in any order (some answers lost), always end with exactly
// the server's state, and nothing the server acknowledged is lost. First the
// cases that once diverged, then a seeded randomized run over every kind of edit.

import assert from "node:assert/strict";
import { test } from "node:test";
import { serializeCasieDocument } from "@/lib/casie/serialize";
import type { CasieDocument } from "@/lib/casie/types";
import { findEvent } from "./document-lookup";
import { createHopperOperation, createNuggetOperation, deleteEventOperation, moveEventOperation } from "./editor-commands";
import { invertOperation } from "./operation-kinds";
import type { AnnotationOperation } from "./operation-types";
import { applyRebased } from "./rebase";
import { MemoryAuthority } from "./test-authority";
import { clinicDocument } from "./test-documents";
import { randomEdit, seededRandom, type Random } from "./test-random-edits";
import { ManualClock, settle, TestNetwork, TestWindow, type TestServer } from "./test-windows";

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

/** Answers every request and runs due retries until nothing is in flight or pending. */
async function drain(network: TestNetwork, clock: ManualClock, windows: TestWindow[]): Promise<void> {
  for (let round = 0; round < 1000; round++) {
    const item = network.inFlight[0];
    if (item) await network.deliver(item);
    else if (windows.some((window) => window.state.pending.length || window.status.state === "failed")) {
      clock.advance(Math.max(0, (clock.nextTimer() ?? clock.now) - clock.now));
      await settle();
    } else return;
  }
  assert.fail("the windows did not settle");
}

async function catchUpAll(network: TestNetwork, clock: ManualClock, windows: TestWindow[]): Promise<void> {
  await drain(network, clock, windows);
  for (const window of windows) window.client.requestCatchUp();
  await settle();
  await drain(network, clock, windows);
}

const asJson = (document: CasieDocument) => JSON.parse(JSON.stringify(document)) as unknown;

function assertConverged(windows: TestWindow[], server: { version: number; document: CasieDocument }, context = ""): void {
  for (const window of windows) {
    const where = `${context}window ${window.name}`;
    assert.equal(window.state.pending.length, 0, `${where} has nothing pending`);
    assert.equal(window.state.version, server.version, `${where} is at the server's version`);
    assert.deepEqual(asJson(window.state.document), asJson(server.document), `${where} shows the server's state`);
    assert.deepEqual(asJson(window.state.confirmed), asJson(server.document), `${where} confirmed the server's state`);
    assert.equal(serializeCasieDocument(window.state.document), serializeCasieDocument(server.document), `${where} exports what the server exports`);
  }
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

/** Plays one randomized round: windows edit, saves are processed and answered in random order, some answers are lost. */
async function playRound(seed: number): Promise<void> {
  const random = seededRandom(seed);
  const { authority, server } = memoryServer();
  const network = new TestNetwork(server);
  const clock = new ManualClock();
  const windows = openWindows(
    Array.from({ length: 2 + random.below(3) }, (_, i) => String.fromCharCode(97 + i)),
    network,
    clock,
    authority,
  );
  const steps = 20 + random.below(40);
  for (let step = 0; step < steps; step++) {
    const roll = random.next();
    if (roll < 0.45) edit(random, random.pick(windows));
    else if (roll < 0.65) {
      const unprocessed = network.inFlight.filter((item) => !item.answer);
      if (unprocessed.length) await network.process(random.pick(unprocessed));
    } else if (roll < 0.9) {
      if (network.inFlight.length) await network.deliver(random.pick(network.inFlight), { lose: random.chance(0.1) });
    } else if (roll < 0.95) {
      clock.advance(random.below(6000));
      await settle();
    } else {
      // A window opens the set in the middle of it all.
      const late = new TestWindow(`late${step}`, network, clock, authority.load());
      late.client.start();
      windows.push(late);
    }
  }
  await catchUpAll(network, clock, windows);
  assertConverged(windows, authority, `seed ${seed}: `);
  for (const window of windows) {
    for (const seq of window.acknowledged) {
      const stored = authority.log.filter((logged) => logged.clientId === window.state.clientId && logged.seq === seq);
      assert.equal(stored.length, 1, `seed ${seed}: window ${window.name}'s acknowledged operation ${seq} is stored once`);
    }
  }
}

function edit(random: Random, window: TestWindow): void {
  if (random.chance(0.15) && window.own.length) {
    const step = window.own.at(-1)!;
    window.edit((document, numbering) => applyRebased(document, invertOperation(step), numbering).operation);
    return;
  }
  window.edit((document, numbering) => randomEdit(random, document, numbering));
}

test("seeded random rounds: every window ends with exactly the server's state, and every acknowledged save is stored once", async () => {
  const rounds = Number(process.env.HOPPER_CONVERGENCE_ROUNDS ?? 300);
  for (let seed = 1; seed <= rounds; seed++) await playRound(seed);
});
