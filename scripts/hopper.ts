// The `hopper` command line: `npm run hopper -- <command>`. Run with no command for help.
// `npm run hopper` runs it from a bundle (scripts/hopper-launcher.mjs); import, export
// and check use plain pg, and only the account commands load Prisma, on demand.

import { exitAfterOutput } from "@/lib/cli/exit-after-output";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import {
  checkRoundTrip,
  DEFAULT_CASIE_TAGSET,
  newCasieDocumentFromArticle,
  parseCasieDocument,
  serializeCasieDocument,
  summarizeIssues,
} from "@/lib/casie";
import type { Database, DatabasePool } from "@/lib/db/client";
import { openMigratedServer } from "@/lib/db/migrated-server";
import { agreementReport } from "@/lib/agreement/agreement-report";
import { agreementCsv, formatAgreementReport } from "@/lib/agreement/format-agreement";
import { loadProjectAgreement, SET_STATUSES } from "@/lib/agreement/load-project-agreement";
import { collectAnnFiles, exportProjectToBrat, readBratFile } from "@/lib/brat/brat-folder";
import { bratRoundTripProblem } from "@/lib/brat/brat-round-trip";
import type { Tagset } from "@/lib/casie/tagset";
import { countNoun } from "@/lib/count-noun";
import { prepareDatasetExport } from "@/lib/export/dataset-export";
import { exportProject } from "@/lib/export/export-project";
import { parseExportQuery } from "@/lib/export/export-query";
import { ExportRefusal } from "@/lib/export/export-selection";
import { collectImportFiles } from "@/lib/import/collect-files";
import { formatImportReport } from "@/lib/import/format-report";
import { BATCHES_IN_FLIGHT, importFiles } from "@/lib/import/import-files";

const HELP = `Usage: npm run hopper -- <command>

  import <files or folders...> --project <name> [--replace] [--annotator <email>]
      CASIE .json files become documents with their annotations as the gold set;
      raw .txt articles become unannotated documents. Creates the project if missing.
      --annotator: the annotations become that project annotator's sets instead (they are
      assigned the documents); on documents already in the project, their still empty sets.
  export --project <name> --out <dir or file> [--format dir|zip|jsonl] [--status <list>] [--annotators <emails>]
      dir (the default): one <name>.json per document from its gold set, in the folder --out.
      zip, jsonl: the dataset as one file (README, "Exporting a dataset"): the documents of the
      statuses listed (comma-separated: unassigned, in-annotation, ready-for-adjudication,
      adjudicated; default adjudicated), from their gold sets or the listed annotators' sets.
  repair --project <name> [--dry-run]
      Repairs every span of the project's gold sets whose text sits one character off its
      offsets (each repair a logged operation, as the editor's checks make it); --dry-run
      lists each document, span and old → new offsets, and changes nothing.
  agreement --project <name> [--json] [--csv <file>] [--documents <n>] [--status <list>] [--with-gold]
      Inter-annotator agreement of the project's annotator sets: nuggets, arguments, hoppers
      (MUC, B³, CEAF-e, BLANC, CoNLL), kappa and alpha; per pair, per label, worst documents
      first (--documents of them, 20 by default). --status: comma-separated set statuses
      (default: every status but NEW); --with-gold compares the gold set too, as "gold".
  brat export --project <name> --out <dir>
      Writes <name>.txt and <name>.ann (brat standoff) per document from its gold set.
  brat import <files or folders...> --project <name> [--replace | --annotator <email>]
      .ann files (each with its .txt beside it) become documents with their annotations as the gold set;
      with --annotator, they become that account's (empty) sets on the project's documents of the same name.
  brat check <files or folders...>
      CASIE .json files: written as brat and read back, are they unchanged? .ann files: do they read?
  check <files or folders...>
      Validates files and reports problems without touching the database.
  user add <email> --role <admin|reviewer|annotator> [--name <name>] [--password <password>]
      Creates an account; without --password one is generated and printed.
  member add <email> --project <name> [--role <annotator|reviewer|manager>]
  member remove <email> --project <name>
      Gives an account access to a project (annotators see only their projects), or takes it away.
  assign <email> --project <name> [--document <name>]...
      Assigns the named documents (all the project's without --document) to one of its annotators.

The database is DATABASE_URL, or the embedded one (see README, "Where the data lives") when it is unset.`;

