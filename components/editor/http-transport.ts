// The browser's side of /api/annotation-sets (lib/annotation/sync-protocol.ts):
// the sync client's transport, over fetch.

import { SyncRequestError, type PushEvents, type SyncTransport } from "@/lib/annotation/sync-client";
import type { ErrorBody, LoadResponse, SaveResponse, SinceResponse } from "@/lib/annotation/sync-protocol";
import type { PresenceView } from "@/lib/presence/presence-protocol";

/** What the set's stream brings besides versions: this window's id (for presence), and where presence and comment news go. */
export interface ViewerChannel {
  clientId: string;
  presence(windows: PresenceView[]): void;
  commentsChanged(): void;
}

export function httpTransport(setId: string, viewer?: ViewerChannel): SyncTransport {
  const base = `/api/annotation-sets/${encodeURIComponent(setId)}`;
  return {
    save: (request) =>
      call<SaveResponse>(
        `${base}/operations`,
        { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request) },
        // A save answered "behind", "refused" or "reload" is an answer to act on, not a failure.
        [200, 409, 422],
      ),
    since: (version) => call<SinceResponse>(`${base}?since=${version}`, { cache: "no-store" }),
    load: () => call<LoadResponse>(base, { cache: "no-store" }),
    subscribe: (events) => subscribe(setStreamUrl(setId, viewer?.clientId), events, viewer),
  };
}

/** Tells the server which event window `clientId` is on (presence: never an edit). */
export function postPresence(setId: string, clientId: string): (eventIndex: string | null) => Promise<void> {
  return async (eventIndex) => {
    await fetch(`/api/annotation-sets/${encodeURIComponent(setId)}/presence`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ clientId, eventIndex }),
      credentials: "same-origin",
    });
  };
}

/** The set's push stream (Server-Sent Events) as the editor's sync client takes it. */
function subscribe(url: string, events: PushEvents, viewer?: ViewerChannel): () => void {
  return openSetStream(url, {
    opened: () => {
      events.opened();
      // Threads may have changed while the stream was down.
      viewer?.commentsChanged();
    },
    interrupted: () => events.interrupted(),
    version: (version) => events.version(version),
    presence: (windows) => viewer?.presence(windows),
    commentsChanged: () => viewer?.commentsChanged(),
  });
}

export interface SetStreamHandlers {
  opened: () => void;
  interrupted: () => void;
  version: (version: number) => void;
  presence: (windows: PresenceView[]) => void;
  commentsChanged: () => void;
}

/** The URL of `setId`'s stream; with a client id, the window enters the set's presence. */
export function setStreamUrl(setId: string, clientId?: string): string {
  const base = `/api/annotation-sets/${encodeURIComponent(setId)}/events`;
  return clientId ? `${base}?client=${encodeURIComponent(clientId)}` : base;
}

/** Opens a set's push stream (Server-Sent Events); the browser reconnects it by itself after a drop. Returns what closes it. */
export function openSetStream(url: string, handlers: SetStreamHandlers): () => void {
  if (typeof EventSource === "undefined") return () => undefined;
  const source = new EventSource(url, { withCredentials: true });
  source.onopen = () => handlers.opened();
  source.onerror = () => handlers.interrupted();
  source.addEventListener("version", (message) => {
    const { version } = JSON.parse((message as MessageEvent<string>).data) as { version: number };
    handlers.version(version);
  });
  source.addEventListener("presence", (message) => {
    const { windows } = JSON.parse((message as MessageEvent<string>).data) as { windows: PresenceView[] };
    handlers.presence(windows);
  });
  source.addEventListener("comments", () => handlers.commentsChanged());
  // The server ends the stream when the viewer may no longer see the set: do not reconnect.
  source.addEventListener("closed", () => {
    source.close();
    handlers.interrupted();
  });
  return () => source.close();
}

async function call<T>(url: string, init: RequestInit, answers: number[] = [200]): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: "same-origin" });
  } catch {
    throw new SyncRequestError("The server could not be reached.", false);
  }
  if (answers.includes(response.status)) return (await response.json()) as T;
  const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
  const reason = body?.error ?? `the server answered ${response.status}`;
  if (response.status === 401) throw new SyncRequestError(`You are signed out: sign in again in another tab, then retry. (${reason})`, false);
  // Too many requests, timeouts and server errors pass; other refusals need the annotator.
  const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
  throw new SyncRequestError(reason, permanent);
}
