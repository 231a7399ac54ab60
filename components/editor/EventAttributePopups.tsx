"use client";

import { ChoiceList } from "./ChoiceList";
import type { Popup } from "./editor-state";
import { PopupFrame, type PopupAnchor } from "./PopupFrame";
import { describeEvent, eventOf, parseSubtypeValue, realisChoices, subtypeChoices, subtypeValue } from "./tagset-choices";
import { useEditor, useEditorState } from "./use-editor";

/** Another type and subtype for an event. */
export function ChangeTypePopup({ popup, anchor }: { popup: Extract<Popup, { kind: "changeEventType" }>; anchor: PopupAnchor }) {
  const editor = useEditor();
  const tagset = useEditorState((state) => state.tagset);
  const event = eventOf(
    useEditorState((state) => state.document),
    popup.eventIndex,
  );
  if (!event) return null;
  return (
    <PopupFrame title={`Type of ${describeEvent(event)}`} anchor={anchor} onClose={() => editor.closePopup()} testId="change-type-popup">
      <ChoiceList
        label="Event type"
        choices={subtypeChoices(tagset)}
        initial={subtypeValue(event.type, event.subtype)}
        onChoose={(value) => editor.setEventAttributes(event.index, parseSubtypeValue(value))}
      />
    </PopupFrame>
  );
}

/** Another realis for an event. */
export function RealisPopup({ popup, anchor }: { popup: Extract<Popup, { kind: "changeRealis" }>; anchor: PopupAnchor }) {
  const editor = useEditor();
  const tagset = useEditorState((state) => state.tagset);
  const event = eventOf(
    useEditorState((state) => state.document),
    popup.eventIndex,
  );
  if (!event) return null;
  return (
    <PopupFrame title={`Realis of ${describeEvent(event)}`} anchor={anchor} onClose={() => editor.closePopup()} testId="realis-popup">
      <ChoiceList
        label="Realis"
        choices={realisChoices(tagset, event.realis)}
        initial={event.realis}
        onChoose={(realis) => editor.setEventAttributes(event.index, { realis })}
      />
    </PopupFrame>
  );
}
