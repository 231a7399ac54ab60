"use client";

import { PageLink } from "@/components/ui/PageLink";
import { startTransition, useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import layout from "@/components/document/text-layout.module.css";
import type { SetNumbering } from "@/lib/annotation/index-allocation";
import { decodeDocumentFromTransport } from "@/lib/casie/document-transport";
import type { Tagset } from "@/lib/casie/tagset";
import { CommentThreadsStore } from "@/components/comments/comment-threads-store";
import { ChecksPanel } from "./ChecksPanel";
import { CommandFeedback } from "./CommandFeedback";
import { writeDomSelection } from "./dom-selection";
import { EARLY_KEYS_SCRIPT, replayEarlyKeys } from "./early-keys";
import styles from "./EditorApp.module.css";
import { afterNextPaint, browserEnvironment } from "./browser-environment";
import { EditorStore } from "./editor-store";
import { EditorComments } from "./EditorComments";
import { EditorText } from "./EditorText";
import { EventDetails } from "./EventDetails";
import { HopperPanel } from "./HopperPanel";
import { newClientId } from "./client-id";
import { httpTransport, postPresence } from "./http-transport";
import { Notices } from "./Notices";
import { PopupLayer } from "./PopupLayer";
import { PresenceBar } from "./PresenceBar";
import { PresenceStore } from "@/components/presence/presence-store";
import { SaveStatus } from "./SaveStatus";
import { Toolbar } from "./Toolbar";
import { FocusTextContext } from "./use-action-context";
import { EditorContext } from "./use-editor";
import { useEditorKeyboard } from "./use-editor-keyboard";

export interface EditorAppProps {
  setId: string;
  version: number;
  /** The set's document as encodeDocumentForTransport wrote it: a third of its objects' size, and quick for React to pass. */
  encodedDocument: string;
  numbering: SetNumbering;
  tagset: Tagset;
  documentId: string;
  /** Export file stem, e.g. `2602`. */
  documentName: string;
  projectId: string;
  projectName: string;
  /** Where the set stands in the team's workflow (submitting it, a reviewer's reopen note), shown under the title. */
  workflow?: ReactNode;
}

/** The annotation editor: the text on the left, the selected event, the hoppers and the checks on the right. */
export function EditorApp(props: EditorAppProps) {
  const { setId, version, encodedDocument, numbering, tagset } = props;
  const [{ editor, presence, comments, document }] = useState(() => {
    const document = decodeDocumentFromTransport(encodedDocument);
    const clientId = newClientId();
    const presence = new PresenceStore(postPresence(setId, clientId));
    const comments = new CommentThreadsStore(setId);
    const transport = httpTransport(setId, { clientId, presence: presence.received, commentsChanged: comments.refresh });
    const editor = new EditorStore(
      { setId, version, document, numbering, tagset },
      { transport, environment: browserEnvironment, afterPaint: afterNextPaint },
      clientId,
    );
    return { editor, presence, comments, document };
  });
  const textRef = useRef<HTMLDivElement>(null);
  // Back to the text with its selection drawn again (focus in a popup's field had taken it off the screen).
  const focusText = useCallback(() => {
    const root = textRef.current;
    if (!root) return;
    root.focus({ preventScroll: true });
    writeDomSelection(root, editor.getSnapshot().selection.text);
  }, [editor]);
  useEffect(() => {
    const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
      if (editor.hasUnsavedEdits()) event.preventDefault();
    };
    window.addEventListener("beforeunload", warnBeforeLeaving);
    return () => window.removeEventListener("beforeunload", warnBeforeLeaving);
  }, [editor]);
  useEditorKeyboard(editor, textRef, focusText);
  // Started and ready in the commit that shows the editor, before its first paint (layout effects, after the keyboard
  // handler's): from then on every key is handled. The loading note goes (bench/editor.ts times `data-ready`),
  // and the keys pressed meanwhile run.
  const rootRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const stop = editor.start();
    rootRef.current?.setAttribute("data-ready", "");
    void replayEarlyKeys();
    return stop;
  }, [editor]);
  // The hoppers and the checks (hundreds of items on a long document) are neither rendered on the server nor hydrated:
  // they come once the editor is ready, in a transition a key interrupts.
  const [panelsShown, setPanelsShown] = useState(false);
  useEffect(() => startTransition(() => setPanelsShown(true)), []);

  return (
    <EditorContext.Provider value={editor}>
      <FocusTextContext.Provider value={focusText}>
        <div ref={rootRef} className={`${layout.page} ${styles.editor}`} data-testid="editor" data-set={setId}>
          <script type="module" dangerouslySetInnerHTML={{ __html: EARLY_KEYS_SCRIPT }} />
          <header className={styles.header}>
            <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
              <PageLink href={`/projects/${props.projectId}`}>{props.projectName}</PageLink> /{" "}
              <PageLink href={`/documents/${props.documentId}`}>{props.documentName}</PageLink> / annotate
            </nav>
            <h1 className={styles.title}>{document.info?.title || props.documentName}</h1>
            {props.workflow}
          </header>
          <div className={styles.bar}>
            <p className={styles.loading} role="status" data-early-keys="" data-testid="editor-loading" suppressHydrationWarning>
              Loading the editor…
            </p>
            <SaveStatus />
            <Toolbar fileName={`${props.documentName}.json`} />
            <CommandFeedback />
            <PresenceBar presence={presence} />
          </div>
          <Notices />
          <div className={`${layout.columns} ${styles.columns}`}>
            <article aria-label="Text" className={styles.textColumn}>
              <EditorText textRef={textRef} />
            </article>
            <aside aria-label="Annotations" className={styles.panel}>
              <EventDetails />
              {panelsShown && (
                <>
                  <HopperPanel />
                  <ChecksPanel />
                </>
              )}
              <EditorComments store={comments} textRef={textRef} />
            </aside>
          </div>
          <PopupLayer textRef={textRef} />
        </div>
      </FocusTextContext.Provider>
    </EditorContext.Provider>
  );
}
