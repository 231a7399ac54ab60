// The document page's selected event, between its interactions (which own it)
// and the live set's presence and comments, as DOM events on the view's root.

/** Dispatched by the view when its selected event changes. */
export const EVENT_SELECTED = "hopper:event-selected";
/** Dispatched to the view to select an event. */
export const SELECT_EVENT = "hopper:select-event";

export interface EventSelected {
  event: string | null;
}

export interface SelectEventRequest {
  event: string;
}

export function announceSelection(root: HTMLElement, event: string | null): void {
  root.dispatchEvent(new CustomEvent<EventSelected>(EVENT_SELECTED, { detail: { event } }));
}

export function requestSelection(root: HTMLElement, event: string): void {
  root.dispatchEvent(new CustomEvent<SelectEventRequest>(SELECT_EVENT, { detail: { event } }));
}
