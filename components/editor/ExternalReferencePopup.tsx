"use client";

import { ExternalReferenceForm } from "./ExternalReferenceForm";
import type { Popup } from "./editor-state";
import styles from "./Popup.module.css";
import { PopupFrame, type PopupAnchor } from "./PopupFrame";
import { eventOf } from "./tagset-choices";
import { useEditor, useEditorState } from "./use-editor";

/** The selected argument's entity link, by keyboard (E): Enter saves and goes back to the text, Escape just goes back. */
export function ExternalReferencePopup({ popup, anchor }: { popup: Extract<Popup, { kind: "externalReference" }>; anchor: PopupAnchor }) {
  const editor = useEditor();
  const event = eventOf(
    useEditorState((state) => state.document),
    popup.eventIndex,
  );
  const argument = event?.arguments[popup.position];
  if (!event || !argument) return null;
  return (
    <PopupFrame
      title={`Entity link of ${argument.index} “${argument.text}”`}
      anchor={anchor}
      onClose={() => editor.closePopup()}
      testId="reference-popup"
    >
      <p className={styles.subtitle}>
        {argument.role.type} of {event.index}; both fields empty removes the link.
      </p>
      <ExternalReferenceForm event={event} position={popup.position} onDone={() => editor.closePopup()} />
      <p className={styles.keys}>
        <kbd>Enter</kbd> save · <kbd>Esc</kbd> cancel
      </p>
    </PopupFrame>
  );
}
