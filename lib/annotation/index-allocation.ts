// New indexes continue the document's numbering: `E<n>` and `T<n>` one past the
// highest number in use, hoppers one past the highest index. Gaps in the
// numbering are left alone (an index freed by a deletion may still be named by
// an undo step), and indexes of other shapes (`E7a`) cannot collide with new ones.
// Two annotators may take the same new index at once: rebase.ts renumbers.

import type { CasieDocument } from "@/lib/casie/types";
import { spanUses } from "./document-lookup";

/** Hands out fresh indexes: each call gives a new one, so one command can create several spans. */
export interface IndexAllocator {
  event(): string;
  span(): string;
  hopper(): number;
}

/** Indexes to stay clear of besides the document's own, e.g. those named by operations not applied yet. */
export interface ReservedIndexes {
  events?: Iterable<string>;
  spans?: Iterable<string>;
  hoppers?: Iterable<number>;
}

export function createIndexAllocator(document: CasieDocument, reserved: ReservedIndexes = {}): IndexAllocator {
  let event = highest("E", reserved.events ?? []);
  let span = highest("T", reserved.spans ?? []);
  let hopper = Math.max(-1, ...(reserved.hoppers ?? []));
  for (const h of document.hoppers) {
    hopper = Math.max(hopper, h.index);
    event = max(
      event,
      highest(
        "E",
        h.events.map((e) => e.index),
      ),
    );
  }
  for (const use of spanUses(document)) span = max(span, numberOf("T", use.span.index));
  return {
    event: () => `E${++event}`,
    span: () => `T${++span}`,
    hopper: () => ++hopper,
  };
}

export function nextEventIndex(document: CasieDocument): string {
  return createIndexAllocator(document).event();
}

export function nextSpanIndex(document: CasieDocument): string {
  return createIndexAllocator(document).span();
}

export function nextHopperIndex(document: CasieDocument): number {
  return createIndexAllocator(document).hopper();
}

function highest(prefix: string, indexes: Iterable<string>): bigint {
  let found = 0n;
  for (const index of indexes) found = max(found, numberOf(prefix, index));
  return found;
}

/** The number of `E12` (prefix `E`); 0 for indexes of another shape. A bigint, so `E99999999999999999999` does not round. */
function numberOf(prefix: string, index: string): bigint {
  const digits = index.slice(prefix.length);
  return index.startsWith(prefix) && /^\d+$/.test(digits) ? BigInt(digits) : 0n;
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
