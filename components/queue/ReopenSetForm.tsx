"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import styles from "./Queue.module.css";

/** For a reviewer or manager looking at a submitted set: reopen it for its annotator, saying why. */
export function ReopenSetForm({ setId, annotatorName }: { setId: string; annotatorName: string }) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reopen = async (event: React.FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError(null);
    const response = await fetch(`/api/annotation-sets/${encodeURIComponent(setId)}/reopen`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ note }),
    }).catch(() => null);
    setSending(false);
    if (response?.ok) {
      router.refresh();
      return;
    }
    const body = (await response?.json().catch(() => null)) as { error?: string } | null;
    setError(body?.error ?? "The server could not be reached: try again.");
  };
  return (
    <form onSubmit={(event) => void reopen(event)} className={styles.reopen} aria-label="Reopen the set" data-testid="reopen-form">
      <label htmlFor={`reopen-${setId}`}>{annotatorName} submitted this set. Reopen it for them, saying what to change:</label>
      <textarea id={`reopen-${setId}`} value={note} onChange={(event) => setNote(event.target.value)} rows={2} maxLength={2000} required />
      <div>
        <Button type="submit" disabled={sending || !note.trim()}>
          {sending ? "Reopening…" : "Reopen"}
        </Button>
      </div>
      {error && <Notice tone="error">{error}</Notice>}
    </form>
  );
}
