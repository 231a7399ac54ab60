// The editor engine (tldraw's Editor, without UI): the set's copy (collab.ts:
// confirmed state, version, pending operations, local document), the
// selection and the history, and every command. Components render its
// snapshots and call its methods; nothing here touches the DOM, so the whole
// editor can be driven from a test.
//
// Every edit is an operation: applied locally at once (optimistic), recorded
// for undo, and queued for the server; the sync client sends it, and whatever
// the server says comes back through `received`.

import { newClientId } from "./client-id";
import { addLocalOperation, startCollab, type Reception } from "@/lib/annotation/collab";
import type { SetNumbering } from "@/lib/annotation/index-allocation";
import { applyOperation, describeOperation, invertOperation, OperationConflictError, operationSubject } from "@/lib/annotation/operation-kinds";
import { findEvent, findHopperPosition, findSpan } from "@/lib/annotation/document-lookup";
import {
  addArgumentOperation,
  adjustSpanOperation,
  createHopperOperation,
  createNuggetOperation,
  deleteEventOperation,
  InvalidCommandError,
  mergeHoppersOperation,
  moveEventOperation,
  moveSpanEdgeOperation,
  removeArgumentOperation,
  setArgumentAttributesOperation,
  setEventAttributesOperation,
  setHopperRelationOperation,
  splitEventOperation,
  type ArgumentChanges,
  type ArgumentTarget,
  type EdgeDirection,
  type SpanEdge,
} from "@/lib/annotation/editor-commands";
import {
  emptyHistory,
  joinHistories,
  recordStep,
  redoStep,
  serializeHistory,
  undoStep,
  type History,
  type HistoryMove,
} from "@/lib/annotation/history";
import type { AnnotationOperation, EventAttributes } from "@/lib/annotation/operation-types";
import { applyRebased } from "@/lib/annotation/rebase";
import { SyncClient, type SyncEnvironment, type SyncTransport } from "@/lib/annotation/sync-client";
import { findOccurrences, nearestOccurrence, occurrencePlace } from "@/lib/annotation/text-search";
import { nextWordBoundary, previousWordBoundary, snapToWordBoundaries, type TextRange } from "@/lib/annotation/word-snapping";
import type { Tagset } from "@/lib/casie/tagset";
import type { CasieDocument } from "@/lib/casie/types";
import {
  historyAfterRebase,
  NO_SELECTION,
  selectionIn,
  type EditorSelection,
  type EditorSnapshot,
  type Feedback,
  type Notice,
  type Popup,
  type TextSelection,
} from "./editor-state";

export interface EditorInit {
  setId: string;
  version: number;
  document: CasieDocument;
  numbering: SetNumbering;
  tagset: Tagset;
}

/** Where the editor's sync client talks to the server, and the window it lives in. */
export interface EditorConnection {
  transport: SyncTransport;
  environment: SyncEnvironment;
  /**
   * Calls back once the screen shows what was just rendered. An edit is sent then: its request, and its answer when
   * quick, would otherwise run before the frame that shows the edit. Without it (tests), at once.
   */
  afterPaint?: (callback: () => void) => void;
}

const INFO_NOTICE_MS = 8000;
const FEEDBACK_MS = 4000;

export class EditorStore {
  private state: EditorSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly sync: SyncClient;
  private readonly environment: SyncEnvironment;
  private readonly afterPaint: (callback: () => void) => void;
  private readonly initialState: EditorSnapshot;
  private nextNoticeId = 1;
  private nextFeedbackId = 1;

  /** `clientId`: this window's, random, naming its operations on the server. */
  constructor(init: EditorInit, connection: EditorConnection, clientId: string = newClientId()) {
    this.state = {
      ...startCollab(clientId, init),
      setId: init.setId,
      tagset: init.tagset,
      history: emptyHistory(),
      selection: NO_SELECTION,
      snapping: true,
      popup: null,
      save: { state: "saved" },
      notices: [],
      feedback: null,
      lastFind: "",
      announcement: "",
    };
    this.initialState = this.state;
    this.environment = connection.environment;
    this.afterPaint = connection.afterPaint ?? ((callback) => callback());
    this.sync = new SyncClient(
      {
        collab: () => this.state,
        received: (reception) => this.received(reception),
        statusChanged: (save) => this.update({ save }),
      },
      connection.transport,
      connection.environment,
    );
  }

