"use client";

import { memo, useState, type DragEvent } from "react";
import { typeColorClass } from "@/components/document/type-colors";
import type { CasieEvent, CasieHopper } from "@/lib/casie/types";
import styles from "./Panels.module.css";
import { useEditor, useEditorState } from "./use-editor";
import { countNoun } from "@/lib/count-noun";

const EVENT_TYPE = "application/x-hopper-event";

interface Props {
  hopper: CasieHopper;
  /** There are other hoppers to merge it into. */
  canMerge: boolean;
  selected: boolean;
  /** The selected event, when it is in this hopper. */
  selectedEvent: string | null;
}

/** One hopper: a drop target for events, with its relation and a merge command. Memoized: an edit re-renders only the hoppers it changed. */
export const HopperItem = memo(function HopperItem({ hopper, canMerge, selected, selectedEvent }: Props) {
  const editor = useEditor();
  const relations = useEditorState((state) => state.tagset.hopperRelations);
  const [dropping, setDropping] = useState(false);
  const label = `Hopper ${hopper.index}`;

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(EVENT_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    setDropping(true);
  };
  const onDrop = (event: DragEvent) => {
    setDropping(false);
    const eventIndex = event.dataTransfer.getData(EVENT_TYPE);
    if (!eventIndex || hopper.events.some((candidate) => candidate.index === eventIndex)) return;
    event.preventDefault();
    editor.moveEvent(eventIndex, hopper.index);
  };

  return (
    <li
      className={`${styles.hopper} ${selected ? styles.selectedHopper : ""} ${dropping ? styles.dropping : ""}`}
      data-hopper={hopper.index}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
      aria-label={`${label}, ${countNoun(hopper.events.length, "event")}`}
    >
      <div className={styles.hopperHead}>
        <button
          type="button"
          className={styles.hopperButton}
          aria-pressed={selected}
          onClick={() => editor.selectHopper(selected ? null : hopper.index)}
        >
          {label}
        </button>
        <select
          aria-label={`Relation of hopper ${hopper.index}`}
          value={hopper.relation ?? ""}
          onChange={(change) => editor.setHopperRelation(hopper.index, change.target.value || null)}
          data-testid="hopper-relation"
        >
          <option value="">no relation</option>
          {relations.map((relation) => (
            <option key={relation} value={relation}>
              {relation}
            </option>
          ))}
          {/* A value the tagset does not have (imported) stays shown, so it is not changed by accident. */}
          {hopper.relation !== undefined && !relations.includes(hopper.relation) && <option value={hopper.relation}>{hopper.relation}</option>}
        </select>
        {canMerge && (
          <button
            type="button"
            className={styles.small}
            onClick={() => editor.openPopup({ kind: "mergeHopper", hopperIndex: hopper.index })}
            aria-label={`Merge hopper ${hopper.index} into another hopper`}
          >
            Merge…
          </button>
        )}
      </div>
      {hopper.events.length === 0 ? (
        <p className={styles.empty}>Empty: drag events here, or select one and press M.</p>
      ) : (
        <ul className={styles.hopperEvents}>
          {hopper.events.map((event) => (
            <HopperEvent key={event.index} event={event} selected={event.index === selectedEvent} alone={hopper.events.length === 1} />
          ))}
        </ul>
      )}
    </li>
  );
});

function HopperEvent({ event, selected, alone }: { event: CasieEvent; selected: boolean; alone: boolean }) {
  const editor = useEditor();
  const onDragStart = (drag: DragEvent) => {
    drag.dataTransfer.setData(EVENT_TYPE, event.index);
    drag.dataTransfer.setData("text/plain", event.index);
    drag.dataTransfer.effectAllowed = "move";
  };
  return (
    <li className={`${styles.hopperEvent} ${typeColorClass(event.type)}`} data-event={event.index} draggable onDragStart={onDragStart}>
      <button type="button" className={styles.eventButton} aria-pressed={selected} onClick={() => editor.selectEvent(selected ? null : event.index)}>
        <span className={styles.spanIndex}>{event.index}</span> {event.type} / {event.subtype} <span className={styles.realis}>{event.realis}</span>{" "}
        <span className={styles.nuggetText}>“{event.nugget.text}”</span>
      </button>
      {!alone && (
        <button
          type="button"
          className={styles.small}
          onClick={() => editor.splitEvent(event.index)}
          aria-label={`Split ${event.index} into a hopper of its own`}
        >
          Split
        </button>
      )}
    </li>
  );
}
