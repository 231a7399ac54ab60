"use client";

import { useMemo, useState, type KeyboardEvent } from "react";
import { findOccurrences, nearestOccurrence, occurrencePlace } from "@/lib/annotation/text-search";
import { countNoun } from "@/lib/count-noun";
import styles from "./Popup.module.css";
import { PopupFrame } from "./PopupFrame";
import { useEditor, useEditorState } from "./use-editor";

/**
 * Finds text and selects it (the keyboard's way to select a passage far from
 * the caret). It starts with the last query, selected, so `/` Enter goes on to
 * the next occurrence; F3 does too, from the text.
 */
export function FindPopup() {
  const editor = useEditor();
  const content = useEditorState((state) => state.document.content);
  const lastFind = useEditorState((state) => state.lastFind);
  // Read for its changes: where the next occurrence is counted from.
  useEditorState((state) => state.selection);
  const [query, setQuery] = useState(lastFind);
  const [notFound, setNotFound] = useState(false);
  const occurrences = useMemo(() => findOccurrences(content, query), [content, query]);
  const next = nearestOccurrence(occurrences, editor.caretRange(), false);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    if (editor.find(query, event.shiftKey)) editor.closePopup();
    else setNotFound(true);
  };

  return (
    <PopupFrame title="Find text" anchor={() => null} onClose={() => editor.closePopup()} testId="find-popup">
      <input
        className={styles.filter}
        aria-label="Text to find"
        aria-describedby="find-status"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setNotFound(false);
        }}
        onFocus={(event) => event.target.select()}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <p id="find-status" className={styles.status} role="status" data-testid="find-status">
        {notFound || (query && !occurrences.length)
          ? `“${query}” is not in the text.`
          : query
            ? `${countNoun(occurrences.length, "occurrence")}; the next after the caret is ${occurrencePlace(next, occurrences.length)}.`
            : ""}
      </p>
      <p className={styles.keys}>
        <kbd>Enter</kbd> next after the caret · <kbd>Shift</kbd>+<kbd>Enter</kbd> previous · then <kbd>F3</kbd> / <kbd>Shift</kbd>+<kbd>F3</kbd> from
        the text
      </p>
    </PopupFrame>
  );
}
