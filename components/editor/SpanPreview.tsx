"use client";

import { useLayoutEffect, useState, type RefObject } from "react";
import { rangeRects } from "./dom-selection";
import styles from "./EditorText.module.css";
import { previewedSpan } from "./span-preview";
import { useEditorState } from "./use-editor";

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The span a command will use, outlined over the text before it is made (see
 * span-preview.ts), so a snapped selection or a popup's span is never a surprise.
 */
export function SpanPreview({ textRef, layoutKey }: { textRef: RefObject<HTMLDivElement | null>; layoutKey: unknown }) {
  const document = useEditorState((state) => state.document);
  const selection = useEditorState((state) => state.selection);
  const snapping = useEditorState((state) => state.snapping);
  const popup = useEditorState((state) => state.popup);
  const span = previewedSpan({ document, selection, snapping, popup });
  const start = span?.start ?? -1;
  const end = span?.end ?? -1;
  const [boxes, setBoxes] = useState<Box[]>([]);

  useLayoutEffect(() => {
    const root = textRef.current;
    const frame = root?.parentElement;
    if (!root || !frame || start === -1) {
      setBoxes((current) => (current.length ? [] : current));
      return;
    }
    const place = () => {
      const origin = frame.getBoundingClientRect();
      setBoxes(
        rangeRects(root, start, end).map((rect) => ({
          left: rect.left - origin.left,
          top: rect.top - origin.top,
          width: rect.width,
          height: rect.height,
        })),
      );
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(root);
    return () => observer.disconnect();
  }, [start, end, textRef, layoutKey]);

  if (start === -1 || !boxes.length) return null;
  return (
    <div className={styles.preview} data-testid="span-preview" data-text={document.content.slice(start, end)} aria-hidden="true">
      {boxes.map((box, i) => (
        <div key={i} className={styles.previewBox} style={box} />
      ))}
    </div>
  );
}
