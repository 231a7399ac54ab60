// The spans of a document whose text sits one character off their offsets (as
// in 33 documents of the CASIE corpus), each with the very repair the editor's
// checks offer: what a project's bulk repair applies, and what its dry run lists.

import type { CasieDocument } from "@/lib/casie/types";
import { spanUses } from "./document-lookup";
import { repairSpanOperation } from "./editor-commands";
import type { AnnotationOperation } from "./operation-types";

export type SpanBoundsOperation = Extract<AnnotationOperation, { kind: "setSpanBounds" }>;

export interface ShiftRepair {
  spanIndex: string;
  text: string;
  /** The offsets as stored, and where the text is. */
  from: { startOffset: number; endOffset: number };
  to: { startOffset: number; endOffset: number };
  operation: SpanBoundsOperation;
}

/** Every shift-explained span once (a re-used `T` is one span), in document order. */
export function shiftRepairs(document: CasieDocument): ShiftRepair[] {
  const seen = new Set<string>();
  const repairs: ShiftRepair[] = [];
  for (const { span } of spanUses(document)) {
    if (seen.has(span.index)) continue;
    seen.add(span.index);
    const operation = repairSpanOperation(document, span.index);
    if (operation?.kind !== "setSpanBounds") continue;
    const { startOffset, endOffset } = operation.to;
    repairs.push({
      spanIndex: span.index,
      text: span.text,
      from: { startOffset: span.startOffset, endOffset: span.endOffset },
      to: { startOffset, endOffset },
      operation,
    });
  }
  return repairs;
}

/** One dry-run line: `T5 "the gang" 101-109 → 100-108`. */
export function describeShiftRepair({ spanIndex, text, from, to }: ShiftRepair): string {
  return `${spanIndex} ${JSON.stringify(text)} ${from.startOffset}-${from.endOffset} → ${to.startOffset}-${to.endOffset}`;
}
