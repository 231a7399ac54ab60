"use client";

import styles from "./EditorApp.module.css";
import { useEditor, useEditorState } from "./use-editor";
import { countNoun } from "@/lib/count-noun";
import { Button } from "@/components/ui/Button";

/** Whether every edit is saved, announced politely to screen readers; a failed save can be retried at once. */
export function SaveStatus() {
  const editor = useEditor();
  const save = useEditorState((state) => state.save);
  const unsaved = useEditorState((state) => state.pending.length);
  const version = useEditorState((state) => state.version);
  const text =
    save.state === "failed"
      ? `Not saved (${countNoun(unsaved, "edit")} waiting): ${save.message}${save.retrying ? " Retrying…" : ""}`
      : save.state === "saving" || unsaved > 0
        ? "Saving…"
        : "All changes saved";
  return (
    <div className={styles.saveStatus} data-testid="save-status" data-state={save.state === "failed" ? "failed" : unsaved ? "saving" : "saved"}>
      <span role="status" aria-live="polite" title={`Saved version ${version}`}>
        {text}
      </span>
      {save.state === "failed" && (
        <Button size="compact" onClick={() => editor.retrySave()}>
          Retry now
        </Button>
      )}
    </div>
  );
}
