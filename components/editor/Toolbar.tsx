"use client";

import { ActionButton } from "./ActionButton";
import { DownloadButton } from "./DownloadButton";
import styles from "./EditorApp.module.css";
import { useEditor, useEditorState } from "./use-editor";

/** The commands used most, as buttons, and the word-snapping switch. */
export function Toolbar({ fileName }: { fileName: string }) {
  const editor = useEditor();
  const snapping = useEditorState((state) => state.snapping);
  return (
    <div role="toolbar" aria-label="Editor commands" className={styles.toolbar}>
      <ActionButton name="undo" />
      <ActionButton name="redo" />
      <ActionButton name="create-event" />
      <ActionButton name="add-argument" />
      <ActionButton name="delete" />
      <ActionButton name="find" />
      <label className={styles.toggle} title="Selections widen to whole words and shed surrounding spaces and punctuation (W)">
        <input type="checkbox" checked={snapping} onChange={() => editor.toggleSnapping()} data-testid="snapping-toggle" />
        Snap to words <kbd className={styles.shortcut}>W</kbd>
      </label>
      <ActionButton name="help" />
      <DownloadButton fileName={fileName} />
    </div>
  );
}
