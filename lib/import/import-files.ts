// The import pipeline behind `hopper import`: files are read and checked one by
// one, and written in batches, a few in flight while the next are read; each
// batch is one transaction, so every document is stored whole or not at all.

import { readFileSync } from "node:fs";
import path from "node:path";
import { checkRoundTrip, newCasieDocumentFromArticle, parseCasieDocument } from "@/lib/casie";
import type { CasieDocument, CasieIssue } from "@/lib/casie/types";
import type { DatabasePool } from "@/lib/db/client";
import { createDocument, createDocuments, DocumentExistsError, sourcefilesInProject, type NewDocument } from "@/lib/documents/store";
import { findOrCreateProject, type ProjectRecord } from "@/lib/projects/project-store";
import { collectImportFiles, type ImportFile } from "./collect-files";
import { countNoun } from "@/lib/count-noun";

export interface ImportOptions {
  projectName: string;
  /** Replace documents already in the project instead of skipping them. */
  replace?: boolean;
  onProgress?: (progress: { done: number; total: number }) => void;
  client: DatabasePool;
}

/**
 * Documents per transaction: enough that the database's per-statement and
 * per-commit costs fade, few enough that the first batch goes out early and the
 * last one does not keep everyone waiting.
 */
const BATCH_DOCUMENTS = 25;
/**
 * Batches in flight at once, each on a connection of its own, while the next is
 * read and checked. Four rather than two: on a machine shared with other work the
 * database's backends then keep their share of the processors (measured on two cores).
 */
export const BATCHES_IN_FLIGHT = 4;

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

type PreparedFile = PreparedDocument | { ok: false; skipped: SkippedFile };

interface PreparedDocument {
  ok: true;
  file: string;
  casie: CasieDocument;
  withGoldSet: boolean;
  warnings: CasieIssue[];
  /** The file, when it serializes back to exactly these bytes. */
  importedText?: string;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

export async function importFiles(inputs: string[], options: ImportOptions): Promise<ImportReport> {
  const { client } = options;
  const replace = options.replace ?? false;
  const { files, errors } = await collectImportFiles(inputs);
  const project = await findOrCreateProject(options.projectName, client);
  // Known up front, documents already there are skipped without costing their batch a retry.
  const present = replace ? new Set<string>() : await sourcefilesInProject(project.id, client);
  const report: ImportReport = {
    project: { name: project.name, created: project.created },
    imported: [],
    skipped: errors.map(({ input, reason }) => ({ file: input, reason, errors: [] })),
  };
  let done = 0;
  const finish = () => options.onProgress?.({ done: ++done, total: files.length });
  const skip = (skipped: SkippedFile) => {
    report.skipped.push(skipped);
    finish();
  };

  const inFlight = new Set<Promise<void>>();
  // A batch that failed (not a refused document: the database itself) ends the import once the others have settled.
  let failed: { error: unknown } | undefined;
  let batch: PreparedDocument[] = [];
  const send = async () => {
    const documents = batch;
    batch = [];
    const write = storeBatch(documents, project, replace, client)
      .then((outcomes) => {
        for (const outcome of outcomes) {
          if ("documentId" in outcome) report.imported.push(outcome);
          else report.skipped.push(outcome);
          finish();
        }
      })
      .catch((error: unknown) => {
        failed ??= { error };
      })
      .finally(() => inFlight.delete(write));
    inFlight.add(write);
    // Reading and checking files never waits on the database: let the batch go out before the next one is read.
    await (inFlight.size >= BATCHES_IN_FLIGHT ? Promise.race(inFlight) : new Promise(setImmediate));
  };
  for (const file of files) {
    if (failed) break;
    const prepared = prepareFile(file, project);
    if (!prepared.ok) skip(prepared.skipped);
    else if (present.has(prepared.casie.sourcefile)) skip(alreadyThere(prepared));
    else {
      batch.push(prepared);
      if (batch.length === BATCH_DOCUMENTS) await send();
    }
  }
  if (batch.length && !failed) await send();
  await Promise.all(inFlight);
  if (failed) throw failed.error;

  const order = new Map(files.map((f, i) => [displayName(f.path), i]));
  const byFileOrder = (a: { file: string }, b: { file: string }) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1);
  report.imported.sort(byFileOrder);
  report.skipped.sort(byFileOrder);
  return report;
}

