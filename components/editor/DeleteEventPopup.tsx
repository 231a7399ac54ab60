"use client";

import { ChoiceList } from "./ChoiceList";
import type { Popup } from "./editor-state";
import styles from "./Popup.module.css";
import { PopupFrame, type PopupAnchor } from "./PopupFrame";
import { describeEvent, eventOf } from "./tagset-choices";
import { useEditor, useEditorState } from "./use-editor";

const DELETE_ARGUMENTS = "";

/** Deleting an event with arguments: they go with it, or move to another event first. */
export function DeleteEventPopup({ popup, anchor }: { popup: Extract<Popup, { kind: "deleteEvent" }>; anchor: PopupAnchor }) {
  const editor = useEditor();
  const document = useEditorState((state) => state.document);
  const event = eventOf(document, popup.eventIndex);
  if (!event) return null;
  const count = event.arguments.length === 1 ? "its argument" : `its ${event.arguments.length} arguments`;
  const others = document.hoppers.flatMap((hopper) => hopper.events).filter((other) => other !== event);
  const choices = [
    { value: DELETE_ARGUMENTS, label: `Delete ${event.index} and ${count}` },
    ...others.map((other) => ({
      value: other.index,
      label: `Move ${count} to ${describeEvent(other)}, then delete ${event.index}`,
      hint: `${other.type} / ${other.subtype}`,
    })),
  ];
  return (
    <PopupFrame title={`Delete ${describeEvent(event)}?`} anchor={anchor} onClose={() => editor.closePopup()} testId="delete-event-popup">
      <p className={styles.subtitle}>What should happen to {count}?</p>
      <ChoiceList
        label="Arguments"
        choices={choices}
        onChoose={(value) => editor.deleteEvent(event.index, value === DELETE_ARGUMENTS ? null : value)}
      />
    </PopupFrame>
  );
}