  // --- subscription (useSyncExternalStore) ---------------------------------

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): EditorSnapshot => this.state;

  /** What the server rendered: parts hydrated after the editor is ready (EditorApp.tsx) are hydrated from it, then brought up to date. */
  readonly getInitialSnapshot = (): EditorSnapshot => this.initialState;

  private update(changes: Partial<EditorSnapshot>): void {
    const previous = this.state;
    this.state = { ...previous, ...changes };
    if (changes.history && changes.history !== previous.history) this.storeHistory();
    for (const listener of this.listeners) listener();
  }

  // --- lifecycle -----------------------------------------------------------

  /** Brings back this session's undo history and starts saving and catching up; returns the stop function. */
  start(): () => void {
    const saved = sessionStorage.getItem(this.historyKey());
    if (saved) void this.restoreHistory(saved);
    this.update({ snapping: localStorage.getItem("hopper-editor-snapping") !== "off" });
    return this.sync.start();
  }

  /** The steps of this session before a reload come back behind any taken since. */
  private async restoreHistory(saved: string): Promise<void> {
    // Checking the stored operations takes the operation schema: loaded now, not with the editor.
    const { parseHistory } = await import("@/lib/annotation/parse-history");
    const restored = parseHistory(saved);
    if (restored) this.update({ history: joinHistories(restored, this.state.history) });
  }

  /** Whether some edits have not reached the server (leaving the page would lose them). */
  hasUnsavedEdits(): boolean {
    return this.sync.hasUnsaved();
  }

  private historyKey(): string {
    return `hopper-history:${this.state.setId}`;
  }

  private storeHistory(): void {
    try {
      sessionStorage.setItem(this.historyKey(), serializeHistory(this.state.history));
    } catch {
      // Storage full or unavailable: undo still works until the page is left.
    }
  }

  // --- edits ---------------------------------------------------------------

  /**
   * Builds an operation from the current document, applies it, records it for
   * undo and queues it for saving. `select` says what to select afterwards.
   * False when there was nothing to do or the command was refused (a notice says why).
   */
  run(
    build: (document: CasieDocument) => AnnotationOperation | null,
    select?: (operation: AnnotationOperation) => Partial<EditorSelection>,
  ): boolean {
    let operation: AnnotationOperation | null;
    let document: CasieDocument;
    try {
      operation = build(this.state.document);
      if (!operation) return false;
      document = applyOperation(this.state.document, operation);
    } catch (error) {
      if (!(error instanceof InvalidCommandError || error instanceof OperationConflictError)) throw error;
      this.notify("warning", "That cannot be done", [sentence(error.message)]);
      return false;
    }
    this.commit(document, operation, recordStep(this.state.history, operation), select?.(operation) ?? {}, describeOperation(operation));
    return true;
  }

  undo(): void {
    const move = undoStep(this.state.history);
    if (move) this.replay(move, "undo");
  }

  redo(): void {
    const move = redoStep(this.state.history);
    if (move) this.replay(move, "redo");
  }

  /** Applies an undo or redo step to the document as it is now (others may have changed it since). */
  private replay(move: HistoryMove, direction: "undo" | "redo"): void {
    const { undo, redo } = move.history;
    try {
      const result = applyRebased(this.state.document, move.operation, this.state.numbering);
      let history = move.history;
      if (result.operation !== move.operation) {
        // The step keeps the operation as applied, so the next undo or redo undoes exactly that.
        const applied = result.operation;
        history =
          direction === "undo"
            ? { undo, redo: [...redo.slice(0, -1), { ...redo.at(-1)!, inverse: applied, operation: invertOperation(applied) }] }
            : { undo: [...undo.slice(0, -1), { ...undo.at(-1)!, operation: applied, inverse: invertOperation(applied) }], redo };
      }
      const verb = direction === "undo" ? "Undid" : "Redid";
      this.commit(result.document, result.operation, history, selectionFor(result.operation), `${verb}: ${move.label}`);
    } catch (error) {
      if (!(error instanceof OperationConflictError)) throw error;
      // The step no longer fits: forget it, so the steps before it stay reachable.
      const history = direction === "undo" ? { undo, redo: redo.slice(0, -1) } : { undo: undo.slice(0, -1), redo };
      this.update({ history });
      this.notify("warning", `Cannot ${direction} “${move.label}”`, [sentence(error.message), "The step was taken off the history."]);
    }
  }

  private commit(
    document: CasieDocument,
    operation: AnnotationOperation,
    history: History,
    select: Partial<EditorSelection>,
    announcement: string,
  ): void {
    const popup = this.state.popup;
    this.update({
      ...addLocalOperation(this.state, operation, document),
      history,
      selection: selectionIn(document, { ...this.state.selection, ...select }),
      popup: popup && popupFits(document, popup) ? popup : null,
      announcement,
    });
    this.afterPaint(() => this.sync.queued());
  }

  // --- annotation commands -------------------------------------------------

  createEvent(range: TextRange, hopper: "new" | number, type: string, subtype: string, realis: string): void {
    this.run(
      (document) => createNuggetOperation(document, { start: range.start, end: range.end, type, subtype, realis, hopper }, this.state.numbering),
      (operation) => (operation.kind === "createEvent" ? eventSelection(operation.event.index, operation.event.nugget.index) : {}),
    );
    this.closePopup();
  }

  addArgument(eventIndex: string, target: ArgumentTarget, role: string, entityType: string): void {
    this.run(
      (document) => addArgumentOperation(document, eventIndex, target, role, entityType, this.state.tagset, this.state.numbering),
      (operation) =>
        operation.kind === "addArgument"
          ? { event: eventIndex, argument: operation.position, span: operation.argument.index, text: null, hopper: null }
          : {},
    );
    this.closePopup();
  }

  setEventAttributes(eventIndex: string, changes: EventAttributes): void {
    this.run((document) => setEventAttributesOperation(document, eventIndex, changes));
    this.closePopup();
  }

  setArgumentAttributes(eventIndex: string, position: number, changes: ArgumentChanges): void {
    this.run((document) => setArgumentAttributesOperation(document, eventIndex, position, changes));
  }

  removeArgument(eventIndex: string, position: number): void {
    this.run(
      (document) => removeArgumentOperation(document, eventIndex, position),
      () => ({ argument: null }),
    );
  }

  deleteEvent(eventIndex: string, moveArgumentsTo: string | null): void {
    const options = moveArgumentsTo ? { arguments: "moveTo" as const, targetEventIndex: moveArgumentsTo } : { arguments: "delete" as const };
    this.run(
      (document) => deleteEventOperation(document, eventIndex, options),
      () => (moveArgumentsTo ? { event: moveArgumentsTo } : {}),
    );
    this.closePopup();
  }

  /** The selected span takes the bounds of the text selection ("re-select"). */
  resizeSpan(spanIndex: string, range: TextRange): void {
    this.run(
      (document) => adjustSpanOperation(document, spanIndex, range),
      () => ({ text: null }),
    );
  }

  /** Moves one edge of a span by a word (snapping on) or a character. */
  moveSpanEdge(spanIndex: string, edge: SpanEdge, direction: EdgeDirection): void {
    const by = this.state.snapping ? "word" : "char";
    if (!this.run((document) => moveSpanEdgeOperation(document, spanIndex, edge, by, direction))) {
      this.refuse(`${spanIndex}'s ${edge} cannot move further that way`);
    }
  }

  moveEvent(eventIndex: string, toHopper: number | "new"): void {
    if (toHopper === "new")
      this.run(
        (document) => splitOrMoveToNewHopper(document, eventIndex, this.state.numbering),
        () => ({ event: eventIndex }),
      );
    else
      this.run(
        (document) => moveEventOperation(document, eventIndex, toHopper),
        () => ({ event: eventIndex }),
      );
    this.closePopup();
  }

  /** A selected event stays selected (it moved with its hopper), so the commands on it keep working; else the merged hopper is. */
  mergeHoppers(intoHopper: number, fromHopper: number): void {
    this.run(
      (document) => mergeHoppersOperation(document, intoHopper, fromHopper),
      () => (this.state.selection.event ? { hopper: null } : { hopper: intoHopper, event: null }),
    );
    this.closePopup();
  }

  splitEvent(eventIndex: string): void {
    if (!this.run((document) => splitEventOperation(document, eventIndex, this.state.numbering)))
      this.refuse(`${eventIndex} is alone in its hopper already`);
  }

  createHopper(): void {
    this.run(
      (document) => createHopperOperation(document, { numbering: this.state.numbering }),
      (operation) => (operation.kind === "createHopper" ? { hopper: operation.index, event: null } : {}),
    );
  }

  /** Only an empty hopper goes: a hopper with events is merged instead, so no event is deleted by accident. */
  deleteEmptyHopper(hopperIndex: number): void {
    this.run(
      (document) => {
        const position = findHopperPosition(document, hopperIndex);
        const hopper = document.hoppers[position];
        if (!hopper) throw new InvalidCommandError(`there is no hopper ${hopperIndex}`);
        if (hopper.events.length)
          throw new InvalidCommandError(`hopper ${hopperIndex} still holds events: move them out or merge it into another hopper`);
        const operation: AnnotationOperation = { kind: "deleteHopper", index: hopperIndex, position };
        if (hopper.relation !== undefined) operation.relation = hopper.relation;
        if (hopper.layout !== undefined) operation.layout = hopper.layout;
        return operation;
      },
      () => ({ hopper: null }),
    );
  }

  setHopperRelation(hopperIndex: number, relation: string | null): void {
    this.run((document) => setHopperRelationOperation(document, hopperIndex, relation));
  }

  /** A repair the checks offer, built on the document the checks read. */
  repair(operation: AnnotationOperation): void {
    this.run(
      () => operation,
      () => selectionFor(operation),
    );
  }

  // --- selection -----------------------------------------------------------

  setTextSelection(text: TextSelection | null): void {
    const current = this.state.selection.text;
    if (current === text || (current && text && current.anchor === text.anchor && current.focus === text.focus)) return;
    this.update({ selection: { ...this.state.selection, text } });
  }

  /** What a new span would cover: the text selection, snapped to words when snapping is on; null when nothing is selected. */
  selectedRange(): TextRange | null {
    const { selection, document, snapping } = this.state;
    return rangeOf(document.content, selection.text, snapping);
  }

  /** Snaps the text selection to whole words (after a mouse selection), keeping its direction. */
  snapTextSelection(): void {
    const text = this.state.selection.text;
    const range = this.selectedRange();
    if (!text || !range || !this.state.snapping) return;
    this.setTextSelection(text.anchor <= text.focus ? { anchor: range.start, focus: range.end } : { anchor: range.end, focus: range.start });
  }

  /** Arrow keys in the text: the caret moves by a character or a word; with `extend` the selection grows or shrinks. */
  moveCaret(unit: "char" | "word", direction: -1 | 1, extend: boolean): void {
    const { content } = this.state.document;
    const text = this.state.selection.text ?? { anchor: this.caretHome(), focus: this.caretHome() };
    const collapsedMove = !extend && unit === "char" && text.anchor !== text.focus;
    let focus: number;
    if (collapsedMove) focus = direction < 0 ? Math.min(text.anchor, text.focus) : Math.max(text.anchor, text.focus);
    else if (unit === "char") focus = Math.max(0, Math.min(content.length, text.focus + direction));
    else focus = direction > 0 ? nextWordBoundary(content, text.focus) : previousWordBoundary(content, text.focus);
    this.setTextSelection({ anchor: extend ? text.anchor : focus, focus });
  }

  /** The text selection as a range, else the caret where it would start: where find looks from. */
  caretRange(): TextRange {
    const text = this.state.selection.text;
    if (text) return { start: Math.min(text.anchor, text.focus), end: Math.max(text.anchor, text.focus) };
    const home = this.caretHome();
    return { start: home, end: home };
  }

  /** Where the caret starts when there is none: at the selected event's nugget, else at the top. */
  private caretHome(): number {
    const { selection, document } = this.state;
    const span = selection.span ? findSpan(document, selection.span) : undefined;
    return span?.startOffset ?? 0;
  }

  /** A click on a highlighted span: a nugget selects its event; an argument selects its event unless one is being edited (so it can be re-used). */
  clickSpan(spanIndex: string, kind: "nugget" | "argument", eventIndices: string[]): void {
    const { selection, document } = this.state;
    if (kind === "nugget") {
      this.update({ selection: { ...eventSelection(eventIndices[0], spanIndex), text: selection.text } });
      return;
    }
    const current = selection.event ? findEvent(document, selection.event)?.event : undefined;
    const ownPosition = current?.arguments.findIndex((argument) => argument.index === spanIndex) ?? -1;
    if (current && ownPosition === -1) {
      this.update({ selection: { ...selection, span: spanIndex, argument: null, hopper: null } });
      return;
    }
    const eventIndex = current ? current.index : eventIndices[0];
    const event = findEvent(document, eventIndex)?.event;
    const position = event?.arguments.findIndex((argument) => argument.index === spanIndex) ?? -1;
    this.update({ selection: { ...selection, event: eventIndex, span: spanIndex, argument: position === -1 ? null : position, hopper: null } });
  }

  selectEvent(eventIndex: string | null): void {
    const event = eventIndex ? findEvent(this.state.document, eventIndex)?.event : undefined;
    this.update({
      selection: event
        ? { ...eventSelection(event.index, event.nugget.index), text: this.state.selection.text }
        : { ...NO_SELECTION, text: this.state.selection.text },
    });
  }

  selectArgument(position: number | null): void {
    const { selection, document } = this.state;
    const argument = selection.event !== null && position !== null ? findEvent(document, selection.event)?.event.arguments[position] : undefined;
    this.update({ selection: { ...selection, argument: argument ? position : null, span: argument ? argument.index : selection.span } });
  }

  selectHopper(hopperIndex: number | null): void {
    this.update({ selection: { ...NO_SELECTION, text: this.state.selection.text, hopper: hopperIndex } });
  }

  /** The next (or previous) event in text order, by its nugget. */
  stepEvent(direction: 1 | -1): void {
    const events = this.state.document.hoppers
      .flatMap((hopper) => hopper.events)
      .sort((a, b) => a.nugget.startOffset - b.nugget.startOffset || a.nugget.endOffset - b.nugget.endOffset);
    if (!events.length) return;
    const at = events.findIndex((event) => event.index === this.state.selection.event);
    const next = at === -1 ? (direction > 0 ? 0 : events.length - 1) : (at + direction + events.length) % events.length;
    this.selectEvent(events[next].index);
    this.announce(`${events[next].index}: ${events[next].type} / ${events[next].subtype}, “${events[next].nugget.text}”`);
  }

  clearSelection(): void {
    this.update({ selection: NO_SELECTION });
  }

  /**
   * Selects the next occurrence of `query` after the caret (before it when
   * `backwards`), wrapping around, and says which of how many it is; false when
   * there is none. The query is kept for the next find.
   */
  find(query: string, backwards: boolean): boolean {
    const occurrences = findOccurrences(this.state.document.content, query);
    const position = nearestOccurrence(occurrences, this.caretRange(), backwards);
    if (query) this.update({ lastFind: query });
    if (position === -1) return false;
    const { start, end } = occurrences[position];
    this.setTextSelection({ anchor: start, focus: end });
    this.inform(`“${query}”: ${occurrencePlace(position, occurrences.length)}`);
    return true;
  }

  /** Find again (F3): the next or previous occurrence of the last query. */
  findAgain(backwards: boolean): void {
    const query = this.state.lastFind;
    if (!query) this.refuse("Nothing to find again yet: press / to find text");
    else if (!this.find(query, backwards)) this.refuse(`“${query}” is not in the text`);
  }

  // --- popups, preferences, notices ----------------------------------------

  openPopup(popup: Popup): void {
    this.update({ popup });
  }

  closePopup(): void {
    if (this.state.popup) this.update({ popup: null });
  }

  toggleSnapping(): void {
    const snapping = !this.state.snapping;
    localStorage.setItem("hopper-editor-snapping", snapping ? "on" : "off");
    this.update({ snapping });
    this.announce(snapping ? "Snapping to words is on" : "Snapping to words is off");
  }

  dismissNotice(id: number): void {
    this.update({ notices: this.state.notices.filter((notice) => notice.id !== id) });
  }

  private announce(announcement: string): void {
    this.update({ announcement });
  }

  /** A command that cannot run says why: briefly on screen, and to screen readers. */
  refuse(message: string): void {
    this.showFeedback("refusal", message);
  }

  private inform(message: string): void {
    this.showFeedback("info", message);
  }

  private showFeedback(tone: Feedback["tone"], message: string): void {
    const feedback = { id: this.nextFeedbackId++, tone, message };
    this.update({ feedback, announcement: message });
    this.environment.setTimeout(() => {
      if (this.state.feedback === feedback) this.update({ feedback: null });
    }, FEEDBACK_MS);
  }

  /**
   * Warnings (conflicts, refusals) stay until the annotator dismisses them;
   * routine information replaces the previous one and goes by itself.
   */
  private notify(tone: Notice["tone"], title: string, details: string[]): void {
    const notice = { id: this.nextNoticeId++, tone, title, details };
    const kept = tone === "info" ? this.state.notices.filter((other) => other.tone !== "info") : this.state.notices;
    this.update({ notices: [...kept, notice] });
    if (tone === "info") this.environment.setTimeout(() => this.dismissNotice(notice.id), INFO_NOTICE_MS);
  }

  // --- saving ---------------------------------------------------------------

  /** Sends now what is queued, after a failure. */
  retrySave(): void {
    this.sync.retry();
  }

  /** What the server said (a save's answer, a catch-up): the history follows rebased edits, and the annotator hears what was merged or dropped. */
  private received(reception: Reception): void {
    const { state } = reception;
    const popup = this.state.popup;
    this.update({
      ...state,
      history: historyAfterRebase(this.state.history, reception.replaced),
      selection: selectionIn(state.document, this.state.selection),
      popup: popup && popupFits(state.document, popup) ? popup : null,
    });
    if (reception.dropped.length) {
      const what = reception.dropped.length === 1 ? "an edit of yours was" : `${reception.dropped.length} edits of yours were`;
      const details = reception.dropped.map((dropped) => `${describeOperation(dropped.operation)}: ${sentence(dropped.reason)}`);
      const outcome = reception.remoteCount
        ? "Changes saved in another window or session came first; the document now shows them."
        : "The document now shows the saved annotations.";
      this.notify("warning", `Conflict: ${what} not saved`, [...details, outcome]);
    } else if (reception.remoteCount) {
      const changes = reception.remoteCount === 1 ? "1 change" : `${reception.remoteCount} changes`;
      this.notify("info", `Merged ${changes} saved in another window or session`, []);
    }
  }
}

