// What one viewer is told of the windows open on a document: only windows on
// sets the viewer may see themselves (annotation is blind: an annotator learns
// of reviewers on their own set, never of other annotators), each named from
// the viewer's side ("this set", "your set", "gold", "Bob's set").

import { setAccess, type Actor, type ProjectPermissions } from "@/lib/auth/policy";
import type { PresenceWindow } from "./presence-store";

export interface PresenceView {
  clientId: string;
  name: string;
  /** The viewer's own window. */
  you: boolean;
  /** Another window of the viewer's own account. */
  yours: boolean;
  /** Where it is, from the viewer's side. */
  where: string;
  /** The set it views, and whether that is the viewer's set. */
  setId: string;
  sameSet: boolean;
  eventIndex: string | null;
}

export function presenceViews(
  viewer: { actor: Actor; permissions: ProjectPermissions; setId: string; clientId: string | null },
  windows: readonly PresenceWindow[],
): PresenceView[] {
  const { actor, permissions, setId, clientId } = viewer;
  return windows.flatMap((window): PresenceView[] => {
    const set = { kind: window.setKind, annotatorId: window.setAnnotatorId, status: window.setStatus, assigned: window.setAssigned };
    if (setAccess(actor, permissions, set).level === "none") return [];
    const where =
      window.setId === setId
        ? "this set"
        : window.setKind === "GOLD"
          ? "the gold set"
          : window.setAnnotatorId === actor.id
            ? "your set"
            : `${window.setAnnotatorName ?? "an annotator"}'s set`;
    return [
      {
        clientId: window.clientId,
        name: window.name,
        you: window.clientId === clientId,
        yours: window.userId === actor.id,
        where,
        setId: window.setId,
        sameSet: window.setId === setId,
        eventIndex: window.eventIndex,
      },
    ];
  });
}
