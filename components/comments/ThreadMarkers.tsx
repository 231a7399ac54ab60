"use client";

import { useEffect, useSyncExternalStore } from "react";
import type { CommentThreadsStore } from "./comment-threads-store";
import { markThreadTargets } from "./thread-markers";

/** Renders nothing: keeps the markers of the store's open threads on the text under `root()`, also as the text re-renders. */
export function ThreadMarkers({ store, root: findRoot }: { store: CommentThreadsStore; root: () => HTMLElement | null }) {
  const { threads } = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  useEffect(() => {
    const root = findRoot();
    if (!root) return;
    markThreadTargets(root, threads);
    // Edits re-render blocks of the text with new mark elements: mark them again.
    const observer = new MutationObserver(() => markThreadTargets(root, threads));
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [findRoot, threads]);
  return null;
}
