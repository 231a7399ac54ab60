"use client";

import { PageLink } from "@/components/ui/PageLink";
import { useActionState, useRef } from "react";
import type { ActionResult } from "@/components/ui/action-result";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { SelectField } from "@/components/ui/SelectField";
import type { AssignmentDocument } from "@/lib/assignments/assignment-list";
import { DOCUMENT_STATUS_LABELS } from "@/lib/assignments/document-statuses";
import type { ProjectAnnotator } from "@/lib/assignments/assignments";
import { countNoun } from "@/lib/count-noun";
import styles from "./Assignments.module.css";

type ChangeAssignments = (previous: ActionResult, form: FormData) => Promise<ActionResult>;

const SET_STATUS_LABELS = {
  NEW: "not started",
  IN_PROGRESS: "in progress",
  SUBMITTED: "submitted",
  IMPORTED: "imported",
  ADJUDICATED: "adjudicated",
} as const;

interface Props {
  projectId: string;
  documents: AssignmentDocument[];
  annotators: ProjectAnnotator[];
  readOnly: boolean;
  action: ChangeAssignments;
}

/**
 * One page of documents to select, and what to do with the selection: assign
 * to the annotators ticked, to N of them balancing workload, withdraw from one
 * or move from one to another. One form: the button pressed says which.
 */
export function AssignmentsForm({ projectId, documents, annotators, readOnly, action }: Props) {
  const [result, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const selectAll = (checked: boolean) => {
    for (const box of formRef.current?.querySelectorAll<HTMLInputElement>('input[name="documentId"]') ?? []) box.checked = checked;
  };
  const people = [{ value: "", label: "Choose…" }, ...annotators.map((annotator) => ({ value: annotator.id, label: annotator.name }))];
  const disabled = pending || readOnly;
  return (
    <form ref={formRef} action={formAction} aria-label="Assignments">
      <input type="hidden" name="projectId" value={projectId} />
      {result && <Notice tone={result.ok ? "success" : "error"}>{result.ok ? result.message : result.error}</Notice>}
      {annotators.length === 0 && (
        <Notice tone="info">This project has no annotators yet: add members with the annotator role to hand out work.</Notice>
      )}
      <div className={styles.panel}>
        <fieldset disabled={disabled}>
          <legend>Automatically</legend>
          <div className={styles.row}>
            <label htmlFor="per-document">Each selected document to</label>
            <input id="per-document" name="perDocument" type="number" min={1} max={20} defaultValue={2} className={styles.number} />
            <span>annotators, balancing workload</span>
          </div>
          <div>
            <Button type="submit" variant="primary" name="intent" value="balance">
              Assign automatically
            </Button>
          </div>
        </fieldset>
        <fieldset disabled={disabled}>
          <legend>By hand</legend>
          <div className={styles.people} role="group" aria-label="Annotators to assign">
            {annotators.map((annotator) => (
              <label key={annotator.id}>
                <input type="checkbox" name="annotatorId" value={annotator.id} /> {annotator.name}{" "}
                <span className={styles.muted}>({countNoun(annotator.assigned, "document")})</span>
              </label>
            ))}
          </div>
          <div>
            <Button type="submit" name="intent" value="assign">
              Assign to the ticked annotators
            </Button>
          </div>
        </fieldset>
        <fieldset disabled={disabled}>
          <legend>Withdraw or move</legend>
          <div className={styles.row}>
            <SelectField id="withdraw-from" name="withdrawFrom" label="Withdraw from" options={people} />
            <Button type="submit" name="intent" value="withdraw">
              Withdraw
            </Button>
          </div>
          <div className={styles.row}>
            <SelectField id="move-from" name="moveFrom" label="Move from" options={people} />
            <SelectField id="move-to" name="moveTo" label="to" options={people} />
            <Button type="submit" name="intent" value="move">
              Move
            </Button>
          </div>
          <p className={styles.muted}>Work already done is kept for the reviewers.</p>
        </fieldset>
      </div>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">
              <input type="checkbox" aria-label="Select every document on this page" onChange={(event) => selectAll(event.target.checked)} />
            </th>
            <th scope="col">Name</th>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Assigned to</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.id} data-document={document.name}>
              <td>
                <input type="checkbox" name="documentId" value={document.id} aria-label={`Select ${document.name}`} />
              </td>
              <td>
                <PageLink href={`/documents/${document.id}`}>{document.name}</PageLink>
              </td>
              <td>{document.title}</td>
              <td data-status={document.status}>{DOCUMENT_STATUS_LABELS[document.status]}</td>
              <td>
                {document.assignees.length === 0 ? (
                  <span className={styles.muted}>nobody</span>
                ) : (
                  <ul className={styles.assignees}>
                    {document.assignees.map((assignee) => (
                      <li key={assignee.annotatorId}>
                        {assignee.setId ? (
                          <PageLink href={`/documents/${document.id}?set=${assignee.setId}`}>{assignee.name}</PageLink>
                        ) : (
                          assignee.name
                        )}{" "}
                        <span className={styles.muted}>({assignee.setStatus ? SET_STATUS_LABELS[assignee.setStatus] : "not opened"})</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </form>
  );
}
