// The import pipeline behind `hopper import` and the import page: files are read
// and checked one by one, and written in batches, a few in flight while the next
// are read; each batch is one transaction, so every document is stored whole or not at all.

import { readFileSync } from "node:fs";
import path from "node:path";
import { checkRoundTrip, newCasieDocumentFromArticle, parseCasieDocument } from "@/lib/casie";
import type { CasieDocument, CasieIssue } from "@/lib/casie/types";
import type { DatabasePool } from "@/lib/db/client";
import { createDocument, createDocuments, DocumentExistsError, sourcefilesInProject, type NewDocument } from "@/lib/documents/store";
import { findOrCreateProject, findProjectByName, type ProjectRecord } from "@/lib/projects/project-store";
import { collectImportFiles, type ImportFileKind } from "./collect-files";
import { countNoun } from "@/lib/count-noun";

export interface ImportOptions {
  projectName: string;
  /** Replace documents already in the project instead of skipping them. */
  replace?: boolean;
  onProgress?: (progress: { done: number; total: number }) => void;
  client: DatabasePool;
  /**
   * CASIE annotations become this account's sets instead of the gold sets, as the
   * browser's import into an annotator's set does: the project must exist and the
   * account be one of its annotators.
   */
  annotatorEmail?: string;
}

/** A file to import: its name in the report, what it is, and its bytes. */
export interface ImportSource {
  name: string;
  kind: ImportFileKind;
  read(): Uint8Array | Promise<Uint8Array>;
}

/** Whose set a CASIE file's annotations become: the gold set, or an annotator's (who is then assigned the document). */
export type AnnotationTarget = { kind: "gold" } | { kind: "annotator"; annotatorId: string; assignedById: string | null };

export interface SourceImportOptions {
  replace: boolean;
  target: AnnotationTarget;
  /** How the report tells to replace a document already in the project, e.g. "use --replace to replace it". */
  replaceHint: string;
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

/** What importing sources leaves to the report: the project is the caller's to name. */
export type SourceImportReport = Omit<ImportReport, "project">;

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
  const { files, errors } = await collectImportFiles(inputs);
  const target = options.annotatorEmail ? await annotatorTarget(options.projectName, options.annotatorEmail, client) : null;
  const project = target ? { ...target.project, created: false } : await findOrCreateProject(options.projectName, client);
  // Read whole and at once: many small files, where asynchronous reads cost more than they overlap.
  const sources = files.map((file): ImportSource => ({ name: path.basename(file.path), kind: file.kind, read: () => readFileSync(file.path) }));
  const report = await importSources(sources, project, {
    replace: options.replace ?? false,
    target: target?.target ?? { kind: "gold" },
    replaceHint: "use --replace to replace it",
    onProgress: options.onProgress,
    client,
  });
  return {
    project: { name: project.name, created: project.created },
    imported: report.imported,
    skipped: [...errors.map(({ input, reason }) => ({ file: input, reason, errors: [] })), ...report.skipped],
  };
}

/** The project and the annotator whose sets an import fills; throws when either is unknown or the account is not a project annotator. */
async function annotatorTarget(
  projectName: string,
  email: string,
  client: DatabasePool,
): Promise<{ project: ProjectRecord; target: AnnotationTarget }> {
  const project = await findProjectByName(projectName, client);
  if (!project) throw new Error(`no project named "${projectName}" (importing as an annotator needs the project and its documents' annotator)`);
  const { rows } = await client.pool.query<{ id: string; role: string | null; disabled: boolean }>(
    `SELECT u."id", m."role", u."disabled" FROM "User" u LEFT JOIN "ProjectMember" m ON m."userId" = u."id" AND m."projectId" = $2 WHERE u."email" = $1`,
    [email.toLowerCase(), project.id],
  );
  const account = rows[0];
  if (!account) throw new Error(`no account ${email.toLowerCase()}`);
  if (account.role !== "ANNOTATOR" || account.disabled)
    throw new Error(
      `${email.toLowerCase()} is not an annotator of "${projectName}" (add them with: hopper member add ${email.toLowerCase()} --project ${projectName})`,
    );
  return { project, target: { kind: "annotator", annotatorId: account.id, assignedById: null } };
}

