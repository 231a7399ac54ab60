// What a comment thread is about, as the database stores it: the whole
// document (null), an event ("event:E7"), one argument of an event
// ("argument:E7:T30": the event and the argument's span) or a hopper
// ("hopper:0"). Indexes are never reused within a set (index-allocation.ts),
// so a thread follows its annotation through every edit, and says so when it
// is deleted instead of attaching itself to something else.

import { findEvent } from "@/lib/annotation/document-lookup";
import type { CasieDocument } from "@/lib/casie/types";

export type CommentTarget =
  | { kind: "document" }
  | { kind: "event"; eventIndex: string }
  | { kind: "argument"; eventIndex: string; spanIndex: string }
  | { kind: "hopper"; hopperIndex: number };

const INDEX = String.raw`\d{1,9}`;
const PATTERN = new RegExp(String.raw`^(?:event:(E${INDEX})|argument:(E${INDEX}):(T${INDEX})|hopper:(${INDEX}))$`);

/** The target a stored or sent string names; null when it names nothing valid. `null` itself is the document. */
export function parseCommentTarget(text: string | null): CommentTarget | null {
  if (text === null) return { kind: "document" };
  const match = PATTERN.exec(text);
  if (!match) return null;
  if (match[1]) return { kind: "event", eventIndex: match[1] };
  if (match[2]) return { kind: "argument", eventIndex: match[2], spanIndex: match[3] };
  return { kind: "hopper", hopperIndex: Number(match[4]) };
}

export function formatCommentTarget(target: CommentTarget): string | null {
  switch (target.kind) {
    case "document":
      return null;
    case "event":
      return `event:${target.eventIndex}`;
    case "argument":
      return `argument:${target.eventIndex}:${target.spanIndex}`;
    case "hopper":
      return `hopper:${target.hopperIndex}`;
  }
}

/** How people read it: "the document", "E7", "E7's argument T30", "hopper 0". */
export function describeCommentTarget(target: CommentTarget): string {
  switch (target.kind) {
    case "document":
      return "the document";
    case "event":
      return target.eventIndex;
    case "argument":
      return `${target.eventIndex}'s argument ${target.spanIndex}`;
    case "hopper":
      return `hopper ${target.hopperIndex}`;
  }
}

/** Whether the set still has what the thread is about. */
export function commentTargetExists(document: CasieDocument, target: CommentTarget): boolean {
  switch (target.kind) {
    case "document":
      return true;
    case "event":
      return findEvent(document, target.eventIndex) !== undefined;
    case "argument":
      return findEvent(document, target.eventIndex)?.event.arguments.some((argument) => argument.index === target.spanIndex) ?? false;
    case "hopper":
      return document.hoppers.some((hopper) => hopper.index === target.hopperIndex);
  }
}

/** Every target the set has now, in their stored form: its events, their arguments and its hoppers. */
export function commentTargetsOf(document: CasieDocument): string[] {
  const targets: string[] = [];
  for (const hopper of document.hoppers) {
    targets.push(`hopper:${hopper.index}`);
    for (const event of hopper.events) {
      targets.push(`event:${event.index}`);
      for (const argument of event.arguments) targets.push(`argument:${event.index}:${argument.index}`);
    }
  }
  return targets;
}
