"use client";

import { findEvent } from "@/lib/annotation/document-lookup";
import { typeColorClass } from "@/components/document/type-colors";
import { ArgumentEditor } from "./ArgumentEditor";
import styles from "./Panels.module.css";
import { SpanBox } from "./SpanBox";
import { parseSubtypeValue, realisChoices, subtypeValue } from "./tagset-choices";
import { useEditor, useEditorState } from "./use-editor";

const NEW_HOPPER = "new";

/** The selected event with every attribute editable: type, realis, hopper, nugget bounds, and its arguments. */
export function EventDetails() {
  const editor = useEditor();
  const tagset = useEditorState((state) => state.tagset);
  const document = useEditorState((state) => state.document);
  const selection = useEditorState((state) => state.selection);
  const found = selection.event ? findEvent(document, selection.event) : undefined;

  if (!found) {
    return (
      <section className={styles.section} aria-labelledby="event-details-heading" data-testid="event-details">
        <h2 id="event-details-heading" className={styles.heading}>
          Selected event
        </h2>
        <p className={styles.empty}>
          No event selected. Select text and press <kbd>N</kbd> to create one, or click a nugget (or press <kbd>J</kbd>) to select one.
        </p>
        {selection.span && <SpanBox spanIndex={selection.span} />}
      </section>
    );
  }

  const { event, hopper } = found;
  const types = tagset.eventTypes;
  const knownSubtype = types.some((type) => type.name === event.type && type.subtypes.some((subtype) => subtype.name === event.subtype));
  return (
    <section
      className={`${styles.section} ${typeColorClass(event.type)}`}
      aria-labelledby="event-details-heading"
      data-testid="event-details"
      data-selected-event={event.index}
    >
      <h2 id="event-details-heading" className={styles.heading}>
        <span className={styles.swatch} aria-hidden="true" />
        Event {event.index} <span className={styles.nuggetText}>“{event.nugget.text}”</span>
      </h2>
      <div className={styles.fields}>
        <label>
          <span>
            Type <kbd>T</kbd>
          </span>
          <select
            value={subtypeValue(event.type, event.subtype)}
            onChange={(change) => editor.setEventAttributes(event.index, parseSubtypeValue(change.target.value))}
            data-testid="event-type"
          >
            {types.map((type) => (
              <optgroup key={type.name} label={type.name}>
                {type.subtypes.map((subtype) => (
                  <option key={subtype.name} value={subtypeValue(type.name, subtype.name)}>
                    {type.name} / {subtype.name}
                  </option>
                ))}
              </optgroup>
            ))}
            {!knownSubtype && (
              <option value={subtypeValue(event.type, event.subtype)}>{`${event.type} / ${event.subtype} (not in the tagset)`}</option>
            )}
          </select>
        </label>
        <label>
          <span>
            Realis <kbd>R</kbd>
          </span>
          <select
            value={event.realis}
            onChange={(change) => editor.setEventAttributes(event.index, { realis: change.target.value })}
            data-testid="event-realis"
          >
            {realisChoices(tagset, event.realis).map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
                {choice.hint ? ` (${choice.hint})` : ""}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>
            Hopper <kbd>M</kbd>
          </span>
          <select
            value={String(hopper.index)}
            onChange={(change) => editor.moveEvent(event.index, change.target.value === NEW_HOPPER ? "new" : Number(change.target.value))}
            data-testid="event-hopper"
          >
            {document.hoppers.map((candidate) => (
              <option key={candidate.index} value={String(candidate.index)}>
                Hopper {candidate.index}
              </option>
            ))}
            {hopper.events.length > 1 && <option value={NEW_HOPPER}>A new hopper of its own</option>}
          </select>
        </label>
      </div>
      <SpanBox spanIndex={selection.span ?? event.nugget.index} />
      <h3 className={styles.subheading}>
        Arguments <span className={styles.count}>{event.arguments.length}</span>
      </h3>
      {event.arguments.length === 0 ? (
        <p className={styles.empty}>
          None yet: select text and press <kbd>A</kbd>.
        </p>
      ) : (
        <ol className={styles.arguments} aria-label={`Arguments of ${event.index}`}>
          {event.arguments.map((argument, position) => (
            <ArgumentEditor key={`${position} ${argument.index}`} event={event} position={position} selected={selection.argument === position} />
          ))}
        </ol>
      )}
      <button
        type="button"
        className={styles.danger}
        onClick={() =>
          event.arguments.length ? editor.openPopup({ kind: "deleteEvent", eventIndex: event.index }) : editor.deleteEvent(event.index, null)
        }
        data-testid="delete-event"
      >
        Delete event {event.index}
      </button>
    </section>
  );
}
