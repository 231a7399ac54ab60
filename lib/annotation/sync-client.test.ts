// The sync client with a scripted transport and a manual clock: what it sends,
// and what it does with every kind of answer and failure.

import assert from "node:assert/strict";
import { test } from "node:test";
import { addLocalOperation, startCollab, type CollabState, type Reception } from "./collab";
import { setEventAttributesOperation } from "./editor-commands";
import { documentNumbering } from "./index-allocation";
import { applyOperation } from "./operation-kinds";
import type { AnnotationOperation } from "./operation-types";
import { SyncClient, SyncRequestError, type PushEvents, type SyncStatus, type SyncTransport } from "./sync-client";
import type { LoadResponse, LoggedOperation, SaveRequest, SaveResponse, SinceResponse } from "./sync-protocol";
import { clinicDocument } from "./test-documents";
import { ManualClock, settle } from "./test-windows";

const document = clinicDocument();
/** A realis change, built on `on` (the original document unless given). */
const realis = (value: string, eventIndex = "E1", on = document): AnnotationOperation =>
  setEventAttributesOperation(on, eventIndex, { realis: value })!;

/** Another window's realis changes of E2, one per version from 6 on, each made on the state the previous left. */
function othersFrom(count: number): LoggedOperation[] {
  let current = document;
  return Array.from({ length: count }, (_, i) => {
    const operation = realis(["Other", "Generic", "Actual"][i % 3], "E2", current);
    current = applyOperation(current, operation);
    return { version: 6 + i, clientId: "other", seq: i + 1, operation };
  });
}

type Answer<T> = T | Error;

/** A transport that answers from scripts and records what it was asked. */
class ScriptedTransport implements SyncTransport {
  saves: SaveRequest[] = [];
  sinces: number[] = [];
  loads = 0;
  saveAnswers: Answer<SaveResponse>[] = [];
  sinceAnswers: Answer<SinceResponse>[] = [];
  loadAnswers: Answer<LoadResponse>[] = [];

  save(request: SaveRequest): Promise<SaveResponse> {
    this.saves.push(structuredClone(request));
    return next(this.saveAnswers, "save");
  }
  since(version: number): Promise<SinceResponse> {
    this.sinces.push(version);
    return next(this.sinceAnswers, "since");
  }
  load(): Promise<LoadResponse> {
    this.loads++;
    return next(this.loadAnswers, "load");
  }
}

function next<T>(answers: Answer<T>[], what: string): Promise<T> {
  const answer = answers.shift();
  if (answer === undefined) return Promise.reject(new Error(`no ${what} answer scripted`));
  return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
}

class Host {
  state: CollabState = startCollab("client-test", { version: 5, document, numbering: documentNumbering(document) });
  statuses: SyncStatus[] = [];
  receptions: Reception[] = [];

  /** A realis change of `eventIndex` made on the window's document. */
  edit(value: string, eventIndex = "E1"): void {
    const operation = realis(value, eventIndex, this.state.document);
    this.state = addLocalOperation(this.state, operation, applyOperation(this.state.document, operation));
  }
  readonly sync = {
    collab: () => this.state,
    received: (reception: Reception) => {
      this.receptions.push(reception);
      this.state = reception.state;
    },
    statusChanged: (status: SyncStatus) => {
      this.statuses.push(status);
    },
  };
  get status(): SyncStatus["state"] | undefined {
    return this.statuses.at(-1)?.state;
  }
}

function setUp() {
  const host = new Host();
  const transport = new ScriptedTransport();
  const clock = new ManualClock();
  const client = new SyncClient(host.sync, transport, clock, { pollIntervalMs: 5000, firstRetryDelayMs: 1000, maxRetryDelayMs: 8000 });
  return { host, transport, clock, client };
}

test("pending operations go out on the copy's version with their sequence numbers; a saved answer confirms them", async () => {
  const { host, transport, client } = setUp();
  host.edit("Generic");
  host.edit("Other", "E2");
  transport.saveAnswers.push({ status: "saved", version: 7 });
  client.start();
  await settle();
  assert.deepEqual(
    transport.saves.map((request) => [request.baseVersion, request.clientId, request.operations.map((entry) => entry.seq)]),
    [[5, "client-test", [1, 2]]],
  );
  assert.equal(host.state.version, 7);
  assert.deepEqual(host.state.pending, []);
  assert.equal(host.status, "saved");
});

