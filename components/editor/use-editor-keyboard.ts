"use client";

import { useLayoutEffect, type RefObject } from "react";
import { ACTIONS } from "./actions";
import { readDomSelection } from "./dom-selection";
import type { EditorStore } from "./editor-store";

/**
 * The keyboard handler, generated from the action registry. Keys typed into a
 * form field stay there (Escape goes back to the text), and an open popup
 * handles its own keys. A key whose action cannot run now says why.
 * Attached in a layout effect: the editor shows its text before its passive
 * effects run, and keys pressed in between must not be lost.
 */
export function useEditorKeyboard(editor: EditorStore, textRef: RefObject<HTMLElement | null>, focusText: () => void): void {
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (editor.getSnapshot().popup) return;
      if (isFormField(event.target)) {
        if (event.key === "Escape") {
          event.preventDefault();
          focusText();
        }
        return;
      }
      syncSelectionFromScreen(editor, textRef.current);
      const state = editor.getSnapshot();
      const inText = textRef.current?.contains(event.target as Node) ?? false;
      const context = { editor, state, focusText };
      for (const action of ACTIONS) {
        if (!action.shortcut.keyTest(event) || (action.scope === "text" && !inText)) continue;
        event.preventDefault();
        const refusal = action.unavailable?.(context);
        if (refusal) editor.refuse(refusal);
        else action.perform(context);
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
 * not been dispatched yet; and a selection the screen no longer shows (focus
 * went elsewhere and took it) is dropped, so no command acts on what cannot be seen.
 */
function syncSelectionFromScreen(editor: EditorStore, root: HTMLElement | null): void {
  if (!root) return;
  const onScreen = readDomSelection(root);
  const stored = editor.getSnapshot().selection.text;
  if (!onScreen) {
    if (stored) editor.setTextSelection(null);
  } else if (onScreen.anchor !== stored?.anchor || onScreen.focus !== stored?.focus) editor.setTextSelection(onScreen);
}

function isFormField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches("input, textarea, select");
}