class UsageError extends Error {}

/** The database as import and export use it: a few plain pg connections. */
async function withPool<T>(connections: number, work: (client: DatabasePool) => Promise<T>): Promise<T> {
  const server = await openMigratedServer();
  const pool = new pg.Pool({ connectionString: server.url, max: connections });
  // An idle connection's error (the embedded server's shutdown reaching a connection the
  // closed pool is still ending, say) is no failure: the pool drops it, and a query would open another.
  pool.on("error", () => {});
  try {
    return await work({ pool });
  } finally {
    await pool.end();
    await server.stop();
  }
}

/** The database through Prisma, for the account commands. */
async function withDatabase<T>(work: (client: Database) => Promise<T>): Promise<T> {
  const { openDatabase } = await import("@/lib/db/runtime");
  const database = await openDatabase();
  try {
    return await work(database.client);
  } finally {
    await database.close();
  }
}

function progressPrinter(verb: string) {
  if (!process.stderr.isTTY) return undefined;
  return ({ done, total }: { done: number; total: number }) => {
    process.stderr.write(`\r${verb} ${done}/${total}`);
    if (done === total) process.stderr.write("\n");
  };
}

async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { project: { type: "string" }, replace: { type: "boolean" }, annotator: { type: "string" } },
  });
  const projectName = values.project;
  if (!projectName) throw new UsageError("import needs --project <name>");
  if (!positionals.length) throw new UsageError("import needs files or folders to import");
  if (values.annotator && values.replace)
    throw new UsageError("--replace would delete the other sets of the documents: it does not go with --annotator");
  return withPool(BATCHES_IN_FLIGHT, async (client) => {
    const report = await importFiles(positionals, {
      projectName,
      replace: values.replace,
      annotatorEmail: values.annotator,
      onProgress: progressPrinter("Importing"),
      client,
    });
    console.log(formatImportReport(report));
    return report.skipped.some((s) => s.errors.length) ? 1 : 0;
  });
}

async function runExport(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      project: { type: "string" },
      out: { type: "string" },
      format: { type: "string", default: "dir" },
      status: { type: "string" },
      annotators: { type: "string" },
    },
  });
  if (!values.project || !values.out) throw new UsageError("export needs --project <name> and --out <dir or file>");
  const { project, out, format } = values;
  if (format !== "dir") return exportDataset(project, out, values);
  if (values.status !== undefined || values.annotators !== undefined) throw new UsageError("--status and --annotators need --format zip or jsonl");
  // One connection reads a batch's documents while the other reads their annotations.
  return withPool(2, async (client) => {
    const report = await exportProject(project, out, { onProgress: progressPrinter("Exporting"), client });
    console.log(`Exported ${report.files.length} documents to ${path.resolve(out)}`);
    return 0;
  });
}

/** `hopper export --format zip|jsonl`: the query the export route takes, checked the same way, written to `out` as it is read. */
async function exportDataset(project: string, out: string, flags: { format?: string; status?: string; annotators?: string }): Promise<number> {
  const query: Record<string, string> = { format: flags.format ?? "zip", sets: flags.annotators === undefined ? "gold" : "annotators" };
  if (flags.status !== undefined) query.status = flags.status;
  if (flags.annotators !== undefined) query.annotators = flags.annotators;
  const parsed = parseExportQuery(query);
  if (!parsed.ok) throw new UsageError(parsed.message.replace(/^(\w+):/, "--$1:"));
  return withPool(3, async (client) => {
    let prepared;
    try {
      prepared = await prepareDatasetExport({ name: project }, parsed.request, { client, onProgress: progressPrinter("Exporting") });
    } catch (error) {
      if (!(error instanceof ExportRefusal)) throw error;
      console.error(error.message);
      return 1;
    }
    // Written beside and renamed, so an interrupted export never leaves a truncated file.
    const partial = `${out}.partial`;
    await pipeline(Readable.from(prepared.chunks()), createWriteStream(partial));
    await rename(partial, out);
    console.log(
      `Exported ${countNoun(prepared.documents, "document")} (${countNoun(prepared.files, "file")} and the manifest) to ${path.resolve(out)}`,
    );
    return 0;
  });
}

