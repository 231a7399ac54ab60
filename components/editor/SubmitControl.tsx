"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import styles from "./SubmitControl.module.css";
import { useEditorState } from "./use-editor";

/**
 * The annotator's Submit button, confirmed before it acts, and the note of
 * the reviewer who reopened the set. Submitting sends the version the editor
 * shows, once every edit is saved; the set is then read-only to the annotator.
 */
export function SubmitControl({ setId, documentId, reopenNote }: { setId: string; documentId: string; reopenNote: string | null }) {
  const version = useEditorState((state) => state.version);
  const unsaved = useEditorState((state) => state.pending.length > 0);
  const [step, setStep] = useState<"idle" | "confirm" | "sending">("idle");
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setStep("sending");
    setError(null);
    const response = await fetch(`/api/annotation-sets/${encodeURIComponent(setId)}/submit`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ version }),
    }).catch(() => null);
    if (response?.ok) {
      window.location.assign(`/documents/${documentId}/annotate`);
      return;
    }
    const body = (await response?.json().catch(() => null)) as { error?: string } | null;
    setError(body?.error ?? "The server could not be reached: try again.");
    setStep("idle");
  };

  return (
    <div className={styles.workflow} data-testid="submit-control">
      {reopenNote && (
        <Notice tone="info">
          <span data-testid="reopen-note">A reviewer reopened your set: {reopenNote}</span>
        </Notice>
      )}
      {step === "idle" ? (
        <Button
          variant="primary"
          size="compact"
          onClick={() => setStep("confirm")}
          disabled={unsaved}
          title={unsaved ? "Wait until every edit is saved" : undefined}
        >
          Submit…
        </Button>
      ) : (
        <div role="group" aria-label="Confirm submission" className={styles.confirm}>
          <span>Submit your annotations? They become read-only to you unless a reviewer reopens them.</span>
          <Button variant="primary" size="compact" onClick={() => void submit()} disabled={step === "sending" || unsaved}>
            {step === "sending" ? "Submitting…" : "Submit"}
          </Button>
          <Button size="compact" onClick={() => setStep("idle")} disabled={step === "sending"}>
            Cancel
          </Button>
        </div>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}
