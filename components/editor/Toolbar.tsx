"use client";

import { ActionButton } from "./ActionButton";
import { findAction } from "./actions";
import { DownloadButton } from "./DownloadButton";
import styles from "./EditorApp.module.css";
import { useActionContext } from "./use-action-context";

const SNAPPING = findAction("toggle-snapping");

/** The commands used most, as buttons, and the word-snapping switch with its state. */
export function Toolbar({ fileName }: { fileName: string }) {
  const context = useActionContext();
  const snapping = context.state.snapping;
  return (
    <div role="toolbar" aria-label="Editor commands" className={styles.toolbar}>
      <ActionButton name="undo" />
      <ActionButton name="redo" />
      <ActionButton name="create-event" />
      <ActionButton name="add-argument" />
      <ActionButton name="delete" />
      <ActionButton name="find" />
      <label className={styles.toggle} title="Selections widen to whole words and shed surrounding spaces, punctuation and possessive endings (W)">
        <input type="checkbox" checked={snapping} onChange={() => SNAPPING.perform(context)} data-testid="snapping-toggle" />
        Snap to words: <strong data-testid="snapping-state">{SNAPPING.status!(context)}</strong>{" "}
        <kbd className={styles.shortcut}>{SNAPPING.shortcut.label}</kbd>
      </label>
      <ActionButton name="help" />
      <DownloadButton fileName={fileName} />
    </div>
  );
}
