// The team workflow as one state machine: the moves an annotation set can make
// between statuses, who may make each, and the status of a document that
// follows from its assignments and sets. Pages, route handlers and actions ask
// here before they change a status; the policy (policy.ts) says who sees what.
//
//   annotator set:  NEW --edit--> IN_PROGRESS --submit--> SUBMITTED --reopen--> IN_PROGRESS
//                   NEW --submit--> SUBMITTED (nothing to annotate)
//   gold set:       NEW or IMPORTED --adjudicate--> ADJUDICATED
//                   any status --edit--> the same status (reviewers, managers, admins)
//
// An annotator works on a document while it is assigned to them: withdrawn,
// their set stays (for the reviewers) but is read-only to them. Reviewers,
// managers and admins may annotate a set of their own without an assignment.
// The gold set is the reviewers' to write: they (and managers and admins) edit
// it, imported or adjudicated; an edit keeps its status, so a document marked
// adjudicated stays adjudicated while its gold is corrected.

import type { SetKind, SetStatus } from "@/generated/prisma/enums";
import type { Actor, ProjectPermissions } from "./policy";

const NO_LONGER_ASSIGNED = "This document is no longer assigned to you: your work on it is kept for the reviewers.";
const ONLY_REVIEWERS_EDIT_GOLD = "Only the project's reviewers, managers and administrators edit the gold set.";
const NOT_ASSIGNED = "Only the annotators a document is assigned to submit their sets of it.";

export type SetMove = "edit" | "submit" | "reopen" | "adjudicate";

export interface MoveSubject {
  kind: SetKind;
  annotatorId: string | null;
  status: SetStatus;
  /** Whether the document is assigned to the set's annotator (false for the gold set). */
  assigned: boolean;
}

export type MoveOutcome = { allowed: true; to: SetStatus } | { allowed: false; why: string };

/** Whether `actor` (with `permissions` in the set's project) may make `move` on the set, and the status it leads to. */
export function setMove(move: SetMove, actor: Actor, permissions: ProjectPermissions, set: MoveSubject): MoveOutcome {
  const refuse = (why: string): MoveOutcome => ({ allowed: false, why });
  if (!permissions.view) return refuse("You cannot see this project.");
  if (permissions.archived) return refuse("The project is archived: it is read-only.");
  const own = set.kind === "ANNOTATOR" && set.annotatorId === actor.id;
  switch (move) {
    case "edit":
      if (set.kind === "GOLD") return permissions.review ? { allowed: true, to: set.status } : refuse(ONLY_REVIEWERS_EDIT_GOLD);
      if (set.status === "SUBMITTED") return refuse(own ? "You submitted this set: ask a reviewer to reopen it." : "The set is submitted.");
      if (own && permissions.annotate) {
        if (!set.assigned && !permissions.review) return refuse(NO_LONGER_ASSIGNED);
        return { allowed: true, to: "IN_PROGRESS" };
      }
      if (actor.role === "ADMIN") return { allowed: true, to: set.status === "NEW" ? "IN_PROGRESS" : set.status };
      return refuse(permissions.review ? "Reviewers can view annotators' sets but not edit them." : "Only its annotator edits this set.");
    case "submit":
      if (!own) return refuse("Only its annotator submits a set.");
      if (set.status !== "NEW" && set.status !== "IN_PROGRESS") return refuse("The set is submitted already.");
      if (!set.assigned) return refuse(NOT_ASSIGNED);
      return { allowed: true, to: "SUBMITTED" };
    case "reopen":
      if (set.kind !== "ANNOTATOR" || set.status !== "SUBMITTED") return refuse("Only a submitted annotator set can be reopened.");
      if (!permissions.review) return refuse("Only reviewers and managers reopen a submitted set.");
      if (!set.assigned) return refuse("The document is no longer assigned to this set's annotator.");
      return { allowed: true, to: "IN_PROGRESS" };
    case "adjudicate":
      if (set.kind !== "GOLD") return refuse("Only the gold set is adjudicated.");
      if (!permissions.review) return refuse("Only reviewers adjudicate.");
      return { allowed: true, to: "ADJUDICATED" };
  }
}

export type DocumentStatus = "unassigned" | "in-annotation" | "ready-for-adjudication" | "adjudicated";

/** What a document's assignments and sets say about it. */
export interface DocumentProgress {
  /** Annotators the document is assigned to. */
  assigned: number;
  /** Of their sets, those submitted. */
  submitted: number;
  goldAdjudicated: boolean;
}

export function documentStatus({ assigned, submitted, goldAdjudicated }: DocumentProgress): DocumentStatus {
  if (goldAdjudicated) return "adjudicated";
  if (assigned === 0) return "unassigned";
  return submitted >= assigned ? "ready-for-adjudication" : "in-annotation";
}
