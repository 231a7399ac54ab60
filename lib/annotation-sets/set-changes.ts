// Every save notifies PostgreSQL (set-write-sql.ts: NOTIFY inside the save's
// statement, carrying ids only); each app process holds one dedicated
// connection that listens, reconnecting with backoff, and hands each
// notification to the viewers of that set in this process. Nothing else is
// kept: two app processes on one database hear the same notifications, and a
// viewer fetches what it lacks through the catch-up, from its own version.
// The same connection hears presence changes (lib/presence), named by document.

import pg from "pg";
import { PRESENCE_CHANNEL } from "@/lib/presence/presence-store";

export const SET_CHANGES_CHANNEL = "hopper_set_changes";

export interface SetChange {
  set: string;
  version: number;
}

type Listener = (change: SetChange) => void;
type PresenceListener = () => void;

export interface SetChangeFeed {
  /** Calls `listener` with each new version of the set; returns the function that stops it. */
  subscribe(setId: string, listener: Listener): () => void;
  /** Calls `listener` whenever someone's presence on the document changes; returns the function that stops it. */
  subscribePresence(documentId: string, listener: PresenceListener): () => void;
  /** Whether the listening connection is up (when it is not, viewers poll). */
  connected(): boolean;
  close(): Promise<void>;
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

/** A feed on `databaseUrl`, connecting when the first viewer subscribes. */
export function createSetChangeFeed(databaseUrl: string): SetChangeFeed {
  const listeners = new Map<string, Set<Listener>>();
  const presenceListeners = new Map<string, Set<PresenceListener>>();
  let client: pg.Client | null = null;
  let up = false;
  let closed = false;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const deliver = (channel: string, payload: string | undefined) => {
    let message: unknown;
    try {
      message = JSON.parse(payload ?? "");
    } catch {
      return;
    }
    if (channel === PRESENCE_CHANNEL) {
      for (const listener of presenceListeners.get((message as { document: string }).document) ?? []) listener();
      return;
    }
    const change = message as SetChange;
    for (const listener of listeners.get(change.set) ?? []) listener(change);
  };
  const listening = () => listeners.size + presenceListeners.size > 0;

  const connect = async () => {
    if (client || closed) return;
    const connection = new pg.Client({ connectionString: databaseUrl });
    client = connection;
    const lost = () => {
      if (client !== connection) return;
      client = null;
      up = false;
      connection.end().catch(() => undefined);
      if (!closed && listening()) {
        const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures++);
        retry = setTimeout(() => void connect(), delay);
      }
    };
    connection.on("error", lost);
    connection.on("end", lost);
    connection.on("notification", (message) => deliver(message.channel, message.payload));
    try {
      await connection.connect();
      await connection.query(`LISTEN ${SET_CHANGES_CHANNEL}; LISTEN ${PRESENCE_CHANNEL}`);
      up = true;
      failures = 0;
      // Presence changes while nobody listened were missed: every viewer reads it afresh.
      for (const documentListeners of presenceListeners.values()) for (const listener of documentListeners) listener();
    } catch {
      lost();
    }
  };

  return {
    subscribe(setId, listener) {
      let set = listeners.get(setId);
      if (!set) listeners.set(setId, (set = new Set()));
      set.add(listener);
      void connect();
      return () => {
        set.delete(listener);
        if (!set.size) listeners.delete(setId);
      };
    },
    subscribePresence(documentId, listener) {
      let set = presenceListeners.get(documentId);
      if (!set) presenceListeners.set(documentId, (set = new Set()));
      set.add(listener);
      void connect();
      return () => {
        set.delete(listener);
        if (!set.size) presenceListeners.delete(documentId);
      };
    },
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

let shared: SetChangeFeed | undefined;

/** The process's feed, on DATABASE_URL, created on first use (nothing may connect at import time: `next build` imports routes). */
export function setChangeFeed(): SetChangeFeed {
  if (!shared) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Hopper with `npm start` or set it to a PostgreSQL URL.");
    shared = createSetChangeFeed(url);
  }
  return shared;
}
