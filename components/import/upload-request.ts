// Sends an upload to the import route with XMLHttpRequest, which (unlike
// fetch) reports the bytes sent; reads the NDJSON answer line by line as it
// arrives (lib/import/upload-protocol.ts).

import type { UploadEvent } from "@/lib/import/upload-protocol";

export interface UploadCallbacks {
  onSent: (sent: number, total: number) => void;
  onEvent: (event: UploadEvent) => void;
}

/** Resolves when the answer is complete; rejects with the server's message (or why the request failed) on a refusal. */
export function sendUpload(url: string, body: Blob, callbacks: UploadCallbacks): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let read = 0;
    const readLines = () => {
      if (xhr.status !== 200) return;
      const text = xhr.responseText;
      const end = text.lastIndexOf("\n") + 1;
      if (end <= read) return;
      for (const line of text.slice(read, end).split("\n")) if (line) callbacks.onEvent(JSON.parse(line) as UploadEvent);
      read = end;
    };
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", body.type || "application/octet-stream");
    xhr.upload.onprogress = (event) => callbacks.onSent(event.loaded, event.lengthComputable ? event.total : body.size);
    xhr.onprogress = readLines;
    xhr.onload = () => {
      if (xhr.status === 200) {
        readLines();
        resolve();
        return;
      }
      let message = `The server answered ${xhr.status} ${xhr.statusText}.`;
      try {
        message = (JSON.parse(xhr.responseText) as { error: string }).error;
      } catch {
        // Not Hopper's JSON error (a proxy's page, say): the status says enough.
      }
      reject(new Error(message));
    };
    xhr.onerror = () => reject(new Error("The upload failed: the connection to the server was lost."));
    xhr.send(body);
  });
}
