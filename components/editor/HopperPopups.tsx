"use client";

import { findEvent } from "@/lib/annotation/document-lookup";
import { ChoiceList } from "./ChoiceList";
import type { Popup } from "./editor-state";
import { PopupFrame, type PopupAnchor } from "./PopupFrame";
import { describeEvent, describeHopper } from "./tagset-choices";
import { useEditor, useEditorState } from "./use-editor";

const NEW_HOPPER = "new";

/** Another hopper for an event (or a new one of its own). */
export function MoveEventPopup({ popup, anchor }: { popup: Extract<Popup, { kind: "moveEvent" }>; anchor: PopupAnchor }) {
  const editor = useEditor();
  const document = useEditorState((state) => state.document);
  const found = findEvent(document, popup.eventIndex);
  if (!found) return null;
  const choices = document.hoppers
    .filter((hopper) => hopper !== found.hopper)
    .map((hopper) => ({ value: String(hopper.index), label: describeHopper(hopper) }));
  if (found.hopper.events.length > 1) choices.push({ value: NEW_HOPPER, label: "A new hopper of its own" });
  return (
    <PopupFrame title={`Move ${describeEvent(found.event)} to…`} anchor={anchor} onClose={() => editor.closePopup()} testId="move-event-popup">
      <ChoiceList
        label="Hopper"
        choices={choices}
        onChoose={(value) => editor.moveEvent(found.event.index, value === NEW_HOPPER ? "new" : Number(value))}
      />
    </PopupFrame>
  );
}

/** The hopper whose events a hopper joins (it is then deleted). */
export function MergeHopperPopup({ popup, anchor }: { popup: Extract<Popup, { kind: "mergeHopper" }>; anchor: PopupAnchor }) {
  const editor = useEditor();
  const document = useEditorState((state) => state.document);
  const choices = document.hoppers
    .filter((hopper) => hopper.index !== popup.hopperIndex)
    .map((hopper) => ({ value: String(hopper.index), label: describeHopper(hopper) }));
  return (
    <PopupFrame title={`Merge hopper ${popup.hopperIndex} into…`} anchor={anchor} onClose={() => editor.closePopup()} testId="merge-hopper-popup">
      <ChoiceList label="Hopper to merge into" choices={choices} onChoose={(value) => editor.mergeHoppers(Number(value), popup.hopperIndex)} />
    </PopupFrame>
  );
}
