"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/components/ui/action-result";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { TextField } from "@/components/ui/TextField";
import styles from "./AuthForm.module.css";

type SetUp = (previous: ActionResult, form: FormData) => Promise<ActionResult>;

/** The first administrator's account: email, name and a password typed twice. */
export function SetupForm({ action, minPasswordLength }: { action: SetUp; minPasswordLength: number }) {
  const [result, formAction, pending] = useActionState(action, null);
  const failure = result && !result.ok ? result : undefined;
  return (
    <form action={formAction} className={styles.form} aria-busy={pending}>
      {failure && <Notice tone="error">{failure.error}</Notice>}
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        required
        defaultValue={failure?.values?.email}
        error={failure?.fieldErrors?.email}
      />
      <TextField name="name" label="Name" autoComplete="name" defaultValue={failure?.values?.name} error={failure?.fieldErrors?.name} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={minPasswordLength}
        hint={`At least ${minPasswordLength} characters.`}
        error={failure?.fieldErrors?.password}
      />
      <TextField name="confirm" label="Confirm password" type="password" autoComplete="new-password" required error={failure?.fieldErrors?.confirm} />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Creating…" : "Create administrator"}
      </Button>
    </form>
  );
}
