// Every editor command as an action (Excalidraw's registry): a name, a label,
// a shortcut and what it does. The keyboard handler, the toolbar and the `?`
// overlay are all generated from this list, so no shortcut goes undocumented.

import { findEvent, findHopperPosition } from "@/lib/annotation/document-lookup";
import type { EditorSnapshot } from "./editor-state";
import { rangeOf, type EditorStore } from "./editor-store";
import { anyOf, shortcut, type Shortcut } from "./shortcuts";

export interface ActionContext {
  editor: EditorStore;
  state: EditorSnapshot;
  /** Moves keyboard focus to the text (the one action that needs the page). */
  focusText: () => void;
}

export type ActionGroup = "Text" | "Events and arguments" | "Hoppers" | "History" | "View";

export interface EditorAction {
  name: string;
  /** What the action does, as the shortcut overlay and tooltips say it. */
  label: string;
  /** A button's text in the toolbar, for the actions it shows. */
  short?: string;
  group: ActionGroup;
  shortcut: Shortcut;
  /** "text": only while the text has keyboard focus (the arrow keys move the caret there, and scroll elsewhere). */
  scope?: "text";
  /** Why the action cannot run now, as its key's refusal says it (the toolbar disables it); null when it can. */
  unavailable?(context: ActionContext): string | null;
  /** A setting's current value, shown beside the action in the toolbar and the shortcut overlay ("on"). */
  status?(context: ActionContext): string;
  perform(context: ActionContext): void;
}

const SAME_RELATION = "Same";

/** The selected text as a span range (snapped when snapping is on). */
const range = ({ state }: ActionContext) => rangeOf(state.document.content, state.selection.text, state.snapping);
const selectedEvent = ({ state }: ActionContext) => (state.selection.event ? findEvent(state.document, state.selection.event) : undefined);
/** The hopper picked in the panel, else the selected event's. */
const selectedHopper = (context: ActionContext) => {
  const { state } = context;
  const index = state.selection.hopper ?? selectedEvent(context)?.hopper.index;
  return index === undefined ? undefined : state.document.hoppers[findHopperPosition(state.document, index)];
};
/** Why there is no span to make: nothing selected, or nothing but white space and punctuation. */
const noRange = (context: ActionContext, what: string) => {
  const text = context.state.selection.text;
  return text && text.anchor !== text.focus ? `The selection holds no word to ${what}` : `Select some text first to ${what}`;
};
const NO_EVENT = "Select an event first: click its nugget, or press J";
const NO_HOPPER = "Select a hopper or an event first";

/** What "add argument" would add: the selected text, else a clicked span the event does not use yet. */
export const argumentTarget = (context: ActionContext) => {
  const selected = range(context);
  if (selected) return selected;
  const { span } = context.state.selection;
  const event = selectedEvent(context)?.event;
  if (!span || !event || event.nugget.index === span || event.arguments.some((argument) => argument.index === span)) return null;
  return { reuseSpanIndex: span };
};

function caretAction(name: string, label: string, spec: string, unit: "char" | "word", direction: -1 | 1, extend: boolean): EditorAction {
  return { name, label, group: "Text", scope: "text", shortcut: shortcut(spec), perform: ({ editor }) => editor.moveCaret(unit, direction, extend) };
}

function edgeAction(name: string, label: string, spec: string, edge: "start" | "end", direction: "backward" | "forward"): EditorAction {
  return {
    name,
    label,
    group: "Events and arguments",
    shortcut: shortcut(spec),
    unavailable: ({ state }) => (state.selection.span === null ? "Select a span first: click a nugget or an argument" : null),
    perform: ({ editor, state }) => editor.moveSpanEdge(state.selection.span!, edge, direction),
  };
}

