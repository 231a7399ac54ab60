"use client";

import { useState, type KeyboardEvent } from "react";
import styles from "./Popup.module.css";
import { PopupFrame } from "./PopupFrame";
import { useEditor, useEditorState } from "./use-editor";

/** Finds text and selects it (the keyboard's way to select a passage far from the caret). */
export function FindPopup() {
  const editor = useEditor();
  const content = useEditorState((state) => state.document.content);
  const [query, setQuery] = useState("");
  const [notFound, setNotFound] = useState(false);
  const matches = query ? countMatches(content, query) : 0;

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
        onKeyDown={onKeyDown}
        autoFocus
      />
      <p id="find-status" className={styles.status} role="status">
        {notFound ? `“${query}” is not in the text.` : query ? `${matches} match${matches === 1 ? "" : "es"}. ` : ""}
        <kbd>Enter</kbd> selects the next one after the caret, <kbd>Shift</kbd>+<kbd>Enter</kbd> the previous one.
      </p>
    </PopupFrame>
  );
}

function countMatches(content: string, query: string): number {
  const haystack = content.toLocaleLowerCase();
  const needle = query.toLocaleLowerCase();
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}
