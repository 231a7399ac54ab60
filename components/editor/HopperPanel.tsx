"use client";

import { startTransition, useCallback, useState } from "react";
import { UndrawnItems } from "@/components/ui/UndrawnItems";
import { findEvent, findHopperPosition } from "@/lib/annotation/document-lookup";
import { ActionButton } from "./ActionButton";
import { HopperItem } from "./HopperItem";
import styles from "./Panels.module.css";
import { useEditorState } from "./use-editor";
import type { CasieHopper } from "@/lib/casie/types";
import { countNoun } from "@/lib/count-noun";

/** Hoppers drawn together: all of a typical article's; a long document's, a screen or two at a time. */
const CHUNK = 40;

/**
 * The hoppers and their events: select a hopper to light its events, drag events between hoppers, merge, split, set
 * relations. A long document's hoppers are drawn a chunk at a time as the panel is scrolled to them (the selected
 * hopper's at once): hundreds of hoppers are thousands of elements.
 */
export function HopperPanel() {
  const document = useEditorState((state) => state.document);
  const selectedHopper = useEditorState((state) => state.selection.hopper);
  const selectedEvent = useEditorState((state) => state.selection.event);
  const eventHopper = selectedEvent ? findEvent(document, selectedEvent)?.hopper.index : undefined;
  const eventCount = document.hoppers.reduce((count, hopper) => count + hopper.events.length, 0);
  const [shown, setShown] = useState<ReadonlySet<number>>(() => new Set([0]));
  const show = useCallback((chunk: number) => startTransition(() => setShown((current) => new Set(current).add(chunk))), []);
  const pinnedHopper = selectedHopper ?? eventHopper;
  const pinned = pinnedHopper === undefined || pinnedHopper === null ? null : Math.floor(findHopperPosition(document, pinnedHopper) / CHUNK);
  // The selected hopper's chunk is drawn at once, and stays drawn once the selection moves on: the panel does not
  // shrink under the reader. (State adjusted while rendering: React renders again before committing.)
  if (pinned !== null && pinned >= 0 && !shown.has(pinned)) setShown(new Set(shown).add(pinned));
  const chunks = [];
  for (let start = 0; start < document.hoppers.length; start += CHUNK) chunks.push(document.hoppers.slice(start, start + CHUNK));
  return (
    <section className={styles.section} aria-labelledby="hoppers-heading" data-testid="hopper-panel">
      <div className={styles.headingRow}>
        <h2 id="hoppers-heading" className={styles.heading}>
          Hoppers{" "}
          <span className={styles.count}>
            {countNoun(document.hoppers.length, "hopper")}, {countNoun(eventCount, "event")}
          </span>
        </h2>
        <ActionButton name="new-hopper" />
      </div>
      {document.hoppers.length === 0 ? (
        <p className={styles.empty}>No hoppers yet: every new event gets one, unless it joins the selected event&apos;s (Shift+N).</p>
      ) : (
        <ol className={styles.hoppers}>
          {chunks.map((hoppers, chunk) =>
            shown.has(chunk) ? (
              hoppers.map((hopper) => (
                <HopperItem
                  key={hopper.index}
                  hopper={hopper}
                  canMerge={document.hoppers.length > 1}
                  selected={selectedHopper === hopper.index}
                  selectedEvent={eventHopper === hopper.index ? selectedEvent : null}
                />
              ))
            ) : (
              <UndrawnItems key={`chunk ${chunk}`} height={chunkHeight(hoppers)} onNear={() => show(chunk)} />
            ),
          )}
        </ol>
      )}
    </section>
  );
}

/** About a drawn chunk's height: a hopper's head and its events' rows. */
function chunkHeight(hoppers: CasieHopper[]): string {
  const events = hoppers.reduce((count, hopper) => count + hopper.events.length, 0);
  return `${hoppers.length * 2.9 + events * 1.7}rem`;
}
