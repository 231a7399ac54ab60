// The comment threads of the set open in the editor: read from the server when
// the editor opens and whenever the set's stream says they changed; written
// through /api/annotation-sets/:setId/comments.

import type { CommentRequest, CommentThread } from "@/lib/comments/comment-protocol";

export interface CommentThreadsSnapshot {
  threads: CommentThread[];
  /** Why the last read or write failed, for the annotator. */
  error: string | null;
}

export class CommentThreadsStore {
  private snapshot: CommentThreadsSnapshot = { threads: [], error: null };
  private readonly listeners = new Set<() => void>();
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private readonly url: string;

  constructor(setId: string) {
    this.url = `/api/annotation-sets/${encodeURIComponent(setId)}/comments`;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): CommentThreadsSnapshot => this.snapshot;

  /** Reads the threads again (one read at a time; news during a read reads once more after it). */
  readonly refresh = (): void => {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = this.read().finally(() => {
      this.reading = null;
      if (this.readAgain) {
        this.readAgain = false;
        this.refresh();
      }
    });
  };

  /** Sends a comment command; true when the server took it. The threads come back through the stream's news. */
  async send(request: CommentRequest): Promise<boolean> {
    try {
      const response = await fetch(this.url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(request),
        credentials: "same-origin",
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        this.set({ error: body?.error ?? `The server answered ${response.status}.` });
        return false;
      }
      this.set({ error: null });
      // The stream brings the news too; reading now shows the change at once when it is slow or down.
      this.refresh();
      return true;
    } catch {
      this.set({ error: "The server could not be reached: the comment was not sent." });
      return false;
    }
  }

  private async read(): Promise<void> {
    try {
      const response = await fetch(this.url, { cache: "no-store", credentials: "same-origin" });
      if (!response.ok) throw new Error(`The comments could not be read (${response.status}).`);
      const { threads } = (await response.json()) as { threads: CommentThread[] };
      this.set({ threads, error: null });
    } catch (error) {
      this.set({ error: (error as Error).message.startsWith("The comments") ? (error as Error).message : "The comments could not be read." });
    }
  }

  private set(changes: Partial<CommentThreadsSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...changes };
    for (const listener of this.listeners) listener();
  }
}
