"use client";

import styles from "./EditorApp.module.css";
import { useEditor, useEditorState } from "./use-editor";

/** Merged-in changes (info) and conflicts (warnings, which stay until dismissed), plus the last action for screen readers. */
export function Notices() {
  const editor = useEditor();
  const notices = useEditorState((state) => state.notices);
  const announcement = useEditorState((state) => state.announcement);
  return (
    <>
      <div className={styles.notices}>
        {notices.map((notice) => (
          <div
            key={notice.id}
            className={notice.tone === "warning" ? styles.warning : styles.info}
            data-testid="editor-notice"
            data-tone={notice.tone}
            role={notice.tone === "warning" ? "alert" : "status"}
          >
            <p className={styles.noticeTitle}>{notice.title}</p>
            {notice.details.length > 0 && (
              <ul>
                {notice.details.map((detail, i) => (
                  <li key={i}>{detail}</li>
                ))}
              </ul>
            )}
            <button type="button" className={styles.dismiss} onClick={() => editor.dismissNotice(notice.id)} aria-label="Dismiss this message">
              ×
            </button>
          </div>
        ))}
      </div>
      <p className={styles.visuallyHidden} role="status" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