async function runRepair(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { project: { type: "string" }, "dry-run": { type: "boolean" } } });
  const projectName = values.project;
  if (!projectName) throw new UsageError("repair needs --project <name>");
  const { findShiftRepairs, repairShiftedSpans, summarizeRepairs } = await import("@/lib/annotation-sets/repair-shifted-spans");
  const { describeShiftRepair } = await import("@/lib/annotation/shift-repairs");
  const { findProjectByName } = await import("@/lib/projects/project-store");
  return withPool(1, async (client) => {
    const project = await findProjectByName(projectName, client);
    if (!project) throw new Error(`no project named "${projectName}"`);
    if (values["dry-run"]) {
      const documents = await findShiftRepairs(project.id, client);
      for (const { documentName, repairs } of documents) for (const repair of repairs) console.log(`${documentName}: ${describeShiftRepair(repair)}`);
      const spans = documents.reduce((sum, document) => sum + document.repairs.length, 0);
      console.log(`Would repair ${countNoun(spans, "shifted span")} in ${countNoun(documents.length, "document")} (dry run: nothing changed)`);
      return 0;
    }
    const documents = await repairShiftedSpans(project.id, { userId: null, client });
    for (const { documentName, repaired: done, refused } of documents) {
      for (const repair of done) console.log(`${documentName}: ${describeShiftRepair(repair)}`);
      for (const { repair, message } of refused) console.log(`${documentName}: ${repair.spanIndex} not repaired: ${message}`);
    }
    console.log(summarizeRepairs(documents));
    return documents.some((document) => document.refused.length) ? 1 : 0;
  });
}

async function runAgreement(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      project: { type: "string" },
      json: { type: "boolean" },
      csv: { type: "string" },
      documents: { type: "string" },
      status: { type: "string" },
      "with-gold": { type: "boolean" },
    },
  });
  const projectName = values.project;
  if (!projectName) throw new UsageError("agreement needs --project <name>");
  const documents = values.documents === undefined ? 20 : Number(values.documents);
  if (!Number.isInteger(documents) || documents < 0) throw new UsageError("--documents takes a whole number");
  const statuses = values.status?.split(",").map((status) => status.trim().toUpperCase());
  const unknown = statuses?.filter((status) => !(SET_STATUSES as readonly string[]).includes(status));
  if (unknown?.length) throw new UsageError(`unknown set status ${unknown.join(", ")} (known: ${SET_STATUSES.join(", ")})`);
  return withPool(1, async (client) => {
    const agreement = await loadProjectAgreement({ name: projectName }, { client, statuses, withGold: values["with-gold"] });
    const report = agreementReport(projectName, agreement);
    if (values.csv) await writeFile(values.csv, agreementCsv(report), "utf8");
    console.log(values.json ? JSON.stringify(report, null, 2) : formatAgreementReport(report, { documents }));
    return 0;
  });
}