export const ACTIONS: readonly EditorAction[] = [
  caretAction("caret-left", "Move the caret one character left", "ArrowLeft", "char", -1, false),
  caretAction("caret-right", "Move the caret one character right", "ArrowRight", "char", 1, false),
  caretAction("caret-word-left", "Move the caret to the previous word start", "Ctrl+ArrowLeft", "word", -1, false),
  caretAction("caret-word-right", "Move the caret to the next word end", "Ctrl+ArrowRight", "word", 1, false),
  caretAction("select-left", "Extend the selection one character left", "Shift+ArrowLeft", "char", -1, true),
  caretAction("select-right", "Extend the selection one character right", "Shift+ArrowRight", "char", 1, true),
  caretAction("select-word-left", "Extend the selection one word left", "Ctrl+Shift+ArrowLeft", "word", -1, true),
  caretAction("select-word-right", "Extend the selection one word right", "Ctrl+Shift+ArrowRight", "word", 1, true),
  {
    name: "find",
    label: "Find text and select it",
    short: "Find",
    group: "Text",
    shortcut: shortcut("/"),
    perform: ({ editor }) => editor.openPopup({ kind: "find" }),
  },
  {
    name: "find-next",
    label: "Find the last text again: its next occurrence after the caret",
    group: "Text",
    shortcut: shortcut("F3"),
    perform: ({ editor }) => editor.findAgain(false),
  },
  {
    name: "find-previous",
    label: "Find the last text again: its previous occurrence",
    group: "Text",
    shortcut: shortcut("Shift+F3"),
    perform: ({ editor }) => editor.findAgain(true),
  },
  {
    name: "focus-text",
    label: "Go to the text (keyboard focus)",
    group: "Text",
    shortcut: shortcut("G"),
    perform: ({ focusText }) => focusText(),
  },
  {
    name: "create-event",
    label: "New event from the selected text, in a new hopper",
    short: "New event",
    group: "Events and arguments",
    shortcut: shortcut("N"),
    unavailable: (context) => (range(context) ? null : noRange(context, "make an event of")),
    perform: (context) => context.editor.openPopup({ kind: "createEvent", range: range(context)!, hopper: "new" }),
  },
  {
    name: "create-event-in-hopper",
    label: "New event from the selected text, in the selected event's hopper",
    group: "Events and arguments",
    shortcut: shortcut("Shift+N"),
    unavailable: (context) => (!selectedEvent(context) ? NO_EVENT : range(context) ? null : noRange(context, "make an event of")),
    perform: (context) => context.editor.openPopup({ kind: "createEvent", range: range(context)!, hopper: selectedEvent(context)!.hopper.index }),
  },
  {
    name: "add-argument",
    label: "Add the selected text (or the clicked span) as an argument of the selected event",
    short: "Add argument",
    group: "Events and arguments",
    shortcut: shortcut("A"),
    unavailable: (context) =>
      !selectedEvent(context)
        ? `${NO_EVENT}, then the text of its argument`
        : argumentTarget(context)
          ? null
          : `${noRange(context, "add as an argument")} (or click a span)`,
    perform: (context) =>
      context.editor.openPopup({ kind: "addArgument", eventIndex: context.state.selection.event!, target: argumentTarget(context)! }),
  },
  {
    name: "change-type",
    label: "Change the selected event's type",
    group: "Events and arguments",
    shortcut: shortcut("T"),
    unavailable: (context) => (selectedEvent(context) ? null : NO_EVENT),
    perform: ({ editor, state }) => editor.openPopup({ kind: "changeEventType", eventIndex: state.selection.event! }),
  },
  {
    name: "change-realis",
    label: "Change the selected event's realis",
    group: "Events and arguments",
    shortcut: shortcut("R"),
    unavailable: (context) => (selectedEvent(context) ? null : NO_EVENT),
    perform: ({ editor, state }) => editor.openPopup({ kind: "changeRealis", eventIndex: state.selection.event! }),
  },
  {
    name: "edit-link",
    label: "Link the selected argument to its entity (Wikidata id, DBpedia URI)",
    group: "Events and arguments",
    shortcut: shortcut("E"),
    unavailable: (context) => {
      const found = selectedEvent(context);
      if (!found) return NO_EVENT;
      return context.state.selection.argument === null
        ? `Select one of ${found.event.index}'s arguments first: click it in the panel, or its span in the text`
        : null;
    },
    perform: ({ editor, state }) =>
      editor.openPopup({ kind: "externalReference", eventIndex: state.selection.event!, position: state.selection.argument! }),
  },
  {
    name: "resize-span",
    label: "Give the selected span the bounds of the selected text",
    group: "Events and arguments",
    shortcut: shortcut("B"),
    unavailable: (context) =>
      context.state.selection.span === null
        ? "Select a span first: click a nugget or an argument"
        : range(context)
          ? null
          : noRange(context, "give the span"),
    perform: (context) => context.editor.resizeSpan(context.state.selection.span!, range(context)!),
  },
  edgeAction("extend-start", "Move the selected span's start left (a word; a character with snapping off)", "[", "start", "backward"),
  edgeAction("shrink-start", "Move the selected span's start right", "{", "start", "forward"),
  edgeAction("extend-end", "Move the selected span's end right (a word; a character with snapping off)", "]", "end", "forward"),
  edgeAction("shrink-end", "Move the selected span's end left", "}", "end", "backward"),
  {
    name: "delete",
    label: "Delete the selected argument, else the selected event (asks about its arguments), else the selected empty hopper",
    short: "Delete",
    group: "Events and arguments",
    shortcut: anyOf(shortcut("Delete"), shortcut("Backspace")),
    unavailable: (context) =>
      selectedEvent(context) || selectedHopper(context)?.events.length === 0 ? null : "Select an argument, an event or an empty hopper first",
    perform: (context) => {
      const { editor, state } = context;
      const event = selectedEvent(context)?.event;
      if (event && state.selection.argument !== null) editor.removeArgument(event.index, state.selection.argument);
      else if (event && event.arguments.length === 0) editor.deleteEvent(event.index, null);
      else if (event) editor.openPopup({ kind: "deleteEvent", eventIndex: event.index });
      else editor.deleteEmptyHopper(selectedHopper(context)!.index);
    },
  },
  {
    name: "next-event",
    label: "Select the next event in the text",
    group: "Events and arguments",
    shortcut: shortcut("J"),
    perform: ({ editor }) => editor.stepEvent(1),
  },
  {
    name: "previous-event",
    label: "Select the previous event in the text",
    group: "Events and arguments",
    shortcut: shortcut("K"),
    perform: ({ editor }) => editor.stepEvent(-1),
  },
  {
    name: "clear-selection",
    label: "Clear the selection (or close a popup)",
    group: "Events and arguments",
    shortcut: shortcut("Escape"),
    perform: ({ editor }) => editor.clearSelection(),
  },
  {
    name: "new-hopper",
    label: "New empty hopper",
    short: "New hopper",
    group: "Hoppers",
    shortcut: shortcut("H"),
    perform: ({ editor }) => editor.createHopper(),
  },
  {
    name: "move-event",
    label: "Move the selected event to another hopper",
    short: "Move event",
    group: "Hoppers",
    shortcut: shortcut("M"),
    unavailable: (context) => (selectedEvent(context) ? null : NO_EVENT),
    perform: ({ editor, state }) => editor.openPopup({ kind: "moveEvent", eventIndex: state.selection.event! }),
  },
  {
    name: "split-event",
    label: "Split the selected event into a hopper of its own",
    short: "Split event",
    group: "Hoppers",
    shortcut: shortcut("S"),
    unavailable: (context) => {
      const found = selectedEvent(context);
      if (!found) return NO_EVENT;
      return found.hopper.events.length > 1 ? null : `${found.event.index} is alone in its hopper already`;
    },
    perform: ({ editor, state }) => editor.splitEvent(state.selection.event!),
  },
  {
    name: "merge-hopper",
    label: "Merge the selected hopper (or the selected event's) into another",
    short: "Merge hopper",
    group: "Hoppers",
    shortcut: shortcut("Shift+M"),
    unavailable: (context) => {
      const hopper = selectedHopper(context);
      if (!hopper) return NO_HOPPER;
      return context.state.document.hoppers.length > 1 ? null : `There is no other hopper to merge hopper ${hopper.index} into`;
    },
    perform: (context) => context.editor.openPopup({ kind: "mergeHopper", hopperIndex: selectedHopper(context)!.index }),
  },
  {
    name: "toggle-relation",
    label: `Set or clear the hopper's relation “${SAME_RELATION}”`,
    group: "Hoppers",
    shortcut: shortcut("L"),
    unavailable: (context) => (selectedHopper(context) ? null : NO_HOPPER),
    perform: (context) => {
      const hopper = selectedHopper(context)!;
      context.editor.setHopperRelation(hopper.index, hopper.relation === undefined ? SAME_RELATION : null);
    },
  },
  {
    name: "undo",
    label: "Undo",
    short: "Undo",
    group: "History",
    shortcut: shortcut("Ctrl+Z"),
    unavailable: ({ state }) => (state.history.undo.length > 0 ? null : "Nothing to undo"),
    perform: ({ editor }) => editor.undo(),
  },
  {
    name: "redo",
    label: "Redo",
    short: "Redo",
    group: "History",
    shortcut: anyOf(shortcut("Ctrl+Shift+Z"), shortcut("Ctrl+Y")),
    unavailable: ({ state }) => (state.history.redo.length > 0 ? null : "Nothing to redo"),
    perform: ({ editor }) => editor.redo(),
  },
  {
    name: "toggle-snapping",
    label: "Snap selections to whole words (on or off)",
    group: "View",
    shortcut: shortcut("W"),
    status: ({ state }) => (state.snapping ? "on" : "off"),
    perform: ({ editor }) => editor.toggleSnapping(),
  },
  {
    name: "open-next",
    label: "Open the next document of your queue (the first assigned one not yet submitted)",
    group: "View",
    shortcut: shortcut("Shift+O"),
    perform: ({ state }) => window.location.assign(`/queue/next?afterSet=${encodeURIComponent(state.setId)}`),
  },
  {
    name: "help",
    label: "Show the keyboard shortcuts",
    short: "Shortcuts",
    group: "View",
    shortcut: shortcut("?"),
    perform: ({ editor }) => editor.openPopup({ kind: "help" }),
  },
];

export function findAction(name: string): EditorAction {
  const action = ACTIONS.find((candidate) => candidate.name === name);
  if (!action) throw new Error(`no editor action ${name}`);
  return action;
}

export function isEnabled(action: EditorAction, context: ActionContext): boolean {
  return !action.unavailable?.(context);
}