/** What a new span would cover for a text selection: snapped to words when asked; null when nothing but white space is selected. */
export function rangeOf(content: string, text: TextSelection | null, snapping: boolean): TextRange | null {
  if (!text || text.anchor === text.focus) return null;
  const start = Math.min(text.anchor, text.focus);
  const end = Math.max(text.anchor, text.focus);
  if (snapping) return snapToWordBoundaries(content, start, end);
  return content.slice(start, end).trim() ? { start, end } : null;
}

function eventSelection(eventIndex: string, spanIndex: string): EditorSelection {
  return { text: null, event: eventIndex, span: spanIndex, argument: null, hopper: null };
}

/** What to select after an undo or redo: the event, span or hopper it changed. */
function selectionFor(operation: AnnotationOperation): Partial<EditorSelection> {
  const subject = operationSubject(operation);
  if (subject.event !== undefined) return { event: subject.event, hopper: null, argument: null };
  if (subject.span !== undefined) return { span: subject.span };
  if (subject.hopper !== undefined) return { hopper: subject.hopper, event: null };
  return {};
}

/** Whether an open popup still has what it was opened for. */
function popupFits(document: CasieDocument, popup: Popup): boolean {
  if (popup.kind === "externalReference") return findEvent(document, popup.eventIndex)?.event.arguments[popup.position] !== undefined;
  if ("eventIndex" in popup) return findEvent(document, popup.eventIndex) !== undefined;
  if (popup.kind === "mergeHopper") return document.hoppers.some((hopper) => hopper.index === popup.hopperIndex);
  return true;
}

/** A hopper of its own for the event: a split when it has company, else nothing to do. */
function splitOrMoveToNewHopper(document: CasieDocument, eventIndex: string, numbering: SetNumbering): AnnotationOperation | null {
  const found = findEvent(document, eventIndex);
  if (found && found.hopper.events.length === 1) throw new InvalidCommandError(`${eventIndex} is alone in its hopper already`);
  return splitEventOperation(document, eventIndex, numbering);
}

/** Messages from lib/annotation are clauses ("there is no event E9"): shown as sentences. */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
