"use client";

import styles from "./EditorApp.module.css";
import { useEditorState } from "./use-editor";

/**
 * The last command's brief message, just below the command bar and over the
 * text's edge, so it neither blocks nor moves anything: why a key was refused,
 * or where find went. Screen readers hear it from the announcement region.
 */
export function CommandFeedback() {
  const feedback = useEditorState((state) => state.feedback);
  if (!feedback) return null;
  return (
    <p
      key={feedback.id}
      className={feedback.tone === "refusal" ? styles.refusal : styles.feedback}
      data-testid="editor-feedback"
      data-tone={feedback.tone}
      aria-hidden="true"
    >
      {feedback.message}
    </p>
  );
}
