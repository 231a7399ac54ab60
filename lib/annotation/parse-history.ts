// Reading back an undo history kept in sessionStorage (history.ts). Apart from
// history.ts, as checking each stored operation takes the operation schema
// (zod): the editor loads this module only once it is ready.

import { HISTORY_FORMAT, HISTORY_LIMIT, type History, type HistoryStep } from "./history";
import { invertOperation } from "./operation-kinds";
import { annotationOperationSchema } from "./operation-schema";

/** The history `serializeHistory` wrote; null for anything else (stale format, truncated or tampered data). */
export function parseHistory(text: string): History | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.format !== HISTORY_FORMAT) return null;
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
