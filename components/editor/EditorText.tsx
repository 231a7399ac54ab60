"use client";

import {
  memo,
  startTransition,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type MouseEvent,
  type RefObject,
} from "react";
import { describeMark } from "@/components/document/mark-attributes";
import { findSpan } from "@/lib/annotation/document-lookup";
import layout from "@/components/document/text-layout.module.css";
import { caretRect, readDomSelection, writeDomSelection } from "./dom-selection";
import type { TextSelection } from "./editor-state";
import styles from "./EditorText.module.css";
import { SelectionLighting } from "./SelectionLighting";
import { SpanPreview } from "./SpanPreview";
import { TextHighlights } from "./text-highlights";
import type { TextParagraph } from "./text-blocks";
import { TextBlockView } from "./TextBlockView";
import { blockAt, isDrawn, type DrawnBlocks } from "./drawn-blocks";
import { useDrawnBlocks } from "./use-drawn-blocks";
import { useEditor, useEditorState } from "./use-editor";

/**
 * The annotated text, laid out as the document page lays it out. The browser's
 * own selection (mouse, double-click) and the editor's (keyboard) are kept
 * equal, as character offsets: a selection made here goes into the store, and
 * one made by a command shows here. A copied selection is the content's own characters.
 */
export function EditorText({ textRef }: { textRef: RefObject<HTMLDivElement | null> }) {
  const editor = useEditor();
  const document = useEditorState((state) => state.document);
  const text = useEditorState((state) => state.selection.text);
  const { content, hoppers } = document;
  const highlights = useMemo(() => new TextHighlights(content), [content]);
  // The server renders, and the browser hydrates, the highlights of the blocks drawn from the start; the others' come
  // once the editor is ready, in a transition a key interrupts (a far block drawn before then is drawn again with them).
  const [eagerOnly, setEagerOnly] = useState(true);
  useEffect(() => startTransition(() => setEagerOnly(false)), []);
  const paragraphs = useMemo(() => highlights.paragraphs(hoppers, { eagerOnly }), [highlights, hoppers, eagerOnly]);
  const [drawn, draw] = useDrawnBlocks(paragraphs, textRef);
  // The selected span's block is drawn at once (J, K and the panels select spans anywhere), and stays drawn.
  const span = useEditorState((state) => state.selection.span);
  const pinned = useMemo(() => {
    const start = span ? findSpan(document, span)?.startOffset : undefined;
    return start === undefined ? null : blockAt(paragraphs, start);
  }, [document, span, paragraphs]);
  useEffect(() => {
    if (pinned !== null && !isDrawn(drawn, pinned)) draw([pinned]);
  }, [pinned, drawn, draw]);
  // What the overlays and the lighting are laid out against: the blocks, and which of them are drawn.
  const layoutKey = useMemo(() => ({ paragraphs, drawn }), [paragraphs, drawn]);

  // The selection last written to the browser's: the store may already be ahead of it (a keyboard command's
  // change not yet rendered), so a selectionchange that still reports it is our own echo, not the user's doing.
  const shown = useRef<TextSelection | null>(null);
  useEffect(() => {
    const onSelectionChange = () => {
      const root = textRef.current;
      const selected = root && readDomSelection(root);
      if (!selected) return;
      const echo = shown.current && shown.current.anchor === selected.anchor && shown.current.focus === selected.focus;
      if (!echo) editor.setTextSelection(selected);
    };
    window.document.addEventListener("selectionchange", onSelectionChange);
    return () => window.document.removeEventListener("selectionchange", onSelectionChange);
  }, [editor, textRef]);

  // Re-rendered blocks may have replaced the selected text nodes, so a selection is shown again after an edit too.
  // Reading the browser's selection forces a layout: skipped when there is none to show or clear.
  useLayoutEffect(() => {
    if (textRef.current && (text || shown.current)) writeDomSelection(textRef.current, text);
    shown.current = text;
  }, [text, textRef, layoutKey]);

  // A span selected from the panels or by keyboard (J, K, a check) is brought into view; one clicked in the text already is.
  useEffect(() => {
    const mark = span && textRef.current?.querySelector(`[data-span="${CSS.escape(span)}"][data-start]`);
    if (mark && !inView(mark)) mark.scrollIntoView({ block: "center", behavior: prefersReducedMotion() ? "auto" : "smooth" });
  }, [span, textRef]);

  // The last selectionchange may not have been dispatched yet when the button comes up: read the selection itself.
  const onMouseUp = () => {
    const selected = textRef.current && readDomSelection(textRef.current);
    if (!selected) return;
    editor.setTextSelection(selected);
    editor.snapTextSelection();
  };

  // Line breaks between paragraphs would be copied as blank lines: the clipboard gets the content itself.
  const onCopy = (event: ClipboardEvent) => {
    const selected = textRef.current && readDomSelection(textRef.current);
    if (!selected || selected.anchor === selected.focus) return;
    event.clipboardData.setData("text/plain", content.slice(Math.min(selected.anchor, selected.focus), Math.max(selected.anchor, selected.focus)));
    event.preventDefault();
  };

  // A click, not the end of a drag, a double-click or a Shift+click extending the selection, selects the span under it. (A click
  // inside the selection collapses it only after the click event, so the selection cannot tell.)
  const pressedAt = useRef<{ x: number; y: number } | null>(null);
  const onMouseDown = (event: MouseEvent) => {
    pressedAt.current = { x: event.clientX, y: event.clientY };
  };
  const onClick = (event: MouseEvent) => {
    const from = pressedAt.current;
    if (event.shiftKey || event.detail > 1 || !from || Math.hypot(event.clientX - from.x, event.clientY - from.y) > 3) return;
    const mark = (event.target as Element).closest("[data-span]");
    if (!mark) return;
    const kind = mark.getAttribute("data-kind") === "nugget" ? "nugget" : "argument";
    editor.clickSpan(mark.getAttribute("data-span")!, kind, mark.getAttribute("data-events")!.split(" "));
  };

  // Marks carry no title (thousands of them on a long text): the one under the pointer gets its own, as it is now.
  const onMouseOver = (event: MouseEvent) => {
    const element = (event.target as Element).closest("mark[data-span]");
    const mark = element && highlights.mark(element.getAttribute("data-span")!, element.getAttribute("data-kind")!);
    if (mark) element.setAttribute("title", describeMark(mark));
  };

  return (
    <div className={styles.frame}>
      <SelectionLighting textRef={textRef} layoutKey={layoutKey} />
      <div
        ref={textRef}
        className={`${layout.text} ${styles.text}`}
        tabIndex={0}
        role="document"
        aria-label="Document text"
        aria-describedby="editor-text-help"
        data-testid="editor-text"
        data-editor-text=""
        onMouseDown={onMouseDown}
        onMouseUp={onMouseUp}
        onClick={onClick}
        onMouseOver={onMouseOver}
        onCopy={onCopy}
      >
        {paragraphs.map((paragraph) => (
          <ParagraphView key={paragraph.start} content={content} paragraph={paragraph} drawn={drawn} pinned={pinned} />
        ))}
      </div>
      <p id="editor-text-help" hidden>
        Arrow keys move the caret, Shift extends the selection, Ctrl moves by word. N creates an event from the selection; A adds it as an argument of
        the selected event. Press ? for every shortcut.
      </p>
      <SpanPreview textRef={textRef} layoutKey={layoutKey} />
      {/* Placed again after edits only, not as blocks are drawn: placing it scrolls it into view, where the reader may have scrolled away. */}
      <Caret textRef={textRef} layoutKey={paragraphs} />
    </div>
  );
}

