"use client";

import { useMemo } from "react";
import { findEvent, findHopperPosition } from "@/lib/annotation/document-lookup";
import type { CasieDocument } from "@/lib/casie/types";
import type { EditorSelection } from "./editor-state";
import { useEditorState } from "./use-editor";

/**
 * Lights the selected event's spans (or a selected hopper's events') and fades
 * the rest, with a generated style sheet: a selection change re-renders this
 * one element, never the text.
 */
export function SelectionLighting() {
  const document = useEditorState((state) => state.document);
  const selection = useEditorState((state) => state.selection);
  const css = useMemo(() => lightingCss(document, selection), [document, selection]);
  return <style>{css}</style>;
}

const TEXT = "[data-editor-text]";

function lightingCss(document: CasieDocument, selection: EditorSelection): string {
  const rules: string[] = [];
  const events = litEvents(document, selection);
  if (events.length) {
    const lit = events.map((event) => `[data-events~=${cssString(event)}]`).join(",");
    rules.push(`${TEXT} mark { --fill: 10%; --line: 35%; }`);
    rules.push(`${TEXT} mark:is(${lit}) { --fill: 45%; --line: 100%; --tint: 14%; --underline: 3px; }`);
  }
  if (selection.span) {
    rules.push(`${TEXT} mark[data-span=${cssString(selection.span)}] { outline: 2px solid var(--accent); outline-offset: 1px; }`);
  }
  return rules.join("\n");
}

function litEvents(document: CasieDocument, selection: EditorSelection): string[] {
  if (selection.event) return findEvent(document, selection.event) ? [selection.event] : [];
  if (selection.hopper === null) return [];
  const hopper = document.hoppers[findHopperPosition(document, selection.hopper)];
  return hopper ? hopper.events.map((event) => event.index) : [];
}

/** A CSS string literal: indexes come from imported files, so they are escaped (`<` too: no `</style>`), not trusted. */
function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, "\\$&").replace(/[\n\r\f<]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
