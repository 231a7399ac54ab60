"use client";

import { useContext } from "react";
import { suggestedEntityTypes } from "@/lib/casie/tagset";
import type { CasieEvent } from "@/lib/casie/types";
import { ExternalReferenceForm } from "./ExternalReferenceForm";
import styles from "./Panels.module.css";
import { entityTypeChoices, roleNames } from "./tagset-choices";
import { FocusTextContext } from "./use-action-context";
import { useEditor, useEditorState } from "./use-editor";

/** One argument of the selected event: role, entity type and entity link, all editable; removable. */
export function ArgumentEditor({ event, position, selected }: { event: CasieEvent; position: number; selected: boolean }) {
  const editor = useEditor();
  const tagset = useEditorState((state) => state.tagset);
  const focusText = useContext(FocusTextContext);
  const argument = event.arguments[position];
  const name = `${argument.role.type} ${argument.index}`;
  const reference = argument.externalReference;
  const linkSummary = reference
    ? [reference.wikidataid && `Wikidata ${reference.wikidataid}`, reference.dbpediaURI && "DBpedia"].filter(Boolean).join(", ")
    : "none";

  const setRole = (role: string) => {
    // A role whose suggestions do not include the entity type gets the first suggestion with it, in the same step.
    const suggested = suggestedEntityTypes(tagset, role);
    const entityType = suggested.length && !suggested.includes(argument.entityType) ? suggested[0] : undefined;
    editor.setArgumentAttributes(event.index, position, entityType ? { role, entityType } : { role });
  };

  return (
    <li
      className={selected ? `${styles.argument} ${styles.selectedArgument}` : styles.argument}
      data-argument={argument.index}
      data-position={position}
      onFocus={() => editor.selectArgument(position)}
    >
      <div className={styles.argumentHead}>
        <button type="button" className={styles.argumentButton} aria-pressed={selected} onClick={() => editor.selectArgument(position)}>
          <span className={styles.spanIndex}>{argument.index}</span> “{argument.text}”
        </button>
        <button
          type="button"
          className={styles.remove}
          onClick={() => editor.removeArgument(event.index, position)}
          aria-label={`Remove argument ${name} from ${event.index}`}
        >
          Remove
        </button>
      </div>
      <div className={styles.fields}>
        <label>
          Role
          <select value={argument.role.type} onChange={(change) => setRole(change.target.value)} data-testid="argument-role">
            {roleNames(tagset, event, argument.role.type).map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <label>
          Entity type
          <select
            value={argument.entityType}
            onChange={(change) => editor.setArgumentAttributes(event.index, position, { entityType: change.target.value })}
            data-testid="argument-entity-type"
          >
            {entityTypeChoices(tagset, argument.role.type, argument.entityType).map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
                {choice.hint ? " (suggested)" : ""}
              </option>
            ))}
          </select>
        </label>
      </div>
      {/* Folded away while there is no link, to keep long argument lists short. */}
      <details className={styles.referenceBox} open={reference !== undefined}>
        <summary title="E edits the selected argument's entity link">Entity link: {linkSummary}</summary>
        <ExternalReferenceForm key={JSON.stringify(reference ?? null)} event={event} position={position} onDone={focusText} />
      </details>
    </li>
  );
}
