"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/components/ui/action-result";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { SelectField } from "@/components/ui/SelectField";
import { TextField } from "@/components/ui/TextField";
import styles from "./AdminUsers.module.css";
import { ROLE_OPTIONS } from "./role-labels";

type CreateUser = (previous: ActionResult<{ password?: string }>, form: FormData) => Promise<ActionResult<{ password?: string }>>;

/** Adds an account. Left empty, the password is generated and shown once, in the success message. */
export function CreateUserForm({ action, minPasswordLength }: { action: CreateUser; minPasswordLength: number }) {
  const [result, formAction, pending] = useActionState(action, null);
  const failure = result && !result.ok ? result : undefined;
  return (
    <form action={formAction} className={styles.createForm} aria-busy={pending}>
      {result && (
        <div className={styles.wide}>
          {result.ok ? (
            <Notice tone="success">
              {result.message}
              {result.password && (
                <>
                  <br />
                  <code className={styles.password} aria-label="Generated password">
                    {result.password}
                  </code>
                </>
              )}
            </Notice>
          ) : (
            <Notice tone="error">{result.error}</Notice>
          )}
        </div>
      )}
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="off"
        required
        defaultValue={failure?.values?.email}
        error={failure?.fieldErrors?.email}
      />
      <TextField name="name" label="Name" autoComplete="off" defaultValue={failure?.values?.name} error={failure?.fieldErrors?.name} />
      <SelectField name="role" label="Role" options={ROLE_OPTIONS} defaultValue={failure?.values?.role || "ANNOTATOR"} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        minLength={minPasswordLength}
        hint={`Leave empty to generate one. At least ${minPasswordLength} characters.`}
        error={failure?.fieldErrors?.password}
      />
      <div className={styles.createActions}>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Adding…" : "Add user"}
        </Button>
      </div>
    </form>
  );
}