async function runBrat(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { project: { type: "string" }, out: { type: "string" }, replace: { type: "boolean" }, annotator: { type: "string" } },
  });
  switch (sub) {
    case "export": {
      const { project, out } = values;
      if (!project || !out) throw new UsageError("brat export needs --project <name> and --out <dir>");
      return withPool(2, async (client) => {
        const written = await exportProjectToBrat(project, out, { client });
        console.log(`Exported ${written} documents as brat standoff to ${path.resolve(out)}`);
        return 0;
      });
    }
    case "import": {
      const projectName = values.project;
      if (!projectName) throw new UsageError("brat import needs --project <name>");
      if (!positionals.length) throw new UsageError("brat import needs .ann files or folders");
      const files = await collectAnnFiles(positionals);
      if (values.annotator) return importBratAsAnnotator(files, projectName, values.annotator);
      return withPool(BATCHES_IN_FLIGHT, async (client) => {
        const { rows } = await client.pool.query<{ tagset: Tagset }>('SELECT "tagset" FROM "Project" WHERE "name" = $1', [projectName]);
        const tagset = rows[0]?.tagset ?? DEFAULT_CASIE_TAGSET;
        // Converted to CASIE files in a folder of their own, then imported as CASIE files are.
        const converted = await mkdtemp(path.join(tmpdir(), "hopper-brat-"));
        try {
          let unreadable = 0;
          for (const file of files) {
            const read = await readBratFile(file, tagset);
            for (const warning of read.warnings) console.log(`${read.name}.ann: ${warning}`);
            if (!read.document) {
              unreadable++;
              console.log(`${read.name}.ann: INVALID\n${read.errors.map((error) => `  ${error}`).join("\n")}`);
              continue;
            }
            await writeFile(path.join(converted, `${read.name}.json`), serializeCasieDocument(read.document), "utf8");
          }
          const report = await importFiles([converted], { projectName, replace: values.replace, onProgress: progressPrinter("Importing"), client });
          console.log(formatImportReport(report));
          return unreadable || report.skipped.some((skipped) => skipped.errors.length) ? 1 : 0;
        } finally {
          await rm(converted, { recursive: true, force: true });
        }
      });
    }
    case "check":
      return checkBrat(positionals);
    default:
      throw new UsageError("brat takes the subcommand export, import or check");
  }
}

/** Reads the files and writes them into the annotator's sets, through Prisma's client (loaded only for this). */
async function importBratAsAnnotator(files: string[], projectName: string, annotatorEmail: string): Promise<number> {
  const { importAnnotatorSets } = await import("@/lib/brat/import-annotator-sets");
  return withDatabase(async (client) => {
    const { rows } = await client.pool.query<{ tagset: Tagset }>('SELECT "tagset" FROM "Project" WHERE "name" = $1', [projectName]);
    const tagset = rows[0]?.tagset ?? DEFAULT_CASIE_TAGSET;
    const documents = [];
    let failed = 0;
    for (const file of files) {
      const read = await readBratFile(file, tagset);
      for (const warning of read.warnings) console.log(`${read.name}.ann: ${warning}`);
      if (read.document) documents.push({ name: read.name, document: read.document });
      else {
        failed++;
        console.log(`${read.name}.ann: INVALID\n${read.errors.map((error) => `  ${error}`).join("\n")}`);
      }
    }
    const report = await importAnnotatorSets(documents, { projectName, annotatorEmail, client });
    for (const { name, reason } of report.skipped) console.log(`${name}.ann: skipped: ${reason}`);
    console.log(`Imported ${report.imported.length} of ${files.length} files as ${annotatorEmail.toLowerCase()}'s sets in "${projectName}"`);
    return failed || report.skipped.length ? 1 : 0;
  });
}

async function checkBrat(inputs: string[]): Promise<number> {
  if (!inputs.length) throw new UsageError("brat check needs files or folders");
  const { files } = await collectImportFiles(inputs);
  const annFiles = await collectAnnFiles(inputs.filter((input) => !input.endsWith(".json") && !input.endsWith(".txt")));
  let failed = 0;
  for (const file of files.filter((candidate) => candidate.kind === "casie")) {
    const name = path.basename(file.path);
    const { document } = parseCasieDocument(await readFile(file.path, "utf8"), { tagset: DEFAULT_CASIE_TAGSET, fileName: name });
    const problem = document ? bratRoundTripProblem(document, DEFAULT_CASIE_TAGSET) : "not a valid CASIE file (see hopper check)";
    if (problem) failed++;
    console.log(`${name}: ${problem ?? "unchanged through brat"}`);
  }
  for (const file of annFiles) {
    const read = await readBratFile(file, DEFAULT_CASIE_TAGSET);
    if (!read.document) failed++;
    console.log(`${read.name}.ann: ${read.document ? "ok" : "INVALID"}`);
    for (const line of [...read.errors, ...read.warnings]) console.log(`  ${line}`);
  }
  return failed ? 1 : 0;
}

