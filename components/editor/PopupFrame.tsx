"use client";

import { useContext, useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import styles from "./Popup.module.css";
import { FocusTextContext } from "./use-action-context";

/** Where to appear: below this box (a selection), else near the top of the window. Read after render, as it measures the page. */
export type PopupAnchor = () => DOMRect | null;

interface Props {
  title: ReactNode;
  anchor: PopupAnchor;
  onClose: () => void;
  children: ReactNode;
  testId: string;
  wide?: boolean;
}

/**
 * A small modal dialog next to what it is about: focus moves in (to the first
 * field) and, when it closes, back to the text with its selection drawn again;
 * Tab stays inside, Escape (or ×) closes it.
 */
export function PopupFrame({ title, anchor, onClose, children, testId, wide }: Props) {
  const dialog = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const focusText = useContext(FocusTextContext);

  useLayoutEffect(() => {
    const element = dialog.current!;
    const target = anchor();
    const box = element.getBoundingClientRect();
    const margin = 8;
    const top = target ? target.bottom + 6 : window.innerHeight * 0.15;
    const left = target ? target.left : (window.innerWidth - box.width) / 2;
    // Above the selection when there is no room below it.
    const fitsBelow = top + box.height + margin <= window.innerHeight;
    const y = fitsBelow || !target ? Math.min(top, window.innerHeight - box.height - margin) : target.top - box.height - 6;
    element.style.top = `${Math.max(margin, y)}px`;
    element.style.left = `${Math.max(margin, Math.min(left, window.innerWidth - box.width - margin))}px`;
  }, [anchor]);

  // A field with autoFocus has focus already. The cleanup runs before the dialog leaves the page, so it still
  // sees whether focus is inside (else the user has put it somewhere on purpose). focusText is stable.
  useLayoutEffect(() => {
    const element = dialog.current!;
    if (!element.contains(document.activeElement)) (element.querySelector<HTMLElement>("input, select, button") ?? element).focus();
    return () => {
      const active = document.activeElement;
      if (!active || active === document.body || element.contains(active)) focusText();
    };
  }, [focusText]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === "Tab") {
      const focusable = [...dialog.current!.querySelectorAll<HTMLElement>("input, button, select, textarea, [tabindex='0']")].filter(
        (e) => !e.hasAttribute("disabled"),
      );
      const first = focusable[0];
      const last = focusable.at(-1);
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  };

  return (
    <>
      <div className={styles.backdrop} onMouseDown={onClose} aria-hidden="true" />
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={wide ? `${styles.popup} ${styles.wide}` : styles.popup}
        data-testid={testId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className={styles.title}>
          {title}
        </h2>
        {children}
        <button type="button" className={styles.close} onClick={onClose} aria-label="Close">
          ×
        </button>
      </div>
    </>
  );
}
