// The import pipeline behind `hopper import`: files are read and checked one by
// one, then written with a few transactions in flight, each document whole or not at all.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkRoundTrip, newCasieDocumentFromArticle, parseCasieDocument } from "@/lib/casie";
import type { CasieDocument, CasieIssue } from "@/lib/casie/types";
import { db, type Database } from "@/lib/db/client";
import { createDocument, DocumentExistsError } from "@/lib/documents/store";
import { findOrCreateProject, type ProjectRecord } from "@/lib/projects/project-store";
import { collectImportFiles, type ImportFile } from "./collect-files";
import { countNoun } from "@/lib/count-noun";

export interface ImportOptions {
  projectName: string;
  /** Replace documents already in the project instead of skipping them. */
  replace?: boolean;
  /** Document writes in flight at once. */
  concurrency?: number;
  onProgress?: (progress: { done: number; total: number }) => void;
  client?: Database;
}

export interface ImportedDocument {
  file: string;
  documentId: string;
  hoppers: number;
  events: number;
  arguments: number;
  warnings: CasieIssue[];
}

export interface SkippedFile {
  file: string;
  reason: string;
  /** Problems that prevented the import, when the file was invalid. */
  errors: CasieIssue[];
}

export interface ImportReport {
  project: { name: string; created: boolean };
  imported: ImportedDocument[];
  skipped: SkippedFile[];
}

type PreparedFile =
  { ok: true; file: string; casie: CasieDocument; withGoldSet: boolean; warnings: CasieIssue[] } | { ok: false; skipped: SkippedFile };

const utf8 = new TextDecoder("utf-8", { fatal: true });

export async function importFiles(inputs: string[], options: ImportOptions): Promise<ImportReport> {
  const client = options.client ?? db();
  const { files, errors } = await collectImportFiles(inputs);
  const project = await findOrCreateProject(options.projectName, client);
  const report: ImportReport = {
    project: { name: project.name, created: project.created },
    imported: [],
    skipped: errors.map(({ input, reason }) => ({ file: input, reason, errors: [] })),
  };

  let done = 0;
  const finish = () => options.onProgress?.({ done: ++done, total: files.length });
  const inFlight = new Set<Promise<void>>();
  const limit = Math.max(1, options.concurrency ?? 4);

  for (const file of files) {
    const prepared = await prepareFile(file, project);
    if (!prepared.ok) {
      report.skipped.push(prepared.skipped);
      finish();
      continue;
    }
    const write = storeFile(prepared, project, options.replace ?? false, client)
      .then((outcome) => {
        if ("documentId" in outcome) report.imported.push(outcome);
        else report.skipped.push(outcome);
      })
      .finally(() => {
        inFlight.delete(write);
        finish();
      });
    inFlight.add(write);
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);

  const order = new Map(files.map((f, i) => [displayName(f.path), i]));
  const byFileOrder = (a: { file: string }, b: { file: string }) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1);
  report.imported.sort(byFileOrder);
  report.skipped.sort(byFileOrder);
  return report;
}

function displayName(filePath: string): string {
  return path.basename(filePath);
}

async function prepareFile(file: ImportFile, project: ProjectRecord): Promise<PreparedFile> {
  const name = displayName(file.path);
  const skip = (reason: string, errors: CasieIssue[] = []): PreparedFile => ({ ok: false, skipped: { file: name, reason, errors } });
  let text: string;
  try {
    text = utf8.decode(await readFile(file.path));
  } catch (error) {
    return skip(error instanceof TypeError ? "not valid UTF-8 text" : `cannot read the file (${(error as Error).message})`);
  }

  if (file.kind === "article") {
    const result = newCasieDocumentFromArticle(name, text, { keepLineBreaks: project.keepLineBreaks });
    if (!result.document) return skip("not a raw article", result.issues);
    return { ok: true, file: name, casie: result.document, withGoldSet: false, warnings: result.issues };
  }

  const result = parseCasieDocument(text, { tagset: project.tagset, fileName: name });
  const errors = result.issues.filter((issue) => issue.severity === "error");
  if (!result.document || errors.length) return skip(`invalid CASIE document (${countNoun(errors.length, "error")})`, errors);
  const warnings = result.issues.slice();
  const roundTrip = checkRoundTrip(text, result.document);
  if (roundTrip) warnings.push(roundTrip);
  return { ok: true, file: name, casie: result.document, withGoldSet: true, warnings };
}

async function storeFile(
  prepared: Extract<PreparedFile, { ok: true }>,
  project: ProjectRecord,
  replace: boolean,
  client: Database,
): Promise<ImportedDocument | SkippedFile> {
  const { casie } = prepared;
  try {
    const documentId = await createDocument(
      {
        projectId: project.id,
        name: documentName(casie.sourcefile, prepared.file),
        casie,
        warnings: prepared.warnings,
        withGoldSet: prepared.withGoldSet,
        replace,
      },
      client,
    );
    const events = casie.hoppers.flatMap((h) => h.events);
    return {
      file: prepared.file,
      documentId,
      hoppers: casie.hoppers.length,
      events: events.length,
      arguments: events.reduce((sum, e) => sum + e.arguments.length, 0),
      warnings: prepared.warnings,
    };
  } catch (error) {
    if (error instanceof DocumentExistsError) {
      return { file: prepared.file, reason: `already in the project as ${casie.sourcefile} (use --replace to replace it)`, errors: [] };
    }
    // PostgreSQL refused this document's values (class 22, e.g. a number out of range); others may still go in.
    if (String((error as { code?: unknown }).code).startsWith("22")) {
      return { file: prepared.file, reason: `the database refused it: ${(error as Error).message}`, errors: [] };
    }
    throw error;
  }
}

/** The export file stem: the sourcefile's (`2602.txt` → `2602`), else the imported file's. */
export function documentName(sourcefile: string, fileName: string): string {
  const stem = path.parse(sourcefile).name;
  return stem || path.parse(fileName).name;
}
