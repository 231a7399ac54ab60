// A viewer's stream of a set's new versions (Server-Sent Events): the version
// when it opens, then each new one as the set-change feed hears of it, a
// keep-alive comment now and then, and an end as soon as the viewer may no
// longer see the set (access is checked again every few seconds: a disabled
// account or a removed member stops receiving). The viewer fetches what it
// lacks through the catch-up; the stream carries versions only.

import type { SetChangeFeed } from "./set-changes";

export interface SetEventStreamOptions {
  setId: string;
  version: number;
  feed: SetChangeFeed;
  /** Whether the viewer may still see the set. */
  stillAllowed: () => Promise<boolean>;
  /** Aborted when the viewer goes away. */
  signal: AbortSignal;
  recheckMs?: number;
  keepAliveMs?: number;
}

export function setEventStream({
  setId,
  version,
  feed,
  stillAllowed,
  signal,
  recheckMs = 5000,
  keepAliveMs = 15_000,
}: SetEventStreamOptions): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const unsubscribe = feed.subscribe(setId, (change) => send(`event: version\ndata: ${JSON.stringify({ version: change.version })}\n\n`));
      const keepAlive = setInterval(() => send(": keep-alive\n\n"), keepAliveMs);
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
        clearInterval(keepAlive);
        clearInterval(recheck);
        signal.removeEventListener("abort", stop);
        controller.close();
      };
      signal.addEventListener("abort", stop);
      // The browser reconnects after a drop on its own, 1 s later; it catches up from its version then.
      send(`retry: 1000\nevent: version\ndata: ${JSON.stringify({ version })}\n\n`);
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "private, no-store, no-transform", Connection: "keep-alive" },
  });
}
