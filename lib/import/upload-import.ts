// An upload's import, from the received file to the report: the upload's
// contents are checked whole first (a broken limit refuses it before anything is
// written), then imported as the CLI imports files, each document whole or not at all.

import type { DatabasePool } from "@/lib/db/client";
import type { ProjectRecord } from "@/lib/projects/project-store";
import { compareFileNames } from "./collect-files";
import { importSources, type AnnotationTarget, type ImportReport } from "./import-files";
import { openUpload } from "./upload-contents";
import type { UploadLimits } from "./upload-limits";

export interface UploadImport {
  project: ProjectRecord;
  target: AnnotationTarget;
  replace: boolean;
  client: DatabasePool;
  limits: UploadLimits;
  /** Called once the upload has been checked, before anything is written. */
  onChecked?: (counts: { files: number; skipped: number }) => void;
  onProgress?: (progress: { done: number; total: number }) => void;
}

export const REPLACE_HINT = 'tick "Replace documents already in the project" to replace it';

/** Imports the upload in `file`, sent as `name`; throws an UploadRefusal when the upload breaks a limit or cannot be read. */
export async function importUpload(upload: { file: string; name: string; bytes: number }, options: UploadImport): Promise<ImportReport> {
  const contents = await openUpload(upload.file, upload.name, upload.bytes, options.limits);
  try {
    options.onChecked?.({ files: contents.sources.length, skipped: contents.skipped.length });
    const report = await importSources(contents.sources, options.project, {
      replace: options.replace,
      target: options.target,
      replaceHint: REPLACE_HINT,
      onProgress: options.onProgress,
      client: options.client,
    });
    return {
      project: { name: options.project.name, created: false },
      imported: report.imported,
      skipped: [...report.skipped, ...contents.skipped].sort((a, b) => compareFileNames(a.file, b.file)),
    };
  } finally {
    contents.close();
  }
}
