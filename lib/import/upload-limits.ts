// What one browser upload may hold, and the refusal of an upload that breaks a
// limit or cannot be read. Refusals concern the whole upload: it is refused
// before anything is written. Pure, so the import page can check a file's size
// before sending it.

export interface UploadLimits {
  /** Bytes of the upload itself (the .zip, or the one .json or .txt file). */
  maxUploadBytes: number;
  /** Entries in a zip, folders included. */
  maxEntries: number;
  /** Bytes of one file once inflated. */
  maxEntryBytes: number;
  /** Bytes of all files together once inflated. */
  maxTotalBytes: number;
  /** Inflated bytes per compressed byte, for an entry past `ratioFloorBytes`: text and JSON deflate 3 to 20 times. */
  maxRatio: number;
  /** Entries inflating to less than this are not held to the ratio (a tiny file of spaces may deflate 100 times, harmlessly). */
  ratioFloorBytes: number;
}

const MiB = 1024 * 1024;

/**
 * Room for the whole CASIE corpus (about 1,000 documents, 30 MB of JSON) in one
 * upload, with a margin; far below what would strain the server.
 */
export const UPLOAD_LIMITS: UploadLimits = {
  maxUploadBytes: 100 * MiB,
  maxEntries: 10_000,
  maxEntryBytes: 16 * MiB,
  maxTotalBytes: 256 * MiB,
  maxRatio: 100,
  ratioFloorBytes: MiB,
};

export type UploadRefusalCode = "too-large" | "invalid-request" | "unsupported-media-type";

/** An upload refused whole, with the status and the message the route answers. */
export class UploadRefusal extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: UploadRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

export function describeBytes(bytes: number): string {
  if (bytes >= MiB) return `${+(bytes / MiB).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

export function uploadTooLarge(limits: UploadLimits): UploadRefusal {
  return new UploadRefusal(413, "too-large", `The upload is larger than ${describeBytes(limits.maxUploadBytes)}: split it into smaller ones.`);
}
