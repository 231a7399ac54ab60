"use client";

import { findEvent } from "@/lib/annotation/document-lookup";
import { ActionButton } from "./ActionButton";
import { HopperItem } from "./HopperItem";
import styles from "./Panels.module.css";
import { useEditorState } from "./use-editor";
import { countNoun } from "@/lib/count-noun";

/** The hoppers and their events: select a hopper to light its events, drag events between hoppers, merge, split, set relations. */
export function HopperPanel() {
  const document = useEditorState((state) => state.document);
  const selectedHopper = useEditorState((state) => state.selection.hopper);
  const selectedEvent = useEditorState((state) => state.selection.event);
  const eventHopper = selectedEvent ? findEvent(document, selectedEvent)?.hopper.index : undefined;
  const eventCount = document.hoppers.reduce((count, hopper) => count + hopper.events.length, 0);
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
          {document.hoppers.map((hopper) => (
            <HopperItem
              key={hopper.index}
              hopper={hopper}
              canMerge={document.hoppers.length > 1}
              selected={selectedHopper === hopper.index}
              selectedEvent={eventHopper === hopper.index ? selectedEvent : null}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
