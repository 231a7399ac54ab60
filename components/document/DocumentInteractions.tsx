"use client";

// Hover and selection for the server-rendered document view. It never
// re-renders the text: it toggles `data-lit` on the marks and event items
// concerned and `data-lighting` on its root, and the CSS does the rest.
//   event item  (data-event, data-spans)  → its spans in the text
//   text mark   (data-span, data-events)  → its events in the panel
// Hovering or focusing previews; clicking (or Enter on a focused event) selects
// and scrolls the other side into view; Escape clears the selection.

import { useRef, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";

export function DocumentInteractions({ className, children }: { className?: string; children: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  const preview = useRef<string[] | null>(null);
  const selected = useRef<string | null>(null);

  const render = () => {
    const element = root.current;
    if (!element) return;
    const events = preview.current ?? (selected.current ? [selected.current] : []);
    for (const lit of element.querySelectorAll("[data-lit]")) lit.removeAttribute("data-lit");
    for (const button of element.querySelectorAll("[data-select-event]")) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-select-event") === selected.current));
    }
    element.toggleAttribute("data-lighting", events.length > 0);
    for (const event of events) {
      const item = eventItem(element, event);
      item?.setAttribute("data-lit", "");
      for (const span of item?.getAttribute("data-spans")?.split(" ") ?? []) {
        for (const mark of element.querySelectorAll(`[data-span="${CSS.escape(span)}"]`)) mark.setAttribute("data-lit", "");
      }
    }
  };

  /** Shows `events` instead of the selection (null: back to the selection); false when nothing changed. */
  const setPreview = (events: string[] | null): boolean => {
    if (preview.current?.join(" ") === events?.join(" ")) return false;
    preview.current = events;
    render();
    return true;
  };

  const onMouseOver = (e: MouseEvent) => {
    const target = e.target as Element;
    const item = target.closest("[data-event]");
    if (item) {
      setPreview([item.getAttribute("data-event")!]);
      return;
    }
    const events = eventsAt(target);
    if (setPreview(events.length ? events : null) && events.length) {
      const first = eventItem(root.current!, events[0]);
      if (first) revealInPanel(first);
    }
  };

  const onFocus = (e: FocusEvent) => {
    const item = e.target.closest("[data-event]");
    if (item) setPreview([item.getAttribute("data-event")!]);
  };

  const onBlur = (e: FocusEvent) => {
    if (!e.relatedTarget?.closest("[data-event]")) setPreview(null);
  };

  const onClick = (e: MouseEvent) => {
    const target = e.target as Element;
    const button = target.closest("[data-select-event]");
    if (button) {
      const event = button.getAttribute("data-select-event")!;
      selected.current = selected.current === event ? null : event;
      render();
      if (selected.current) scrollIntoView(firstMarkOf(root.current!, event));
      return;
    }
    const event = eventsAt(target)[0];
    if (event) {
      selected.current = event;
      preview.current = null;
      render();
      const item = eventItem(root.current!, event);
      if (item) revealInPanel(item);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && selected.current) {
      selected.current = null;
      render();
    }
  };

  return (
    <div
      ref={root}
      className={className}
      onMouseOver={onMouseOver}
      onMouseLeave={() => setPreview(null)}
      onFocus={onFocus}
      onBlur={onBlur}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      {children}
    </div>
  );
}

function eventItem(root: Element, event: string): Element | null {
  return root.querySelector(`[data-event="${CSS.escape(event)}"]`);
}

/** The events of every mark under the pointer, innermost mark first. */
function eventsAt(target: Element): string[] {
  const events = new Set<string>();
  for (let mark = target.closest("[data-span]"); mark; mark = mark.parentElement?.closest("[data-span]") ?? null) {
    for (const event of mark.getAttribute("data-events")?.split(" ") ?? []) if (event) events.add(event);
  }
  return [...events];
}

/** Where an event begins in the text: its nugget, else its first span. */
function firstMarkOf(root: Element, event: string): Element | null {
  const events = `[data-events~="${CSS.escape(event)}"][data-start]`;
  return root.querySelector(`[data-kind="nugget"]${events}`) ?? root.querySelector(events);
}

function scrollIntoView(element: Element | null) {
  const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  element?.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
}

/** Scrolls the event panel, and only it, just enough to show `item`. */
function revealInPanel(item: Element) {
  const panel = item.closest("[data-event-panel]");
  if (!panel) return;
  const itemBox = item.getBoundingClientRect();
  const panelBox = panel.getBoundingClientRect();
  if (itemBox.top < panelBox.top) panel.scrollTop -= panelBox.top - itemBox.top;
  else if (itemBox.bottom > panelBox.bottom) panel.scrollTop += Math.min(itemBox.bottom - panelBox.bottom, itemBox.top - panelBox.top);
}
