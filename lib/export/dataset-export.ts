// A project's dataset, streamed: the chosen documents' files (lib/export/export-files.ts)
// read a page at a time, the next page read while the current one is written, as
// a zip or as JSON Lines, the manifest last. Memory holds two pages of files and a
// short line per document (the manifest's list, the zip's directory), whatever
// the project's size.
//
// Zip: `<set>/<name>.json` per document and set (`gold/2602.json`,
// `ann@example.org/2602.json`), each the CASIE file as `hopper export` writes it
// (the imported file byte for byte while a gold set is as imported), then
// `manifest.json` (export-manifest.ts).
//
// JSON Lines (UTF-8, one `\n` after every line): one line per document and set,
// `{"name":"2602","set":"gold","document":{…}}`, where `document` is the CASIE
// file as compact JSON (its own members in its own order, no spaces); then
// one last line `{"manifest":{…}}`. The manifest comes last because its counts and
// agreement are those of what was actually written.

import { agreementReport } from "@/lib/agreement/agreement-report";
import { ProjectAgreementBuilder } from "@/lib/agreement/project-agreement";
import type { DatabasePool } from "@/lib/db/client";
import { agreementSummary, ManifestBuilder, type ExportManifest } from "./export-manifest";
import { ExportFileNames } from "./export-file-name";
import { readExportFiles, type ExportFile } from "./export-files";
import type { ExportFormat, ExportRequest } from "./export-query";
import {
  countSelection,
  ExportRefusal,
  findExportProject,
  resolveSelection,
  selectedDocumentPages,
  type ExportProject,
  type ResolvedSelection,
} from "./export-selection";
import { zipStream } from "./zip-stream";

