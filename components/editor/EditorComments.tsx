"use client";

import { useCallback, useContext, type RefObject } from "react";
import { CommentsPanel } from "@/components/comments/CommentsPanel";
import type { CommentThreadsStore } from "@/components/comments/comment-threads-store";
import { ThreadMarkers } from "@/components/comments/ThreadMarkers";
import { commentTargetExists, type CommentTarget } from "@/lib/comments/comment-target";
import type { CasieDocument } from "@/lib/casie/types";
import type { EditorSelection } from "./editor-state";
import { FocusTextContext } from "./use-action-context";
import { useEditor, useEditorState } from "./use-editor";

/** What a new thread is about: the selected argument, else event, else hopper, else the whole document. */
function selectedTarget(document: CasieDocument, selection: EditorSelection): CommentTarget {
  if (selection.event) {
    const event = document.hoppers.flatMap((hopper) => hopper.events).find((e) => e.index === selection.event);
    const argument = selection.argument !== null ? event?.arguments[selection.argument] : undefined;
    if (event && argument) return { kind: "argument", eventIndex: event.index, spanIndex: argument.index };
    if (event) return { kind: "event", eventIndex: event.index };
  }
  if (selection.hopper !== null) return { kind: "hopper", hopperIndex: selection.hopper };
  return { kind: "document" };
}

/** The set's comment threads in the editor's panel, about what the editor has selected, with their markers in the text. */
export function EditorComments({ store, textRef }: { store: CommentThreadsStore; textRef: RefObject<HTMLDivElement | null> }) {
  const editor = useEditor();
  const document = useEditorState((state) => state.document);
  const selection = useEditorState((state) => state.selection);
  const focusText = useContext(FocusTextContext);
  const targetExists = useCallback((target: CommentTarget) => commentTargetExists(document, target), [document]);
  const show = useCallback(
    (target: CommentTarget) => {
      if (target.kind === "event" || target.kind === "argument") editor.selectEvent(target.eventIndex);
      else if (target.kind === "hopper") editor.selectHopper(target.hopperIndex);
    },
    [editor],
  );
  const textRoot = useCallback(() => textRef.current, [textRef]);
  return (
    <>
      <CommentsPanel store={store} target={selectedTarget(document, selection)} targetExists={targetExists} show={show} leave={focusText} />
      <ThreadMarkers store={store} root={textRoot} />
    </>
  );
}
