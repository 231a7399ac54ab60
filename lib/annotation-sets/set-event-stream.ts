// A viewer's stream of a set's new versions (Server-Sent Events): the version
// when it opens, then each new one as the set-change feed hears of it, a
// keep-alive comment now and then, and an end as soon as the viewer may no
// longer see the set (access is checked again every few seconds: a disabled
// account or a removed member stops receiving). The viewer fetches what it
// lacks through the catch-up; the stream carries versions only. With
// `presence`, the viewer's window is present on the document while the stream
// is open, and the stream tells it who else is (`presence` events). A
// `comments` event says the set's comment threads changed.

import type { SetChangeFeed } from "./set-changes";

/** What a window's stream needs of presence (lib/presence): its own window's row, and the windows the viewer may see. */
export interface StreamPresence<Window> {
  documentId: string;
  enter(): Promise<unknown>;
  touch(): Promise<void>;
  leave(): Promise<void>;
  visibleWindows(): Promise<Window[]>;
}

export interface SetEventStreamOptions<Window = unknown> {
  setId: string;
  version: number;
  feed: SetChangeFeed;
  /** Whether the viewer may still see the set. */
  stillAllowed: () => Promise<boolean>;
  /** Aborted when the viewer goes away. */
  signal: AbortSignal;
  recheckMs?: number;
  keepAliveMs?: number;
  presence?: StreamPresence<Window>;
}

/** Presence changes come in bursts (a window entering, then its first selection): one answer for each burst. */
const PRESENCE_COALESCE_MS = 50;

export function setEventStream<Window>({
  setId,
  version,
  feed,
  stillAllowed,
  signal,
  recheckMs = 5000,
  keepAliveMs = 15_000,
  presence,
}: SetEventStreamOptions<Window>): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const unsubscribe = feed.subscribe(setId, (change) => send(`event: version\ndata: ${JSON.stringify({ version: change.version })}\n\n`));
      let presenceTimer: ReturnType<typeof setTimeout> | undefined;
      const sendPresence = () => {
        presenceTimer = undefined;
        void presence?.visibleWindows().then(
          (windows) => send(`event: presence\ndata: ${JSON.stringify({ windows })}\n\n`),
          () => undefined,
        );
      };
      const unsubscribePresence = presence?.documentId
        ? feed.subscribePresence(presence.documentId, () => {
            presenceTimer ??= setTimeout(sendPresence, PRESENCE_COALESCE_MS);
          })
        : () => undefined;
      // A comment thread of the set changed: the viewer reads the threads again.
      const unsubscribeComments = feed.subscribeComments(setId, () => send(`event: comments\ndata: {}\n\n`));
      const keepAlive = setInterval(() => {
        send(": keep-alive\n\n");
        void presence?.touch().catch(() => undefined);
      }, keepAliveMs);
      const recheck = setInterval(() => {
        void stillAllowed().then(
          (allowed) => {
            if (!allowed) {
              send(`event: closed\ndata: ${JSON.stringify({ reason: "You may no longer see this set." })}\n\n`);
              stop();
            }
          },
          () => undefined,
        );
      }, recheckMs);
      stop = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        unsubscribePresence();
        unsubscribeComments();
        clearTimeout(presenceTimer);
        // After entering, so a window that leaves at once is not left behind.
        void entered?.then(() => presence?.leave()).catch(() => undefined);
        clearInterval(keepAlive);
        clearInterval(recheck);
        signal.removeEventListener("abort", stop);
        controller.close();
      };
      signal.addEventListener("abort", stop);
      // The browser reconnects after a drop on its own, 1 s later; it catches up from its version then.
      send(`retry: 1000\nevent: version\ndata: ${JSON.stringify({ version })}\n\n`);
      // Entering notifies every process's viewers of the document; this one is told who is there once it has entered.
      const entered = presence
        ?.enter()
        .then(() => {
          if (open) presenceTimer ??= setTimeout(sendPresence, PRESENCE_COALESCE_MS);
        })
        .catch(() => undefined);
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "private, no-store, no-transform", Connection: "keep-alive" },
  });
}
