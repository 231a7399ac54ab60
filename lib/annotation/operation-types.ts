// The edits an annotator makes to an annotation set, as small serializable
// operations (ProseMirror's steps): the same values drive undo/redo, saving
// (the server re-applies them in a transaction against the set's version) and
// live updates to other viewers. Every operation names what it expects to find
// (`from` values, indexes), so applying it to a state someone else changed
// either still makes sense or fails with a conflict; it never overwrites blindly.

import type { CasieArgument, CasieEvent, CasieExternalReference, CasieSpan, ObjectLayout } from "@/lib/casie/types";

/** Where an event sits: its hopper's index and its position in that hopper's event list. */
export interface EventPlace {
  hopperIndex: number;
  position: number;
}

export type AnnotationOperation =
  /** A new event (with its nugget span and any arguments) at `place`; `newHopper` creates that hopper first. */
  | { kind: "createEvent"; event: CasieEvent; place: EventPlace; newHopper?: HopperSlot }
  /** Removes an event; its inverse restores it, with its arguments, at the same place. */
  | { kind: "deleteEvent"; event: CasieEvent; place: EventPlace; deletedHopper?: HopperSlot }
  | { kind: "setEventAttributes"; eventIndex: string; from: EventAttributes; to: EventAttributes }
  | { kind: "addArgument"; eventIndex: string; position: number; argument: CasieArgument }
  | { kind: "removeArgument"; eventIndex: string; position: number; argument: CasieArgument }
  | { kind: "setArgumentAttributes"; eventIndex: string; position: number; from: ArgumentAttributes; to: ArgumentAttributes }
  /** New boundaries for a span; every nugget and argument that names its `T` follows. */
  | { kind: "setSpanBounds"; spanIndex: string; from: SpanBounds; to: SpanBounds }
  /** `to.position` counts the destination's events once the event has left its place (as in a list move). */
  | { kind: "moveEvent"; eventIndex: string; from: EventPlace; to: EventPlace }
  | ({ kind: "createHopper" } & HopperSlot)
  | ({ kind: "deleteHopper" } & HopperSlot)
  | { kind: "setHopperRelation"; hopperIndex: number; from: string | null; to: string | null }
  /** Several operations applied as one step (one undo, one save): e.g. a hopper merge, or deleting a nugget with its arguments. */
  | { kind: "batch"; label: string; operations: AnnotationOperation[] };

/**
 * A hopper as created or deleted: its index, its position in the hopper list,
 * and what it holds besides events, so that undoing a deletion restores it
 * exactly (an imported hopper's layout carries its key order and unknown members).
 */
export interface HopperSlot {
  index: number;
  position: number;
  relation?: string;
  layout?: ObjectLayout;
}

export interface EventAttributes {
  type?: string;
  subtype?: string;
  realis?: string;
}

export interface ArgumentAttributes {
  role?: string;
  entityType?: string;
  /** null removes the reference. */
  externalReference?: CasieExternalReference | null;
}

export type SpanBounds = Pick<CasieSpan, "startOffset" | "endOffset" | "text">;
