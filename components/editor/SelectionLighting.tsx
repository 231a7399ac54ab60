"use client";

import { useLayoutEffect, useRef, type RefObject } from "react";
import { findEvent, findHopperPosition } from "@/lib/annotation/document-lookup";
import type { CasieDocument } from "@/lib/casie/types";
import type { EditorSelection } from "./editor-state";
import { useEditorState } from "./use-editor";

/**
 * Lights the selected event's spans (or a selected hopper's events') and fades
 * the rest: `data-lighting` on the text while anything is lit, `data-lit` on the
 * lit marks and `data-selected` on the selected span's (EditorText.module.css
 * styles them). A selection change touches the few marks concerned, never the
 * others, and never re-renders the text; after an edit (`layoutKey`), re-drawn
 * marks get their attributes again.
 */
export function SelectionLighting({ textRef, layoutKey }: { textRef: RefObject<HTMLDivElement | null>; layoutKey: unknown }) {
  const document = useEditorState((state) => state.document);
  const selection = useEditorState((state) => state.selection);
  const touched = useRef<Element[]>([]);

  useLayoutEffect(() => {
    const root = textRef.current;
    if (!root) return;
    for (const mark of touched.current) {
      mark.removeAttribute("data-lit");
      mark.removeAttribute("data-selected");
    }
    const events = litEvents(document, selection);
    root.toggleAttribute("data-lighting", events.length > 0);
    const lit = events.flatMap((event) => [...root.querySelectorAll(`mark[data-events~="${CSS.escape(event)}"]`)]);
    for (const mark of lit) mark.setAttribute("data-lit", "");
    const selected = selection.span ? [...root.querySelectorAll(`mark[data-span="${CSS.escape(selection.span)}"]`)] : [];
    for (const mark of selected) mark.setAttribute("data-selected", "");
    touched.current = [...lit, ...selected];
  }, [document, selection, textRef, layoutKey]);

  return null;
}

function litEvents(document: CasieDocument, selection: EditorSelection): string[] {
  if (selection.event) return findEvent(document, selection.event) ? [selection.event] : [];
  if (selection.hopper === null) return [];
  const hopper = document.hoppers[findHopperPosition(document, selection.hopper)];
  return hopper ? hopper.events.map((event) => event.index) : [];
}