/** Imports `sources` into `project`; the report lists them in the order given. */
export async function importSources(
  sources: readonly ImportSource[],
  project: ProjectRecord,
  options: SourceImportOptions,
): Promise<SourceImportReport> {
  const { client, replace, target } = options;
  // Known up front, documents already there are skipped without costing their batch a retry.
  const present = replace ? new Set<string>() : await sourcefilesInProject(project.id, client);
  const report: SourceImportReport = { imported: [], skipped: [] };
  let done = 0;
  const finish = () => options.onProgress?.({ done: ++done, total: sources.length });
  const skip = (skipped: SkippedFile) => {
    report.skipped.push(skipped);
    finish();
  };
  const alreadyThere = (prepared: PreparedDocument): SkippedFile => ({
    file: prepared.file,
    reason: `already in the project as ${prepared.casie.sourcefile} (${options.replaceHint})`,
    errors: [],
  });
  const write = { project, replace, target, alreadyThere };
  /** Documents already in the project whose annotator's sets the files fill (annotator imports only). */
  const existing: PreparedDocument[] = [];

  const inFlight = new Set<Promise<void>>();
  // A batch that failed (not a refused document: the database itself) ends the import once the others have settled.
  let failed: { error: unknown } | undefined;
  let batch: PreparedDocument[] = [];
  const send = async () => {
    const documents = batch;
    batch = [];
    const stored = storeBatch(documents, write, client)
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
      .finally(() => inFlight.delete(stored));
    inFlight.add(stored);
    // Reading and checking files never waits on the database: let the batch go out before the next one is read.
    await (inFlight.size >= BATCHES_IN_FLIGHT ? Promise.race(inFlight) : new Promise(setImmediate));
  };
  for (const source of sources) {
    if (failed) break;
    const prepared = await prepareSource(source, project);
    if (!prepared.ok) skip(prepared.skipped);
    else if (present.has(prepared.casie.sourcefile)) {
      if (target.kind === "annotator" && prepared.withGoldSet) existing.push(prepared);
      else skip(alreadyThere(prepared));
    } else {
      batch.push(prepared);
      if (batch.length === BATCH_DOCUMENTS) await send();
    }
  }
  if (batch.length && !failed) await send();
  await Promise.all(inFlight);
  if (failed) throw failed.error;
  if (target.kind === "annotator" && existing.length) {
    const { importIntoExistingDocument } = await import("./existing-document-sets");
    for (const prepared of existing) {
      const outcome = await importIntoExistingDocument(project.id, prepared.casie, target, client);
      if (outcome.ok) {
        report.imported.push(importedDocument(prepared, outcome.documentId));
        finish();
      } else skip({ file: prepared.file, reason: outcome.reason, errors: [] });
    }
  }

  const order = new Map(sources.map((source, i) => [source.name, i]));
  const bySourceOrder = (a: { file: string }, b: { file: string }) => (order.get(a.file) ?? -1) - (order.get(b.file) ?? -1);
  report.imported.sort(bySourceOrder);
  report.skipped.sort(bySourceOrder);
  return report;
}

async function prepareSource(source: ImportSource, project: ProjectRecord): Promise<PreparedFile> {
  const { name } = source;
  const skip = (reason: string, errors: CasieIssue[] = []): PreparedFile => ({ ok: false, skipped: { file: name, reason, errors } });
  let bytes: Uint8Array;
  try {
    bytes = await source.read();
  } catch (error) {
    return skip(`cannot read the file (${(error as Error).message})`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return skip("not valid UTF-8 text");
  }

  if (source.kind === "article") {
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

/** What storing a batch needs beyond its documents. */
interface BatchWrite {
  project: ProjectRecord;
  replace: boolean;
  target: AnnotationTarget;
  alreadyThere(prepared: PreparedDocument): SkippedFile;
}

/**
 * Stores a batch in one transaction. When the database refuses one of its
 * documents, the whole transaction is undone: its documents are then stored one
 * by one, so that only the refused one is skipped, with its reason.
 */
async function storeBatch(batch: PreparedDocument[], write: BatchWrite, client: DatabasePool): Promise<(ImportedDocument | SkippedFile)[]> {
  try {
    const ids = await createDocuments(
      batch.map((prepared) => newDocument(prepared, write)),
      client,
    );
    return batch.map((prepared, i) => importedDocument(prepared, ids[i]));
  } catch (error) {
    if (!isRefusal(error)) throw error;
    const outcomes: (ImportedDocument | SkippedFile)[] = [];
    for (const prepared of batch) outcomes.push(await storeDocument(prepared, write, client));
    return outcomes;
  }
}

async function storeDocument(prepared: PreparedDocument, write: BatchWrite, client: DatabasePool): Promise<ImportedDocument | SkippedFile> {
  try {
    return importedDocument(prepared, await createDocument(newDocument(prepared, write), client));
  } catch (error) {
    if (error instanceof DocumentExistsError) return write.alreadyThere(prepared);
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

function newDocument(prepared: PreparedDocument, { project, replace, target }: BatchWrite): NewDocument {
  const { casie } = prepared;
  return {
    projectId: project.id,
    name: documentName(casie.sourcefile, prepared.file),
    casie,
    warnings: prepared.warnings,
    withGoldSet: prepared.withGoldSet,
    annotator: target.kind === "annotator" ? { annotatorId: target.annotatorId, assignedById: target.assignedById } : undefined,
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

/** The export file stem: the sourcefile's (`2602.txt` → `2602`), else the imported file's. */
export function documentName(sourcefile: string, fileName: string): string {
  const stem = path.parse(sourcefile).name;
  return stem || path.parse(fileName).name;
}
