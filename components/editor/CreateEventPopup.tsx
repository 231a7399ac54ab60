"use client";

import { useState } from "react";
import { findEvent } from "@/lib/annotation/document-lookup";
import { ChoiceList } from "./ChoiceList";
import type { Popup } from "./editor-state";
import styles from "./Popup.module.css";
import { PopupFrame, type PopupAnchor } from "./PopupFrame";
import { parseSubtypeValue, realisChoices, subtypeChoices } from "./tagset-choices";
import { useEditor, useEditorState } from "./use-editor";

/** A new event for the selected text: its type and subtype, then its realis; in a new hopper unless asked otherwise. */
export function CreateEventPopup({ popup, anchor }: { popup: Extract<Popup, { kind: "createEvent" }>; anchor: PopupAnchor }) {
  const editor = useEditor();
  const tagset = useEditorState((state) => state.tagset);
  const document = useEditorState((state) => state.document);
  const selectedEvent = useEditorState((state) => state.selection.event);
  const [subtype, setSubtype] = useState<string | null>(null);
  const [hopper, setHopper] = useState(popup.hopper);
  const text = document.content.slice(popup.range.start, popup.range.end);
  const joinable = selectedEvent ? findEvent(document, selectedEvent)?.hopper.index : undefined;
  const chosen = subtype && parseSubtypeValue(subtype);

  return (
    <PopupFrame title={`New event “${text}”`} anchor={anchor} onClose={() => editor.closePopup()} testId="create-event-popup">
      <p className={styles.subtitle}>{chosen ? `Step 2 of 2: realis of the ${chosen.type} / ${chosen.subtype} event` : "Step 1 of 2: event type"}</p>
      {chosen ? (
        <ChoiceList
          key="realis"
          label="Realis"
          choices={realisChoices(tagset)}
          initial={tagset.realis[0]}
          onChoose={(realis) => editor.createEvent(popup.range, hopper, chosen.type, chosen.subtype, realis)}
        />
      ) : (
        <ChoiceList key="subtype" label="Event type" choices={subtypeChoices(tagset)} onChoose={setSubtype} />
      )}
      {joinable !== undefined && (
        <label className={styles.checkbox}>
          <input type="checkbox" checked={hopper !== "new"} onChange={(event) => setHopper(event.target.checked ? joinable : "new")} />
          Put it in hopper {joinable}, with {selectedEvent} (else a new hopper)
        </label>
      )}
    </PopupFrame>
  );
}