async function runCheck(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (!positionals.length) throw new UsageError("check needs files or folders");
  const { files, errors } = await collectImportFiles(positionals);
  for (const { input, reason } of errors) console.log(`${input}: ${reason}`);
  let invalid = 0;
  for (const file of files) {
    const name = path.basename(file.path);
    const text = await readFile(file.path, "utf8");
    const result =
      file.kind === "article"
        ? newCasieDocumentFromArticle(name, text, {})
        : parseCasieDocument(text, { tagset: DEFAULT_CASIE_TAGSET, fileName: name });
    const issues = result.issues.slice();
    if (file.kind === "casie" && result.document) {
      const roundTrip = checkRoundTrip(text, result.document);
      if (roundTrip) issues.push(roundTrip);
    }
    const failed = !result.document || issues.some((i) => i.severity === "error");
    if (failed) invalid++;
    const lines = summarizeIssues(issues);
    console.log(`${name}: ${failed ? "INVALID" : "ok"}`);
    for (const line of lines) console.log(`  ${line}`);
  }
  console.log(`${files.length - invalid} of ${files.length} files valid`);
  return invalid || errors.length ? 1 : 0;
}

const ROLES = { admin: "ADMIN", reviewer: "REVIEWER", annotator: "ANNOTATOR" } as const;

async function runUser(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "add") throw new UsageError("user takes the subcommand add");
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { role: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
  });
  const email = positionals[0];
  const role = ROLES[(values.role ?? "") as keyof typeof ROLES];
  if (!email || !role) throw new UsageError("user add needs <email> --role <admin|reviewer|annotator>");
  const { createUser, generatePassword } = await import("@/lib/users");
  const password = values.password ?? generatePassword();
  return withDatabase(async (client) => {
    await createUser({ email, name: values.name ?? "", password, role }, client);
    console.log(`Created ${role.toLowerCase()} ${email.toLowerCase()}`);
    if (!values.password) console.log(`Password (shown once): ${password}`);
    return 0;
  });
}

const PROJECT_ROLES = { annotator: "ANNOTATOR", reviewer: "REVIEWER", manager: "MANAGER" } as const;

async function runMember(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "add" && sub !== "remove") throw new UsageError("member takes the subcommand add or remove");
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { project: { type: "string" }, role: { type: "string" } },
  });
  const email = positionals[0];
  const role = PROJECT_ROLES[(values.role ?? "annotator") as keyof typeof PROJECT_ROLES];
  if (!email || !values.project) throw new UsageError(`member ${sub} needs <email> --project <name>`);
  if (!role) throw new UsageError("--role takes annotator, reviewer or manager");
  const { addProjectMember, removeProjectMember } = await import("@/lib/projects/membership");
  const projectName = values.project;
  return withDatabase(async (client) => {
    if (sub === "add") {
      const { created } = await addProjectMember({ projectName, email, role }, client);
      console.log(`${email.toLowerCase()} ${created ? "is now" : "stays"} a member of "${values.project}" (${role.toLowerCase()})`);
    } else {
      const removed = await removeProjectMember({ projectName, email }, client);
      console.log(
        removed
          ? `${email.toLowerCase()} is no longer a member of "${values.project}"`
          : `${email.toLowerCase()} was not a member of "${values.project}"`,
      );
    }
    return 0;
  });
}

async function runAssign(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { project: { type: "string" }, document: { type: "string", multiple: true } },
  });
  const email = positionals[0];
  if (!email || !values.project) throw new UsageError("assign needs <email> --project <name>");
  const { assignByNames } = await import("@/lib/assignments/assignments");
  const input = { projectName: values.project, email, documentNames: values.document ?? [] };
  return withPool(1, async (client) => {
    console.log(await assignByNames(input, client));
    return 0;
  });
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  import: runImport,
  export: runExport,
  repair: runRepair,
  agreement: runAgreement,
  brat: runBrat,
  check: runCheck,
  user: runUser,
  member: runMember,
  assign: runAssign,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const run = command ? COMMANDS[command] : undefined;
  if (!run) {
    console.log(HELP);
    return command && command !== "help" && command !== "--help" ? 2 : 0;
  }
  try {
    return await run(args);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`hopper ${command}: ${(error as Error).message}\n\n${HELP}`);
      return 2;
    }
    console.error(`hopper ${command}: ${(error as Error).message}`);
    return 1;
  }
}

void main(process.argv.slice(2)).then(exitAfterOutput);
