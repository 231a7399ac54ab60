// Keeping a window's copy of a set in step with the server (prosemirror-collab's
// client loop): the pending operations go out in order, one request at a time,
// on the version they were made on; whatever the server answers, and what
// other windows saved meanwhile, comes back through receiveOperations. The
// transport (save, catch-up, load) and the environment (timers, visibility)
// are injected, so every path (retry, backoff, catch-up, refusal, reload) is
// tested with fakes. A push stream, when the transport has one, says when the
// set has moved on; polling is only the fallback while it is down.

import { CollabGapError, CollabMismatchError, receiveOperations, refuseOperation, reloadCollab, type CollabState, type Reception } from "./collab";
import type { LoadResponse, LoggedOperation, SaveRequest, SaveResponse, SinceResponse } from "./sync-protocol";

export interface SyncTransport {
  save(request: SaveRequest): Promise<SaveResponse>;
  /** The operations after `version`, paged. */
  since(version: number): Promise<SinceResponse>;
  load(): Promise<LoadResponse>;
  /** A push stream of the set's versions, when there is one; returns the function that closes it. */
  subscribe?(events: PushEvents): () => void;
}

/** What a push stream reports. */
export interface PushEvents {
  /** The stream is open (again): anything missed while it was down is fetched. */
  opened(): void;
  /** The set is at `version` now. */
  version(version: number): void;
  /** The stream is down for now (it reconnects by itself); polling takes over meanwhile. */
  interrupted(): void;
}

/** A request that got no usable answer: the network failed, or the server refused it for a reason no rebase can fix. */
export class SyncRequestError extends Error {
  constructor(
    message: string,
    /** Retrying will not help (403, 404, 413, …): the edits need the annotator's attention. */
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "SyncRequestError";
  }
}

export interface SyncEnvironment {
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Whether someone looks at the window: a hidden one does not poll. */
  isVisible(): boolean;
  /** Calls back when the window is shown or focused again; returns the function that stops it. */
  onWake(callback: () => void): () => void;
}

export type SyncStatus =
  | { state: "saved" }
  | { state: "saving" }
  /** The last attempt failed; `retrying` when another is scheduled. */
  | { state: "failed"; message: string; retrying: boolean };

/** What the client needs from the editor that holds the copy. */
export interface SyncHost {
  collab(): CollabState;
  /** Takes in a reception: the new copy, and what it means for the history, selection and notices. */
  received(reception: Reception): void;
  statusChanged(status: SyncStatus): void;
}

export interface SyncOptions {
  /** Operations per save request: a long offline queue goes in several. */
  maxBatch: number;
  pollIntervalMs: number;
  firstRetryDelayMs: number;
  maxRetryDelayMs: number;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = { maxBatch: 200, pollIntervalMs: 5000, firstRetryDelayMs: 1000, maxRetryDelayMs: 30_000 };

export class SyncClient {
  private readonly options: SyncOptions;
  /** A save, catch-up or load is in flight: each starts from the copy's version, so one at a time. */
  private busy = false;
  private stopped = true;
  private failures = 0;
  private status: SyncStatus = { state: "saved" };
  private retryTimer: unknown;
  private pollTimer: unknown;
  /** A catch-up was asked for while busy: it runs once the request in flight is answered. */
  private catchUpWanted = false;
  private stopWaking: (() => void) | undefined;
  private closeStream: (() => void) | undefined;
  /** The push stream is open: no polling needed. */
  private streaming = false;

  constructor(
    private readonly host: SyncHost,
    private readonly transport: SyncTransport,
    private readonly environment: SyncEnvironment,
    options: Partial<SyncOptions> = {},
  ) {
    this.options = { ...DEFAULT_SYNC_OPTIONS, ...options };
  }

  /** Sends what is pending and starts catching up with other windows; returns the stop function. */
  start(): () => void {
    this.stopped = false;
    this.stopWaking = this.environment.onWake(() => this.requestCatchUp());
    this.closeStream = this.transport.subscribe?.({
      opened: () => {
        this.streaming = true;
        this.requestCatchUp();
      },
      version: (version) => {
        if (version > this.host.collab().version) this.requestCatchUp();
      },
      interrupted: () => {
        this.streaming = false;
      },
    });
    this.schedulePoll();
    this.kick();
    return () => this.stop();
  }

