// The wire contract of POST /api/projects/:projectId/imports, shared by the
// route and the import page. The body is the uploaded file itself (a .zip, or
// one .json or .txt file); the options ride in the query. A refused upload is
// answered with a JSON error (lib/http/json-error.ts) and its status. An
// accepted one is answered 200 with NDJSON, one UploadEvent a line, as the
// import goes: the report comes last.

import type { ImportReport } from "./import-files";

export interface UploadOptions {
  /** The uploaded file's name: its extension says what it is. */
  name: string;
  /** "gold", or the id of the project annotator whose set the annotations become. */
  target: "gold" | { annotatorId: string };
  /** Replace documents already in the project instead of skipping them. */
  replace: boolean;
}

export type UploadEvent =
  /** The upload was received and checked: `files` will be imported, `skipped` are not articles. */
  | { type: "checked"; files: number; skipped: number }
  | { type: "progress"; done: number; total: number }
  | { type: "report"; report: ImportReport; text: string }
  /** The import stopped on a database failure: documents imported before it stay. */
  | { type: "failed"; error: string };

export const NDJSON = "application/x-ndjson";

export function importUploadUrl(projectId: string, options: UploadOptions): string {
  const query = new URLSearchParams({
    name: options.name,
    target: options.target === "gold" ? "gold" : options.target.annotatorId,
    ...(options.replace && { replace: "1" }),
  });
  return `/api/projects/${encodeURIComponent(projectId)}/imports?${query}`;
}
