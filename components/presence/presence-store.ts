// Who else has this document open, and telling them where this window is: a
// small store beside the editor's, fed by the set's stream (presence events)
// and posting this window's selected event. Presence is not annotation: it
// never enters the operation log or the undo history.

import type { PresenceView } from "@/lib/presence/presence-protocol";

/** Selections change with every key: the server hears of the event this window settles on. */
const REPORT_DELAY_MS = 250;

export type PresencePost = (eventIndex: string | null) => Promise<void>;

export class PresenceStore {
  private windows: PresenceView[] = [];
  private readonly listeners = new Set<() => void>();
  private eventIndex: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly post: PresencePost) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): PresenceView[] => this.windows;

  /** The stream's latest list. A window that entered again (after a reconnect) is told where it is once more. */
  readonly received = (windows: PresenceView[]): void => {
    this.windows = windows;
    const own = windows.find((window) => window.you);
    if (own && own.eventIndex !== this.eventIndex) this.schedule();
    for (const listener of this.listeners) listener();
  };

  /** This window is on `eventIndex` now. */
  report(eventIndex: string | null): void {
    if (eventIndex === this.eventIndex) return;
    this.eventIndex = eventIndex;
    this.schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.post(this.eventIndex).catch(() => undefined), REPORT_DELAY_MS);
  }
}
