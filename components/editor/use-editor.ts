"use client";

import { createContext, useContext, useSyncExternalStore } from "react";
import type { EditorSnapshot } from "./editor-state";
import type { EditorStore } from "./editor-store";

export const EditorContext = createContext<EditorStore | null>(null);

export function useEditor(): EditorStore {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error("useEditor needs an EditorContext provider");
  return editor;
}

/**
 * A part of the editor's state; the component re-renders only when that part
 * changes. `select` must return a value from the snapshot (or a primitive),
 * not a new object, or every change would re-render. Hydrated from the
 * state the server rendered, which React brings up to date right after.
 */
export function useEditorState<T>(select: (state: EditorSnapshot) => T): T {
  const editor = useEditor();
  return useSyncExternalStore(
    editor.subscribe,
    () => select(editor.getSnapshot()),
    () => select(editor.getInitialSnapshot()),
  );
}
