"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/components/ui/action-result";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { TextField } from "@/components/ui/TextField";
import styles from "./ProjectAdmin.module.css";

type DetailsAction = (previous: ActionResult, form: FormData) => Promise<ActionResult>;

/** A project's name and description: for creating one, or renaming and describing it. */
export function ProjectDetailsForm(props: { action: DetailsAction; submitLabel: string; name?: string; description?: string; disabled?: boolean }) {
  const { action, submitLabel, disabled } = props;
  const [result, formAction, pending] = useActionState(action, null);
  const values = result && !result.ok ? result.values : undefined;
  return (
    <form action={formAction} className={styles.form} aria-busy={pending}>
      {result && (
        <div className={styles.wide}>
          <Notice tone={result.ok ? "success" : "error"}>{result.ok ? result.message : result.error}</Notice>
        </div>
      )}
      <div className={styles.wide}>
        <TextField name="name" label="Name" required maxLength={100} defaultValue={values?.name ?? props.name} disabled={disabled} />
      </div>
      <div className={styles.wide}>
        <label htmlFor="field-description" className={styles.label}>
          Description
        </label>
        <textarea
          id="field-description"
          name="description"
          className={styles.textarea}
          maxLength={2000}
          defaultValue={values?.description ?? props.description}
          disabled={disabled}
        />
      </div>
      <div className={styles.actions}>
        <Button type="submit" variant="primary" disabled={pending || disabled}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
