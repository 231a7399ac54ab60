"use client";

// Hover and selection for the server-rendered document view, by event
// delegation on its root: the view is no child of this component, so its text
// and events travel once in the page and are never re-rendered or hydrated. It
// toggles `data-lit` on the marks and event items concerned and
// `data-lighting` on the root, and the CSS does the rest.
//   event item  (data-event, data-spans)  → its spans in the text
//   text mark   (data-span, data-events)  → its events in the panel
// Hovering or focusing previews; clicking (or Enter on a focused event) selects
// and scrolls the other side into view; Escape clears the selection. Others
// on the page (the live set's presence and comments) hear of the selection and
// may ask for one through DOM events (document-selection.ts).

import { useEffect } from "react";
import { announceSelection, SELECT_EVENT, type SelectEventRequest } from "./document-selection";
import { titleMarkAt } from "./mark-titles";

/** Renders nothing: attaches the view's listeners to its root, the element with `data-document-view` (DocumentView.tsx), once hydrated. */
export function DocumentInteractions() {
  useEffect(() => {
    const element = document.querySelector<HTMLElement>("[data-document-view]");
    return element ? attachInteractions(element) : undefined;
  }, []);
  return null;
}

/** The listeners on `root`; returns what removes them. */
function attachInteractions(root: HTMLElement): () => void {
  let preview: string[] | null = null;
  let selected: string | null = null;

  const render = () => {
    const events = preview ?? (selected ? [selected] : []);
    for (const lit of root.querySelectorAll("[data-lit]")) lit.removeAttribute("data-lit");
    for (const button of root.querySelectorAll("[data-select-event]")) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-select-event") === selected));
    }
    root.toggleAttribute("data-lighting", events.length > 0);
    for (const event of events) {
      const item = eventItem(root, event);
      item?.setAttribute("data-lit", "");
      for (const span of item?.getAttribute("data-spans")?.split(" ") ?? []) {
        for (const mark of root.querySelectorAll(`[data-span="${CSS.escape(span)}"]`)) mark.setAttribute("data-lit", "");
      }
    }
  };

  /** Shows `events` instead of the selection (null: back to the selection); false when nothing changed. */
  const setPreview = (events: string[] | null): boolean => {
    if (preview?.join(" ") === events?.join(" ")) return false;
    preview = events;
    render();
    return true;
  };

  const onMouseOver = (e: MouseEvent) => {
    const target = e.target as Element;
    titleMarkAt(root, target);
    const item = target.closest("[data-event]");
    if (item) {
      setPreview([item.getAttribute("data-event")!]);
      return;
    }
    const events = eventsAt(target);
    if (setPreview(events.length ? events : null) && events.length) {
      const first = eventItem(root, events[0]);
      if (first) revealInPanel(first);
    }
  };

  const onMouseLeave = () => setPreview(null);

  const onFocusIn = (e: FocusEvent) => {
    const item = (e.target as Element).closest("[data-event]");
    if (item) setPreview([item.getAttribute("data-event")!]);
  };

  const onFocusOut = (e: FocusEvent) => {
    if (!(e.relatedTarget as Element | null)?.closest("[data-event]")) setPreview(null);
  };

  const select = (event: string | null) => {
    if (event === selected) return;
    selected = event;
    render();
    announceSelection(root, selected);
  };

  const onClick = (e: MouseEvent) => {
    const target = e.target as Element;
    const button = target.closest("[data-select-event]");
    if (button) {
      const event = button.getAttribute("data-select-event")!;
      select(selected === event ? null : event);
      if (selected) scrollIntoView(firstMarkOf(root, event));
      return;
    }
    const event = eventsAt(target)[0];
    if (event) {
      preview = null;
      select(event);
      render();
      const item = eventItem(root, event);
      if (item) revealInPanel(item);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && selected) select(null);
  };

  const onSelectRequest = (e: Event) => {
    const { event } = (e as CustomEvent<SelectEventRequest>).detail;
    select(event);
    scrollIntoView(firstMarkOf(root, event));
    const item = eventItem(root, event);
    if (item) revealInPanel(item);
  };

  // The view is rendered again when the set changes (a live refresh): its new marks are lit as the old ones were.
  const observer = new MutationObserver(render);
  observer.observe(root, { childList: true, subtree: true });

  root.addEventListener("mouseover", onMouseOver);
  root.addEventListener("mouseleave", onMouseLeave);
  root.addEventListener("focusin", onFocusIn);
  root.addEventListener("focusout", onFocusOut);
  root.addEventListener("click", onClick);
  root.addEventListener("keydown", onKeyDown);
  root.addEventListener(SELECT_EVENT, onSelectRequest);
  return () => {
    observer.disconnect();
    root.removeEventListener(SELECT_EVENT, onSelectRequest);
    root.removeEventListener("mouseover", onMouseOver);
    root.removeEventListener("mouseleave", onMouseLeave);
    root.removeEventListener("focusin", onFocusIn);
    root.removeEventListener("focusout", onFocusOut);
    root.removeEventListener("click", onClick);
    root.removeEventListener("keydown", onKeyDown);
  };
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
