"use client";

import { useState } from "react";
import { serializeCasieDocument } from "@/lib/casie/serialize";
import styles from "./EditorApp.module.css";
import { httpTransport } from "./http-transport";
import { useEditorState } from "./use-editor";
import { Button } from "@/components/ui/Button";

/** The annotator's own set as CASIE JSON, as saved on the server (what a reload shows), written in the browser. */
export function DownloadButton({ fileName }: { fileName: string }) {
  const setId = useEditorState((state) => state.setId);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    try {
      const set = await httpTransport(setId).load();
      const url = URL.createObjectURL(new Blob([serializeCasieDocument(set.document)], { type: "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setError(null);
    } catch (failure) {
      setError(`Download failed: ${(failure as Error).message}`);
    }
  };

  return (
    <>
      <Button
        size="compact"
        onClick={() => void download()}
        data-testid="download-set"
        title="Download my annotations as saved, as a CASIE JSON file"
      >
        Download JSON
      </Button>
      {error && (
        <span role="alert" className={styles.error}>
          {error}
        </span>
      )}
    </>
  );
}
