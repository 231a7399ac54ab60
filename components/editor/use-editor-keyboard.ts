"use client";

import { useEffect, type RefObject } from "react";
import { ACTIONS, isEnabled } from "./actions";
import { readDomSelection } from "./dom-selection";
import type { EditorStore } from "./editor-store";

/**
 * The keyboard handler, generated from the action registry. Keys typed into a
 * form field stay there, and an open popup handles its own keys.
 */
export function useEditorKeyboard(editor: EditorStore, textRef: RefObject<HTMLElement | null>, focusText: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (editor.getSnapshot().popup || isFormField(event.target)) return;
      syncSelectionFromScreen(editor, textRef.current);
      const state = editor.getSnapshot();
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

/**
 * Commands act on the selection on screen. Between keystrokes the screen shows
 * the store's selection (React renders keyboard updates at once), so a
 * difference is a change the user just made whose selectionchange event has
 * not been dispatched yet.
 */
function syncSelectionFromScreen(editor: EditorStore, root: HTMLElement | null): void {
  const onScreen = root && readDomSelection(root);
  const stored = editor.getSnapshot().selection.text;
  if (onScreen && (onScreen.anchor !== stored?.anchor || onScreen.focus !== stored?.focus)) editor.setTextSelection(onScreen);
}

function isFormField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches("input, textarea, select");
}
