"use client";

import { useId, useState, type DragEvent } from "react";
import { countNoun } from "@/lib/count-noun";
import { describeBytes } from "@/lib/import/upload-limits";
import styles from "./ImportUpload.module.css";

interface Props {
  files: File[];
  onFiles: (files: File[]) => void;
  disabled: boolean;
}

/** A file picker that also takes files dropped on it. */
export function FileDropZone({ files, onFiles, disabled }: Props) {
  const inputId = useId();
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled && event.dataTransfer.files.length) onFiles([...event.dataTransfer.files]);
  };
  return (
    <div
      className={`${styles.dropZone} ${over ? styles.over : ""}`}
      data-testid="drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <label htmlFor={inputId} className={styles.label}>
        Files to import
      </label>
      <input
        id={inputId}
        type="file"
        multiple
        accept=".zip,.json,.txt,application/zip,application/json,text/plain"
        disabled={disabled}
        onChange={(event) => onFiles([...(event.target.files ?? [])])}
      />
      <p className={styles.hint}>
        Drop a .zip of CASIE .json files and raw .txt articles (folders inside are searched), or the files themselves, here.
      </p>
      {files.length > 0 && (
        <p className={styles.chosen}>
          {countNoun(files.length, "file")} chosen, {describeBytes(files.reduce((sum, file) => sum + file.size, 0))}:{" "}
          {files
            .slice(0, 5)
            .map((file) => file.name)
            .join(", ")}
          {files.length > 5 && ", …"}
        </p>
      )}
    </div>
  );
}
