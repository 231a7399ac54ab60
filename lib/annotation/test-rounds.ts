// For tests of windows that sync: what a whole scenario needs around the
// windows (test-windows.ts): answering everything until they settle, checking
// they all hold exactly the server's state, and a seeded randomized round of
// several windows editing at once against any server that follows the rules.

import assert from "node:assert/strict";
import { serializeCasieDocument } from "@/lib/casie/serialize";
import type { CasieDocument } from "@/lib/casie/types";
import { invertOperation } from "./operation-kinds";
import { applyRebased } from "./rebase";
import { randomEdit, seededRandom, type Random } from "./test-random-edits";
import { ManualClock, settle, TestNetwork, TestWindow, type TestServer } from "./test-windows";

/** Answers every request and runs due retries until nothing is in flight or pending. */
export async function drain(network: TestNetwork, clock: ManualClock, windows: TestWindow[]): Promise<void> {
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

export async function catchUpAll(network: TestNetwork, clock: ManualClock, windows: TestWindow[]): Promise<void> {
  await drain(network, clock, windows);
  for (const window of windows) window.client.requestCatchUp();
  await settle();
  await drain(network, clock, windows);
}

const asJson = (document: CasieDocument) => JSON.parse(JSON.stringify(document)) as unknown;

export function assertConverged(windows: TestWindow[], server: { version: number; document: CasieDocument }, context = ""): void {
  for (const window of windows) {
    const where = `${context}window ${window.name}`;
    assert.equal(window.state.pending.length, 0, `${where} has nothing pending`);
    assert.equal(window.state.version, server.version, `${where} is at the server's version`);
    assert.deepEqual(asJson(window.state.document), asJson(server.document), `${where} shows the server's state`);
    assert.deepEqual(asJson(window.state.confirmed), asJson(server.document), `${where} confirmed the server's state`);
    assert.equal(serializeCasieDocument(window.state.document), serializeCasieDocument(server.document), `${where} exports what the server exports`);
  }
}

/** A server for a round, with what the checks need to see of it. */
export interface RoundServer {
  server: TestServer;
  state: () => Promise<{ version: number; document: CasieDocument }>;
  logged: () => Promise<{ clientId: string | null; seq: number | null }[]>;
}

/** Plays one randomized round: windows edit, saves are processed and answered in random order, some answers are lost. */
export async function playRound(seed: number, makeServer: () => Promise<RoundServer>): Promise<void> {
  const random = seededRandom(seed);
  const { server, state, logged } = await makeServer();
  const network = new TestNetwork(server);
  const clock = new ManualClock();
  const windows: TestWindow[] = [];
  const open = async (name: string) => {
    const window = new TestWindow(name, network, clock, await server.load());
    window.client.start();
    windows.push(window);
  };
  for (let i = 0, count = 2 + random.below(3); i < count; i++) await open(String.fromCharCode(97 + i));
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
      await open(`late${step}`);
    }
  }
  await catchUpAll(network, clock, windows);
  assertConverged(windows, await state(), `seed ${seed}: `);
  const log = await logged();
  for (const window of windows) {
    for (const seq of window.acknowledged) {
      const stored = log.filter((logged) => logged.clientId === window.state.clientId && logged.seq === seq);
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
