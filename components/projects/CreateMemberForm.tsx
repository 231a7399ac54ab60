"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/components/ui/action-result";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import styles from "./ProjectAdmin.module.css";
import { PROJECT_ROLE_OPTIONS } from "./project-role-labels";

type CreateAction = (previous: ActionResult<{ password?: string }>, form: FormData) => Promise<ActionResult<{ password?: string }>>;

/** Creates an account and adds it to the project; its generated password is shown once. */
export function CreateMemberForm({ action }: { action: CreateAction }) {
  const [result, formAction, pending] = useActionState(action, null);
  const values = result && !result.ok ? result.values : undefined;
  return (
    <form action={formAction} className={styles.form} aria-label="Create an account">
      {result && (
        <div className={styles.wide}>
          {result.ok ? (
            <Notice tone="success">
              {result.message}
              <br />
              <code className={styles.password} aria-label="Generated password">
                {result.password}
              </code>
            </Notice>
          ) : (
            <Notice tone="error">{result.error}</Notice>
          )}
        </div>
      )}
      <TextField id="new-member-email" name="email" label="Email" type="email" autoComplete="off" required defaultValue={values?.email} />
      <TextField id="new-member-name" name="name" label="Name" autoComplete="off" defaultValue={values?.name} />
      <SelectField id="new-member-role" name="role" label="Project role" options={PROJECT_ROLE_OPTIONS} defaultValue={values?.role || "ANNOTATOR"} />
      <div className={styles.actions}>
        <Button type="submit" variant="primary" disabled={pending}>
          Create account and add
        </Button>
      </div>
    </form>
  );
}
