"use client";

import type { RefObject } from "react";
import { findEvent, findSpan } from "@/lib/annotation/document-lookup";
import type { CasieDocument } from "@/lib/casie/types";
import { AddArgumentPopup } from "./AddArgumentPopup";
import { CreateEventPopup } from "./CreateEventPopup";
import { DeleteEventPopup } from "./DeleteEventPopup";
import { rangeRect } from "./dom-selection";
import type { Popup } from "./editor-state";
import { ChangeTypePopup, RealisPopup } from "./EventAttributePopups";
import { ExternalReferencePopup } from "./ExternalReferencePopup";
import { FindPopup } from "./FindPopup";
import { MergeHopperPopup, MoveEventPopup } from "./HopperPopups";
import { ShortcutHelp } from "./ShortcutHelp";
import { useEditorState } from "./use-editor";

/** The open popup, if any, placed next to the text it is about. */
export function PopupLayer({ textRef }: { textRef: RefObject<HTMLDivElement | null> }) {
  const popup = useEditorState((state) => state.popup);
  const document = useEditorState((state) => state.document);
  if (!popup) return null;
  const anchor = () => (textRef.current ? anchorOf(textRef.current, document, popup) : null);
  switch (popup.kind) {
    case "createEvent":
      return <CreateEventPopup popup={popup} anchor={anchor} />;
    case "addArgument":
      return <AddArgumentPopup popup={popup} anchor={anchor} />;
    case "changeEventType":
      return <ChangeTypePopup popup={popup} anchor={anchor} />;
    case "changeRealis":
      return <RealisPopup popup={popup} anchor={anchor} />;
    case "deleteEvent":
      return <DeleteEventPopup popup={popup} anchor={anchor} />;
    case "moveEvent":
      return <MoveEventPopup popup={popup} anchor={anchor} />;
    case "mergeHopper":
      return <MergeHopperPopup popup={popup} anchor={anchor} />;
    case "externalReference":
      return <ExternalReferencePopup popup={popup} anchor={anchor} />;
    case "find":
      return <FindPopup />;
    case "help":
      return <ShortcutHelp />;
  }
}

/** The screen box of the text a popup is about: the selection, the re-used span, the argument, or the event's nugget. */
function anchorOf(root: HTMLElement, document: CasieDocument, popup: Popup): DOMRect | null {
  if (popup.kind === "createEvent") return rangeRect(root, popup.range.start, popup.range.end);
  if (popup.kind === "externalReference") {
    const argument = findEvent(document, popup.eventIndex)?.event.arguments[popup.position];
    if (argument) return rangeRect(root, argument.startOffset, argument.endOffset);
  }
  if (popup.kind === "addArgument") {
    const { target } = popup;
    const span = "reuseSpanIndex" in target ? findSpan(document, target.reuseSpanIndex) : undefined;
    if (span) return rangeRect(root, span.startOffset, span.endOffset);
    if ("start" in target) return rangeRect(root, target.start, target.end);
  }
  if ("eventIndex" in popup) {
    const nugget = findEvent(document, popup.eventIndex)?.event.nugget;
    if (nugget) return rangeRect(root, nugget.startOffset, nugget.endOffset);
  }
  return null;
}