interface ParagraphProps {
  content: string;
  paragraph: TextParagraph;
  drawn: DrawnBlocks;
  pinned: number | null;
}

/**
 * A paragraph of the text: re-rendered only when its blocks changed (see text-blocks.ts) or one of them was drawn, so
 * drawing a few far blocks re-renders their paragraphs, not all of them.
 */
const ParagraphView = memo(function ParagraphView({ content, paragraph, drawn, pinned }: ParagraphProps) {
  return (
    <p>
      {paragraph.blocks.map((block) => (
        <TextBlockView key={block.start} content={content} block={block} drawn={blockDrawn(block.start, drawn, pinned)} />
      ))}
    </p>
  );
}, sameParagraph);

function blockDrawn(start: number, drawn: DrawnBlocks, pinned: number | null): boolean {
  return start === pinned || isDrawn(drawn, start);
}

function sameParagraph(before: ParagraphProps, after: ParagraphProps): boolean {
  if (before.content !== after.content || before.paragraph !== after.paragraph) return false;
  return after.paragraph.blocks.every(({ start }) => blockDrawn(start, before.drawn, before.pinned) === blockDrawn(start, after.drawn, after.pinned));
}

/** The keyboard caret, drawn over the text at the selection's focus. */
function Caret({ textRef, layoutKey }: { textRef: RefObject<HTMLDivElement | null>; layoutKey: unknown }) {
  const focus = useEditorState((state) => state.selection.text?.focus ?? null);
  const caret = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const root = textRef.current;
    const element = caret.current;
    if (!root || !element) return;
    const place = () => {
      const rect = focus === null ? null : caretRect(root, focus);
      element.toggleAttribute("data-visible", rect !== null);
      if (!rect) return;
      const frame = element.parentElement!.getBoundingClientRect();
      element.style.left = `${rect.left - frame.left}px`;
      element.style.top = `${rect.top - frame.top}px`;
      element.style.height = `${rect.height}px`;
      if (root.contains(window.document.activeElement)) element.scrollIntoView({ block: "nearest" });
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(root);
    return () => observer.disconnect();
  }, [focus, textRef, layoutKey]);

  return <div ref={caret} className={styles.caret} aria-hidden="true" />;
}

/** Wholly visible below the editor's sticky command bar. */
function inView(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.top >= 64 && box.bottom <= window.innerHeight;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}
