"use client";

import { useState } from "react";
import { findSpan, spanUsers } from "@/lib/annotation/document-lookup";
import { existingArgumentSpan } from "@/lib/annotation/editor-commands";
import { ChoiceList } from "./ChoiceList";
import type { Popup } from "./editor-state";
import styles from "./Popup.module.css";
import { PopupFrame, type PopupAnchor } from "./PopupFrame";
import { describeEvent, entityTypeChoices, eventOf, roleNames } from "./tagset-choices";
import { useEditor, useEditorState } from "./use-editor";

/** A new argument of an event: a role the tagset allows for its subtype, then the entity type (the role's suggestion first). */
export function AddArgumentPopup({ popup, anchor }: { popup: Extract<Popup, { kind: "addArgument" }>; anchor: PopupAnchor }) {
  const editor = useEditor();
  const tagset = useEditorState((state) => state.tagset);
  const document = useEditorState((state) => state.document);
  const [role, setRole] = useState<string | null>(null);
  const event = eventOf(document, popup.eventIndex);
  if (!event) return null;
  const { target } = popup;
  // Clicked, found or selected: a span on exactly these bounds is re-used, and the annotator is told so.
  const reused = "reuseSpanIndex" in target ? findSpan(document, target.reuseSpanIndex) : existingArgumentSpan(document, target.start, target.end);
  const text = reused ? reused.text : "start" in target ? document.content.slice(target.start, target.end) : "";
  const entityTypes = role ? entityTypeChoices(tagset, role) : [];

  return (
    <PopupFrame
      title={`Argument of ${describeEvent(event)}: “${text}”`}
      anchor={anchor}
      onClose={() => editor.closePopup()}
      testId="add-argument-popup"
    >
      {reused && (
        <p className={styles.reuse} data-testid="reuse-note">
          Re-uses {reused.index} (used by {spanUsers(document, reused.index).join(", ")})
        </p>
      )}
      <p className={styles.subtitle}>
        {role ? `Step 2 of 2: entity type of the ${role}` : `Step 1 of 2: role in the ${event.type} / ${event.subtype} event`}
      </p>
      {role ? (
        <ChoiceList
          key="entity"
          label="Entity type"
          choices={entityTypes}
          initial={entityTypes[0]?.value}
          onChoose={(entityType) => editor.addArgument(event.index, target, role, entityType)}
        />
      ) : (
        <ChoiceList key="role" label="Role" choices={roleNames(tagset, event).map((name) => ({ value: name, label: name }))} onChoose={setRole} />
      )}
    </PopupFrame>
  );
}
