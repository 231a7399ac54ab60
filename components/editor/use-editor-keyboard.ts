"use client";

import { useEffect, type RefObject } from "react";
import { ACTIONS, isEnabled } from "./actions";
import type { EditorStore } from "./editor-store";

/**
 * The keyboard handler, generated from the action registry. Keys typed into a
 * form field stay there, and an open popup handles its own keys.
 */
export function useEditorKeyboard(editor: EditorStore, textRef: RefObject<HTMLElement | null>, focusText: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const state = editor.getSnapshot();
      if (state.popup || isFormField(event.target)) return;
      const inText = textRef.current?.contains(event.target as Node) ?? false;
      const context = { editor, state, focusText };
      for (const action of ACTIONS) {
        if (!action.shortcut.keyTest(event) || (action.scope === "text" && !inText)) continue;
        if (!isEnabled(action, context)) return;
        event.preventDefault();
        action.perform(context);
        return;
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [editor, textRef, focusText]);
}

function isFormField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches("input, textarea, select");
}
