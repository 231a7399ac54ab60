// Undo and redo over many steps, as plain data so it can be kept in
// sessionStorage: a reload keeps this session's steps undoable. A step holds
// its operation and the inverse that undoes it.

import { describeOperation, invertOperation } from "./operation-kinds";
import type { AnnotationOperation } from "./operation-types";

export interface HistoryStep {
  operation: AnnotationOperation;
  inverse: AnnotationOperation;
  /** For the undo and redo menu entries. */
  label: string;
}

export interface History {
  /** Oldest first: the last step is undone first. */
  undo: HistoryStep[];
  /** The last step is redone first. */
  redo: HistoryStep[];
}

/** Beyond this many steps the oldest are forgotten. */
export const HISTORY_LIMIT = 500;

/** What to apply to undo or redo a step, and the history once it is applied. */
export interface HistoryMove {
  operation: AnnotationOperation;
  label: string;
  history: History;
}

export function emptyHistory(): History {
  return { undo: [], redo: [] };
}

/** A step the annotator took: it becomes the one to undo, and what was undone can no longer be redone. */
export function recordStep(history: History, operation: AnnotationOperation, label: string = describeOperation(operation)): History {
  const undo = [...history.undo, { operation, inverse: invertOperation(operation), label }];
  return { undo: undo.slice(-HISTORY_LIMIT), redo: [] };
}

/** null when there is nothing to undo. Keep the old history if the returned operation no longer applies. */
export function undoStep(history: History): HistoryMove | null {
  const step = history.undo.at(-1);
  if (!step) return null;
  return { operation: step.inverse, label: step.label, history: { undo: history.undo.slice(0, -1), redo: [...history.redo, step] } };
}

/** null when there is nothing to redo. Keep the old history if the returned operation no longer applies. */
export function redoStep(history: History): HistoryMove | null {
  const step = history.redo.at(-1);
  if (!step) return null;
  return { operation: step.operation, label: step.label, history: { undo: [...history.undo, step], redo: history.redo.slice(0, -1) } };
}

/** What serializeHistory writes, so that parseHistory (parse-history.ts) reads back nothing else. */
export const HISTORY_FORMAT = "hopper-history/1";

/** JSON for sessionStorage; inverses are not stored but derived again when read. */
export function serializeHistory(history: History): string {
  const steps = (list: HistoryStep[]) => list.map(({ operation, label }) => ({ operation, label }));
  return JSON.stringify({ format: HISTORY_FORMAT, undo: steps(history.undo), redo: steps(history.redo) });
}

/**
 * `restored` (read back after a reload) with the steps taken since the reload after it: those are undone first, and
 * their redo steps are kept; the oldest go beyond HISTORY_LIMIT.
 */
export function joinHistories(restored: History, since: History): History {
  if (since.undo.length === 0 && since.redo.length === 0) return restored;
  return { undo: [...restored.undo, ...since.undo].slice(-HISTORY_LIMIT), redo: since.redo };
}
