// For tests of windows that sync: each window is a SyncClient over its own
// collab state, talking to a server through a network the test drives. A
// request reaches the server only when the test processes it, and its answer
// reaches the window only when the test delivers it (or loses it), so any
// order of saves and answers can be played. Timers run on a manual clock.

import { addLocalOperation, startCollab, type CollabState, type Reception } from "./collab";
import type { SetNumbering } from "./index-allocation";
import { applyOperation, OperationConflictError } from "./operation-kinds";
import type { AnnotationOperation } from "./operation-types";
import { SyncClient, SyncRequestError, type SyncEnvironment, type SyncStatus, type SyncTransport } from "./sync-client";
import type { LoadResponse, SaveRequest, SaveResponse, SinceResponse } from "./sync-protocol";
import type { CasieDocument } from "@/lib/casie/types";
import { InvalidCommandError } from "./editor-commands";

/** The server as the windows reach it. */
export interface TestServer {
  save(request: SaveRequest): Promise<SaveResponse>;
  since(version: number): Promise<SinceResponse>;
  load(): Promise<LoadResponse>;
}

export class ManualClock implements SyncEnvironment {
  now = 0;
  visible = true;
  private timers: { at: number; callback: () => void; handle: number }[] = [];
  private nextHandle = 1;
  private wakeListeners = new Set<() => void>();

  setTimeout(callback: () => void, milliseconds: number): unknown {
    const handle = this.nextHandle++;
    this.timers.push({ at: this.now + milliseconds, callback, handle });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.handle !== handle);
  }

  isVisible(): boolean {
    return this.visible;
  }

  onWake(callback: () => void): () => void {
    this.wakeListeners.add(callback);
    return () => this.wakeListeners.delete(callback);
  }

  wake(): void {
    for (const listener of this.wakeListeners) listener();
  }

  /** Runs every timer due within `milliseconds`, in time order. */
  advance(milliseconds: number): void {
    const until = this.now + milliseconds;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.now = due.at;
      due.callback();
    }
    this.now = until;
  }

  /** When the next timer fires, or undefined. */
  nextTimer(): number | undefined {
    return this.timers.length ? Math.min(...this.timers.map((timer) => timer.at)) : undefined;
  }
}

type Call = { kind: "save"; request: SaveRequest } | { kind: "since"; version: number } | { kind: "load" };

/** A request on its way: sent by a window, then processed by the server, then answered (or its answer lost). */
export interface InFlight {
  window: TestWindow;
  call: Call;
  answer?: { value: unknown } | { error: unknown };
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export class TestNetwork {
  readonly inFlight: InFlight[] = [];

  constructor(readonly server: TestServer) {}

  transportFor(window: TestWindow): SyncTransport {
    const send = <T>(call: Call) =>
      new Promise<T>((resolve, reject) => {
        this.inFlight.push({ window, call, resolve: resolve, reject });
      });
    return {
      save: (request) => send<SaveResponse>({ kind: "save", request: structuredClone(request) }),
      since: (version) => send<SinceResponse>({ kind: "since", version }),
      load: () => send<LoadResponse>({ kind: "load" }),
    };
  }

  /** The server handles the request (the window does not know yet). */
  async process(item: InFlight): Promise<void> {
    try {
      const { call } = item;
      const value =
        call.kind === "save"
          ? await this.server.save(call.request)
          : call.kind === "since"
            ? await this.server.since(call.version)
            : await this.server.load();
      item.answer = { value: structuredClone(value) };
    } catch (error) {
      item.answer = { error };
    }
  }

  /** The answer reaches the window, or is lost on the way (the server may have acted on the request all the same). */
  async deliver(item: InFlight, { lose = false } = {}): Promise<void> {
    if (!item.answer) await this.process(item);
    this.inFlight.splice(this.inFlight.indexOf(item), 1);
    const answer = item.answer!;
    if (lose) item.reject(new SyncRequestError("The server could not be reached.", false));
    else if ("error" in answer) item.reject(answer.error);
    else {
      if (item.call.kind === "save") item.window.acknowledge(item.call.request, answer.value as SaveResponse);
      item.resolve(answer.value);
    }
    await settle();
  }
}

/** Lets the windows' promise chains run to their next request. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Waits until `condition` holds, for work whose length the test does not set:
 * a dynamic import goes through the module loader, which may answer late on a busy machine.
 */
export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export class TestWindow {
  state: CollabState;
  status: SyncStatus = { state: "saved" };
  readonly client: SyncClient;
  readonly receptions: Reception[] = [];
  /** Operations the server acknowledged as saved, by sequence number. */
  readonly acknowledged = new Set<number>();
  /** This window's own steps, newest last, following rebases as the editor's undo history does: what an undo inverts. */
  own: AnnotationOperation[] = [];

  constructor(
    readonly name: string,
    network: TestNetwork,
    readonly clock: ManualClock,
    set: { version: number; document: CasieDocument; numbering: SetNumbering },
  ) {
    this.state = startCollab(`window-${name}-${Math.random().toString(36).slice(2, 10)}`, set);
    this.client = new SyncClient(
      {
        collab: () => this.state,
        received: (reception) => {
          this.receptions.push(reception);
          this.state = reception.state;
          this.own = this.own.flatMap((step) => (reception.replaced.has(step) ? (reception.replaced.get(step) ?? []) : step));
        },
        statusChanged: (status) => {
          this.status = status;
        },
      },
      network.transportFor(this),
      clock,
    );
  }

  /** Makes a local edit as the editor does (null or a refused command changes nothing); false when nothing was done. */
  edit(build: (document: CasieDocument, numbering: SetNumbering) => AnnotationOperation | null): boolean {
    let operation: AnnotationOperation | null;
    let document: CasieDocument;
    try {
      operation = build(this.state.document, this.state.numbering);
      if (!operation) return false;
      document = applyOperation(this.state.document, operation);
    } catch (error) {
      if (error instanceof InvalidCommandError || error instanceof OperationConflictError) return false;
      throw error;
    }
    this.state = addLocalOperation(this.state, operation, document);
    this.own = [...this.own, operation];
    this.client.queued();
    return true;
  }

  acknowledge(request: SaveRequest, response: SaveResponse): void {
    if (response.status === "saved") for (const entry of request.operations) this.acknowledged.add(entry.seq);
  }
}
