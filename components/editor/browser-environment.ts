// The sync client's environment in a browser window: timers, and whether the window is looked at.

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
