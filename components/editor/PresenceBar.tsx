"use client";

import { useEffect } from "react";
import { PresenceList } from "@/components/presence/PresenceList";
import type { PresenceStore } from "@/components/presence/presence-store";
import { useEditor } from "./use-editor";

/** The editor's presence: who else is here, and this window's selected event reported as it changes. */
export function PresenceBar({ presence }: { presence: PresenceStore }) {
  const editor = useEditor();
  useEffect(() => {
    let last = editor.getSnapshot().selection.event;
    presence.report(last);
    const unsubscribe = editor.subscribe(() => {
      const event = editor.getSnapshot().selection.event;
      if (event !== last) presence.report((last = event));
    });
    return () => {
      unsubscribe();
      presence.stop();
    };
  }, [editor, presence]);
  return <PresenceList presence={presence} />;
}
