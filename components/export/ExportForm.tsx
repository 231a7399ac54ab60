"use client";

// The export page's form: which documents (by status), whose sets, which
// format; then the download, received here so a bar can show how many of the
// announced files have arrived, and handed to the browser as a file.

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { DOCUMENT_STATUS_LABELS, DOCUMENT_STATUSES } from "@/lib/assignments/document-statuses";
import type { DocumentStatus } from "@/lib/auth/workflow";
import { countNoun } from "@/lib/count-noun";
import { exportProgressCounter } from "@/lib/export/export-progress";
import { DEFAULT_EXPORT_STATUSES, EXPORT_ENTRIES_HEADER, exportUrl, type ExportFormat, type ExportRequest } from "@/lib/export/export-query";
import { describeBytes } from "@/lib/import/upload-limits";
import styles from "./ExportForm.module.css";

type Progress = { received: number; entries: number; total: number };
type Outcome = { kind: "done"; fileName: string; bytes: number; entries: number } | { kind: "refused"; message: string };

interface Props {
  projectId: string;
  projectName: string;
  /** E-mails of the accounts with sets in the project. */
  annotators: string[];
}

/** The file name of a Content-Disposition header: its UTF-8 form when given, else the plain one. */
function downloadName(header: string | null, fallback: string): string {
  const encoded = header?.match(/filename\*=UTF-8''([^;]+)/)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return header?.match(/filename="([^"]+)"/)?.[1] ?? fallback;
}

function saveFile(parts: BlobPart[], type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // The browser has taken the file once the click's task is over.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ExportForm({ projectId, projectName, annotators }: Props) {
  const [statuses, setStatuses] = useState<Set<DocumentStatus>>(new Set(DEFAULT_EXPORT_STATUSES));
  const [sets, setSets] = useState<"gold" | "annotators">("gold");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [format, setFormat] = useState<ExportFormat>("zip");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const busy = progress !== null;

  const toggle = <T,>(values: Set<T>, value: T, on: boolean): Set<T> => {
    const next = new Set(values);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setOutcome(null);
    const refuse = (message: string) => setOutcome({ kind: "refused", message });
    if (!statuses.size) return refuse("Choose at least one document status.");
    if (sets === "annotators" && !chosen.size) return refuse("Choose at least one annotator whose sets to export.");
    const request: ExportRequest = {
      format,
      statuses: DOCUMENT_STATUSES.filter((status) => statuses.has(status)),
      sets: sets === "gold" ? { kind: "gold" } : { kind: "annotators", emails: annotators.filter((email) => chosen.has(email)) },
    };
    setProgress({ received: 0, entries: 0, total: 0 });
    try {
      const response = await fetch(exportUrl(projectId, request));
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        return refuse(body?.error ?? `The export failed (${response.status}).`);
      }
      const total = Number(response.headers.get(EXPORT_ENTRIES_HEADER) ?? 0);
      const count = exportProgressCounter(format);
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      let entries = 0;
      const reader = response.body.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        parts.push(chunk.value);
        received += chunk.value.length;
        entries = count(chunk.value);
        setProgress({ received, entries, total });
      }
      const fileName = downloadName(response.headers.get("content-disposition"), `${projectName}.${format}`);
      saveFile(parts, response.headers.get("content-type") ?? "application/octet-stream", fileName);
      setOutcome({ kind: "done", fileName, bytes: received, entries });
    } catch (error) {
      refuse(`The export stopped: ${(error as Error).message}`);
    } finally {
      setProgress(null);
    }
  }

  return (
    <>
      <form className={styles.form} onSubmit={(event) => void submit(event)} aria-label={`Export ${projectName}`}>
        <fieldset className={styles.group} disabled={busy}>
          <legend>Documents</legend>
          {DOCUMENT_STATUSES.map((status) => (
            <label key={status} className={styles.choice}>
              <input
                type="checkbox"
                name="status"
                checked={statuses.has(status)}
                onChange={(event) => setStatuses(toggle(statuses, status, event.target.checked))}
              />
              {DOCUMENT_STATUS_LABELS[status]}
            </label>
          ))}
        </fieldset>
        <fieldset className={styles.group} disabled={busy}>
          <legend>Annotations</legend>
          <label className={styles.choice}>
            <input type="radio" name="sets" checked={sets === "gold"} onChange={() => setSets("gold")} />
            The gold sets
          </label>
          <label className={styles.choice}>
            <input type="radio" name="sets" checked={sets === "annotators"} onChange={() => setSets("annotators")} disabled={!annotators.length} />
            Annotators&apos; sets{annotators.length ? "" : " (nobody has annotated yet)"}
          </label>
          {sets === "annotators" && (
            <div className={styles.annotators} role="group" aria-label="Annotators">
              {annotators.map((email) => (
                <label key={email} className={styles.choice}>
                  <input
                    type="checkbox"
                    name="annotator"
                    checked={chosen.has(email)}
                    onChange={(event) => setChosen(toggle(chosen, email, event.target.checked))}
                  />
                  {email}
                </label>
              ))}
              <p className={styles.hint}>With two or more, the manifest summarizes their agreement on the exported documents.</p>
            </div>
          )}
        </fieldset>
        <fieldset className={styles.group} disabled={busy}>
          <legend>Format</legend>
          <label className={styles.choice}>
            <input type="radio" name="format" checked={format === "zip"} onChange={() => setFormat("zip")} />
            .zip of CASIE .json files
          </label>
          <label className={styles.choice}>
            <input type="radio" name="format" checked={format === "jsonl"} onChange={() => setFormat("jsonl")} />
            JSON Lines (one document a line)
          </label>
        </fieldset>
        <p className={styles.hint}>
          Each file is named after its document&apos;s source file, in a folder per set (<code>gold/</code>, or the annotator&apos;s e-mail); a gold
          set nobody changed is exported as the imported file, byte for byte. <code>manifest.json</code> (the JSON Lines file&apos;s last line) lists
          the documents, sets, counts and tagset.
        </p>
        <div>
          <Button type="submit" variant="primary" disabled={busy}>
            Export
          </Button>
        </div>
      </form>
      {progress && (
        <div className={styles.progress}>
          <progress aria-label="Export progress" value={progress.entries} max={Math.max(progress.total, 1)} />
          <p role="status">
            {progress.total
              ? `Exporting: ${progress.entries.toLocaleString("en")} of ${countNoun(progress.total, "file")} (${describeBytes(progress.received)})`
              : "Preparing the export…"}
          </p>
        </div>
      )}
      {outcome?.kind === "refused" && <Notice tone="error">{outcome.message}</Notice>}
      {outcome?.kind === "done" && (
        <Notice tone="success">
          Exported {countNoun(outcome.entries, "file")} ({describeBytes(outcome.bytes)}) as {outcome.fileName}.
        </Notice>
      )}
    </>
  );
}
