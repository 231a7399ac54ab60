"use client";

// The import page's form: files by picker or drag and drop, whose set CASIE
// annotations become, replace or not; then a progress bar while the upload is
// sent and imported, and the report (or the refusal).

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { SelectField } from "@/components/ui/SelectField";
import type { ImportAnnotator } from "@/lib/import/import-annotators";
import type { ImportReport } from "@/lib/import/import-files";
import { describeBytes } from "@/lib/import/upload-limits";
import { importUploadUrl } from "@/lib/import/upload-protocol";
import { FileDropZone } from "./FileDropZone";
import { ImportReportView } from "./ImportReportView";
import { ImportProgress, type ImportPhase } from "./ImportProgress";
import styles from "./ImportUpload.module.css";
import { uploadBody } from "./upload-body";
import { sendUpload } from "./upload-request";

type Outcome = { kind: "report"; report: ImportReport; text: string } | { kind: "refused"; message: string };

interface Props {
  projectId: string;
  projectName: string;
  annotators: ImportAnnotator[];
  maxUploadBytes: number;
}

export function ImportUpload({ projectId, projectName, annotators, maxUploadBytes }: Props) {
  const [files, setFiles] = useState<File[]>([]);
  const [target, setTarget] = useState("gold");
  const [replace, setReplace] = useState(false);
  const [phase, setPhase] = useState<ImportPhase | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const busy = phase !== null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!files.length || busy) return;
    setOutcome(null);
    const refuse = (message: string) => setOutcome({ kind: "refused", message });
    const { name, body } = await uploadBody(files);
    if (body.size > maxUploadBytes) return refuse(`The upload is larger than ${describeBytes(maxUploadBytes)}: split it into smaller ones.`);
    setPhase({ kind: "uploading", sent: 0, total: body.size });
    const url = importUploadUrl(projectId, { name, target: target === "gold" ? "gold" : { annotatorId: target }, replace });
    try {
      await sendUpload(url, body, {
        onSent: (sent, total) => setPhase(sent < total ? { kind: "uploading", sent, total } : { kind: "checking" }),
        onEvent: (line) => {
          switch (line.type) {
            case "checked":
              return setPhase({ kind: "importing", done: 0, total: line.files });
            case "progress":
              return setPhase({ kind: "importing", done: line.done, total: line.total });
            case "report":
              return setOutcome({ kind: "report", report: line.report, text: line.text });
            case "failed":
              return refuse(line.error);
          }
        },
      });
    } catch (error) {
      refuse((error as Error).message);
    } finally {
      setPhase(null);
    }
  }

  const targets = [
    { value: "gold", label: "The gold set" },
    ...annotators.map((annotator) => ({ value: annotator.id, label: `${annotator.name || annotator.email}'s set (assigns them the document)` })),
  ];
  return (
    <>
      <form className={styles.form} onSubmit={(event) => void submit(event)} aria-label={`Import into ${projectName}`}>
        <FileDropZone files={files} onFiles={setFiles} disabled={busy} />
        <SelectField
          name="target"
          label="Annotations of CASIE .json files become"
          options={targets}
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          disabled={busy}
        />
        <p className={styles.hint}>Raw .txt articles have no annotations: they become documents without any set.</p>
        <label className={styles.checkbox}>
          <input type="checkbox" name="replace" checked={replace} onChange={(event) => setReplace(event.target.checked)} disabled={busy} />
          Replace documents already in the project
        </label>
        <div>
          <Button type="submit" variant="primary" disabled={!files.length || busy}>
            Import
          </Button>
        </div>
      </form>
      {phase && <ImportProgress phase={phase} />}
      {outcome?.kind === "refused" && <Notice tone="error">{outcome.message}</Notice>}
      {outcome?.kind === "report" && <ImportReportView report={outcome.report} text={outcome.text} />}
    </>
  );
}
