// brat files on disk: the `.ann` files a folder holds (each with its `.txt`
// beside it) read as CASIE documents, and a project's sets written as brat.

import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Tagset } from "@/lib/casie/tagset";
import type { CasieDocument } from "@/lib/casie/types";
import type { DatabasePool } from "@/lib/db/client";
import { loadGoldDocuments } from "@/lib/documents/store";
import { projectExportFileNames } from "@/lib/export/export-file-name";
import { casieToBrat } from "./brat-export";
import { bratToCasie } from "./brat-import";

export interface ReadBratFile {
  /** The `.ann` file. */
  file: string;
  /** Its stem: the document's name. */
  name: string;
  document: CasieDocument | null;
  errors: string[];
  warnings: string[];
}

/** The `.ann` files named by `inputs` (folders searched recursively), sorted. */
export async function collectAnnFiles(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new Error(`${input}: no such file or folder`);
    if (!info.isDirectory()) files.push(input);
    else {
      const entries = await readdir(input, { recursive: true, withFileTypes: true });
      files.push(...entries.filter((entry) => entry.isFile() && entry.name.endsWith(".ann")).map((entry) => path.join(entry.parentPath, entry.name)));
    }
  }
  return files.sort();
}

/** A `.ann` and the `.txt` beside it as a CASIE document, its sourcefile the `.txt`'s name. */
export async function readBratFile(file: string, tagset: Tagset): Promise<ReadBratFile> {
  const name = path.basename(file, ".ann");
  const textFile = path.join(path.dirname(file), `${name}.txt`);
  const [text, annotations] = await Promise.all([readFile(textFile, "utf8").catch(() => undefined), readFile(file, "utf8")]);
  if (text === undefined) return { file, name, document: null, errors: [`no ${path.basename(textFile)} beside it`], warnings: [] };
  return { file, name, ...bratToCasie(text, annotations, { sourcefile: `${name}.txt`, tagset }) };
}

const BATCH_SIZE = 250;

/** Every document of the project written as `<name>.txt` and `<name>.ann` (its export file name) from its gold set; returns how many. */
export async function exportProjectToBrat(projectName: string, outDir: string, { client }: { client: DatabasePool }): Promise<number> {
  const { rows: projects } = await client.pool.query<{ id: string; tagset: Tagset }>('SELECT "id", "tagset" FROM "Project" WHERE "name" = $1', [
    projectName,
  ]);
  if (!projects.length) throw new Error(`no project named "${projectName}"`);
  const documents = await projectExportFileNames(projects[0].id, client);
  const fileNameOf = new Map(documents.map((document) => [document.id, document.fileName]));
  await mkdir(outDir, { recursive: true });
  let written = 0;
  for (let start = 0; start < documents.length; start += BATCH_SIZE) {
    const batch = await loadGoldDocuments(
      documents.slice(start, start + BATCH_SIZE).map((document) => document.id),
      client,
    );
    for (const stored of batch) {
      const files = casieToBrat(stored.casie, projects[0].tagset);
      const name = fileNameOf.get(stored.id)!;
      await writeWhole(path.join(outDir, `${name}.txt`), files.text);
      await writeWhole(path.join(outDir, `${name}.ann`), files.annotations);
      written++;
    }
  }
  return written;
}

/** Written beside and renamed, so an interrupted export never leaves a truncated file. */
async function writeWhole(file: string, text: string): Promise<void> {
  await writeFile(`${file}.partial`, text, "utf8");
  await rename(`${file}.partial`, file);
}