export interface DatasetExportOptions {
  client: DatabasePool;
  /** The export time the manifest and the zip's entries carry. */
  now?: Date;
  /** Documents per page read. */
  pageSize?: number;
  /** Called as files are written: `done` of `total` files. */
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface DatasetExport {
  project: ExportProject;
  format: ExportFormat;
  documents: number;
  files: number;
  /** Zip entries, or JSON Lines lines: the files and the manifest. */
  entries: number;
  /** A name for the download, e.g. `CASIE-gold-2026-11-25.zip`. */
  fileName: string;
  /** The export's bytes; reading starts when they are first asked for. */
  chunks(): AsyncGenerator<Uint8Array>;
}

const PAGE_SIZE = 250;
export const MANIFEST_ENTRY = "manifest.json";

/**
 * Checks the request against the project (throws an ExportRefusal for unknown
 * annotators or when nothing matches) and counts what the export will hold.
 */
export async function prepareDatasetExport(
  where: { id: string } | { name: string },
  request: ExportRequest,
  options: DatasetExportOptions,
): Promise<DatasetExport> {
  const { client } = options;
  const project = await findExportProject(where, client);
  const selection = await resolveSelection(project, request, client);
  const { documents, files } = await countSelection(selection, client);
  if (files === 0) throw new ExportRefusal(nothingToExport(selection));
  const now = options.now ?? new Date();
  const extension = request.format === "zip" ? "zip" : "jsonl";
  return {
    project,
    format: request.format,
    documents,
    files,
    entries: files + 1,
    fileName: `${project.name}-${selection.annotators ? "annotators" : "gold"}-${now.toISOString().slice(0, 10)}.${extension}`,
    chunks: () => exportChunks(selection, request.format, { ...options, now }, files),
  };
}

function nothingToExport(selection: ResolvedSelection): string {
  const statuses = selection.statuses.join(", ");
  return selection.annotators
    ? `Nothing to export: none of ${selection.annotators.map((annotator) => annotator.email).join(", ")} has a set on a document of ${selection.project.name} that is ${statuses}.`
    : `Nothing to export: no document of ${selection.project.name} is ${statuses}.`;
}

async function* exportChunks(selection: ResolvedSelection, format: ExportFormat, options: DatasetExportOptions & { now: Date }, total: number) {
  const manifest = new ManifestBuilder({
    project: selection.project.name,
    exportedAt: options.now.toISOString(),
    format,
    selection: { statuses: [...selection.statuses], sets: selection.annotators ? selection.annotators.map((annotator) => annotator.email) : "gold" },
    tagset: selection.project.tagset,
  });
  const agreement = selection.annotators && selection.annotators.length > 1 ? new DocumentSetsCollector() : null;
  let done = 0;
  async function* written(): AsyncGenerator<ExportFile> {
    for await (const file of readFiles(selection, options)) {
      manifest.add(file);
      agreement?.add(file);
      yield file;
      options.onProgress?.({ done: ++done, total });
    }
  }
  const finalManifest = (): ExportManifest => {
    const summary = agreement ? agreementSummary(agreementReport(selection.project.name, agreement.result())) : null;
    return manifest.manifest(summary);
  };
  switch (format) {
    case "zip":
      yield* zipStream(zipEntries(written(), finalManifest), { modified: options.now });
      return;
    case "jsonl":
      yield* jsonLines(written(), finalManifest);
      return;
  }
}

const encoder = new TextEncoder();

async function* zipEntries(files: AsyncIterable<ExportFile>, manifest: () => ExportManifest) {
  const names = new ExportFileNames();
  for await (const file of files) yield { name: names.claim(`${file.set}/${file.document.fileName}.json`), data: encoder.encode(file.text) };
  yield { name: MANIFEST_ENTRY, data: encoder.encode(JSON.stringify(manifest(), null, 2) + "\n") };
}

/** One document and set as a line of a JSON Lines export. */
export function jsonLine(file: Pick<ExportFile, "set" | "text"> & { document: { fileName: string } }): string {
  const document = JSON.stringify(JSON.parse(file.text));
  return `{"name":${JSON.stringify(file.document.fileName)},"set":${JSON.stringify(file.set)},"document":${document}}\n`;
}

async function* jsonLines(files: AsyncIterable<ExportFile>, manifest: () => ExportManifest) {
  for await (const file of files) yield encoder.encode(jsonLine(file));
  yield encoder.encode(`{"manifest":${JSON.stringify(manifest())}}\n`);
}

/** The selected files, page by page: the next page is read while the consumer takes the current one's. */
async function* readFiles(selection: ResolvedSelection, options: DatasetExportOptions): AsyncGenerator<ExportFile> {
  const pages = selectedDocumentPages(selection, options.pageSize ?? PAGE_SIZE, options.client);
  const readPage = () => {
    const reading = pages.next().then((page) => (page.done ? null : readExportFiles(page.value, selection, options.client)));
    // Read ahead while the consumer is away: a failure is thrown when the page is awaited, never reported as unhandled before.
    reading.catch(() => {});
    return reading;
  };
  let next = readPage();
  try {
    for (;;) {
      const files = await next;
      if (!files) return;
      next = readPage();
      yield* files;
    }
  } finally {
    // Stopped early (a download cancelled): the page being read is let go of quietly.
    await next.catch(() => null);
    await pages.return(undefined);
  }
}

/** Each document's exported annotator sets handed to the agreement builder once the document's last file has gone by. */
class DocumentSetsCollector {
  private readonly builder = new ProjectAgreementBuilder();
  private current: { documentId: string; name: string; sets: { annotator: string; hoppers: NonNullable<ExportFile["hoppers"]> }[] } | null = null;

  add(file: ExportFile): void {
    if (this.current?.documentId !== file.document.id) {
      this.flush();
      this.current = { documentId: file.document.id, name: file.document.name, sets: [] };
    }
    this.current.sets.push({ annotator: file.set, hoppers: file.hoppers ?? [] });
  }

  result() {
    this.flush();
    return this.builder.result();
  }

  private flush(): void {
    if (this.current) this.builder.add(this.current);
    this.current = null;
  }
}
