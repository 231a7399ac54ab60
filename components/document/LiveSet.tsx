"use client";

// The document page's shown set, live: its view is rendered again when the set
// changes (another window saved), others viewing the document are listed, and
// the set's comment threads sit beside its events with their markers in the
// text. One stream per page (the set's Server-Sent Events), as in the editor.

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { CommentsPanel } from "@/components/comments/CommentsPanel";
import { CommentThreadsStore } from "@/components/comments/comment-threads-store";
import { ThreadMarkers } from "@/components/comments/ThreadMarkers";
import { newClientId } from "@/components/editor/client-id";
import { openSetStream, postPresence, setStreamUrl } from "@/components/editor/http-transport";
import { PresenceList } from "@/components/presence/PresenceList";
import { PresenceStore } from "@/components/presence/presence-store";
import { formatCommentTarget, type CommentTarget } from "@/lib/comments/comment-target";
import { EVENT_SELECTED, requestSelection, type EventSelected } from "./document-selection";

/** Several saves in a row are shown by one refresh. */
const REFRESH_DELAY_MS = 150;

interface LiveSetValue {
  presence: PresenceStore;
  comments: CommentThreadsStore;
  selectedEvent: string | null;
  /** The set's annotations that threads may be about (comment-target.ts's stored form). */
  targets: ReadonlySet<string>;
}

const LiveSetContext = createContext<LiveSetValue | null>(null);

function viewRoot(): HTMLElement | null {
  return document.querySelector<HTMLElement>("[data-document-view]");
}

export function LiveSetProvider({ setId, version, targets, children }: { setId: string; version: number; targets: string[]; children: ReactNode }) {
  const router = useRouter();
  const [{ presence, comments, clientId }] = useState(() => {
    const clientId = newClientId();
    return { clientId, presence: new PresenceStore(postPresence(setId, clientId)), comments: new CommentThreadsStore(setId) };
  });
  const [selectedEvent, setSelectedEvent] = useState<string | null>(null);
  const shownVersion = useRef(version);
  useEffect(() => {
    shownVersion.current = version;
  }, [version]);

  useEffect(() => {
    let refresh: ReturnType<typeof setTimeout> | undefined;
    const close = openSetStream(setStreamUrl(setId, clientId), {
      opened: comments.refresh,
      interrupted: () => undefined,
      version: (latest) => {
        if (latest <= shownVersion.current || refresh) return;
        refresh = setTimeout(() => {
          refresh = undefined;
          router.refresh();
        }, REFRESH_DELAY_MS);
      },
      presence: presence.received,
      commentsChanged: comments.refresh,
    });
    return () => {
      clearTimeout(refresh);
      close();
    };
  }, [setId, clientId, presence, comments, router]);

  useEffect(() => {
    presence.report(null);
    const root = viewRoot();
    const onSelected = (event: Event) => {
      const selected = (event as CustomEvent<EventSelected>).detail.event;
      setSelectedEvent(selected);
      presence.report(selected);
    };
    root?.addEventListener(EVENT_SELECTED, onSelected);
    return () => {
      root?.removeEventListener(EVENT_SELECTED, onSelected);
      presence.stop();
    };
  }, [presence]);

  const targetSet = useMemo(() => new Set(targets), [targets]);
  const value = useMemo(() => ({ presence, comments, selectedEvent, targets: targetSet }), [presence, comments, selectedEvent, targetSet]);
  return <LiveSetContext.Provider value={value}>{children}</LiveSetContext.Provider>;
}

function useLiveSet(): LiveSetValue {
  const live = useContext(LiveSetContext);
  if (!live) throw new Error("Live set parts belong inside LiveSetProvider.");
  return live;
}

/** Who else has the document open. */
export function LivePresence() {
  return <PresenceList presence={useLiveSet().presence} />;
}

/** The set's comment threads, about the selected event (else the document), with their markers in the text. */
export function LiveComments() {
  const { comments, selectedEvent, targets } = useLiveSet();
  const target: CommentTarget = selectedEvent ? { kind: "event", eventIndex: selectedEvent } : { kind: "document" };
  const targetExists = useCallback((about: CommentTarget) => about.kind === "document" || targets.has(formatCommentTarget(about)!), [targets]);
  const show = useCallback((about: CommentTarget) => {
    const root = viewRoot();
    if (root && (about.kind === "event" || about.kind === "argument")) requestSelection(root, about.eventIndex);
  }, []);
  const leave = useCallback(() => (document.activeElement as HTMLElement | null)?.blur(), []);
  return (
    <>
      <CommentsPanel store={comments} target={target} targetExists={targetExists} show={show} leave={leave} />
      <ThreadMarkers store={comments} root={viewRoot} />
    </>
  );
}