function displayName(filePath: string): string {
  return path.basename(filePath);
}

function prepareFile(file: ImportFile, project: ProjectRecord): PreparedFile {
  const name = displayName(file.path);
  const skip = (reason: string, errors: CasieIssue[] = []): PreparedFile => ({ ok: false, skipped: { file: name, reason, errors } });
  let text: string;
  try {
    // Read whole and at once: many small files, where asynchronous reads cost more than they overlap.
    text = utf8.decode(readFileSync(file.path));
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
  return { ok: true, file: name, casie: result.document, withGoldSet: true, warnings, importedText: roundTrip ? undefined : text };
}

/**
 * Stores a batch in one transaction. When the database refuses one of its
 * documents, the whole transaction is undone: its documents are then stored one
 * by one, so that only the refused one is skipped, with its reason.
 */
async function storeBatch(
  batch: PreparedDocument[],
  project: ProjectRecord,
  replace: boolean,
  client: DatabasePool,
): Promise<(ImportedDocument | SkippedFile)[]> {
  try {
    const ids = await createDocuments(
      batch.map((prepared) => newDocument(prepared, project, replace)),
      client,
    );
    return batch.map((prepared, i) => importedDocument(prepared, ids[i]));
  } catch (error) {
    if (!isRefusal(error)) throw error;
    const outcomes: (ImportedDocument | SkippedFile)[] = [];
    for (const prepared of batch) outcomes.push(await storeDocument(prepared, project, replace, client));
    return outcomes;
  }
}

async function storeDocument(
  prepared: PreparedDocument,
  project: ProjectRecord,
  replace: boolean,
  client: DatabasePool,
): Promise<ImportedDocument | SkippedFile> {
  try {
    return importedDocument(prepared, await createDocument(newDocument(prepared, project, replace), client));
  } catch (error) {
    if (error instanceof DocumentExistsError) return alreadyThere(prepared);
    if (isRefusal(error)) return { file: prepared.file, reason: `the database refused it: ${(error as Error).message}`, errors: [] };
    throw error;
  }
}

/** A sourcefile already in the project, or a value PostgreSQL refuses (class 22, e.g. a number out of range): others may still go in. */
function isRefusal(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code);
  return code === UNIQUE_VIOLATION || code.startsWith("22");
}

const UNIQUE_VIOLATION = "23505";

function newDocument(prepared: PreparedDocument, project: ProjectRecord, replace: boolean): NewDocument {
  const { casie } = prepared;
  return {
    projectId: project.id,
    name: documentName(casie.sourcefile, prepared.file),
    casie,
    warnings: prepared.warnings,
    withGoldSet: prepared.withGoldSet,
    replace,
    importedText: prepared.importedText,
  };
}

function importedDocument(prepared: PreparedDocument, documentId: string): ImportedDocument {
  const { casie } = prepared;
  const events = casie.hoppers.flatMap((h) => h.events);
  return {
    file: prepared.file,
    documentId,
    hoppers: casie.hoppers.length,
    events: events.length,
    arguments: events.reduce((sum, e) => sum + e.arguments.length, 0),
    warnings: prepared.warnings,
  };
}

function alreadyThere(prepared: PreparedDocument): SkippedFile {
  return { file: prepared.file, reason: `already in the project as ${prepared.casie.sourcefile} (use --replace to replace it)`, errors: [] };
}

/** The export file stem: the sourcefile's (`2602.txt` → `2602`), else the imported file's. */
export function documentName(sourcefile: string, fileName: string): string {
  const stem = path.parse(sourcefile).name;
  return stem || path.parse(fileName).name;
}