test("one request at a time: what is queued meanwhile goes out after the answer, in batches of at most maxBatch", async () => {
  const { host, transport, clock } = setUp();
  const client = new SyncClient(host.sync, transport, clock, { maxBatch: 2 });
  for (const value of ["Generic", "Other", "Actual"]) host.edit(value);
  transport.saveAnswers.push({ status: "saved", version: 7 }, { status: "saved", version: 9 });
  client.start();
  host.edit("Generic");
  client.queued();
  await settle();
  assert.deepEqual(
    transport.saves.map((request) => [request.baseVersion, request.operations.map((entry) => entry.seq)]),
    [
      [5, [1, 2]],
      [7, [3, 4]],
    ],
  );
  assert.equal(host.state.version, 9);
});

test("a save answered 'behind' takes in what the window lacks, rebases and sends again", async () => {
  const { host, transport, client } = setUp();
  host.edit("Generic");
  const theirs = realis("Other", "E2");
  transport.saveAnswers.push(
    { status: "behind", version: 6, operations: [{ version: 6, clientId: "other", seq: 1, operation: theirs }], complete: true },
    { status: "saved", version: 7 },
  );
  client.start();
  await settle();
  assert.deepEqual(
    transport.saves.map((request) => request.baseVersion),
    [5, 6],
  );
  assert.equal(host.state.version, 7);
  assert.equal(host.receptions[0].remoteCount, 1);
  assert.equal(host.status, "saved");
});

test("an incomplete 'behind' answer is completed page by page before sending again", async () => {
  const { host, transport, client } = setUp();
  host.edit("Generic");
  const [six, seven, eight] = othersFrom(3);
  transport.saveAnswers.push({ status: "behind", version: 8, operations: [six], complete: false }, { status: "saved", version: 9 });
  transport.sinceAnswers.push({ version: 8, operations: [seven], complete: false }, { version: 8, operations: [eight], complete: true });
  client.start();
  await settle();
  assert.deepEqual(transport.sinces, [6, 7]);
  assert.deepEqual(
    transport.saves.map((request) => request.baseVersion),
    [5, 8],
  );
  assert.equal(host.state.version, 9);
});

test("a refused operation is dropped with the server's reason and the rest still saved", async () => {
  const { host, transport, client } = setUp();
  host.edit("Generic");
  host.edit("Other", "E2");
  transport.saveAnswers.push(
    { status: "refused", version: 5, seq: 1, code: "operation-conflict", message: "Your edit does not fit." },
    { status: "saved", version: 6 },
  );
  client.start();
  await settle();
  assert.equal(host.receptions[0].dropped[0].reason, "Your edit does not fit.");
  assert.deepEqual(
    transport.saves[1].operations.map((entry) => entry.seq),
    [2],
  );
  assert.equal(host.state.version, 6);
});

test("'reload' loads the set again and replays what is pending on it", async () => {
  const { host, transport, client } = setUp();
  host.edit("Generic");
  transport.saveAnswers.push({ status: "reload", version: 2, message: "ahead" }, { status: "saved", version: 3 });
  transport.loadAnswers.push({ setId: "s", kind: "ANNOTATOR", version: 2, numbering: documentNumbering(document), document, canEdit: true });
  client.start();
  await settle();
  assert.equal(transport.loads, 1);
  assert.deepEqual(
    transport.saves.map((request) => request.baseVersion),
    [5, 2],
  );
  assert.equal(host.state.version, 3);
});

test("a failed save is retried with backoff, doubling up to the limit; a success resets it", async () => {
  const { host, transport, clock, client } = setUp();
  host.edit("Generic");
  const down = () => new SyncRequestError("The server could not be reached.", false);
  transport.saveAnswers.push(down(), down(), down(), down(), down(), { status: "saved", version: 6 });
  client.start();
  await settle();
  assert.deepEqual(host.statuses.at(-1), { state: "failed", message: "The server could not be reached.", retrying: true });
  const attemptsAt: number[] = [];
  for (const wait of [999, 1, 2000, 4000, 8000, 8000]) {
    clock.advance(wait);
    await settle();
    attemptsAt.push(transport.saves.length);
  }
  assert.deepEqual(attemptsAt, [1, 2, 3, 4, 5, 6], "retries after 1, 2, 4, 8 and 8 seconds");
  assert.equal(host.status, "saved");
  assert.equal(host.state.version, 6);
});

