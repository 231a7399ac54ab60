// Keeping the editor's copy of a set in step with the server (ProseMirror's
// collab client): the queued operations go out in order, one request in flight,
// with the version they were made on; the answers and what other windows saved
// are merged (merge-remote.ts) into the store through its SyncHost interface.

import { OperationConflictError } from "@/lib/annotation/apply-operation";
import type { SaveStatus } from "./editor-state";
import { mergeConflict, mergeRemote, mergeSaved, ResyncNeededError, type LocalCopy, type MergeResult } from "./merge-remote";
import { fetchOperationsSince, fetchSet, postOperations, SaveRequestError } from "./set-api";

/** What the sync needs from the store. */
export interface SyncHost {
  setId: string;
  copy(): LocalCopy;
  saveStatus(): SaveStatus;
  setSaveStatus(status: SaveStatus): void;
  /** Takes in a merge: the new copy, plus what it means for the history, selection and notices. */
  merge(result: MergeResult): void;
}

/** Operations per save request: a long offline queue goes in several. */
const MAX_BATCH = 200;
const POLL_INTERVAL_MS = 5000;
const MAX_RETRY_DELAY_MS = 30_000;

export class SetSync {
  /** A save or a poll is in flight: both start from the copy's version, so only one at a time. */
  private busy = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;

  constructor(private readonly host: SyncHost) {}

  /** Sends what is queued and starts catching up with other windows; returns the stop function. */
  start(): () => void {
    this.stopped = false;
    // Only a window someone looks at catches up; a hidden one does when it is shown again.
    const pollNow = () => {
      if (document.visibilityState === "visible") void this.poll();
    };
    const poll = setInterval(pollNow, POLL_INTERVAL_MS);
    const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
      if (this.host.copy().pending.length > 0) event.preventDefault();
    };
    document.addEventListener("visibilitychange", pollNow);
    window.addEventListener("focus", pollNow);
    window.addEventListener("beforeunload", warnBeforeLeaving);
    void this.flush();
    return () => {
      this.stopped = true;
      clearInterval(poll);
      clearTimeout(this.retryTimer);
      document.removeEventListener("visibilitychange", pollNow);
      window.removeEventListener("focus", pollNow);
      window.removeEventListener("beforeunload", warnBeforeLeaving);
    };
  }

  /** A new operation was queued: send it once the current code has run (after a failure, the retry timer decides). */
  queued(): void {
    if (this.host.saveStatus().state !== "failed") queueMicrotask(() => void this.flush());
  }

  /** Sends now what is queued, after a failure. */
  retry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    void this.flush();
  }

  private async flush(): Promise<void> {
    if (this.busy || this.stopped || this.host.copy().pending.length === 0) return;
    this.busy = true;
    const copy = this.host.copy();
    const sentCount = Math.min(copy.pending.length, MAX_BATCH);
    this.host.setSaveStatus({ state: "saving" });
    let saved = false;
    try {
      const response = await postOperations(this.host.setId, copy.version, copy.pending.slice(0, sentCount));
      this.failures = 0;
      saved = response.status === "saved";
      // Operations queued while the request was out are in the copy now, after the ones sent.
      if (response.status === "saved") this.host.merge(mergeSaved(this.host.copy(), sentCount, response));
      else this.host.merge(mergeConflict(this.host.copy(), sentCount, response));
      this.host.setSaveStatus({ state: this.host.copy().pending.length ? "saving" : "saved" });
    } catch (error) {
      if (error instanceof ResyncNeededError || error instanceof OperationConflictError) await this.resync(saved ? sentCount : 0);
      else this.failed(error);
    } finally {
      this.busy = false;
    }
    if (this.host.saveStatus().state !== "failed" && this.host.copy().pending.length) void this.flush();
  }

  private failed(error: unknown): void {
    const permanent = error instanceof SaveRequestError && error.permanent;
    const message = error instanceof Error ? error.message : String(error);
    this.failures++;
    if (!permanent && !this.stopped) {
      const delay = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** (this.failures - 1));
      this.retryTimer = setTimeout(() => this.retry(), delay);
    }
    this.host.setSaveStatus({ state: "failed", message, retrying: !permanent });
  }

  /** What other windows saved since our version, merged in when nothing is waiting to be saved. */
  private async poll(): Promise<void> {
    if (this.busy || this.stopped || this.host.copy().pending.length || this.host.saveStatus().state === "failed") return;
    this.busy = true;
    try {
      const update = await fetchOperationsSince(this.host.setId, this.host.copy().version);
      if (update.version > this.host.copy().version && update.operations.length) this.host.merge(mergeRemote(this.host.copy(), update));
    } catch {
      // Live updates are best effort: the next save brings in what was missed.
    } finally {
      this.busy = false;
    }
    if (this.host.copy().pending.length) void this.flush();
  }

  /**
   * Reads the set again when the local copy cannot be reconciled with the
   * server's answers; keeps the local edits that still fit it, except the
   * first `saved` ones, which the server has.
   */
  private async resync(saved: number): Promise<void> {
    try {
      const set = await fetchSet(this.host.setId);
      const pending = this.host.copy().pending.slice(saved);
      const copy: LocalCopy = { confirmed: set.document, version: set.version, document: set.document, pending };
      this.host.merge(mergeRemote(copy, { version: set.version, operations: [] }));
      this.host.setSaveStatus({ state: this.host.copy().pending.length ? "saving" : "saved" });
    } catch (error) {
      this.failed(error);
    }
  }
}