  stop(): void {
    this.stopped = true;
    this.stopWaking?.();
    this.closeStream?.();
    this.streaming = false;
    this.environment.clearTimeout(this.retryTimer);
    this.environment.clearTimeout(this.pollTimer);
  }

  /** A local operation was added: it goes out once the request in flight (if any) is answered; after a failure, the retry timer decides. */
  queued(): void {
    if (this.status.state !== "failed") this.kick();
  }

  /** Sends now what is pending, after a failure. */
  retry(): void {
    this.environment.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.setStatus(this.host.collab().pending.length ? { state: "saving" } : { state: "saved" });
    this.kick();
  }

  /** Fetches what other windows saved (a poll, a wake-up, a push notification). */
  requestCatchUp(): void {
    this.catchUpWanted = true;
    this.kick();
  }

  /** Whether local edits have not reached the server yet. */
  hasUnsaved(): boolean {
    return this.host.collab().pending.length > 0;
  }

  /** Starts the next request unless one is in flight: pending operations first, else a catch-up when one is wanted. */
  private kick(): void {
    if (this.busy || this.stopped || this.status.state === "failed") return;
    if (this.host.collab().pending.length) void this.run(() => this.save());
    else if (this.catchUpWanted) void this.run(() => this.catchUp());
    else this.setStatus({ state: "saved" });
  }

  private async run(request: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await request();
      this.failures = 0;
    } catch (error) {
      await this.recover(error);
    } finally {
      this.busy = false;
    }
    this.kick();
  }

  private async save(): Promise<void> {
    const state = this.host.collab();
    const sent = state.pending.slice(0, this.options.maxBatch);
    this.setStatus({ state: "saving" });
    const response = await this.transport.save({ baseVersion: state.version, clientId: state.clientId, operations: sent });
    switch (response.status) {
      case "saved": {
        const first = response.version - sent.length + 1;
        const stored = sent.map((entry, i): LoggedOperation => ({ version: first + i, clientId: state.clientId, ...entry }));
        this.receive(stored);
        return;
      }
      case "behind":
        this.receive(response.operations);
        if (!response.complete) await this.catchUp();
        return;
      case "refused":
        this.host.received(refuseOperation(this.host.collab(), response.seq, response.message));
        return;
      case "reload":
        await this.reload();
        return;
    }
  }

  /** Takes in the operations saved since the copy's version, page by page. */
  private async catchUp(): Promise<void> {
    this.catchUpWanted = false;
    for (;;) {
      const page = await this.transport.since(this.host.collab().version);
      this.receive(page.operations);
      if (page.complete || page.operations.length === 0) return;
    }
  }

  private async reload(): Promise<void> {
    const set = await this.transport.load();
    this.host.received(reloadCollab(this.host.collab(), set));
  }

  private receive(operations: LoggedOperation[]): void {
    this.host.received(receiveOperations(this.host.collab(), operations));
  }

  /** After a failed request: a copy out of step is brought back (catch-up, or a reload); anything else is retried later. */
  private async recover(error: unknown): Promise<void> {
    try {
      if (error instanceof CollabGapError) return await this.catchUp();
      if (error instanceof CollabMismatchError) return await this.reload();
    } catch (again) {
      error = again;
    }
    this.failed(error);
  }

  private failed(error: unknown): void {
    // With nothing to save, a failed catch-up is no failure for the annotator: the next poll tries again.
    if (this.host.collab().pending.length === 0) return;
    const permanent = error instanceof SyncRequestError && error.permanent;
    const message = error instanceof Error ? error.message : String(error);
    this.failures++;
    const retrying = !permanent && !this.stopped;
    if (retrying) {
      const delay = Math.min(this.options.maxRetryDelayMs, this.options.firstRetryDelayMs * 2 ** (this.failures - 1));
      this.retryTimer = this.environment.setTimeout(() => this.retry(), delay);
    }
    this.setStatus({ state: "failed", message, retrying });
  }

  private schedulePoll(): void {
    this.pollTimer = this.environment.setTimeout(() => {
      if (this.stopped) return;
      if (this.environment.isVisible() && !this.streaming) this.requestCatchUp();
      this.schedulePoll();
    }, this.options.pollIntervalMs);
  }

  private setStatus(status: SyncStatus): void {
    const current = this.status;
    const same = current.state === status.state && (current.state !== "failed" || JSON.stringify(current) === JSON.stringify(status));
    this.status = status;
    if (!same) this.host.statusChanged(status);
  }
}