test("a refusal no retry can fix is not retried; 'Retry now' sends again", async () => {
  const { host, transport, clock, client } = setUp();
  host.edit("Generic");
  transport.saveAnswers.push(new SyncRequestError("You may not edit this set.", true), { status: "saved", version: 6 });
  client.start();
  await settle();
  assert.deepEqual(host.statuses.at(-1), { state: "failed", message: "You may not edit this set.", retrying: false });
  clock.advance(60_000);
  await settle();
  assert.equal(transport.saves.length, 1);
  client.retry();
  await settle();
  assert.equal(transport.saves.length, 2);
  assert.equal(host.status, "saved");
});

test("edits made while a failed save waits for its retry go out with it, not before", async () => {
  const { host, transport, clock, client } = setUp();
  host.edit("Generic");
  transport.saveAnswers.push(new SyncRequestError("down", false), { status: "saved", version: 7 });
  client.start();
  await settle();
  host.edit("Other", "E2");
  client.queued();
  await settle();
  assert.equal(transport.saves.length, 1);
  clock.advance(1000);
  await settle();
  assert.deepEqual(
    transport.saves[1].operations.map((entry) => entry.seq),
    [1, 2],
  );
});

test("a visible window polls for others' saves; a hidden one waits until it is shown again", async () => {
  const { host, transport, clock, client } = setUp();
  const theirs = { version: 6, clientId: "other", seq: 1, operation: realis("Other", "E2") };
  transport.sinceAnswers.push({ version: 6, operations: [theirs], complete: true });
  client.start();
  await settle();
  clock.visible = false;
  clock.advance(15_000);
  await settle();
  assert.deepEqual(transport.sinces, []);
  clock.visible = true;
  clock.wake();
  await settle();
  assert.deepEqual(transport.sinces, [5]);
  assert.equal(host.state.version, 6);
  transport.sinceAnswers.push({ version: 6, operations: [], complete: true });
  clock.advance(5000);
  await settle();
  assert.deepEqual(transport.sinces, [5, 6]);
});

test("a failed poll with nothing pending stays quiet; the next poll tries again", async () => {
  const { host, transport, clock, client } = setUp();
  transport.sinceAnswers.push(new SyncRequestError("down", false), { version: 5, operations: [], complete: true });
  client.start();
  clock.advance(5000);
  await settle();
  assert.notEqual(host.status, "failed");
  clock.advance(5000);
  await settle();
  assert.deepEqual(transport.sinces, [5, 5]);
});

test("a gap in what arrives is filled by a catch-up; stopping ends the polls", async () => {
  const { host, transport, clock, client } = setUp();
  host.edit("Generic");
  const [six, seven] = othersFrom(2);
  // A faulty answer skips version 6: the client fetches from its own version instead of trusting it.
  transport.saveAnswers.push({ status: "behind", version: 7, operations: [seven], complete: true }, { status: "saved", version: 8 });
  transport.sinceAnswers.push({ version: 7, operations: [six, seven], complete: true });
  const stop = client.start();
  await settle();
  assert.deepEqual(transport.sinces, [5]);
  assert.equal(host.state.version, 8);
  stop();
  clock.advance(60_000);
  await settle();
  assert.deepEqual(transport.sinces, [5]);
});

test("with a push stream open there is no polling; a pushed version fetches what is missing; when the stream drops, polling resumes", async () => {
  const { host, transport, clock } = setUp();
  let events: PushEvents | undefined;
  let closed = false;
  const pushing: SyncTransport = Object.assign(transport, {
    subscribe: (handlers: PushEvents) => {
      events = handlers;
      return () => {
        closed = true;
      };
    },
  });
  const client = new SyncClient(host.sync, pushing, clock, { pollIntervalMs: 5000 });
  const stop = client.start();
  transport.sinceAnswers.push({ version: 5, operations: [], complete: true });
  events!.opened();
  await settle();
  assert.deepEqual(transport.sinces, [5], "opening (again) catches up");
  clock.advance(30_000);
  await settle();
  assert.deepEqual(transport.sinces, [5], "no polls while the stream is open");
  events!.version(5);
  await settle();
  assert.deepEqual(transport.sinces, [5], "a version it has is nothing to fetch");
  const [six] = othersFrom(1);
  transport.sinceAnswers.push({ version: 6, operations: [six], complete: true });
  events!.version(6);
  await settle();
  assert.equal(host.state.version, 6);
  events!.interrupted();
  transport.sinceAnswers.push({ version: 6, operations: [], complete: true });
  clock.advance(5000);
  await settle();
  assert.deepEqual(transport.sinces, [5, 5, 6], "polling again while the stream is down");
  stop();
  assert.ok(closed, "stopping closes the stream");
});
