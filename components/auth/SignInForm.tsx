"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { TextField } from "@/components/ui/TextField";
import { describeSignInError } from "@/lib/auth/sign-in-error";
import { formText } from "@/lib/http/form-data";
import styles from "./AuthForm.module.css";

/**
 * Email and password, sent through next-auth's Credentials provider. On
 * success the browser loads `callbackUrl` afresh, so every server component
 * sees the new session.
 */
export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice?: { tone: "success" | "error"; text: string } }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: formText(form, "email"),
        password: formText(form, "password"),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(describeSignInError(result?.error ?? ""));
    } catch {
      setError("Hopper could not be reached; check your connection and try again.");
    }
    setPending(false);
  }

  return (
    // method="post" keeps the password out of the URL if the form is sent before the page's script runs.
    <form method="post" onSubmit={(event) => void submit(event)} className={styles.form} aria-busy={pending}>
      {error ? <Notice tone="error">{error}</Notice> : notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
      <TextField name="email" label="Email" type="email" autoComplete="username" required autoFocus />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
