// The editor's state as plain data: what the store holds and components read.

import type { ArgumentTarget } from "@/lib/annotation/editor-commands";
import { findEvent, findHopperPosition, findSpan } from "@/lib/annotation/document-lookup";
import type { History, HistoryStep } from "@/lib/annotation/history";
import { invertOperation } from "@/lib/annotation/operation-kinds";
import type { AnnotationOperation } from "@/lib/annotation/operation-types";
import type { TextRange } from "@/lib/annotation/word-snapping";
import type { Tagset } from "@/lib/casie/tagset";
import type { CasieDocument } from "@/lib/casie/types";
import type { CollabState } from "@/lib/annotation/collab";
import type { SyncStatus } from "@/lib/annotation/sync-client";

/** A text selection as character offsets: `anchor` stays put while `focus` (the caret) moves. Collapsed when equal. */
export interface TextSelection {
  anchor: number;
  focus: number;
}

export interface EditorSelection {
  text: TextSelection | null;
  /** The event being edited (`E<n>`). */
  event: string | null;
  /** The span clicked or being resized (`T<n>`). */
  span: string | null;
  /** An argument of the selected event, by position: what Delete removes. */
  argument: number | null;
  /** A hopper picked in the panel: all its events light up. */
  hopper: number | null;
}

export type Popup =
  | { kind: "createEvent"; range: TextRange; hopper: "new" | number }
  | { kind: "addArgument"; eventIndex: string; target: ArgumentTarget }
  | { kind: "changeEventType"; eventIndex: string }
  | { kind: "changeRealis"; eventIndex: string }
  | { kind: "deleteEvent"; eventIndex: string }
  | { kind: "moveEvent"; eventIndex: string }
  | { kind: "mergeHopper"; hopperIndex: number }
  | { kind: "externalReference"; eventIndex: string; position: number }
  | { kind: "find" }
  | { kind: "help" };

export interface Notice {
  id: number;
  tone: "info" | "warning";
  title: string;
  details: string[];
}

/** A brief message about the last command, shown beside the save status until it clears itself: why it was refused, or where find went. */
export interface Feedback {
  id: number;
  tone: "refusal" | "info";
  message: string;
}

/** The set's part (confirmed, pending, version: collab.ts) beside the session's (selection, popups, notices). */
export interface EditorSnapshot extends CollabState {
  setId: string;
  tagset: Tagset;
  history: History;
  selection: EditorSelection;
  /** Selections widen to whole words (and shed surrounding punctuation) before they become spans. */
  snapping: boolean;
  popup: Popup | null;
  save: SyncStatus;
  notices: Notice[];
  feedback: Feedback | null;
  /** What find looked for last: the find popup starts with it, and F3 looks for it again. */
  lastFind: string;
  /** The last thing done, for screen readers (a polite live region). */
  announcement: string;
}

export const NO_SELECTION: EditorSelection = { text: null, event: null, span: null, argument: null, hopper: null };

/** The selection with whatever the document no longer has taken out. */
export function selectionIn(document: CasieDocument, selection: EditorSelection): EditorSelection {
  const event = selection.event && findEvent(document, selection.event) ? selection.event : null;
  const argumentCount = event ? findEvent(document, event)!.event.arguments.length : 0;
  const next: EditorSelection = {
    text: selection.text,
    event,
    span: selection.span && findSpan(document, selection.span) ? selection.span : null,
    argument: selection.argument !== null && selection.argument < argumentCount ? selection.argument : null,
    hopper: selection.hopper !== null && findHopperPosition(document, selection.hopper) !== -1 ? selection.hopper : null,
  };
  const same = (Object.keys(next) as (keyof EditorSelection)[]).every((key) => next[key] === selection[key]);
  return same ? selection : next;
}

/** The history with the steps of rebased operations following them, and those of dropped ones forgotten. */
export function historyAfterRebase(history: History, replaced: ReadonlyMap<AnnotationOperation, AnnotationOperation | null>): History {
  if (replaced.size === 0) return history;
  const patch = (step: HistoryStep): HistoryStep | null => {
    if (replaced.has(step.operation)) {
      const now = replaced.get(step.operation)!;
      return now && { ...step, operation: now, inverse: invertOperation(now) };
    }
    if (replaced.has(step.inverse)) {
      const now = replaced.get(step.inverse)!;
      return now && { ...step, inverse: now, operation: invertOperation(now) };
    }
    return step;
  };
  const keep = (steps: HistoryStep[]) => steps.map(patch).filter((step): step is HistoryStep => step !== null);
  return { undo: keep(history.undo), redo: keep(history.redo) };
}
