// Undo and redo over many steps, as plain data so it can be kept in
// sessionStorage: a reload keeps this session's steps undoable. A step holds
// its operation and the inverse that undoes it.

import { annotationOperationSchema } from "./operation-schema";
import { invertOperation } from "./operation-kinds";
import { describeOperation } from "./operation-kinds";
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

const FORMAT = "hopper-history/1";

/** JSON for sessionStorage; inverses are not stored but derived again when read. */
export function serializeHistory(history: History): string {
  const steps = (list: HistoryStep[]) => list.map(({ operation, label }) => ({ operation, label }));
  return JSON.stringify({ format: FORMAT, undo: steps(history.undo), redo: steps(history.redo) });
}

/** The history `serializeHistory` wrote; null for anything else (stale format, truncated or tampered data). */
export function parseHistory(text: string): History | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.format !== FORMAT) return null;
  const undo = parseSteps(value.undo);
  const redo = parseSteps(value.redo);
  if (!undo || !redo || undo.length + redo.length > HISTORY_LIMIT) return null;
  return { undo, redo };
}

function parseSteps(value: unknown): HistoryStep[] | null {
  if (!Array.isArray(value)) return null;
  const steps: HistoryStep[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.label !== "string") return null;
    const parsed = annotationOperationSchema.safeParse(item.operation);
    if (!parsed.success) return null;
    steps.push({ operation: parsed.data, inverse: invertOperation(parsed.data), label: item.label });
  }
  return steps;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
