// New indexes continue the set's numbering: `E<n>` and `T<n>` one past the
// highest number the set has ever used, hoppers one past the highest index.
// A number freed by a deletion is never handed out again (an undo step may
// still bring its owner back), and indexes of other shapes (`E7a`) cannot
// collide with new ones. Two windows may take the same new index at once:
// rebase.ts renumbers.

import type { CasieDocument } from "@/lib/casie/types";
import { spanUses } from "./document-lookup";
import { collectOperationIndexes } from "./operation-indexes";
import type { AnnotationOperation } from "./operation-types";

/**
 * The highest numbers a set has ever used, deleted things included: `E<n>`,
 * `T<n>` and hopper indexes (-1 when none). The server keeps it with the set;
 * numbers past Number.MAX_SAFE_INTEGER are left to the document scan.
 */
export interface SetNumbering {
  event: number;
  span: number;
  hopper: number;
}

export const EMPTY_NUMBERING: SetNumbering = { event: 0, span: 0, hopper: -1 };

/** The numbering `document` uses now. */
export function documentNumbering(document: CasieDocument): SetNumbering {
  const numbering = { ...EMPTY_NUMBERING };
  for (const hopper of document.hoppers) {
    numbering.hopper = Math.max(numbering.hopper, safe(hopper.index));
    for (const event of hopper.events) numbering.event = Math.max(numbering.event, safe(numberOf("E", event.index)));
  }
  for (const { span } of spanUses(document)) numbering.span = Math.max(numbering.span, safe(numberOf("T", span.index)));
  return numbering;
}

/** `numbering` raised past every index the operations name. */
export function numberingAfter(numbering: SetNumbering, operations: readonly AnnotationOperation[]): SetNumbering {
  const named = collectOperationIndexes(operations);
  const highest = (prefix: string, indexes: Iterable<string>) => safe(highestNumber(prefix, indexes));
  const event = Math.max(numbering.event, highest("E", named.events));
  const span = Math.max(numbering.span, highest("T", named.spans));
  const hopper = Math.max(numbering.hopper, ...[...named.hoppers].map(safe));
  return event === numbering.event && span === numbering.span && hopper === numbering.hopper ? numbering : { event, span, hopper };
}

export function sameNumbering(a: SetNumbering, b: SetNumbering): boolean {
  return a.event === b.event && a.span === b.span && a.hopper === b.hopper;
}

/** A number as the numbering keeps it: beyond the safe range it does not count. */
function safe(value: bigint | number): number {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : -1;
}

/** Hands out fresh indexes: each call gives a new one, so one command can create several spans. */
export interface IndexAllocator {
  event(): string;
  span(): string;
  hopper(): number;
}

/** Indexes to stay clear of besides the document's own: the set's numbering, those named by operations not applied yet. */
export interface ReservedIndexes {
  numbering?: SetNumbering;
  events?: Iterable<string>;
  spans?: Iterable<string>;
  hoppers?: Iterable<number>;
}

export function createIndexAllocator(document: CasieDocument, reserved: ReservedIndexes = {}): IndexAllocator {
  const numbering = reserved.numbering ?? EMPTY_NUMBERING;
  let event = max(BigInt(numbering.event), highestNumber("E", reserved.events ?? []));
  let span = max(BigInt(numbering.span), highestNumber("T", reserved.spans ?? []));
  let hopper = Math.max(numbering.hopper, ...(reserved.hoppers ?? []));
  for (const h of document.hoppers) {
    hopper = Math.max(hopper, h.index);
    event = max(
      event,
      highestNumber(
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

function highestNumber(prefix: string, indexes: Iterable<string>): bigint {
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
