"use client";

import { useSyncExternalStore } from "react";
import styles from "./PresenceList.module.css";
import type { PresenceStore } from "./presence-store";

/** Who else has the document open (that this viewer may know of), and the event each is on. */
export function PresenceList({ presence }: { presence: PresenceStore }) {
  const windows = useSyncExternalStore(presence.subscribe, presence.getSnapshot, presence.getSnapshot);
  const others = windows.filter((window) => !window.you);
  if (!others.length) return null;
  return (
    <div className={styles.presence} data-testid="presence" aria-label="Also viewing this document">
      <span className={styles.label}>Also here:</span>
      <ul>
        {others.map((window) => (
          <li
            key={window.clientId}
            data-client={window.clientId}
            data-event={window.eventIndex ?? undefined}
            title={`${window.name} on ${window.where}`}
          >
            <span className={styles.avatar} aria-hidden="true">
              {initials(window.name)}
            </span>
            {window.yours ? "You, in another window" : window.name}
            {!window.sameSet && <span className={styles.where}> on {window.where}</span>}
            {window.eventIndex && <span className={styles.event}> · {window.eventIndex}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function initials(name: string): string {
  const words = name.split(/[\s@._-]+/).filter(Boolean);
  return (words.length > 1 ? words[0][0] + words[1][0] : (words[0] ?? "?").slice(0, 2)).toUpperCase();
}
