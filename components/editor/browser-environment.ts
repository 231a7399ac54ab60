// The sync client's environment in a browser window: timers, and whether the
// window is looked at; and when a frame has been drawn.

import type { SyncEnvironment } from "@/lib/annotation/sync-client";

export const browserEnvironment: SyncEnvironment = {
  setTimeout: (callback, milliseconds) => window.setTimeout(callback, milliseconds),
  clearTimeout: (handle) => window.clearTimeout(handle as number | undefined),
  isVisible: () => document.visibilityState === "visible",
  onWake(callback) {
    const wake = () => {
      if (document.visibilityState === "visible") callback();
    };
    document.addEventListener("visibilitychange", wake);
    window.addEventListener("focus", wake);
    return () => {
      document.removeEventListener("visibilitychange", wake);
      window.removeEventListener("focus", wake);
    };
  },
};

const HIDDEN_WINDOW_DELAY_MS = 100;

/** Calls back after the next frame is drawn (a task queued from its animation frame); a hidden window draws none: a timer stands in. */
export function afterNextPaint(callback: () => void): void {
  let called = false;
  const call = () => {
    if (called) return;
    called = true;
    callback();
  };
  requestAnimationFrame(() => setTimeout(call, 0));
  setTimeout(call, HIDDEN_WINDOW_DELAY_MS);
}
