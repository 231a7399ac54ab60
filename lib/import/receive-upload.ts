// An upload's body, written to a file as it arrives: never held whole in memory,
// counted as it goes, and refused as soon as it passes the limit (a declared
// Content-Length may lie or be missing).

import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { uploadTooLarge, type UploadLimits } from "./upload-limits";

export interface ReceivedUpload {
  /** The file holding the body. */
  file: string;
  bytes: number;
  /** Removes the file and its folder. */
  discard(): Promise<void>;
}

/** Writes `body` to a new temporary file; throws an UploadRefusal (the file removed) past `limits.maxUploadBytes`. */
export async function receiveUpload(body: ReadableStream<Uint8Array> | null, limits: UploadLimits): Promise<ReceivedUpload> {
  const dir = await mkdtemp(path.join(tmpdir(), "hopper-upload-"));
  const discard = () => rm(dir, { recursive: true, force: true });
  const file = path.join(dir, "upload");
  const out = createWriteStream(file);
  let bytes = 0;
  try {
    if (body) {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        if (bytes > limits.maxUploadBytes) {
          await reader.cancel();
          throw uploadTooLarge(limits);
        }
        if (!out.write(value)) await once(out, "drain");
      }
    }
    out.end();
    await once(out, "finish");
  } catch (error) {
    out.destroy();
    // The file may still be opening: its folder goes once the stream is closed, else the open fails after it, uncaught.
    await finished(out).catch(() => undefined);
    await discard();
    throw error;
  }
  return { file, bytes, discard };
}
