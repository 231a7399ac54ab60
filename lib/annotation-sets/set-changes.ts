// Every save notifies PostgreSQL (set-write-sql.ts: NOTIFY inside the save's
// statement, carrying ids only); each app process holds one dedicated
// connection that listens, reconnecting with backoff, and hands each
// notification to the viewers of that set in this process. Nothing else is
// kept: two app processes on one database hear the same notifications, and a
// viewer fetches what it lacks through the catch-up, from its own version.
// The same connection hears presence changes (lib/presence), named by
// document, and comment changes (lib/comments), named by set.

import pg from "pg";
import { COMMENTS_CHANNEL } from "@/lib/comments/comment-store";
import { PRESENCE_CHANNEL } from "@/lib/presence/presence-store";
import { requiredDatabaseUrl } from "@/lib/db/required-database-url";
import { processSingleton } from "@/lib/process-singleton";

export const SET_CHANGES_CHANNEL = "hopper_set_changes";

export interface SetChange {
  set: string;
  version: number;
}

type Listener<T> = (message: T) => void;

export interface SetChangeFeed {
  /** Calls `listener` with each new version of the set; returns the function that stops it. */
  subscribe(setId: string, listener: Listener<SetChange>): () => void;
  /** Calls `listener` whenever someone's presence on the document changes; returns the function that stops it. */
  subscribePresence(documentId: string, listener: () => void): () => void;
  /** Calls `listener` whenever a comment thread of the set changes; returns the function that stops it. */
  subscribeComments(setId: string, listener: () => void): () => void;
  /** Whether the listening connection is up (when it is not, viewers poll). */
  connected(): boolean;
  close(): Promise<void>;
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

/** Which listeners a notification is for: its channel and the id its payload names. */
function topicOf(channel: string, message: Record<string, unknown>): string | null {
  switch (channel) {
    case SET_CHANGES_CHANNEL:
      return `set:${String(message.set)}`;
    case PRESENCE_CHANNEL:
      return `presence:${String(message.document)}`;
    case COMMENTS_CHANNEL:
      return `comments:${String(message.set)}`;
    default:
      return null;
  }
}

/** A feed on `databaseUrl`, connecting when the first viewer subscribes. */
export function createSetChangeFeed(databaseUrl: string): SetChangeFeed {
  const listeners = new Map<string, Set<Listener<never>>>();
  let client: pg.Client | null = null;
  let up = false;
  let closed = false;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const deliver = (channel: string, payload: string | undefined) => {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(payload ?? "") as Record<string, unknown>;
    } catch {
      return;
    }
    const topic = topicOf(channel, message);
    for (const listener of (topic && listeners.get(topic)) || []) (listener as Listener<unknown>)(message);
  };

  const connect = async () => {
    if (client || closed) return;
    const connection = new pg.Client({ connectionString: databaseUrl });
    client = connection;
    const lost = () => {
      if (client !== connection) return;
      client = null;
      up = false;
      connection.end().catch(() => undefined);
      if (!closed && listeners.size) {
        const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures++);
        retry = setTimeout(() => void connect(), delay);
      }
    };
    connection.on("error", lost);
    connection.on("end", lost);
    connection.on("notification", (message) => deliver(message.channel, message.payload));
    try {
      await connection.connect();
      await connection.query(`LISTEN ${SET_CHANGES_CHANNEL}; LISTEN ${PRESENCE_CHANNEL}; LISTEN ${COMMENTS_CHANNEL}`);
      up = true;
      failures = 0;
      // Presence and comments changed while nobody listened were missed: their viewers read them afresh.
      for (const [topic, topicListeners] of listeners) {
        if (!topic.startsWith("set:")) for (const listener of topicListeners) (listener as Listener<unknown>)({});
      }
    } catch {
      lost();
    }
  };

  const subscribe = <T>(topic: string, listener: Listener<T>) => {
    let set = listeners.get(topic);
    if (!set) listeners.set(topic, (set = new Set()));
    set.add(listener);
    void connect();
    return () => {
      set.delete(listener);
      if (!set.size) listeners.delete(topic);
    };
  };

  return {
    subscribe: (setId, listener) => subscribe(`set:${setId}`, listener),
    subscribePresence: (documentId, listener) => subscribe(`presence:${documentId}`, listener),
    subscribeComments: (setId, listener) => subscribe(`comments:${setId}`, listener),
    connected: () => up,
    async close() {
      closed = true;
      clearTimeout(retry);
      const connection = client;
      client = null;
      up = false;
      await connection?.end().catch(() => undefined);
    },
  };
}

/**
 * The process's feed (one listening connection for every route: see process-singleton.ts), on DATABASE_URL, created on
 * first use (nothing may connect at import time: `next build` imports routes).
 */
export function setChangeFeed(): SetChangeFeed {
  return processSingleton("set-change-feed", () => createSetChangeFeed(requiredDatabaseUrl()));
}
