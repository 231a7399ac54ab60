"use client";

import { createContext, useContext } from "react";
import type { ActionContext } from "./actions";
import { useEditor, useEditorState } from "./use-editor";

/** How to move focus to the text; provided by the editor, which holds the text's element. */
export const FocusTextContext = createContext<() => void>(() => {});

/** What actions run with, for components that show or perform them. */
export function useActionContext(): ActionContext {
  const editor = useEditor();
  const state = useEditorState((snapshot) => snapshot);
  const focusText = useContext(FocusTextContext);
  return { editor, state, focusText };
}
