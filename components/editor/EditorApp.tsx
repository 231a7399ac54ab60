"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { SetNumbering } from "@/lib/annotation/index-allocation";
import type { CasieDocument } from "@/lib/casie/types";
import type { Tagset } from "@/lib/casie/tagset";
import { ChecksPanel } from "./ChecksPanel";
import styles from "./EditorApp.module.css";
import { browserEnvironment } from "./browser-environment";
import { EditorStore } from "./editor-store";
import { EditorText } from "./EditorText";
import { EventDetails } from "./EventDetails";
import { HopperPanel } from "./HopperPanel";
import { httpTransport } from "./http-transport";
import { Notices } from "./Notices";
import { PopupLayer } from "./PopupLayer";
import { SaveStatus } from "./SaveStatus";
import { Toolbar } from "./Toolbar";
import { FocusTextContext } from "./use-action-context";
import { EditorContext } from "./use-editor";
import { useEditorKeyboard } from "./use-editor-keyboard";

export interface EditorAppProps {
  setId: string;
  version: number;
  document: CasieDocument;
  numbering: SetNumbering;
  tagset: Tagset;
  documentId: string;
  /** Export file stem, e.g. `2602`. */
  documentName: string;
  projectId: string;
  projectName: string;
}

/** The annotation editor: the text on the left, the selected event, the hoppers and the checks on the right. */
export function EditorApp(props: EditorAppProps) {
  const { setId, version, document, numbering, tagset } = props;
  const [editor] = useState(
    () => new EditorStore({ setId, version, document, numbering, tagset }, { transport: httpTransport(setId), environment: browserEnvironment }),
  );
  const textRef = useRef<HTMLDivElement>(null);
  const focusText = useCallback(() => textRef.current?.focus(), []);
  useEffect(() => editor.start(), [editor]);
  useEffect(() => {
    const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
      if (editor.hasUnsavedEdits()) event.preventDefault();
    };
    window.addEventListener("beforeunload", warnBeforeLeaving);
    return () => window.removeEventListener("beforeunload", warnBeforeLeaving);
  }, [editor]);
  useEditorKeyboard(editor, textRef, focusText);
  // Test hook for bench/editor.ts: set once mounted, after the effects above (the keyboard handler is attached).
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    rootRef.current?.setAttribute("data-ready", "");
  }, []);

  return (
    <EditorContext.Provider value={editor}>
      <FocusTextContext.Provider value={focusText}>
        <div ref={rootRef} className={styles.editor} data-testid="editor" data-set={setId}>
          <header className={styles.header}>
            <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
              <Link href={`/projects/${props.projectId}`}>{props.projectName}</Link> /{" "}
              <Link href={`/documents/${props.documentId}`}>{props.documentName}</Link> / annotate
            </nav>
            <h1 className={styles.title}>{document.info?.title || props.documentName}</h1>
          </header>
          <div className={styles.bar}>
            <SaveStatus />
            <Toolbar fileName={`${props.documentName}.json`} />
          </div>
          <Notices />
          <div className={styles.columns}>
            <article aria-label="Text" className={styles.textColumn}>
              <EditorText textRef={textRef} />
            </article>
            <aside aria-label="Annotations" className={styles.panel}>
              <EventDetails />
              <HopperPanel />
              <ChecksPanel />
            </aside>
          </div>
          <PopupLayer textRef={textRef} />
        </div>
      </FocusTextContext.Provider>
    </EditorContext.Provider>
  );
}
